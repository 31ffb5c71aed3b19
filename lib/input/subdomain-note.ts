/**
 * The notes for an accepted entry (a subdomain; a name read out of a web or e-mail address), on their own: the page
 * renders them from an already parsed list, so they must not pull the parser (and the Public Suffix List) into the
 * page's first JavaScript. Pure and browser-safe.
 */
import type { MessageRef } from '@/lib/schema';
import type { NormalizedDomain } from './normalize';

/** The note shown for an accepted subdomain (`input.note.subdomain`), or null for a registrable domain. */
export function subdomainNote(domain: NormalizedDomain): MessageRef | null {
  if (!domain.isSubdomain) return null;
  return {
    code: 'input.note.subdomain',
    params: { domain: domain.display, registrable: displayOf(domain.registrable, domain) },
  };
}

/** The registrable domain in Unicode: it is a suffix of the domain, so take the matching tail of `display`. */
function displayOf(registrable: string, domain: NormalizedDomain): string {
  const labels = registrable.split('.').length;
  return domain.display.split('.').slice(-labels).join('.');
}

/**
 * The note for a name read out of a web or e-mail address (`input.note.address`: "Checked northwind.com.cn, from
 * https://www.northwind.com.cn/"), or null for a name entered as itself.
 */
export function addressNote(domain: Pick<NormalizedDomain, 'display' | 'entered'>): MessageRef | null {
  if (domain.entered === undefined) return null;
  return { code: 'input.note.address', params: { domain: domain.display, entered: domain.entered } };
}

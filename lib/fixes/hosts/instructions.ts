/**
 * Which instructions page to link for a host in a given cloud and page language (docs/m365-dns-facts.md
 * §host-links, §host-links-gov, §host-links-21vianet). Pure.
 */
import { REFERENCES } from '@/lib/findings/catalogue';
import type { EffectiveCloud } from '@/lib/schema';
import { GENERIC_INSTRUCTIONS_URL } from './catalogue';
import type { HostEntry, InstructionsKind } from './types';

export const VIEW_21VIANET = 'view=o365-21vianet';

/** A link to show, and, where it helps, the host's own help beside it (whose example values are commercial). */
export type InstructionsLink = {
  url: string;
  kind: InstructionsKind;
  /** The host's own page (or Microsoft's page for the host), shown second: its examples use commercial values. */
  hostHelp?: { url: string; kind: 'microsoft' | 'host' };
};

/** The host's page in the page language: a host's own Chinese help on zh-CN pages where there is one. */
function inLanguage(host: HostEntry, lang: string): string {
  return lang === 'zh-CN' && host.instructions.urlZh ? host.instructions.urlZh : host.instructions.url;
}

/**
 * The instructions for `host` in `cloud`:
 * - Worldwide, GCC and unknown get the catalogue link.
 * - GCC High and DoD get their cloud's own DNS records page first: Microsoft's host pages (GoDaddy, Cloudflare…)
 *   and the generic page list commercial values. The host's help is kept as a second link, flagged as commercial.
 * - 21Vianet: Microsoft's host pages carry worldwide values and have no 21Vianet view, so Microsoft-page hosts get
 *   the generic page in its 21Vianet view; a host's own help pages are kept (they describe the console).
 */
export function instructionsFor(host: HostEntry, cloud: EffectiveCloud = 'unknown', lang = 'en'): InstructionsLink {
  const own = { url: inLanguage(host, lang), kind: host.instructions.kind };
  if (cloud === 'gcchigh' || cloud === 'dod') {
    const help = own.kind === 'microsoft' || own.kind === 'host' ? { url: own.url, kind: own.kind } : undefined;
    return { url: REFERENCES[cloud], kind: 'cloud', ...(help && !host.managedByMicrosoft ? { hostHelp: help } : {}) };
  }
  if (cloud !== '21vianet' || own.kind === 'host') return own;
  return { url: `${GENERIC_INSTRUCTIONS_URL}?${VIEW_21VIANET}`, kind: 'generic' };
}

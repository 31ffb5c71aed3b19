/**
 * A whole pasted list: split, normalise each entry, collapse duplicates, count against the cap.
 * One zod schema serves the form (browser) and the route (server). Pure and browser-safe.
 */
import { z } from 'zod';
import { catalogueFor, formatMessage } from '@/lib/messages';
import type { InvalidEntry, MessageRef } from '@/lib/schema';
import { type NormalizedDomain, type NormalizeOptions, normalizeDomain, toDisplay } from './normalize';
import { type RawEntry, splitDomainInput } from './split';

export type ParsedEntry = RawEntry & NormalizedDomain;
export type DuplicateEntry = RawEntry & { ascii: string; firstLine: number };
export type DomainList = {
  /** Unique accepted domains, in the order entered (first occurrence). */
  domains: ParsedEntry[];
  /** One entry per rejected entry, in the order entered; `reason` is catalogue text. */
  invalid: InvalidEntry[];
  /** Later occurrences of a name already in `domains` (same ASCII form). */
  duplicates: DuplicateEntry[];
  /** Set when `domains.length` exceeds `maxDomains`; everything is still returned. */
  overLimit: { limit: number; count: number } | null;
};
export type DomainListOptions = NormalizeOptions & { maxDomains: number; lang?: string };

/** How much of a too-long entry is echoed back in `InvalidEntry.input`. */
const ECHO_LIMIT = 80;

function echo(input: string): string {
  const chars = Array.from(input);
  return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : input;
}

/**
 * Parses pasted text or an array of strings into unique domains, rejected entries (with line, code and a plain
 * reason in `lang`) and duplicates. Never throws. Reports `overLimit` instead of truncating, so the caller can
 * show the whole list and decide (the route answers 413).
 */
export function parseDomainList(input: string | readonly string[], options: DomainListOptions): DomainList {
  const catalogue = catalogueFor(options.lang);
  const domains: ParsedEntry[] = [];
  const invalid: InvalidEntry[] = [];
  const duplicates: DuplicateEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const entry of splitDomainInput(input)) {
    const result = normalizeDomain(entry.input, options);
    if (!result.ok) {
      invalid.push({
        line: entry.line,
        input: result.code === 'too-long-input' ? echo(entry.input) : entry.input,
        code: result.code,
        reason: formatMessage(catalogue, `input.reject.${result.code}`, result.params),
      });
      continue;
    }
    const { ascii } = result.domain;
    const first = firstLine.get(ascii);
    if (first !== undefined) {
      duplicates.push({ ...entry, ascii, firstLine: first });
      continue;
    }
    firstLine.set(ascii, entry.line);
    domains.push({ ...entry, ...result.domain });
  }
  const overLimit = domains.length > options.maxDomains ? { limit: options.maxDomains, count: domains.length } : null;
  return { domains, invalid, duplicates, overLimit };
}

/**
 * zod schema factory used by the form (browser) and the route (server): accepts the raw `domains` field
 * (text or array of strings) and transforms it into a DomainList. It fails only when the field has the wrong
 * type; empty lists, rejected entries and the cap are reported in the DomainList for the caller to act on.
 */
export function domainListSchema(options: DomainListOptions): z.ZodType<DomainList, string | string[]> {
  return z.union([z.string(), z.array(z.string())]).transform((input) => parseDomainList(input, options));
}

/** The note shown for an accepted subdomain (`input.note.subdomain`), or null for a registrable domain. */
export function subdomainNote(domain: NormalizedDomain): MessageRef | null {
  if (!domain.isSubdomain) return null;
  return {
    code: 'input.note.subdomain',
    params: { domain: domain.display, registrable: displayOf(domain.registrable, domain) },
  };
}

/** The note for a duplicate entry (`input.note.duplicate`). */
export function duplicateNote(duplicate: DuplicateEntry): MessageRef {
  return {
    code: 'input.note.duplicate',
    params: {
      input: duplicate.input,
      line: duplicate.line,
      firstLine: duplicate.firstLine,
      domain: toDisplay(duplicate.ascii),
    },
  };
}

/** The registrable domain in Unicode: it is a suffix of the domain, so take the matching tail of `display`. */
function displayOf(registrable: string, domain: NormalizedDomain): string {
  const labels = registrable.split('.').length;
  return domain.display.split('.').slice(-labels).join('.');
}

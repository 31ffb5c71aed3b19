/**
 * A whole pasted list: split, normalise each entry, collapse duplicates, count against the cap. This half
 * holds no catalogue and no zod, so the page can load it on its own (lib/client/input-check.ts) with the one
 * catalogue it has; `domain-list.ts` adds the catalogue lookup and the zod schema. Pure and browser-safe.
 */
import type { InvalidEntry, MessageRef } from '@/lib/schema';
import { type NormalizedDomain, type NormalizeOptions, normalizeDomain, toDisplay } from './normalize';
import { type RawEntry, splitDomainInput } from './split';

export { subdomainNote } from './subdomain-note';

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
export type ParseListOptions = NormalizeOptions & { maxDomains: number };
/** The text of a message (`input.reject.<code>` with its params) in the reader's language. */
export type ReasonText = (ref: MessageRef) => string;

/** How much of a too-long entry is echoed back in `InvalidEntry.input`. */
const ECHO_LIMIT = 80;

function echo(input: string): string {
  const chars = Array.from(input);
  return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : input;
}

/**
 * Parses pasted text or an array of strings into unique domains, rejected entries (with line, code and the
 * reason `reasonText` gives for `input.reject.<code>`) and duplicates. Never throws. Reports `overLimit` instead
 * of truncating, so the caller can show the whole list and decide (the route answers 413).
 */
export function parseEntries(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
): DomainList {
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
        reason: reasonText({ code: `input.reject.${result.code}`, params: result.params }),
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

/** One domain, or why there isn't exactly one: `invalid` carries the rejected entry when there was one. */
export type OneDomain = { ok: true; domain: ParsedEntry } | { ok: false; several: boolean; invalid?: InvalidEntry };

/**
 * The one domain of a single-domain input (`GET /api/check?domain=`, the `/d/<domain>` page): exactly one valid
 * entry, else not ok with the rejected entry (when the one entry was invalid) or `several`.
 */
export function parseOneDomain(input: string, options: NormalizeOptions, reasonText: ReasonText): OneDomain {
  const list = parseEntries(input, { ...options, maxDomains: 1 }, reasonText);
  const [domain, ...rest] = list.domains;
  if (domain && rest.length === 0) return { ok: true, domain };
  return { ok: false, several: rest.length > 0, ...(list.invalid[0] ? { invalid: list.invalid[0] } : {}) };
}

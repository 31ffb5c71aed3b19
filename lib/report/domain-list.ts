/**
 * A whole pasted list (see parse-list.ts) with its reasons in the catalogue's language, and the zod schema
 * that serves the API routes. Pure and browser-safe; the page itself uses parse-list.ts with its one catalogue.
 */
import { z } from 'zod';
import type { NormalizeOptions } from '@/lib/input/normalize';
import {
  type DomainList,
  type OneDomain,
  type ParseListOptions,
  parseEntries,
  parseEntriesInSlices,
  parseOneDomain,
  type ReasonText,
  type SliceOptions,
} from '@/lib/input/parse-list';
import { catalogueFor, formatRef } from '@/lib/messages';

export {
  type DomainList,
  type DuplicateEntry,
  duplicateNote,
  type ParsedEntry,
  subdomainNote,
} from '@/lib/input/parse-list';

export type DomainListOptions = ParseListOptions & { lang?: string };

/**
 * Parses pasted text or an array of strings into unique domains, rejected entries (with line, code and a plain
 * reason in `lang`) and duplicates. Never throws. Reports `overLimit` instead of truncating, so the caller can
 * show the whole list and decide (the route answers 413).
 */
export function parseDomainList(input: string | readonly string[], options: DomainListOptions): DomainList {
  return parseEntries(input, options, reasonTextIn(options.lang));
}

/** The reason of a rejected entry in `lang` (the catalogue's text of its message reference). */
export function reasonTextIn(lang: string | undefined): ReasonText {
  const catalogue = catalogueFor(lang);
  return (ref) => formatRef(catalogue, ref);
}

/** `parseDomainList` in slices (see `parseEntriesInSlices`): the same list, or null when aborted. */
export function parseDomainListInSlices(
  input: string | readonly string[],
  options: DomainListOptions,
  slices: SliceOptions,
): Promise<DomainList | null> {
  return parseEntriesInSlices(input, options, reasonTextIn(options.lang), slices);
}

/**
 * zod schema factory used by the API routes: accepts the raw `domains` field (text or array of strings) and
 * transforms it into a DomainList. It fails only when the field has the wrong type; empty lists, rejected
 * entries and the cap are reported in the DomainList for the caller to act on.
 */
export function domainListSchema(options: DomainListOptions): z.ZodType<DomainList, string | string[]> {
  return z.union([z.string(), z.array(z.string())]).transform((input) => parseDomainList(input, options));
}

/** `parseOneDomain` with the rejected entry's reason in `lang`. */
export function parseOneDomainIn(input: string, options: NormalizeOptions, lang: string | undefined): OneDomain {
  const catalogue = catalogueFor(lang);
  return parseOneDomain(input, options, (ref) => formatRef(catalogue, ref));
}

/**
 * The count of rejected lines, on its own: the page shows it from an already parsed list, so it must not pull the
 * parser (and the Public Suffix List) into the page's first JavaScript. Pure and browser-safe.
 */
import type { InvalidEntry } from '@/lib/schema';

/** How many lines hold a rejected entry (a line with two rejected entries counts once). */
export function rejectedLineCount(invalid: readonly Pick<InvalidEntry, 'line'>[]): number {
  return new Set(invalid.map((entry) => entry.line)).size;
}

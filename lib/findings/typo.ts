/**
 * Near-miss detection for CNAME values: edit distance, a character diff and the kind of slip.
 * Pure and synchronous.
 */

import { normalizeName } from '@/lib/lookups/dns-names';
import type { DiffPart, Typo } from '@/lib/schema';

/** A value at most this many edits away from the expected one is treated as a typo. */
export const MAX_TYPO_DISTANCE = 3;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1 (a swap is the most common typing slip).
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Character diff from `found` to `expected` (longest common subsequence). Read it against the found
 * value: `removed` is text in `found` that should not be there, `added` is text from `expected` that
 * `found` lacks. Joining `same`+`removed` gives `found`; joining `same`+`added` gives `expected`.
 */
export function charDiff(found: string, expected: string): DiffPart[] {
  const n = found.length;
  const m = expected.length;
  const width = m + 1;
  // lcs[i][j] = length of the LCS of found[i:] and expected[j:]
  const lcs = new Array<number>((n + 1) * width).fill(0);
  const at = (i: number, j: number): number => lcs[i * width + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = found[i] === expected[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], ch: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else parts.push({ kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && found[i] === expected[j]) {
      push('same', found[i] ?? '');
      i++;
      j++;
    } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
      push('removed', found[i] ?? '');
      i++;
    } else {
      push('added', expected[j] ?? '');
      j++;
    }
  }
  return parts;
}

/** Plain-text form of a diff for messages: `same[-removed][+added]`. */
export function diffText(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}]` : `[+${p.text}]`))
    .join('');
}

/**
 * Classifies `found` as a near miss of `expected`, or returns undefined (equal, or too different).
 * Checked in order: `tld-swap` (only the last label differs, e.g. `.com` for `.cn`), `missing-label`
 * (exactly one label of `expected` left out, e.g. no `partner.`), then `edit-distance` (≤ 3 edits).
 * Names are compared lower-case without trailing dots.
 */
export function nearMiss(found: string, expected: string): Typo | undefined {
  const f = normalizeName(found);
  const e = normalizeName(expected);
  if (f === '' || f === e) return undefined;
  const fl = f.split('.');
  const el = e.split('.');
  const distance = editDistance(f, e);
  const typo = (kind: Typo['kind']): Typo => ({ expected: e, found: f, distance, kind, diff: charDiff(f, e) });
  if (fl.length === el.length && fl.length > 1 && fl.slice(0, -1).join('.') === el.slice(0, -1).join('.')) {
    return typo('tld-swap');
  }
  if (fl.length === el.length - 1 && el.some((_, k) => el.filter((__, x) => x !== k).join('.') === f)) {
    return typo('missing-label');
  }
  return distance <= MAX_TYPO_DISTANCE ? typo('edit-distance') : undefined;
}

/**
 * DNS data is hostile text. Before it is shown, invisible and direction-changing characters are made
 * visible as `\uXXXX` escapes (so U+202E cannot reverse what follows it, and a zero-width space cannot hide
 * in a host name) and long values are cut to a preview. The result is rendered only as React text.
 */

/** C0/C1 controls, soft hyphen, bidi marks/embeddings/isolates, zero-width and other invisible format characters. */
const INVISIBLE =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

export type TextSegment = { kind: 'text' | 'escape'; text: string };

/** Preview length, in characters (code points), of a long value. */
export const PREVIEW_CHARS = 200;

/** `\u202E` for U+202E: four upper-case hex digits. */
export function escapeChar(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Splits text into plain runs and escapes for invisible characters, in order. Joined, they read losslessly. */
export function toVisibleSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    segments.push({ kind: 'escape', text: escapeChar(match[0]) });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The whole value as one visible string (escapes inline), e.g. for an accessible name. */
export function toVisibleText(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

/** True when the value has more than `limit` characters (code points, so emoji are not split). */
export function isLong(text: string, limit = PREVIEW_CHARS): boolean {
  if (text.length <= limit) return false;
  return Array.from(text).length > limit;
}

/** The first `limit` characters (code points) of the value. */
export function preview(text: string, limit = PREVIEW_CHARS): string {
  if (!isLong(text, limit)) return text;
  return Array.from(text).slice(0, limit).join('');
}

/** Character count in code points (what the "show all (N characters)" toggle states). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

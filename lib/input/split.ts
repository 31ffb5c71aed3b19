/**
 * Step 1 of the input pipeline: cut pasted text into entries, keeping line numbers.
 * Pure and browser-safe.
 */
import { removeInvisible } from './normalize';

export type RawEntry = { line: number; input: string };

/** One line of the text (or of an array item), before it is cut into entries. */
export type RawLine = {
  line: number;
  text: string;
  /** How much of the input is read once this line is: characters of a text, items of an array. */
  read: number;
};

const LINE_BREAK = /\r\n|\r|\n/;
/**
 * White space (except U+FEFF, which is removed later as an invisible character), commas and semicolons,
 * also the full-width and ideographic forms a Chinese or Japanese keyboard types.
 */
const SEPARATORS = /(?:[^\S\uFEFF]|[,;\uFF0C\uFF1B\u3001])+/u;
const SEPARATORS_ALL = new RegExp(SEPARATORS.source, 'gu');

/** The part of a line before its `#` comment. */
export function lineContent(text: string): string {
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(0, hash) : text;
}

/** The entries of one line: its content cut at separators, empty and invisible-only pieces dropped. */
export function entriesOfLine(text: string): string[] {
  // An entry of invisible characters only (a stray zero-width space from a document) counts as empty.
  return lineContent(text)
    .split(SEPARATORS)
    .filter((piece) => removeInvisible(piece) !== '');
}

/** Where each entry of a line starts and ends (the same entries as `entriesOfLine`, in order). */
export function entrySpans(text: string): Array<{ start: number; end: number; input: string }> {
  const content = lineContent(text);
  const spans: Array<{ start: number; end: number; input: string }> = [];
  let start = 0;
  for (const separator of content.matchAll(SEPARATORS_ALL)) {
    spans.push({ start, end: separator.index, input: content.slice(start, separator.index) });
    start = separator.index + separator[0].length;
  }
  spans.push({ start, end: content.length, input: content.slice(start) });
  return spans.filter((span) => removeInvisible(span.input) !== '');
}

/** The position after the line break that ends the line starting at `from` (the text's length for the last). */
function lineEnd(text: string, from: number): { end: number; next: number } {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { end: text.length, next: text.length + 1 };
}

/**
 * The lines of a text (new lines: LF, CRLF or CR) or of an array of strings, one at a time, so a long input is
 * never copied into one big array of lines. `line` is 1-based: the line of the text, or the array index + 1 (an
 * item's own lines share its number).
 */
export function* linesOf(input: string | readonly string[]): Generator<RawLine> {
  if (typeof input === 'string') {
    let line = 1;
    let from = 0;
    while (from <= input.length) {
      const { end, next } = lineEnd(input, from);
      yield { line, text: input.slice(from, end), read: Math.min(next, input.length) };
      line += 1;
      from = next;
    }
    return;
  }
  for (let index = 0; index < input.length; index += 1) {
    for (const text of (input[index] ?? '').split(LINE_BREAK)) yield { line: index + 1, text, read: index + 1 };
  }
}

/**
 * Splits one text (new lines, commas, semicolons, spaces, tabs) or an array of strings into entries.
 * Drops empty entries and `#` comments (to the end of the line). `line` is 1-based: the line of the text,
 * or the array index + 1 (an array item may itself hold several entries; they share its number).
 */
export function splitDomainInput(input: string | readonly string[]): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const { line, text } of linesOf(input)) {
    for (const piece of entriesOfLine(text)) entries.push({ line, input: piece });
  }
  return entries;
}

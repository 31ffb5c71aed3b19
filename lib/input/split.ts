/**
 * Step 1 of the input pipeline: cut pasted text into entries, keeping line numbers.
 * Pure and browser-safe.
 */
import { removeInvisible } from './normalize';

export type RawEntry = { line: number; input: string };

const LINE_BREAK = /\r\n|\r|\n/;
/**
 * White space (except U+FEFF, which is removed later as an invisible character), commas and semicolons,
 * also the full-width and ideographic forms a Chinese or Japanese keyboard types.
 */
const SEPARATORS = /(?:[^\S\uFEFF]|[,;\uFF0C\uFF1B\u3001])+/u;

function entriesOfLine(text: string): string[] {
  const hash = text.indexOf('#');
  const content = hash >= 0 ? text.slice(0, hash) : text;
  // An entry of invisible characters only (a stray zero-width space from a document) counts as empty.
  return content.split(SEPARATORS).filter((piece) => removeInvisible(piece) !== '');
}

/**
 * Splits one text (new lines, commas, semicolons, spaces, tabs) or an array of strings into entries.
 * Drops empty entries and `#` comments (to the end of the line). `line` is 1-based: the line of the text,
 * or the array index + 1 (an array item may itself hold several entries; they share its number).
 */
export function splitDomainInput(input: string | readonly string[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const push = (line: number, text: string) => {
    for (const piece of entriesOfLine(text)) entries.push({ line, input: piece });
  };
  if (typeof input === 'string') {
    input.split(LINE_BREAK).forEach((text, index) => {
      push(index + 1, text);
    });
  } else {
    input.forEach((item, index) => {
      for (const text of item.split(LINE_BREAK)) push(index + 1, text);
    });
  }
  return entries;
}

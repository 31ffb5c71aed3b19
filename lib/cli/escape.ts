/**
 * Text for a terminal: DNS data is attacker-controlled (a TXT record can hold escape sequences that recolour,
 * move the cursor or rewrite a line, and bidi overrides that reverse what is read), so every character that is not
 * plain printable text is shown as an escape (`\x1b`, `\u202e`). Pure.
 */

/** C0 controls but tab, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators. */
const UNSAFE =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** UNSAFE less C0: JSON.stringify escapes those in strings, and the ones left are its own whitespace. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** `text` with every unsafe character escaped (a backslash stays a backslash: the escapes are for reading). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON text with the same characters written as `\uXXXX` escapes: still the same JSON value, but nothing in it
 * acts on a terminal. (JSON.stringify already escapes C0 controls; DEL, C1 and bidi characters it writes raw.)
 */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/**
 * lz-string's `decompressFromEncodedURIComponent` with a bound on what it may produce. LZ decompression grows
 * quadratically in the worst case: a 5 KB `z` decompresses to 4,000,000 characters, so the caller's limit is
 * checked before each piece is added, and decompression stops as soon as it would be passed (the dictionary
 * holds no more than the output, so it is bounded too). lz-string 1.5 has no such option; this is its
 * `_decompress` (MIT, pieroxy) for the URI-safe alphabet, unchanged apart from the bound.
 * Pure and browser-safe; never throws.
 */

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE: ReadonlyMap<string, number> = new Map([...URI_SAFE].map((c, i) => [c, i]));

export type BoundedText = { ok: true; text: string } | { ok: false; reason: 'too-long' | 'unreadable' };

/**
 * Decompresses an lz-string `compressToEncodedURIComponent` value. `too-long` as soon as the text would pass
 * `maxChars` characters; `unreadable` when `z` is not such a value (what lz-string answers with null or '').
 */
export function decompressBounded(z: string, maxChars: number): BoundedText {
  const input = z.replace(/ /g, '+'); // a `+` that became a space in a query, as lz-string does
  if (input.length === 0) return { ok: false, reason: 'unreadable' };
  const read = (i: number): number => VALUE.get(input.charAt(i)) ?? 0; // past the end: zero bits, as in lz-string
  let value = read(0);
  let position = 32;
  let index = 1;
  const nextBits = (count: number): number => {
    let bits = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      if (value & position) bits += power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = read(index++);
      }
    }
    return bits;
  };
  const tooLong: BoundedText = { ok: false, reason: 'too-long' };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = nextBits(2);
  if (first === 2) return { ok: true, text: '' }; // the empty text
  if (first === 3) return { ok: false, reason: 'unreadable' };
  let w = String.fromCharCode(nextBits(first === 0 ? 8 : 16));
  if (w.length > maxChars) return tooLong;
  dictionary.push(w);
  const result: string[] = [w];
  let total = w.length;
  for (;;) {
    if (index > input.length) return { ok: false, reason: 'unreadable' };
    let code = nextBits(numBits);
    if (code === 2) return { ok: true, text: result.join('') };
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(nextBits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      enlargeIn--;
      if (enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry = dictionary[code];
    if (entry === undefined) {
      if (code !== dictionary.length) return { ok: false, reason: 'unreadable' };
      entry = w + w.charAt(0);
    }
    total += entry.length;
    if (total > maxChars) return tooLong;
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

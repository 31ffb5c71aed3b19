/**
 * The per-record rows stored with each result of a list run (`result_records`): for every record row of a check,
 * its count bucket (lib/findings/summary.ts), a hash of what DNS held, and that value shortened. Changes and
 * timelines read these rows, never the packed reports. Pure.
 */
import { bucketOf } from '@/lib/findings/summary';
import type { CheckResult } from '@/lib/schema';
import type { RecordState } from './changes';

/** The longest value kept as text (the hash covers all of it). */
export const VALUE_TEXT_MAX = 200;

export type StoredRecord = { record: string; status: RecordState; valueHash: string; value: string };

/**
 * cyrb53: a fast 53-bit string hash (public domain, bryc). Not for security: it tells "the value changed" apart
 * from "the same value", where a collision costs a missed "changed value" once in 2^53.
 */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Every record row of `result` as it is stored: the value hash covers the record's detailed status and every
 * value found (sorted: the order DNS hands records out in is not a change).
 */
export function recordStates(result: Pick<CheckResult, 'records'>): StoredRecord[] {
  return result.records.map((row) => {
    const found = [...row.found].sort();
    const text = found.join(' | ');
    return {
      record: row.id,
      status: bucketOf(row),
      valueHash: hash53(JSON.stringify([row.status, found])),
      value: text.length > VALUE_TEXT_MAX ? `${text.slice(0, VALUE_TEXT_MAX - 1)}…` : text,
    };
  });
}

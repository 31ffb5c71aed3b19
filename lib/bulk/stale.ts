/**
 * How old the bulk results are, for the banner shown once they pass the configured age (`STALE_AFTER_H`).
 * Pure: the caller passes the clock.
 */
import { staleRows } from './table-model';

export type AgeUnit = 'minute' | 'hour' | 'day';
/** An age rounded down to a whole number of its largest fitting unit (at least 1 minute). */
export type Age = { value: number; unit: AgeUnit };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `ms` as "3 days", "5 hours" or "12 minutes" parts (rounded down; under a minute counts as 1 minute). */
export function ageOf(ms: number): Age {
  if (ms >= 2 * DAY) return { value: Math.floor(ms / DAY), unit: 'day' };
  if (ms >= HOUR) return { value: Math.floor(ms / HOUR), unit: 'hour' };
  return { value: Math.max(1, Math.floor(ms / MINUTE)), unit: 'minute' };
}

export type Staleness = {
  /** Rows checked longer ago than the limit (an unreadable `checkedAt` counts as stale). */
  stale: number;
  /** The oldest readable `checkedAt`, or null when no row has one. */
  oldest: string | null;
  /** How old the oldest row is, or null as above. */
  age: Age | null;
};

/** Whether any row is older than `maxAgeMs` at `now`, and how old the oldest one is. */
export function staleness(rows: readonly { checkedAt: string }[], now: Date, maxAgeMs: number): Staleness {
  let oldest: string | null = null;
  let oldestAt = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const at = Date.parse(row.checkedAt);
    if (!Number.isNaN(at) && at < oldestAt) {
      oldestAt = at;
      oldest = row.checkedAt;
    }
  }
  return {
    stale: staleRows(rows, now, maxAgeMs).length,
    oldest,
    age: oldest === null ? null : ageOf(Math.max(0, now.getTime() - oldestAt)),
  };
}

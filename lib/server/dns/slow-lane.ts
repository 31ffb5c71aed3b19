/**
 * A slow lane for concurrency caps. Work that has held a slot for `slowAfterMs` (a domain or a lookup
 * waiting out a timeout: a server that drops queries) gives its slot back to the cap and goes on in the slow
 * lane, which holds at most `maxSlow` of them. So a slow domain never holds a slot that fast domains need,
 * and everything stays bounded: at most cap + maxSlow at once. One sweep timer per lane, not one per item.
 */

export type SlowLane = {
  /**
   * Watches work that holds a slot. `demote` is called at most once, when the work has held the slot for
   * `slowAfterMs` and the lane has room: the caller gives the slot back then. Returns `done`, to call when the
   * work ends: true when it was demoted (its slot is already back), false when the caller must free it.
   */
  watch(demote: () => void): () => boolean;
  /** Items in the slow lane now. */
  slow(): number;
};

type Entry = { since: number; demote: () => void; demoted: boolean };

/** A slow lane; `now` is for tests. */
export function createSlowLane(options: { slowAfterMs: number; maxSlow: number; now?: () => number }): SlowLane {
  const now = options.now ?? (() => performance.now());
  const watched = new Set<Entry>();
  let slow = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const sweep = () => {
    const at = now();
    for (const entry of watched) {
      if (slow >= options.maxSlow) break;
      // Entries are in the order they started: once one is too young, so are the rest.
      if (at - entry.since < options.slowAfterMs) break;
      watched.delete(entry);
      entry.demoted = true;
      slow++;
      entry.demote();
    }
    if (watched.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  return {
    watch(demote) {
      const entry: Entry = { since: now(), demote, demoted: false };
      watched.add(entry);
      if (timer === null) {
        timer = setInterval(sweep, Math.max(10, Math.floor(options.slowAfterMs / 4)));
        timer.unref?.();
      }
      let ended = false;
      return () => {
        if (ended) return entry.demoted;
        ended = true;
        if (entry.demoted) {
          slow--;
          return true;
        }
        watched.delete(entry);
        return false;
      };
    },
    slow: () => slow,
  };
}

/**
 * How long a domain or a lookup holds its slot before it counts as slow: a quarter of a query attempt's
 * timeout, between 200 ms and 1 s (a live domain is checked in tens of milliseconds).
 */
export function slowAfter(timeoutMs: number): number {
  return Math.max(200, Math.min(1000, Math.floor(timeoutMs / 4)));
}

/**
 * MAX_NAMES_PER_REGISTRABLE as a sliding window per client: how many distinct names under one registrable
 * domain a client has had checked in the last NAMES_PER_REGISTRABLE_WINDOW_S seconds, whatever the number of
 * requests (or runs) they came in. A name already counted is admitted again for free (a re-check, a page
 * reload) and its time is refreshed; a new one only while fewer than the cap are counted. Without it, the cap
 * was per request, and back-to-back requests multiplied it.
 *
 * In memory, per process (on globalThis, so every route bundle shares it), and bounded: a bucket (client ×
 * registrable) holds at most the cap, buckets idle for the whole window are dropped, and past `maxNames` names
 * in all the least recently used buckets go first. A list is planned, then committed only when it is going to be
 * checked (a request refused for another reason counts nothing); both are synchronous, so two requests of one
 * client can't both take the last place.
 */

export type Admission = { ok: true } | { ok: false; count: number };

/** What `plan` decided for a list: one admission per entry, and the call that counts the admitted ones. */
export type NamesPlan = {
  admissions: Admission[];
  /** Counts the admitted names in the window (refreshing those already counted). Call it at once, or not at all. */
  commit(): void;
};

export type NamesWindow = {
  /**
   * Decides, in order, which of `entries` (distinct ASCII names with their registrable domain) `client` may have
   * checked at `nowMs`: a name already counted in the window is admitted; a new one while fewer than the cap are
   * counted under its registrable domain (those admitted before it in `entries` included); otherwise not, with
   * the number it would have been (the cap + 1). Nothing is counted until `commit()`, which must follow without
   * an `await` in between (so two requests can't both take the last place).
   */
  plan(client: string, entries: readonly NameEntry[], nowMs?: number): NamesPlan;
  /** Names held in all buckets. */
  size(): number;
};

export type NameEntry = { registrable: string; name: string };

export type NamesWindowOptions = {
  /** Distinct names per client and registrable domain within the window. */
  maxPerRegistrable: number;
  windowMs: number;
  /** Bound on the names held in all (default 100,000: a few MB). */
  maxNames?: number;
};

/** One client's names under one registrable domain, oldest use first (a use moves a name to the end). */
type Bucket = { names: Map<string, number>; touched: number };

/** A sliding window of names per client and registrable domain (see the module comment). */
export function createNamesWindow(options: NamesWindowOptions): NamesWindow {
  const maxNames = options.maxNames ?? 100_000;
  // Least recently used first: a bucket is moved to the end whenever it counts a name.
  const buckets = new Map<string, Bucket>();
  let total = 0;

  const drop = (key: string, bucket: Bucket) => {
    buckets.delete(key);
    total -= bucket.names.size;
  };
  /** Buckets whose last use is older than the window hold nothing that still counts. */
  const sweep = (cutoff: number) => {
    for (const [key, bucket] of buckets) {
      if (bucket.touched > cutoff) break;
      drop(key, bucket);
    }
  };
  const prune = (bucket: Bucket, cutoff: number) => {
    for (const [name, seen] of bucket.names) {
      if (seen > cutoff) break;
      bucket.names.delete(name);
      total--;
    }
  };
  const keyOf = (client: string, registrable: string) => `${client}\n${registrable}`;

  return {
    plan(client, entries, nowMs = Date.now()) {
      const cutoff = nowMs - options.windowMs;
      sweep(cutoff);
      /** Per registrable domain: names counted now, and the new ones this plan admits. */
      const seen = new Map<string, { bucket: Bucket | undefined; added: Set<string> }>();
      const admitted: NameEntry[] = [];
      const admissions = entries.map((entry): Admission => {
        let state = seen.get(entry.registrable);
        if (!state) {
          const bucket = buckets.get(keyOf(client, entry.registrable));
          if (bucket) prune(bucket, cutoff);
          state = { bucket, added: new Set() };
          seen.set(entry.registrable, state);
        }
        const counted = state.bucket?.names.has(entry.name) === true || state.added.has(entry.name);
        const size = (state.bucket?.names.size ?? 0) + state.added.size;
        if (!counted && size >= options.maxPerRegistrable) return { ok: false, count: size + 1 };
        if (!counted) state.added.add(entry.name);
        admitted.push(entry);
        return { ok: true };
      });
      const commit = () => {
        for (const { registrable, name } of admitted) {
          const key = keyOf(client, registrable);
          const bucket = buckets.get(key) ?? { names: new Map<string, number>(), touched: nowMs };
          if (bucket.names.has(name)) bucket.names.delete(name);
          else total++;
          bucket.names.set(name, nowMs);
          bucket.touched = nowMs;
          buckets.delete(key);
          buckets.set(key, bucket);
        }
        // Over the bound: the least recently used buckets go (never the ones just used, which are last).
        for (const [key, bucket] of buckets) {
          if (total <= maxNames || bucket.touched === nowMs) break;
          drop(key, bucket);
        }
      };
      return { admissions, commit };
    },
    size: () => total,
  };
}

const WINDOW_KEY = Symbol.for('m365-dns-health.names-window');
type WithWindow = typeof globalThis & { [WINDOW_KEY]?: NamesWindow };

/** The process's window for the configured cap and window. */
export function getNamesWindow(config: { maxNamesPerRegistrable: number; namesWindowS: number }): NamesWindow {
  const g = globalThis as WithWindow;
  g[WINDOW_KEY] ??= createNamesWindow({
    maxPerRegistrable: config.maxNamesPerRegistrable,
    windowMs: config.namesWindowS * 1000,
  });
  return g[WINDOW_KEY];
}

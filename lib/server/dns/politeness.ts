/**
 * The politeness cap of the authoritative path (AUTH_QPS_PER_SERVER): at most `qps` queries to one server address
 * in ANY one-second window, in the order they asked (FIFO per address).
 *
 * A sliding log of the times queries were let through, not a fixed window: rate-limiter-flexible's fixed
 * one-second windows (what this replaced) let up to twice the cap through in a second that straddles two windows.
 * A query goes when the one `qps` places before it went a full second ago; its own time is taken when it goes (not
 * when it was planned), so a late timer never squeezes two batches together. Waiters of one address queue behind
 * each other; an aborted waiter leaves the queue without a slot. Idle addresses are forgotten.
 *
 * For the process: the log lives in a SharedArrayBuffer that the main thread hands to every check worker
 * (`sharedSlots`), so the main thread and the workers together stay within the cap while each may use all of it.
 * An address is hashed into one of SHARED_BUCKETS buckets, each with a lock and the last `qps` send times; two
 * addresses in one bucket share a cap (the polite side). Clocks: `performance.timeOrigin + performance.now()`,
 * the same in every thread. Caps above MAX_SHARED_QPS (no ring that large) fall back to a log per thread with an
 * equal share of the cap each (`qpsPerThread`).
 */

const WINDOW_MS = 1000;

export type Politeness = {
  /** Waits until a query to `host` may go (at most `qps` in any second); returns at once when `signal` aborts. */
  wait(host: string, qps: number, signal?: AbortSignal): Promise<void>;
  /** Addresses currently remembered (tests). */
  size(): number;
};

/** Where the send times live: a Map in this thread, or the process's shared buckets. */
export type SlotStore = {
  /** Takes a slot for `host` at `at` when one is free and returns 0; else the ms until one may be. */
  tryTake(host: string, qps: number, at: number): number;
  /** When the last slot of `host` was taken; -Infinity when unknown. */
  last(host: string): number;
  forget(host: string): void;
};

/** A log per address in this thread. */
export function localSlots(): SlotStore {
  const logs = new Map<string, number[]>();
  return {
    tryTake(host, qps, at) {
      let log = logs.get(host);
      if (!log) {
        log = [];
        logs.set(host, log);
      }
      const before = log.length >= qps ? log[log.length - qps] : undefined;
      if (before !== undefined && at < before + WINDOW_MS) return before + WINDOW_MS - at;
      log.push(at);
      if (log.length > qps) log.splice(0, log.length - qps);
      return 0;
    },
    last: (host) => logs.get(host)?.at(-1) ?? Number.NEGATIVE_INFINITY,
    forget: (host) => {
      logs.delete(host);
    },
  };
}

/** Buckets of the shared log (addresses hash into them). */
export const SHARED_BUCKETS = 4096;
/** Largest cap the shared log holds (a ring of that many send times per bucket). */
export const MAX_SHARED_QPS = 256;

/** A shared log for a cap of `qps` (at most MAX_SHARED_QPS): per bucket a lock, a ring head and `qps` times. */
export function sharedBuffer(qps: number): SharedArrayBuffer {
  const ring = Math.min(MAX_SHARED_QPS, Math.max(1, Math.floor(qps)));
  const ints = 2 + SHARED_BUCKETS * 2; // [ring, buckets], then per bucket [lock, head]
  const intBytes = Math.ceil((ints * 4) / 8) * 8;
  return new SharedArrayBuffer(intBytes + SHARED_BUCKETS * ring * 8);
}

function hash(host: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) h = Math.imul(h ^ host.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARED_BUCKETS;
}

/** The shared log in `buffer` (see sharedBuffer); the ring size is the cap it was made for. */
export function sharedSlots(buffer: SharedArrayBuffer): SlotStore {
  const head = new Int32Array(buffer, 0, 2 + SHARED_BUCKETS * 2);
  const intBytes = Math.ceil((head.length * 4) / 8) * 8;
  const ring = (buffer.byteLength - intBytes) / 8 / SHARED_BUCKETS;
  const times = new Float64Array(buffer, intBytes, SHARED_BUCKETS * ring);
  const lock = (b: number) => {
    // A few instructions are done under the lock, never an await: spinning is shorter than any wait.
    while (Atomics.compareExchange(head, 2 + b * 2, 0, 1) !== 0) {}
  };
  const unlock = (b: number) => Atomics.store(head, 2 + b * 2, 0);
  return {
    tryTake(host, qps, at) {
      const b = hash(host);
      const cap = Math.min(ring, qps);
      lock(b);
      try {
        const next = Atomics.load(head, 3 + b * 2); // the ring's next write position
        // The send time `cap` places back (0 while the ring is not full yet: long ago).
        const before = times[b * ring + ((next - cap + ring * 2) % ring)] ?? 0;
        if (before > 0 && at < before + WINDOW_MS) return before + WINDOW_MS - at;
        times[b * ring + next] = at;
        Atomics.store(head, 3 + b * 2, (next + 1) % ring);
        return 0;
      } finally {
        unlock(b);
      }
    },
    last(host) {
      const b = hash(host);
      const next = Atomics.load(head, 3 + b * 2);
      return times[b * ring + ((next - 1 + ring) % ring)] || Number.NEGATIVE_INFINITY;
    },
    forget: () => {},
  };
}

type Entry = { tail: Promise<void>; waiting: number };

/**
 * A politeness limiter over `slots` (default: a log in this thread); `now` (ms, monotonic, and for shared slots the
 * same clock in every thread) and `sleep` are injectable for tests.
 */
export function createPoliteness(
  now: () => number = () => performance.now(),
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep,
  slots: SlotStore = localSlots(),
): Politeness {
  const entries = new Map<string, Entry>();

  /** Forgets addresses nobody waits for whose last query went more than a second ago. */
  function sweep(at: number): void {
    for (const [host, e] of entries) {
      if (e.waiting === 0 && slots.last(host) <= at - WINDOW_MS) {
        entries.delete(host);
        slots.forget(host);
      }
    }
  }

  async function take(host: string, qps: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return;
      const wait = slots.tryTake(host, qps, now());
      if (wait <= 0) return;
      await sleep(wait, signal);
    }
  }

  return {
    async wait(host, qps, signal) {
      const cap = Math.max(1, Math.floor(qps));
      if (entries.size >= 1024) sweep(now());
      let e = entries.get(host);
      if (!e) {
        e = { tail: Promise.resolve(), waiting: 0 };
        entries.set(host, e);
      }
      const entry = e;
      entry.waiting++;
      const mine = entry.tail.then(() => take(host, cap, signal));
      entry.tail = mine.catch(() => undefined);
      try {
        await mine;
      } finally {
        entry.waiting--;
      }
    },
    size: () => entries.size,
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Each thread's share of the process's cap, when the cap is too large for the shared log (above MAX_SHARED_QPS):
 * each thread then keeps a log of its own, and an equal whole share each keeps them together within the cap.
 */
export function qpsPerThread(qpsPerServer: number, threads: number): number {
  return Math.max(1, Math.floor(qpsPerServer / Math.max(1, threads)));
}

const BUFFER_KEY = Symbol.for('m365-dns-health.politeness-buffer');
type WithBuffer = typeof globalThis & { [BUFFER_KEY]?: SharedArrayBuffer };

/**
 * The process's shared log for a cap of `qps`: made on the main thread on first use, handed to each check worker
 * (./workers/protocol.ts `politeness`), which installs it with `installPolitenessBuffer`. Null above MAX_SHARED_QPS.
 */
export function processPolitenessBuffer(qps: number): SharedArrayBuffer | null {
  if (qps > MAX_SHARED_QPS) return null;
  const g = globalThis as WithBuffer;
  g[BUFFER_KEY] ??= sharedBuffer(qps);
  return g[BUFFER_KEY];
}

/** In a check worker: use the main thread's shared log. */
export function installPolitenessBuffer(buffer: SharedArrayBuffer | undefined): void {
  if (buffer) (globalThis as WithBuffer)[BUFFER_KEY] = buffer;
}

/** A clock that reads the same in every thread of the process (ms). */
export const processNow = (): number => performance.timeOrigin + performance.now();

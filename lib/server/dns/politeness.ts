/**
 * The politeness cap of the authoritative path (AUTH_QPS_PER_SERVER): at most `qps` queries to one server address
 * in ANY one-second window, in the order they asked (FIFO per address).
 *
 * A sliding log of the times queries were let through, not a fixed window: rate-limiter-flexible's fixed
 * one-second windows (what this replaced) let up to twice the cap through in a second that straddles two windows.
 * A query goes when the one `qps` places before it went a full second ago; its own time is taken when it goes (not
 * when it was planned), so a late timer never squeezes two batches together. Waiters of one address queue behind
 * each other; an aborted waiter leaves the queue without a slot. Idle addresses are forgotten.
 */

const WINDOW_MS = 1000;

export type Politeness = {
  /** Waits until a query to `host` may go (at most `qps` in any second); returns at once when `signal` aborts. */
  wait(host: string, qps: number, signal?: AbortSignal): Promise<void>;
  /** Addresses currently remembered (tests). */
  size(): number;
};

type Entry = { log: number[]; tail: Promise<void>; waiting: number };

/** A politeness limiter; `now` (ms, monotonic) and `sleep` are injectable for tests. */
export function createPoliteness(
  now: () => number = () => performance.now(),
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep,
): Politeness {
  const entries = new Map<string, Entry>();

  /** Forgets addresses nobody waits for whose last query went more than a second ago. */
  function sweep(at: number): void {
    for (const [host, e] of entries) {
      if (e.waiting === 0 && (e.log.at(-1) ?? Number.NEGATIVE_INFINITY) <= at - WINDOW_MS) entries.delete(host);
    }
  }

  async function take(e: Entry, qps: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return;
      const at = now();
      const before = e.log.length >= qps ? e.log[e.log.length - qps] : undefined;
      if (before === undefined || at >= before + WINDOW_MS) {
        e.log.push(at);
        if (e.log.length > qps) e.log.splice(0, e.log.length - qps);
        return;
      }
      await sleep(before + WINDOW_MS - at, signal);
    }
  }

  return {
    async wait(host, qps, signal) {
      const cap = Math.max(1, Math.floor(qps));
      if (entries.size >= 1024) sweep(now());
      let e = entries.get(host);
      if (!e) {
        e = { log: [], tail: Promise.resolve(), waiting: 0 };
        entries.set(host, e);
      }
      const entry = e;
      entry.waiting++;
      const mine = entry.tail.then(() => take(entry, cap, signal));
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
 * Each thread's share of the process's cap. The main thread and every check worker (CHECK_WORKERS) keep a limiter
 * of their own (a worker is an isolate of its own), so each gets an equal whole share and together they never send
 * more than the cap to one address. env.ts refuses a cap below the number of threads.
 */
export function qpsPerThread(qpsPerServer: number, threads: number): number {
  return Math.max(1, Math.floor(qpsPerServer / Math.max(1, threads)));
}

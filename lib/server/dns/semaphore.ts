/**
 * A counting semaphore whose waiters can be aborted. p-limit cannot drop one queued task on its
 * own signal, and a cancelled check must free its place in the queue at once.
 */
export type Semaphore = {
  /** Resolves true once a slot is held, false if `signal` aborted first (no slot held then). */
  acquire(signal?: AbortSignal): Promise<boolean>;
  /** Gives a held slot back (to the next waiter, if any). */
  release(): void;
  active(): number;
  waiting(): number;
};

/** A semaphore with `max` slots (at least 1). */
export function createSemaphore(max: number): Semaphore {
  const limit = Math.max(1, Math.floor(max));
  let active = 0;
  const queue: Array<() => void> = [];

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(false);
      if (active < limit && queue.length === 0) {
        active++;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const grant = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(true);
        };
        const onAbort = (): void => {
          const index = queue.indexOf(grant);
          if (index !== -1) queue.splice(index, 1);
          resolve(false);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(grant);
      });
    },
    release() {
      const next = queue.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next();
      else active = Math.max(0, active - 1);
    },
    active: () => active,
    waiting: () => queue.length,
  };
}

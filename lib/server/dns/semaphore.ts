/**
 * A counting semaphore whose waiters can be aborted. p-limit cannot drop one queued task on its
 * own signal, and a cancelled check must free its place in the queue at once. `tryAcquire` takes a free
 * slot without a promise (the common case on the hot path); `close` turns every waiter away.
 */
import { onAbort } from './abort';

export type Semaphore = {
  /** Takes a slot at once if one is free and nobody waits; false otherwise (nothing held then). */
  tryAcquire(): boolean;
  /** Resolves true once a slot is held, false if `signal` aborted first or the semaphore closed (no slot held then). */
  acquire(signal?: AbortSignal): Promise<boolean>;
  /** Gives a held slot back (to the next waiter, if any). */
  release(): void;
  /** Every waiter gets false, and so does every later acquire. */
  close(): void;
  active(): number;
  waiting(): number;
};

type Waiter = { grant: () => void; refuse: () => void };

/** A semaphore with `max` slots (at least 1). */
export function createSemaphore(max: number): Semaphore {
  const limit = Math.max(1, Math.floor(max));
  let active = 0;
  let closed = false;
  const queue: Waiter[] = [];

  const tryAcquire = (): boolean => {
    if (closed || active >= limit || queue.length > 0) return false;
    active++;
    return true;
  };

  return {
    tryAcquire,
    acquire(signal) {
      if (closed || signal?.aborted) return Promise.resolve(false);
      if (tryAcquire()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        let unlink = (): void => {};
        const waiter: Waiter = {
          grant: () => {
            unlink();
            resolve(true);
          },
          refuse: () => {
            unlink();
            resolve(false);
          },
        };
        queue.push(waiter);
        if (signal) {
          unlink = onAbort(signal, () => {
            const index = queue.indexOf(waiter);
            if (index !== -1) queue.splice(index, 1);
            resolve(false);
          });
        }
      });
    },
    release() {
      const next = queue.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else active = Math.max(0, active - 1);
    },
    close() {
      closed = true;
      for (const waiter of queue.splice(0)) waiter.refuse();
    },
    active: () => active,
    waiting: () => queue.length,
  };
}

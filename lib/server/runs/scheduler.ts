/**
 * The domain-concurrency budget shared by every run: at most `limit` tasks (one domain check each) at once
 * across all runs, handed out round-robin between the runs that have work, so two big runs share the budget
 * fairly and a run started later is not stuck behind an earlier one. Interactive checks (/api/check) do not
 * go through this budget. With a slow lane, a task that has run for a while (a domain waiting out timeouts)
 * gives its slot back and goes on in the lane: a few dead domains never take the budget from the live ones.
 */
import type { SlowLane } from '../dns/slow-lane';

export type Task = () => Promise<void>;

export type FairScheduler = {
  /** Queues tasks for `key` (a run id). */
  add(key: string, tasks: readonly Task[]): void;
  /** Drops the queued (not yet started) tasks of `key`; returns how many were dropped. */
  drop(key: string): number;
  /** Tasks running now and holding a slot (all keys; the slow lane's are not counted). */
  running(): number;
  /** Queued (not started) tasks of `key`. */
  queued(key: string): number;
};

/**
 * Creates a round-robin scheduler running at most `limit` tasks at once (plus those in `lane`, when given).
 * A task's rejection is swallowed.
 */
export function createFairScheduler(limit: number, lane?: SlowLane): FairScheduler {
  const queues = new Map<string, Task[]>();
  const order: string[] = [];
  let cursor = 0;
  let active = 0;

  const nextTask = (): Task | undefined => {
    while (order.length > 0) {
      if (cursor >= order.length) cursor = 0;
      const key = order[cursor] as string;
      const queue = queues.get(key);
      const task = queue?.shift();
      if (!queue || queue.length === 0) {
        queues.delete(key);
        order.splice(cursor, 1);
      } else {
        cursor++;
      }
      if (task) return task;
    }
    return undefined;
  };
  const remove = (key: string) => {
    queues.delete(key);
    const at = order.indexOf(key);
    if (at < 0) return;
    order.splice(at, 1);
    if (at < cursor) cursor--;
  };
  const pump = () => {
    while (active < limit) {
      const task = nextTask();
      if (!task) return;
      active++;
      // Demoted to the slow lane: the slot goes to the next task at once.
      const done = lane?.watch(() => {
        active--;
        pump();
      });
      Promise.resolve()
        .then(task)
        .catch(() => {})
        .finally(() => {
          if (!done?.()) active--;
          pump();
        });
    }
  };

  return {
    add(key, tasks) {
      if (tasks.length === 0) return;
      const queue = queues.get(key);
      if (queue) queue.push(...tasks);
      else {
        queues.set(key, [...tasks]);
        order.push(key);
      }
      pump();
    },
    drop(key) {
      const n = queues.get(key)?.length ?? 0;
      remove(key);
      return n;
    },
    running: () => active,
    queued: (key) => queues.get(key)?.length ?? 0,
  };
}

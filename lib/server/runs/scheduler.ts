/**
 * The domain-concurrency budget shared by every run: at most `limit` tasks (one domain check each) at once
 * across all runs, handed out round-robin between the runs that have work, so two big runs share the budget
 * fairly and a run started later is not stuck behind an earlier one. Interactive checks (/api/check) do not
 * go through this budget.
 */

export type Task = () => Promise<void>;

export type FairScheduler = {
  /** Queues tasks for `key` (a run id). */
  add(key: string, tasks: readonly Task[]): void;
  /** Drops the queued (not yet started) tasks of `key`; returns how many were dropped. */
  drop(key: string): number;
  /** Tasks running now (all keys). */
  running(): number;
  /** Queued (not started) tasks of `key`. */
  queued(key: string): number;
};

/** Creates a round-robin scheduler running at most `limit` tasks at once. A task's rejection is swallowed. */
export function createFairScheduler(limit: number): FairScheduler {
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
      Promise.resolve()
        .then(task)
        .catch(() => {})
        .finally(() => {
          active--;
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

/**
 * Where a failed delivery waits for its next attempt. Embedded database (one instance): the delivery row itself
 * (`status = retrying`, `next_at`), which the ticker reads. PostgreSQL (several instances): a pg-boss job per
 * retry, `startAfter` the backoff, fetched by whichever instance's ticker comes first; the singleton key (delivery
 * and attempt) keeps a retry queued once. The attempt itself still takes the row's lease
 * (./deliveries.ts), so a message is sent at most once per attempt whatever the queue does.
 */
import 'server-only';
import PgBoss from 'pg-boss';
import { getLog } from '../log';
import type { Storage } from '../storage/db';

export const ALERTS_QUEUE = 'm365-dns-health-alerts';

const BOSS_KEY = Symbol.for('m365-dns-health.alerts-boss');
type WithBoss = typeof globalThis & { [BOSS_KEY]?: Promise<PgBoss> };

/** The process's pg-boss for alert retries, on the storage's pool (PostgreSQL only). */
function bossOf(storage: Storage): Promise<PgBoss> {
  const g = globalThis as WithBoss;
  if (!g[BOSS_KEY]) {
    const pool = storage.pool;
    if (!pool) throw new Error('the alert retry queue needs PostgreSQL');
    g[BOSS_KEY] = (async () => {
      const boss = new PgBoss({
        db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
        supervise: true,
        schedule: false,
      });
      boss.on('error', (err: Error) => getLog().warn({ err: err.message }, 'alert queue error'));
      await boss.start();
      try {
        // No pg-boss retries: a failed attempt queues the next one itself, with our backoff.
        await boss.createQueue(ALERTS_QUEUE, { name: ALERTS_QUEUE, retryLimit: 0, expireInSeconds: 300 });
      } catch (err) {
        if (!(await boss.getQueue(ALERTS_QUEUE))) throw err;
      }
      return boss;
    })().catch((err: unknown) => {
      delete g[BOSS_KEY];
      throw err;
    });
  }
  return g[BOSS_KEY];
}

/** Queues the next attempt of delivery `id` (its `attempts` so far) at `at` (PostgreSQL; a no-op embedded). */
export async function queueRetry(storage: Storage, id: string, attempts: number, at: number): Promise<void> {
  if (storage.kind !== 'postgres') return;
  const boss = await bossOf(storage);
  await boss.send(ALERTS_QUEUE, { id }, { startAfter: new Date(at), singletonKey: `${id}:${attempts}` });
}

/** PostgreSQL: takes up to `max` due retry jobs; `done` completes one after its attempt. */
export async function takeRetries(
  storage: Storage,
  max: number,
): Promise<Array<{ deliveryId: string; done: () => Promise<void> }>> {
  const boss = await bossOf(storage);
  const jobs = await boss.fetch<{ id: string }>(ALERTS_QUEUE, { batchSize: max });
  return jobs.map((job) => ({ deliveryId: job.data.id, done: () => boss.complete(ALERTS_QUEUE, job.id) }));
}

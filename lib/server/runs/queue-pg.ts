/**
 * The RunQueue of several instances on one PostgreSQL (./queue.ts): each domain of a run or of a re-check is one
 * pg-boss job `{ run, index, fresh }` (index into the run's targets) in one queue, and every instance works that
 * queue. An instance takes jobs only as fast as it has free domain slots (it fetches at most BULK_CONCURRENCY
 * minus the jobs it holds, never hoards), feeds them into its own fair scheduler, checks, stores the result
 * (idempotent on (run, domain): `putPacked`, `replace` for a re-check), then completes the job. A failure fails
 * the job (pg-boss retries it). A job is leased for QUEUE_LEASE_S: a killed instance's jobs go back to the queue
 * when their lease expires and another instance checks them.
 *
 * A run's `pending` and its end come from shared state, the run's outstanding jobs in pg-boss's table: whichever
 * instance finishes the last domain marks the run done. Cancel (on any instance): the run's status in the
 * database, its queued jobs cancelled in pg-boss, and a bus message (./queue-bus.ts) that makes every instance
 * abort its checks in flight for the run.
 */
import 'server-only';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { CheckTarget } from '../check';
import { listRunFinished } from '../lists/hooks';
import { getLog, redactRunId } from '../log';
import { isShuttingDown, registerRun } from '../shutdown';
import type { Storage } from '../storage/db';
import type { RunQueue } from './queue';
import type { BusMessage, RunBus } from './queue-bus';
import type { Task } from './scheduler';
import type { RunRecord, RunStore } from './store';
import type { PackedReport } from './stored-result';

export const QUEUE_NAME = 'm365-dns-health-domains';
/** Abort reason of a cancelled run (the engine's CANCEL_REASON). */
const CANCELLED = 'run-cancelled';
/** An idle instance looks for jobs this often (a bus message `queued` wakes it sooner). */
const POLL_MS = 500;
/** How often an instance writes a run's progress counters while it works it. */
const COUNTERS_EVERY_MS = 200;
const INSERT_CHUNK = 1000;

type JobData = { run: string; index: number; fresh: boolean };

export type PgQueueDeps = {
  storage: Storage;
  store: RunStore;
  bus: RunBus;
  leaseS: number;
  /** Domain slots of this instance (BULK_CONCURRENCY). */
  slots: number;
  schedule(run: string, task: Task): void;
  check(run: RunRecord, target: CheckTarget, fresh: boolean, signal: AbortSignal): Promise<PackedReport | null>;
  /** Runs a write until it succeeds or `signal` aborts (undefined then): see the engine's `untilStored`. */
  untilStored<T>(id: string, signal: AbortSignal | null, write: () => Promise<T>): Promise<T | undefined>;
  /** Tells this instance's followers of run `id` that its status changed. */
  statusChanged(id: string): void;
};

export type PgQueue = RunQueue & {
  /** A bus message from another instance (cancel, jobs queued). */
  onMessage(message: BusMessage): void;
};

/** Starts pg-boss on the storage's pool and this instance's worker loop. */
export async function startPgQueue(deps: PgQueueDeps): Promise<PgQueue> {
  const { storage, store, bus } = deps;
  const pool = storage.pool;
  if (!pool) throw new Error('the pg-boss queue needs PostgreSQL');
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    supervise: true,
    // Expired leases are found by maintenance: it runs often enough for a lease to come back soon after it ends.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(deps.leaseS / 2))),
    schedule: false,
  });
  boss.on('error', (err: Error) => getLog().warn({ err: err.message }, 'job queue error'));
  await boss.start();
  try {
    await boss.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      expireInSeconds: deps.leaseS,
      retryLimit: 20,
      retryDelay: 1,
    });
  } catch (err) {
    // Another instance created it at the same moment.
    if (!(await boss.getQueue(QUEUE_NAME))) throw err;
  }

  /** This instance's runs in hand: their abort controller (cancel) and jobs held. */
  const local = new Map<string, { controller: AbortController; held: number; done: number; countersAt: number }>();
  let inHand = 0;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
  };

  /** The run's jobs not finished (queued, waiting for a retry, or leased). */
  const outstanding = async (id: string): Promise<number> => {
    const { rows } = await pool.query<{ n: string }>(
      `select count(*) as n from pgboss.job where name = $1 and data->>'run' = $2 and state in ('created', 'retry', 'active')`,
      [QUEUE_NAME, id],
    );
    return Number(rows[0]?.n ?? 0);
  };

  /**
   * After a job of run `id` ends: its pending count from shared state; with none left, the run ends (done, or
   * cancelled when it was). `done` domains of this instance are added to the batch's counter.
   *
   * One transaction that locks the run's row before it counts: settles of several jobs (on this instance and on
   * others) end at once, and a count taken before another settle's write could otherwise be written after it,
   * leaving `pending` above zero with no job left to settle it (seen: a cancelled run that never ended). Under the
   * lock, each count is taken after every earlier settle committed, so the last writer has the latest count.
   */
  const settle = async (id: string, done: number, force: boolean) => {
    const ended = await storage.db.transaction().execute(async (trx) => {
      await sql`select id from runs where id = ${id} for update`.execute(trx);
      const counted = await sql<{ n: string }>`select count(*) as n from pgboss.job
        where name = ${QUEUE_NAME} and data->>'run' = ${id} and state in ('created', 'retry', 'active')`.execute(trx);
      const left = Number(counted.rows[0]?.n ?? 0);
      if (left === 0) {
        const rows = await sql<{ id: string }>`update runs set
            status = case when status in ('queued', 'running') then 'done' else status end,
            pending = 0, finished_at = ${Date.now()}, batch_done = batch_done + ${done}
          where id = ${id} and (pending > 0 or status in ('queued', 'running')) returning id`.execute(trx);
        if (rows.rows.length > 0) return true;
        if (done > 0) await sql`update runs set batch_done = batch_done + ${done} where id = ${id}`.execute(trx);
        return false;
      }
      if (force || done > 0) {
        await sql`update runs set pending = ${left}, batch_done = batch_done + ${done} where id = ${id}`.execute(trx);
      }
      return false;
    });
    if (ended) {
      deps.statusChanged(id);
      bus.publish({ run: id, kind: 'status' });
      await listRunFinished(storage.db, id, Date.now());
    }
  };

  const work =
    (job: PgBoss.Job<JobData>, entry: { controller: AbortController }): Task =>
    async () => {
      const { run: id, index, fresh } = job.data;
      const signal = entry.controller.signal;
      const shutdown = registerRun();
      const aborted = AbortSignal.any([signal, shutdown.signal]);
      let outcome: 'complete' | 'fail' = 'complete';
      let stored = false;
      try {
        const found = await store.get(id);
        // A run gone (expired) or cancelled (a re-check of a cancelled run still runs): nothing to check.
        if (!('found' in found)) return;
        const run = found.found;
        if (aborted.aborted || (run.status === 'cancelled' && !fresh)) return;
        const target = run.targets[index];
        if (!target) return;
        if (run.startedAt === null) await store.update(id, { status: 'running', startedAt: Date.now() });
        const report = await deps.check(run, target, fresh, aborted);
        if (!report || aborted.aborted) {
          // Cut short by shutdown: another instance checks it (now, not after the lease). By cancel: done with.
          if (shutdown.signal.aborted && !signal.aborted) outcome = 'fail';
          return;
        }
        const index_ = await deps.untilStored(id, aborted, () => store.putPacked(id, report, { replace: fresh }));
        if (index_ === undefined) {
          if (!signal.aborted) outcome = 'fail';
          return;
        }
        stored = index_ !== null;
      } catch (err) {
        getLog().warn({ err, run: redactRunId(id) }, 'run job failed; it is retried');
        outcome = 'fail';
      } finally {
        shutdown.done();
        inHand--;
        const mine = local.get(id);
        if (mine) {
          if (stored) mine.done++;
          mine.held--;
        }
        poke();
        // The job's end waits for the database like a result does (the run pauses meanwhile).
        await deps.untilStored(id, null, () =>
          outcome === 'complete' ? boss.complete(QUEUE_NAME, job.id) : boss.fail(QUEUE_NAME, job.id),
        );
        // Counters are written at most every COUNTERS_EVERY_MS per run, and always after this instance's last job of
        // the run: while it holds another, the run has a job outstanding and that job's end settles it.
        const at = Date.now();
        let done = stored ? 1 : 0;
        let due = true;
        if (mine) {
          due = mine.held === 0 || at - mine.countersAt >= COUNTERS_EVERY_MS;
          done = due ? mine.done : 0;
          if (due) {
            mine.done = 0;
            mine.countersAt = at;
          }
          if (mine.held === 0 && local.get(id) === mine) local.delete(id);
        }
        if (due) await deps.untilStored(id, null, () => settle(id, done, true));
      }
    };

  const stopped = false;
  const loop = async () => {
    while (!stopped && !isShuttingDown()) {
      const free = deps.slots - inHand;
      let jobs: PgBoss.Job<JobData>[] = [];
      if (free > 0) {
        try {
          jobs = await boss.fetch<JobData>(QUEUE_NAME, { batchSize: free });
        } catch (err) {
          getLog().warn({ err: (err as Error).message }, 'job queue fetch failed');
        }
      }
      if (jobs.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        continue;
      }
      inHand += jobs.length;
      for (const job of jobs) {
        let entry = local.get(job.data.run);
        if (!entry || entry.controller.signal.aborted) {
          entry = { controller: new AbortController(), held: entry?.held ?? 0, done: entry?.done ?? 0, countersAt: 0 };
          local.set(job.data.run, entry);
        }
        entry.held++;
        deps.schedule(job.data.run, work(job, entry));
      }
    }
  };
  void loop();

  const abortLocal = (id: string) => {
    local.get(id)?.controller.abort(CANCELLED);
  };

  const queue: PgQueue = {
    async enqueue(run: RunRecord, targets: readonly CheckTarget[], fresh: boolean) {
      const position = new Map(run.targets.map((t, i) => [t.ascii, i]));
      const indexes = targets.map((t) => position.get(t.ascii)).filter((i): i is number => i !== undefined);
      const before = await outstanding(run.id);
      // A cancelled run re-checked stays cancelled; otherwise queued until its first domain starts.
      await store.update(run.id, {
        ...(run.status === 'cancelled' ? {} : { status: run.startedAt === null ? 'queued' : 'running' }),
        pending: before + indexes.length,
        ...(before === 0 ? { batchStartedAt: Date.now(), batchDone: 0 } : {}),
        finishedAt: null,
      });
      for (let i = 0; i < indexes.length; i += INSERT_CHUNK) {
        await boss.insert(
          indexes
            .slice(i, i + INSERT_CHUNK)
            .map((index) => ({ name: QUEUE_NAME, data: { run: run.id, index, fresh } satisfies JobData })),
        );
      }
      if (indexes.length === 0) await settle(run.id, 0, true);
      poke();
      bus.publish({ run: run.id, kind: 'queued' });
    },
    async cancel(id: string) {
      await store.update(id, { status: 'cancelled' });
      const { rows } = await pool.query<{ id: string }>(
        `select id from pgboss.job where name = $1 and data->>'run' = $2 and state in ('created', 'retry')`,
        [QUEUE_NAME, id],
      );
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) await boss.cancel(QUEUE_NAME, ids.slice(i, i + INSERT_CHUNK));
      bus.publish({ run: id, kind: 'cancel' });
      abortLocal(id);
      await settle(id, 0, true);
    },
    /**
     * Start-up: queued jobs are in pg-boss already. A run left unfinished with no outstanding job (made before
     * the queue, or its instance died between storing it and queueing its domains) gets its unchecked domains
     * queued, or is settled when it has none. Two instances starting at once may both queue such a run's domains:
     * a domain is then checked twice but stored once (`putPacked`).
     */
    async resume() {
      for (const run of await store.unfinished()) {
        if ((await outstanding(run.id)) > 0) continue;
        const unchecked = run.status === 'queued' || run.status === 'running' ? await store.unchecked(run.id) : [];
        if (unchecked.length > 0) await queue.enqueue(run, unchecked, false);
        else await settle(run.id, 0, true);
      }
    },
    onMessage(message) {
      if (message.kind === 'cancel') abortLocal(message.run);
      else if (message.kind === 'queued') poke();
    },
  };
  return queue;
}

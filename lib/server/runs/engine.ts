/**
 * The one engine that checks lists of domains: server-side runs (POST /api/runs), independent of the HTTP
 * request that started them (a reload or a lost connection never stops a run; only cancel, expiry or shutdown
 * do), and the ad-hoc lists of POST /api/check (`checkList`), whose results go to the request and are never
 * stored. Every domain check goes through one budget shared by all lists (BULK_CONCURRENCY domains at once,
 * round-robin between them) and through a shared resolver view capped at half of DNS_MAX_IN_FLIGHT, so lists
 * never take the whole resolver from single checks. Both caps have a slow lane: a domain or lookup still
 * waiting after `slowAfter` gives its slot back (see ../dns/slow-lane.ts).
 *
 * With CHECK_WORKERS = W > 0, W/(W+1) of the domain slots are checked on the check pool's worker threads
 * (../workers/pool.ts, which also serialise and pack the report; they share half of DNS_MAX_IN_FLIGHT among
 * themselves) and the rest here on the main thread; a domain whose worker failed is checked here too.
 */
import 'server-only';
import { setMaxListeners } from 'node:events';
import { renderResult } from '@/lib/report/render';
import type { Report } from '@/lib/schema';
import { type CheckOptions, type CheckTarget, checkResult } from '../check';
import { withRunLimit } from '../dns/budget';
import { bulkInFlightPerThread, bulkSlowLookups } from '../dns/limits';
import { getResolver } from '../dns/process';
import { type DnsResolver, deadlineReason } from '../dns/resolver';
import { createSlowLane, slowAfter } from '../dns/slow-lane';
import { getConfig, type ServerConfig } from '../env';
import { getLog, redactRunId } from '../log';
import { getProbeLabels } from '../probe-label';
import { type RunHandle, registerRun, SHUTDOWN_REASON } from '../shutdown';
import { getStorage } from '../storage/db';
import { bulkCheckPool, type CheckPool } from '../workers/pool';
import type { RunQueue } from './queue';
import { createFairScheduler, type FairScheduler } from './scheduler';
import { createSqlRunStore } from './sql-store';
import type { CreateResult, NewRun, RunRecord, RunStore } from './store';
import { type PackedReport, packCheck } from './stored-result';

/** Abort reason of a cancelled run (its lookups in flight end as `cancelled`). */
export const CANCEL_REASON = 'run-cancelled';

/**
 * Slow-lane room per domain slot: BULK_CONCURRENCY domains at full speed, 8× that many waiting out timeouts.
 * Measured with 300 domains and 30% of queries dropped (300 ms timeouts): 6.3 s with 4×, 4.9 s with 8×, no
 * better with 16× (the in-flight cap is then the limit); see docs/performance.md.
 */
const SLOW_DOMAINS_PER_SLOT = 8;

type Batch = {
  controller: AbortController;
  shutdown: RunHandle;
  /** Domains of the batch not finished yet. */
  pending: number;
  /** Domains of the batch reported. */
  done: number;
  endStatus: 'done' | 'cancelled';
  finished: boolean;
  /** A domain of the batch has started (the run's status says so). */
  started: boolean;
  /** When `pending` and `done` were last written to the store. */
  countersAt: number;
};

/** How often a batch's progress counters are written while it runs (its end is always written). */
const COUNTERS_EVERY_MS = 200;
/** A failed storage write is tried again after this long, doubling up to WRITE_RETRY_MAX_MS. */
const WRITE_RETRY_FIRST_MS = 250;
const WRITE_RETRY_MAX_MS = 5000;

/** An ad-hoc list's settings: how to check, and the bounds of the request that asked for it. */
export type ListOptions = Pick<CheckOptions, 'cloud' | 'lang' | 'services' | 'fresh'> & {
  /** The client went away (or shutdown): no domain starts any more, and nothing more is reported. */
  signal?: AbortSignal;
  /** Wall-clock budget: no domain starts its lookups after it; the rest are still reported, as `deadline`. */
  deadlineMs: number;
};

export type RunEngine = {
  store: RunStore;
  config: ServerConfig;
  /**
   * Checks an ad-hoc list through the same scheduler, slow lanes and workers as the runs and yields each report
   * as it is done, exactly once per target (until `signal` aborts). Not a stored run: nothing is kept.
   */
  checkList(targets: readonly CheckTarget[], options: ListOptions): AsyncGenerator<PackedReport>;
  /**
   * Checks one domain at once, outside the list budget, with the process resolver (GET /api/check, the /d/
   * page). A re-check (`fresh`) makes every thread's cache forget the domain first.
   */
  checkSingle(target: CheckTarget, options: CheckOptions): Promise<Report>;
  /** Stores the run and queues every target; refused (nothing stored or started) past the store's bounds. */
  start(input: NewRun): Promise<CreateResult>;
  /** Stops starting domains and aborts the lookups in flight; finished results stay. False if unknown. */
  cancel(id: string): Promise<boolean>;
  /** Checks `targets` of the run again (fresh) and replaces their results. */
  recheck(id: string, targets: readonly CheckTarget[]): Promise<boolean>;
  /** Where the runs' domains wait (this process's queue; see ./queue.ts). */
  queue: RunQueue;
};

const ENGINE_KEY = Symbol.for('m365-dns-health.runs');
type WithEngine = typeof globalThis & { [ENGINE_KEY]?: RunEngine };

/**
 * The process run engine (on globalThis: every route bundle sees the same runs), on the storage layer
 * (`config.storage`). Made at start-up (../startup.ts), when it resumes the runs a restart interrupted.
 */
export function getRunEngine(): RunEngine {
  const g = globalThis as WithEngine;
  if (!g[ENGINE_KEY]) {
    const engine = createRunEngine(getConfig());
    g[ENGINE_KEY] = engine;
    engine.queue.resume().catch((err: unknown) => getLog().error({ err }, 'could not resume the unfinished runs'));
  }
  return g[ENGINE_KEY];
}

/** Creates a run engine; its store is the SQL store on the process storage unless `deps.store` is given. */
export function createRunEngine(
  config: ServerConfig,
  deps: { store?: RunStore; resolver?: DnsResolver; check?: typeof checkResult; pool?: CheckPool } = {},
): RunEngine {
  const batches = new Map<string, Batch>();
  // A domain or a lookup waiting out timeouts (a server that drops queries) gives its slot back after a while
  // and goes on in a slow lane, bounded on its own: slow domains never take the slots fast domains need.
  const slowAfterMs = slowAfter(config.timeoutMs);

  const scheduler: FairScheduler = createFairScheduler(
    config.bulkConcurrency,
    createSlowLane({ slowAfterMs, maxSlow: config.bulkConcurrency * SLOW_DOMAINS_PER_SLOT }),
  );
  const check = deps.check ?? checkResult;
  // Worker threads check domains too unless a test injected its own check or resolver, or CHECK_WORKERS=0.
  const pool: CheckPool | null = deps.pool ?? (!deps.check && !deps.resolver ? bulkCheckPool(config) : null);
  // The workers take their share of the domain slots and the main thread checks the rest, so every CPU works
  // (with one worker on two CPUs: half each).
  const workerSlots = Math.ceil((config.bulkConcurrency * config.checkWorkers) / (config.checkWorkers + 1));
  let resolver: DnsResolver | undefined;
  let resolverWithPool = false;
  const bulkResolver = (): DnsResolver => {
    if (deps.resolver) return deps.resolver;
    // The main thread's part of the bulk in-flight cap: its share beside the workers, or all of it once the
    // pool is off.
    const withPool = pool?.active() === true;
    if (!resolver || withPool !== resolverWithPool) {
      const limit = withPool ? bulkInFlightPerThread(config) : Math.max(1, Math.floor(config.maxInFlight / 2));
      // Slow lookups hold the process resolver's slots too: the lane stops at half the cap, so bulk runs never
      // hold more than three quarters of DNS_MAX_IN_FLIGHT.
      const lane = createSlowLane({ slowAfterMs, maxSlow: bulkSlowLookups(limit) });
      resolver = withRunLimit(getResolver(config), limit, lane);
      resolverWithPool = withPool;
    }
    return resolver;
  };
  const stopBatch = (id: string, reason: string) => {
    const batch = batches.get(id);
    scheduler.drop(id);
    if (!batch) return;
    batch.controller.abort(reason);
    batch.shutdown.done();
    batches.delete(id);
  };
  const store =
    deps.store ??
    createSqlRunStore(() => getStorage(config.storage), {
      retentionS: config.runRetentionS,
      maxRuns: config.maxRunsKept,
      maxRunsPerClient: config.maxRunsPerClient,
      onDrop: (id) => stopBatch(id, CANCEL_REASON),
    });
  // Retention: expired runs are deleted from storage (their ids stay as tombstones: a late fetch says 410).
  const sweeper = setInterval(
    () => void store.expire().catch((err: unknown) => getLog().error({ err }, 'run retention sweep failed')),
    Math.min(config.runRetentionS, 60) * 1000,
  );
  sweeper.unref?.();

  /**
   * Runs a write of run `id` until it succeeds: while storage fails (PostgreSQL restarting, a pool exhausted), the
   * finished result waits here, in memory, and its domain slot with it, so a run pauses rather than losing a result
   * (at most BULK_CONCURRENCY results wait). Gives up (undefined) only when `signal` aborts (cancel, shutdown): the
   * domain is then checked again when the run resumes.
   */
  const untilStored = async <T>(
    id: string,
    signal: AbortSignal | null,
    write: () => Promise<T>,
  ): Promise<T | undefined> => {
    for (let wait = WRITE_RETRY_FIRST_MS; ; wait = Math.min(wait * 2, WRITE_RETRY_MAX_MS)) {
      try {
        return await write();
      } catch (err) {
        getLog().warn({ err, run: redactRunId(id), retryInMs: wait }, 'run storage write failed; retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (signal?.aborted) return undefined;
    }
  };

  const finishIfIdle = async (id: string, batch: Batch) => {
    if (batch.pending > 0 || batch.finished) return;
    batch.finished = true;
    batch.shutdown.done();
    if (batches.get(id) === batch) batches.delete(id);
    const { signal } = batch.controller;
    // Cut short by shutdown (a deploy, a restart): the run stays unfinished in storage and resumes at the next
    // start (`resume`); only a cancel ends it as cancelled.
    if (signal.aborted && signal.reason === SHUTDOWN_REASON) return;
    const status = signal.aborted ? 'cancelled' : batch.endStatus;
    await untilStored(id, null, () =>
      store.update(id, { status, pending: 0, batchDone: batch.done, finishedAt: Date.now() }),
    );
  };

  /**
   * Checks one domain of a list: on a worker when one is free, else here (also when its worker failed). A
   * re-check (`fresh`) first makes every thread's cache forget the domain: a later /d/ page, check or run must
   * not be answered from before it. With `always`, a check cut short by `signal` still gives its report.
   */
  const checkOne = async (
    target: CheckTarget,
    options: Pick<CheckOptions, 'cloud' | 'lang' | 'services' | 'fresh'> & { store?: boolean },
    signal: AbortSignal,
    always = false,
  ): Promise<PackedReport | null> => {
    if (options.fresh) {
      (deps.resolver ?? getResolver(config)).forget?.(target.ascii);
      getProbeLabels().forget(target.ascii);
      pool?.forget(target.ascii);
    }
    let report: PackedReport | null = null;
    if (pool?.active() && pool.inHand() < workerSlots && !signal.aborted) {
      report = await pool.check(target, options, signal).catch((err: Error) => {
        // A failed worker costs nothing but time: the domain is checked here instead.
        if (!signal.aborted) {
          getLog().warn({ domain: target.ascii, err: err.message }, 'check worker failed; checking on the main thread');
        }
        return null;
      });
    }
    if (!report && (always || !signal.aborted)) {
      // A bulk report keeps a lookup's per-attempt trace only when a question was retried. Its JSON gets a buffer
      // of its own: the caller stores or sends it after an await, when the shared scratch buffer may be reused.
      const checked = await check(target, { ...options, signal, resolver: bulkResolver(), trace: 'retries' });
      report = packCheck(checked, options.lang, { store: options.store === true });
    }
    return report;
  };

  const task = (run: RunRecord, batch: Batch, target: CheckTarget, fresh: boolean) => async () => {
    const { signal } = batch.controller;
    try {
      // A run dropped (expired or evicted) or cancelled has its batch aborted: nothing more starts.
      if (signal.aborted) return;
      if (!batch.started) {
        batch.started = true;
        if (run.startedAt === null) await store.update(run.id, { status: 'running', startedAt: Date.now() });
      }
      const options = { cloud: run.cloud, lang: run.lang, services: run.services, fresh, store: true };
      const report = await checkOne(target, options, signal);
      // A check cut short by cancel is not a finished result.
      if (!report || signal.aborted) return;
      const index = await untilStored(run.id, signal, () => store.putPacked(run.id, report, { replace: fresh }));
      if (index !== null && index !== undefined) ++batch.done;
    } finally {
      batch.pending--;
      // The batch's counters (progress and ETA) are written at most every COUNTERS_EVERY_MS, not per domain: a
      // restart recounts what is pending from the stored results anyway.
      const at = Date.now();
      if (batch.pending > 0 && at - batch.countersAt >= COUNTERS_EVERY_MS) {
        batch.countersAt = at;
        // Best effort: the next write (or the batch's end) carries them.
        await store.update(run.id, { pending: batch.pending, batchDone: batch.done }).catch(() => undefined);
      }
      await finishIfIdle(run.id, batch);
    }
  };

  const queue = async (run: RunRecord, targets: readonly CheckTarget[], fresh: boolean) => {
    const existing = batches.get(run.id);
    if (existing && !existing.controller.signal.aborted) {
      // Still running: the targets join the current batch.
      existing.pending += targets.length;
      await store.update(run.id, { pending: existing.pending });
      scheduler.add(
        run.id,
        targets.map((target) => task(run, existing, target, fresh)),
      );
      return;
    }
    const controller = new AbortController();
    // Every check of the batch listens to this signal.
    setMaxListeners(0, controller.signal);
    const shutdown = registerRun();
    shutdown.signal.addEventListener('abort', () => controller.abort(shutdown.signal.reason), { once: true });
    // A re-check of a finished run ends in the status the run had (a cancelled run stays cancelled).
    const endStatus = run.status === 'cancelled' ? 'cancelled' : 'done';
    const batch: Batch = {
      controller,
      shutdown,
      pending: targets.length,
      done: 0,
      endStatus,
      finished: false,
      started: false,
      countersAt: 0,
    };
    batches.set(run.id, batch);
    await store.update(run.id, {
      status: run.startedAt === null ? 'queued' : 'running',
      pending: batch.pending,
      batchStartedAt: Date.now(),
      batchDone: 0,
      finishedAt: null,
    });
    scheduler.add(
      run.id,
      targets.map((target) => task(run, batch, target, fresh)),
    );
    await finishIfIdle(run.id, batch);
  };

  /** Cancel: no domain of the run starts any more and its lookups in flight are aborted. */
  const cancelBatch = async (id: string) => {
    const batch = batches.get(id);
    if (!batch) return; // already finished: nothing to stop
    const dropped = scheduler.drop(id);
    batch.pending -= dropped;
    batch.controller.abort(CANCEL_REASON);
    await store.update(id, { status: 'cancelled', pending: batch.pending });
    await finishIfIdle(id, batch);
  };

  /**
   * Start-up: the runs a restart interrupted go on. A queued or running run's domains without a result are queued
   * again (a result already stored is never checked again, and `putPacked` keeps one per domain: each domain ends
   * up in the run exactly once); a finished run that was re-checking some domains keeps its earlier results.
   */
  const resume = async () => {
    for (const run of await store.unfinished()) {
      if (batches.has(run.id)) continue;
      if (run.status === 'queued' || run.status === 'running') {
        await queue(run, await store.unchecked(run.id), false);
      } else await store.update(run.id, { pending: 0 });
    }
  };

  const runQueue: RunQueue = { enqueue: queue, cancel: cancelBatch, resume };

  let lists = 0;
  async function* checkList(targets: readonly CheckTarget[], options: ListOptions): AsyncGenerator<PackedReport> {
    const key = `list:${++lists}`;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(deadlineReason()), options.deadlineMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    setMaxListeners(0, signal);
    const ready: PackedReport[] = [];
    let left = targets.length;
    let wake: (() => void) | null = null;
    // Once `signal` aborts (deadline, client gone, shutdown) the rest are still reported, at no DNS cost: their
    // lookups end at once as `deadline` or `cancelled`.
    scheduler.add(
      key,
      targets.map((target) => async () => {
        const report = await checkOne(target, options, signal, true).catch(() => null);
        left--;
        if (report) ready.push(report);
        wake?.();
      }),
    );
    try {
      while (left > 0 || ready.length > 0) {
        const next = ready.shift();
        if (next) yield next;
        else
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
      }
    } finally {
      clearTimeout(timer);
      scheduler.drop(key);
    }
  }

  const checkSingle = async (target: CheckTarget, options: CheckOptions): Promise<Report> => {
    if (options.fresh) pool?.forget(target.ascii);
    // An interactive check: each record is compared with what each resolver hands out (issue 14).
    return renderResult(await check(target, { ...options, propagation: true }), options.lang);
  };

  return {
    store,
    config,
    queue: runQueue,
    checkList,
    checkSingle,
    async start(input) {
      const result = await store.create(input);
      if ('created' in result) await runQueue.enqueue(result.created, input.targets, false);
      return result;
    },
    async cancel(id) {
      const found = await store.get(id);
      if (!('found' in found)) return false;
      await runQueue.cancel(id);
      return true;
    },
    async recheck(id, targets) {
      const found = await store.get(id);
      if (!('found' in found)) return false;
      await runQueue.enqueue(found.found, targets, true);
      return true;
    },
  };
}

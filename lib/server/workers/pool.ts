/**
 * The check pool: worker threads that check bulk-run domains (./check-worker.ts), so a run uses every CPU
 * instead of one, and the main thread stays free to stream results and answer pages. A check is sent to the
 * worker with the fewest checks in hand; cancel and deadlines cross over as `abort` messages.
 *
 * Failures are contained: a worker that exits or throws fails only the checks it held (the caller checks
 * those on the main thread) and is started again on the next check; after MAX_FAILED_STARTS exits in a row
 * without a finished check the pool stops using workers and says so in the log once.
 */
import { Worker } from 'node:worker_threads';
import type { NormalizedDomain as CheckTarget } from '@/lib/input/normalize';
import { onAbort } from '../dns/abort';
import { bulkInFlightPerThread } from '../dns/limits';
import { processPolitenessBuffer } from '../dns/politeness';
import { abortOutcome } from '../dns/resolver';
import { slowAfter } from '../dns/slow-lane';
import type { ServerConfig } from '../env';
import { getLog } from '../log';
import type { PackedReport } from '../runs/stored-result';
import type { FromWorker, ToWorker, WorkerCheckOptions, WorkerSetup } from './protocol';

export type CheckPool = {
  /** Checks one target on a worker. Rejects when the worker failed or the pool is off (check it elsewhere). */
  check(target: CheckTarget, options: WorkerCheckOptions, signal: AbortSignal): Promise<PackedReport>;
  /** False once the pool is closed or has given up on workers (checks then run on the main thread). */
  active(): boolean;
  /** Tells every worker to drop its cached answers for `domain` and the names under it. */
  forget(domain: string): void;
  /**
   * Checks the workers hold now that are not yet slow (held for less than `slowAfterMs`): a domain waiting out
   * timeouts has given its slot back (see ../dns/slow-lane.ts), so it does not keep live domains off the workers.
   */
  inHand(): number;
  /** DNS queries the workers have sent (as of their last answer). */
  sent(): number;
  /** Stops every worker; checks still open reject. */
  close(): Promise<void>;
};

export type PoolOptions = Omit<WorkerSetup, 'sentCounts' | 'slot'> & {
  size: number;
  /** Starts one worker (tests start their own; the default is ./check-worker.ts). */
  spawn?: (setup: WorkerSetup) => Worker;
};

/**
 * A worker's young generation: V8's default (about 48 MB on this kind of machine) made each worker cost
 * ~70 MB of RSS in a 1,000-domain run; 16 MB cut that by about 40 MB per worker at the same speed (8 MB cost
 * about 10% in throughput). See docs/performance.md.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Starts ./check-worker.ts. The bundler finds the worker's entry only in exactly this form (a literal
 * `new URL` inside `new Worker`); a URL held in a variable makes it bundle every file as a possible entry.
 */
function spawnCheckWorker(setup: WorkerSetup): Worker {
  return new Worker(new URL('./check-worker.ts', import.meta.url), {
    workerData: setup,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
}

/** Worker exits in a row, with no check finished in between, after which the pool gives up on workers. */
export const MAX_FAILED_STARTS = 3;

type Pending = {
  resolve: (report: PackedReport) => void;
  reject: (err: Error) => void;
  unlink: () => void;
  startedAt: number;
};

type Slot = { worker: Worker | null; pending: Map<number, Pending> };

function abortReason(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  return abortOutcome(reason) === 'deadline' ? 'deadline' : 'cancelled';
}

function bytes(view: Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

export function createCheckPool(options: PoolOptions): CheckPool {
  const sentCounts = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * options.size);
  // Written by the workers (a stale read only lags a lookup or two).
  const counts = new Float64Array(sentCounts);
  const spawn = options.spawn ?? spawnCheckWorker;
  const slots: Slot[] = Array.from({ length: options.size }, () => ({ worker: null, pending: new Map() }));
  let nextId = 1;
  let stoppedSent = 0;
  let failedStarts = 0;
  let off = options.size === 0;
  let closed = false;

  const failAll = (slot: Slot, why: string) => {
    const err = new Error(why);
    for (const p of slot.pending.values()) {
      p.unlink();
      p.reject(err);
    }
    slot.pending.clear();
  };

  const stopped = (slot: Slot, worker: Worker, why: string) => {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const at = slots.indexOf(slot);
    stoppedSent += counts[at] ?? 0;
    counts[at] = 0;
    failAll(slot, why);
    if (closed) return;
    failedStarts++;
    if (failedStarts >= MAX_FAILED_STARTS && !off) {
      off = true;
      getLog().error({ why }, 'check workers keep stopping; bulk runs go on on the main thread');
    }
  };

  const start = (slot: Slot): Worker => {
    const worker = spawn({
      inFlight: options.inFlight,
      slowAfterMs: options.slowAfterMs,
      sentCounts,
      slot: slots.indexOf(slot),
      ...(options.politeness ? { politeness: options.politeness } : {}),
    });
    // Idle workers never keep the process alive.
    worker.unref();
    worker.on('message', (msg: FromWorker) => {
      const pending = slot.pending.get(msg.id);
      if (!pending) return;
      slot.pending.delete(msg.id);
      pending.unlink();
      if (msg.kind === 'failed') {
        pending.reject(new Error(`check worker: ${msg.message}`));
        return;
      }
      failedStarts = 0;
      const { domain, health, checkedAt, outcome, lang } = msg;
      pending.resolve({ domain, health, checkedAt, outcome, lang, json: bytes(msg.json), packed: bytes(msg.packed) });
    });
    worker.on('error', (err) => stopped(slot, worker, `check worker failed: ${err.message}`));
    worker.on('exit', (code) => stopped(slot, worker, `check worker exited (code ${code})`));
    slot.worker = worker;
    return worker;
  };

  /** Starts the slot's worker; a worker that cannot even be created counts as one that exited. */
  const tryStart = (slot: Slot): Error | null => {
    try {
      start(slot);
      return null;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      failedStarts++;
      if (failedStarts >= MAX_FAILED_STARTS && !off) {
        off = true;
        getLog().error({ why: error.message }, 'check workers cannot start; bulk runs go on on the main thread');
      }
      return error;
    }
  };

  const post = (slot: Slot, msg: ToWorker) => slot.worker?.postMessage(msg);

  // Started at once: a run's first row should not wait for a worker to load.
  if (!off) for (const slot of slots) tryStart(slot);

  return {
    check(target, checkOptions, signal) {
      if (off || closed) return Promise.reject(new Error('check workers are off'));
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const failed = slot.worker ? null : tryStart(slot);
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<PackedReport>((resolve, reject) => {
        const pending: Pending = { resolve, reject, unlink: () => {}, startedAt: performance.now() };
        slot.pending.set(id, pending);
        post(slot, { kind: 'check', id, target, options: checkOptions });
        // After the check message, so an abort (even one already signalled) reaches the worker after it.
        pending.unlink = onAbort(signal, () => post(slot, { kind: 'abort', id, reason: abortReason(signal.reason) }));
      });
    },
    active() {
      return !off && !closed;
    },
    forget(domain) {
      for (const slot of slots) post(slot, { kind: 'forget', domain });
    },
    inHand() {
      const slowFrom = performance.now() - options.slowAfterMs;
      let held = 0;
      for (const slot of slots) for (const p of slot.pending.values()) if (p.startedAt > slowFrom) held++;
      return held;
    },
    sent() {
      return stoppedSent + counts.reduce((sum, n) => sum + n, 0);
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          if (!worker) return;
          stopped(slot, worker, 'check pool closed');
          await worker.terminate();
        }),
      );
    },
  };
}

/** The bulk pool's settings: CHECK_WORKERS workers, each with its share of the bulk in-flight budget. */
function bulkPoolOptions(config: ServerConfig): PoolOptions {
  // The process's politeness log: the authoritative path's cap per server address counts every thread's queries.
  const politeness = processPolitenessBuffer(config.authority.qpsPerServer);
  return {
    size: config.checkWorkers,
    inFlight: bulkInFlightPerThread(config),
    slowAfterMs: slowAfter(config.timeoutMs),
    ...(politeness ? { politeness } : {}),
  };
}

const POOL_KEY = Symbol.for('m365-dns-health.check-pool');
type WithPool = typeof globalThis & { [POOL_KEY]?: CheckPool };

/** The process check pool (on globalThis: every route bundle shares it), created on first use. */
function getCheckPool(options: PoolOptions): CheckPool {
  const g = globalThis as WithPool;
  g[POOL_KEY] ??= createCheckPool(options);
  return g[POOL_KEY];
}

/**
 * After a re-check (`fresh`) on the main thread: the process pool's workers drop their cached answers for the
 * domain, so no later check anywhere is answered from before the re-check. No-op without a pool (and so in
 * a worker thread).
 */
export function forgetInCheckWorkers(domain: string): void {
  (globalThis as WithPool)[POOL_KEY]?.forget(domain);
}

/** The process pool for bulk runs (started on first use), or null with CHECK_WORKERS=0. */
export function bulkCheckPool(config: ServerConfig): CheckPool | null {
  return config.checkWorkers > 0 ? getCheckPool(bulkPoolOptions(config)) : null;
}

/** DNS queries sent by the process pool's workers; 0 when there is no pool. */
export function checkPoolSent(): number {
  return (globalThis as WithPool)[POOL_KEY]?.sent() ?? 0;
}

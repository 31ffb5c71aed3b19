/**
 * Messages between the check pool (./pool.ts, main thread) and its worker threads (./check-worker.ts).
 * Everything in them survives the structured clone: plain objects, strings, numbers and Uint8Arrays.
 */
import type { NormalizedDomain as CheckTarget } from '@/lib/input/normalize';
import type { CloudChoice, Outcome, RecordsHealth, ServiceOverride } from '@/lib/schema';

/** What a worker is started with (`workerData`). */
export type WorkerSetup = {
  /** DNS lookups this worker keeps on the wire at once. */
  inFlight: number;
  /** A lookup still waiting after this many ms gives its slot back (slow lane, see ../dns/slow-lane.ts). */
  slowAfterMs: number;
  /**
   * DNS queries sent, one Float64 per worker slot, shared with the pool: the worker writes its count into
   * `slot` whenever a lookup ends, so the server's query counter (GET /api/health) sees it at once.
   */
  sentCounts: SharedArrayBuffer;
  slot: number;
  /** The process's politeness log (../dns/politeness.ts), so the cap per server address holds for every thread. */
  politeness?: SharedArrayBuffer;
};

/** The parts of CheckOptions a worker needs (signal, resolver and trace are the worker's own). */
export type WorkerCheckOptions = {
  cloud: CloudChoice;
  lang: string;
  services?: ServiceOverride;
  fresh?: boolean;
  /** Pack the stored result too (a run's), beside the report rendered in `lang`. */
  store?: boolean;
};

export type ToWorker =
  | { kind: 'check'; id: number; target: CheckTarget; options: WorkerCheckOptions }
  /** Aborts check `id` with `reason` ('deadline', or a cancel/shutdown reason: the lookups end `cancelled`). */
  | { kind: 'abort'; id: number; reason: string }
  /** Drops the worker's cached answers for `domain` and the names under it (a re-check ran elsewhere). */
  | { kind: 'forget'; domain: string };

export type FromWorker =
  | {
      kind: 'done';
      id: number;
      domain: string;
      health: RecordsHealth;
      checkedAt: string;
      outcome: Outcome;
      lang: string;
      json: Uint8Array;
      packed: Uint8Array;
    }
  | { kind: 'failed'; id: number; message: string };

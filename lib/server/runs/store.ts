/**
 * Run storage behind an interface (`RunStore`), implemented over the storage layer (../storage/db.ts: the embedded
 * database or PostgreSQL, one code path): a run's list, settings and every finished result are written as they
 * finish, so a restart (even kill -9) loses no finished result and the run can resume (./engine.ts). Results are
 * read from storage when a reader needs them, never kept in the heap. Runs are dropped after their retention
 * (deleted, with their results); a bounded tombstone table remembers dropped ids so a late fetch says "expired"
 * (410) rather than "never existed" (404). The number of runs kept is bounded twice: `maxRuns` in all and
 * `maxRunsPerClient` per owner (the rate-limit client key), and a new run only ever makes room by dropping its own
 * client's oldest finished runs, never another client's (see `create`). Live followers are told of changes in
 * this process (`subscribe`).
 */
import { randomBytes } from 'node:crypto';
import type {
  CheckResult,
  CloudChoice,
  InvalidEntry,
  RecordsHealth,
  RunDuplicate,
  RunStatus,
  ServiceOverride,
} from '@/lib/schema';
import type { CheckTarget } from '../check';
import type { PackedReport, StoredResult } from './stored-result';

/** Who started a run: the client it counts against, and the hash of the owner token it was given. */
export type RunOwner = {
  /** The rate-limit client key of the request that started the run (`ctx.client`): the quota's key. */
  client: string;
  /** SHA-256 of the owner token (hex); the token itself is never stored. See ./owner.ts. */
  tokenHash: string;
};

/**
 * Where a run's list came from, for the summary export: the input line of each target, and the uploaded file's other
 * columns with each line's cells.
 */
export type RunSource = {
  /** The input line of each target, in the order of `targets`. */
  lines: number[];
  /** The other columns' names (empty when the list was not a spreadsheet). */
  columns: string[];
  /** The cells of the other columns per input line (lines of targets, rejected lines and duplicates). */
  cells: Map<number, readonly string[]>;
};

export type RunRecord = {
  id: string;
  owner: RunOwner;
  createdAt: number;
  expiresAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** When the latest batch (the run, or a re-check) started and how many of its domains are done: for the rate. */
  batchStartedAt: number | null;
  batchDone: number;
  cloud: CloudChoice;
  services?: ServiceOverride;
  lang: string;
  status: RunStatus;
  /** Valid domains, in input order. */
  targets: CheckTarget[];
  invalid: InvalidEntry[];
  duplicates: RunDuplicate[];
  /** The input lines and the uploaded columns, when the run was started with them. */
  source?: RunSource;
  /**
   * Results stored (they are read through the store: `results`, `resultFor`…). They are kept in completion order
   * (`index` 0 to checked - 1); a re-check replaces a result at its index. Each carries the run revision that
   * stored it; `revision` counts every store (append or replace).
   */
  checked: number;
  revision: number;
  /** Domains queued or in flight (re-checks included). */
  pending: number;
};

export type NewRun = Pick<
  RunRecord,
  'owner' | 'cloud' | 'services' | 'lang' | 'targets' | 'invalid' | 'duplicates' | 'source'
> & {
  /**
   * A run of a list (../lists/service.ts): kept for the list's retention instead of the store's, outside the
   * per-client quota, its membership recorded with it, and per-record rows stored with each result.
   */
  list?: ListRunInput;
};

/** What a list run records beside the run (the `list_runs` row). */
export type ListRunInput = {
  id: string;
  retentionS: number;
  trigger: string;
  slot?: string | undefined;
  /** The list's domains (ASCII) when the run starts, and their hash (the "list changed" warning). */
  domains: string[];
  domainsHash: string;
};

/**
 * Why a run was not stored: its client already keeps `maxRunsPerClient` runs none of which has finished
 * (`client-quota`), or the store keeps `maxRuns` runs and none of the client's own has finished
 * (`store-full`). `limit` is the bound that was hit, `count` the runs it counts; `retryAfterS` is when room
 * is sure to appear (the first of the runs counted expires), or null when that is unknown.
 */
export type RunRefusal = {
  reason: 'client-quota' | 'store-full';
  limit: number;
  count: number;
  retryAfterS: number;
};

export type CreateResult = { created: RunRecord } | { refused: RunRefusal };

/**
 * What changed in a run, for live followers. A result comes with its JSON bytes: a follower writes them out
 * (copies them) at once and need not unpack the result later.
 */
export type RunChange =
  | {
      kind: 'result';
      index: number;
      revision: number;
      /** The report in the run's language as the API writes it (JSON, UTF-8), lent for the listener's call. */
      json?: Buffer;
      /** The language of `json`. */
      lang?: string;
    }
  | { kind: 'status' };

export type Lookup = { found: RunRecord } | { missing: 'not-found' | 'expired' };

/** Storage of runs. Every method may be async so a shared (networked) store fits the same interface. */
export interface RunStore {
  /**
   * Stores a new run for `input.owner.client`, making room first when needed, by this rule (a shared store must
   * apply it atomically):
   * 1. a client keeping `maxRunsPerClient` runs drops its own oldest finished ones until it is below;
   * 2. a full store (`maxRuns`) drops the client's own oldest finished runs until there is room;
   * 3. nothing else is ever dropped to make room: when 1 or 2 finds no finished run of the client's own, the
   *    run is refused (`client-quota` or `store-full`) and nothing changes. Runs of other clients leave only
   *    by expiry (their retention) or their own owner's new runs.
   */
  create(input: NewRun): Promise<CreateResult>;
  get(id: string): Promise<Lookup>;
  /**
   * Stores a domain's check result (rendered in the run's language for live followers, packed for keeping).
   * Without `replace`, a domain already stored is ignored (exactly once); with it, the result replaces the earlier
   * one at the same index. Returns the index, or null when ignored.
   */
  putResult(id: string, result: CheckResult, options?: { replace?: boolean }): Promise<number | null>;
  /**
   * `putResult` for a result already rendered, serialised and packed (`packCheck`, on a check worker or here).
   */
  putPacked(id: string, report: PackedReport, options?: { replace?: boolean }): Promise<number | null>;
  update(id: string, patch: Partial<Pick<RunRecord, UpdatableKeys>>): Promise<void>;
  /** Results from index `from` (at most `limit`), in index order. */
  results(id: string, from: number, limit?: number): Promise<IndexedResult[]>;
  /** The results at these indexes (those that exist), in index order. */
  resultsAt(id: string, indexes: readonly number[]): Promise<IndexedResult[]>;
  /** The results of these domains (those that have one). */
  resultsFor(id: string, domains: readonly string[]): Promise<Map<string, IndexedResult>>;
  /** The result of one domain, or null. */
  resultFor(id: string, domain: string): Promise<IndexedResult | null>;
  /** How many results the run has of each health. */
  counts(id: string): Promise<Record<RecordsHealth, number>>;
  /** The domains whose result has `health`. */
  domainsWith(id: string, health: RecordsHealth): Promise<string[]>;
  /** Indexes below `below` whose result was stored after revision `after` (re-checks a reader has not seen). */
  changedSince(id: string, after: number, below: number): Promise<number[]>;
  /** Runs not finished (queued, running, or with domains pending): what a restart resumes. */
  unfinished(): Promise<RunRecord[]>;
  /** The run's targets that have no result yet, in input order. */
  unchecked(id: string): Promise<CheckTarget[]>;
  /** Drops runs past their retention (deletes them from storage); returns their ids. */
  expire(now?: number): Promise<string[]>;
  /** Calls `listener` on every change of the run; returns the unsubscribe function. */
  subscribe(id: string, listener: (change: RunChange) => void): () => void;
}

/** A stored result with its index in the run. */
export type IndexedResult = StoredResult & { index: number };

type UpdatableKeys = 'status' | 'startedAt' | 'finishedAt' | 'pending' | 'batchStartedAt' | 'batchDone';

export type StoreOptions = {
  retentionS: number;
  /** Runs kept in all (the storage bound). */
  maxRuns: number;
  /** Runs kept per client (`RunOwner.client`); at most `maxRuns` counts. Default: `maxRuns`. */
  maxRunsPerClient?: number;
  /** Dropped ids remembered for the 410 answer. */
  maxTombstones?: number;
  now?: () => number;
  /** Called with a run that is dropped (expired or evicted) so its execution can be stopped. */
  onDrop?: (id: string) => void;
};

/** A random, unguessable, url-safe id (128 bits). */
export function newRunId(): string {
  return randomBytes(16).toString('base64url');
}

const TERMINAL: ReadonlySet<RunStatus> = new Set(['done', 'cancelled', 'expired']);

/** True when the run no longer starts domains on its own (a re-check may still add some). */
export function isFinished(run: Pick<RunRecord, 'status' | 'pending'>): boolean {
  return TERMINAL.has(run.status) && run.pending === 0;
}

/**
 * Run storage behind an interface (`RunStore`), so a shared store can take over later. The default is in
 * memory on globalThis (route handlers load as separate bundles and must see the same runs). Runs are dropped
 * after their retention; a small tombstone list remembers dropped ids so a late fetch says "expired" (410)
 * rather than "never existed" (404). The number of runs kept is bounded twice: `maxRuns` in all (the memory
 * bound) and `maxRunsPerClient` per owner (the rate-limit client key), and a new run only ever makes room by
 * dropping its own client's oldest finished runs, never another client's (see `create`).
 * Results are kept serialised and packed (./stored-result.ts): a kept 10,000-domain run takes about 60 MB.
 */
import { randomBytes } from 'node:crypto';
import type { CheckResult, CloudChoice, InvalidEntry, RunDuplicate, RunStatus, ServiceOverride } from '@/lib/schema';
import type { CheckTarget } from '../check';
import { type Arena, createArena, type PackedReport, packCheck, type StoredResult, storePacked } from './stored-result';

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
   * Results in completion order; a re-check replaces a result at its index. Each carries the run revision
   * that stored it; `revision` counts every store (append or replace).
   */
  results: StoredResult[];
  revision: number;
  /** Domains queued or in flight (re-checks included). */
  pending: number;
};

export type NewRun = Pick<
  RunRecord,
  'owner' | 'cloud' | 'services' | 'lang' | 'targets' | 'invalid' | 'duplicates' | 'source'
>;

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
  /** Results from index `from` (at most `limit`). */
  results(id: string, from: number, limit?: number): Promise<StoredResult[]>;
  /** Drops runs past their retention; returns their ids. */
  expire(now?: number): Promise<string[]>;
  /** Calls `listener` on every change of the run; returns the unsubscribe function. */
  subscribe(id: string, listener: (change: RunChange) => void): () => void;
}

type UpdatableKeys = 'status' | 'startedAt' | 'finishedAt' | 'pending' | 'batchStartedAt' | 'batchDone';

export type MemoryStoreOptions = {
  retentionS: number;
  /** Runs kept in all (the memory bound). */
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

/** The in-memory RunStore. */
export function createMemoryRunStore(options: MemoryStoreOptions): RunStore {
  const now = options.now ?? Date.now;
  const maxTombstones = options.maxTombstones ?? 10_000;
  const perClient = Math.min(options.maxRunsPerClient ?? options.maxRuns, options.maxRuns);
  const runs = new Map<string, RunRecord>();
  const indexOf = new Map<string, Map<string, number>>();
  // Each run's packed results live in the run's own arena, freed whole with the run.
  const arenas = new Map<string, Arena>();
  const tombstones = new Set<string>();
  const listeners = new Map<string, Set<(change: RunChange) => void>>();

  const notify = (id: string, change: RunChange) => {
    for (const listener of [...(listeners.get(id) ?? [])]) {
      try {
        listener(change);
      } catch {
        // A follower's failure never affects the run.
      }
    }
  };
  const drop = (id: string) => {
    const run = runs.get(id);
    if (!run) return;
    runs.delete(id);
    indexOf.delete(id);
    arenas.delete(id);
    tombstones.add(id);
    if (tombstones.size > maxTombstones) {
      const oldest = tombstones.values().next().value;
      if (oldest !== undefined) tombstones.delete(oldest);
    }
    run.status = 'expired';
    options.onDrop?.(id);
    notify(id, { kind: 'status' });
    listeners.delete(id);
  };
  const sweep = (at: number): string[] => {
    const gone: string[] = [];
    for (const run of runs.values()) if (run.expiresAt <= at) gone.push(run.id);
    for (const id of gone) drop(id);
    return gone;
  };
  const live = (id: string): RunRecord | undefined => {
    const run = runs.get(id);
    if (run && run.expiresAt <= now()) {
      drop(id);
      return undefined;
    }
    return run;
  };

  const store: RunStore = {
    async create(input) {
      const at = now();
      sweep(at);
      const mine = [...runs.values()].filter((r) => r.owner.client === input.owner.client);
      // Expiry frees room for sure: the first of the counted runs to go.
      const refuse = (reason: RunRefusal['reason'], limit: number, counted: readonly RunRecord[]) => {
        const first = Math.min(...counted.map((r) => r.expiresAt));
        const retryAfterS = Math.max(1, Math.ceil((first - at) / 1000));
        return { refused: { reason, limit, count: counted.length, retryAfterS } };
      };
      /** Drops the client's own oldest finished run; false when it has none. */
      const dropOwnFinished = () => {
        const victim = mine.find((r) => isFinished(r));
        if (!victim) return false;
        mine.splice(mine.indexOf(victim), 1);
        drop(victim.id);
        return true;
      };
      // Decide before dropping anything: a refused run changes nothing.
      const finished = mine.filter((r) => isFinished(r)).length;
      const overQuota = Math.max(0, mine.length + 1 - perClient);
      const overStore = Math.max(0, runs.size + 1 - options.maxRuns);
      if (overQuota > finished) return refuse('client-quota', perClient, mine);
      if (overStore > finished) return refuse('store-full', options.maxRuns, [...runs.values()]);
      for (let n = Math.max(overQuota, overStore); n > 0; n--) dropOwnFinished();
      const run: RunRecord = {
        ...input,
        id: newRunId(),
        createdAt: at,
        expiresAt: at + options.retentionS * 1000,
        startedAt: null,
        finishedAt: null,
        batchStartedAt: null,
        batchDone: 0,
        status: 'queued',
        results: [],
        revision: 0,
        pending: 0,
      };
      runs.set(run.id, run);
      indexOf.set(run.id, new Map());
      arenas.set(run.id, createArena());
      return { created: run };
    },
    async get(id) {
      const run = live(id);
      if (run) return { found: run };
      return { missing: tombstones.has(id) ? 'expired' : 'not-found' };
    },
    async putResult(id, report, opts = {}) {
      const run = live(id);
      if (!run) return null;
      return store.putPacked(id, packCheck(report, run.lang, { store: true }), opts);
    },
    async putPacked(id, report, opts = {}) {
      const run = live(id);
      const index = indexOf.get(id);
      const arena = arenas.get(id);
      if (!run || !index || !arena) return null;
      const existing = index.get(report.domain);
      if (existing !== undefined && !opts.replace) return null;
      const { json, lang } = report;
      const result = storePacked(report, ++run.revision, arena);
      if (existing !== undefined) {
        run.results[existing] = result;
        notify(id, { kind: 'result', index: existing, revision: result.revision, json, lang });
        return existing;
      }
      const at = run.results.length;
      run.results.push(result);
      index.set(report.domain, at);
      notify(id, { kind: 'result', index: at, revision: result.revision, json, lang });
      return at;
    },
    async update(id, patch) {
      const run = live(id);
      if (!run) return;
      const statusChanged = patch.status !== undefined && patch.status !== run.status;
      Object.assign(run, patch);
      if (statusChanged) notify(id, { kind: 'status' });
    },
    async results(id, from, limit) {
      const run = live(id);
      if (!run) return [];
      return run.results.slice(from, limit === undefined ? undefined : from + limit);
    },
    async expire(at = now()) {
      return sweep(at);
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) {
        set = new Set();
        listeners.set(id, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  return store;
}

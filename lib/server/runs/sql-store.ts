/**
 * The RunStore over the storage layer (../storage/db.ts), one implementation for the embedded database and
 * PostgreSQL. A run is a row of `runs` (its settings, status and counters; its list as the JSON `spec`), each
 * finished result a row of `run_results` keyed by (run, index) and unique on (run, domain): a result is written
 * in its own transaction as it finishes, so a crash loses no finished result, and a second write of a domain is
 * ignored unless it replaces (exactly once). Dropped runs are deleted with their results and leave a tombstone.
 *
 * A run's spec (its targets, rejected lines, duplicates and source) is parsed once and kept for the few runs in use
 * (`SPEC_CACHE`), since the engine reads its run for every domain; results are never kept.
 */
import 'server-only';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { recordStates } from '@/lib/history/records';
import type { CloudChoice, InvalidEntry, RecordsHealth, RunDuplicate, RunStatus, ServiceOverride } from '@/lib/schema';
import type { CheckTarget } from '../check';
import { listRunFinished } from '../lists/hooks';
import type { Storage } from '../storage/db';
import type { Database, RunResultsTable, RunsTable } from '../storage/schema';
import {
  type IndexedResult,
  isFinished,
  newRunId,
  type RunChange,
  type RunRecord,
  type RunRefusal,
  type RunSource,
  type RunStore,
  type StoreOptions,
} from './store';
import { checkOfPacked, packCheck } from './stored-result';

/** Parsed specs kept (the runs in use); a run beyond them is read again from its row. */
const SPEC_CACHE = 64;
const HEALTHS: readonly RecordsHealth[] = ['healthy', 'needs-attention', 'broken', 'could-not-check'];
const UNFINISHED: readonly RunStatus[] = ['queued', 'running'];

type Spec = Pick<RunRecord, 'targets' | 'invalid' | 'duplicates' | 'source'>;
type StoredSpec = {
  targets: CheckTarget[];
  invalid: InvalidEntry[];
  duplicates: RunDuplicate[];
  source?: { lines: number[]; columns: string[]; cells: Array<[number, string[]]> };
};

function specJson(run: Spec): string {
  const stored: StoredSpec = { targets: run.targets, invalid: run.invalid, duplicates: run.duplicates };
  if (run.source) {
    stored.source = {
      lines: run.source.lines,
      columns: run.source.columns,
      cells: [...run.source.cells].map(([line, cells]) => [line, [...cells]]),
    };
  }
  return JSON.stringify(stored);
}

function parseSpec(json: string): Spec {
  const stored = JSON.parse(json) as StoredSpec;
  const source: RunSource | undefined = stored.source && {
    lines: stored.source.lines,
    columns: stored.source.columns,
    cells: new Map(stored.source.cells),
  };
  return {
    targets: stored.targets,
    invalid: stored.invalid,
    duplicates: stored.duplicates,
    ...(source ? { source } : {}),
  };
}

type Db = Kysely<Database> | Transaction<Database>;
/** A run's row without its spec (a 10,000-domain list is a megabyte of JSON: read once, see `specOf`). */
const ROW_COLUMNS = [
  'id',
  'client',
  'token_hash',
  'created_at',
  'expires_at',
  'started_at',
  'finished_at',
  'batch_started_at',
  'batch_done',
  'cloud',
  'services',
  'lang',
  'status',
  'revision',
  'pending',
  'checked',
] as const;
type Row = Pick<Selectable<RunsTable>, (typeof ROW_COLUMNS)[number]>;
type ResultRow = Pick<Selectable<RunResultsTable>, 'idx' | 'domain' | 'health' | 'checked_at' | 'revision' | 'packed'>;
const RESULT_COLUMNS = ['idx', 'domain', 'health', 'checked_at', 'revision', 'packed'] as const;

function toResult(row: ResultRow): IndexedResult {
  return {
    index: row.idx,
    domain: row.domain,
    health: row.health as RecordsHealth,
    checkedAt: row.checked_at,
    revision: row.revision,
    packed: Buffer.isBuffer(row.packed) ? row.packed : Buffer.from(row.packed),
  };
}

/** The SQL store, which also hands this process's followers the changes other instances made. */
export type SqlRunStore = RunStore & {
  /** Tells this process's followers of run `id` (every run followed when null) of a change made elsewhere. */
  deliver(id: string | null, change: RunChange): void;
};

/** Thrown inside a transaction to roll it back (a domain stored already, a run gone). */
class Rollback extends Error {}

/** A unique constraint broken: another writer stored the same domain of the run first. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The RunStore on `storage`, or on what `storage()` gives (called by every method: the store may be made before the
 * database is open, and a failed open is tried again; see `getStorage`).
 */
export function createSqlRunStore(
  storage: Storage | (() => Promise<Storage>),
  options: StoreOptions & {
    /** Tells the other instances of a change (PostgreSQL: ./queue-bus.ts); a result goes without its report. */
    publish?: (id: string, change: RunChange, replaced: boolean) => void;
  },
): SqlRunStore {
  const now = options.now ?? Date.now;
  const maxTombstones = options.maxTombstones ?? 10_000;
  const perClient = Math.min(options.maxRunsPerClient ?? options.maxRuns, options.maxRuns);
  const opened = typeof storage === 'function' ? storage : async () => storage;
  const db = async () => (await opened()).db;
  const specs = new Map<string, Spec>();
  const listeners = new Map<string, Set<(change: RunChange) => void>>();

  const notify = (id: string, change: RunChange, replaced = false) => {
    options.publish?.(id, change, replaced);
    deliver(id, change);
  };
  /** Tells this process's followers of run `id`. */
  const deliver = (id: string, change: RunChange) => {
    for (const listener of [...(listeners.get(id) ?? [])]) {
      try {
        listener(change);
      } catch {
        // A follower's failure never affects the run.
      }
    }
  };

  /** The run's spec: parsed once, then kept while the run is in use (its JSON is read only when not kept). */
  const specOf = async (id: string): Promise<Spec | undefined> => {
    let spec = specs.get(id);
    if (spec) {
      // Most recently used last.
      specs.delete(id);
    } else {
      const row = await (await db()).selectFrom('runs').select('spec').where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      spec = parseSpec(row.spec);
    }
    specs.set(id, spec);
    if (specs.size > SPEC_CACHE) {
      const oldest = specs.keys().next().value;
      if (oldest !== undefined) specs.delete(oldest);
    }
    return spec;
  };

  /** The run's record from its row (every column but `spec`) and its spec; undefined when the run is gone. */
  const toRecord = async (row: Row): Promise<RunRecord | undefined> => {
    const spec = await specOf(row.id);
    return (
      spec && {
        id: row.id,
        owner: { client: row.client, tokenHash: row.token_hash },
        createdAt: Number(row.created_at),
        expiresAt: Number(row.expires_at),
        startedAt: row.started_at === null ? null : Number(row.started_at),
        finishedAt: row.finished_at === null ? null : Number(row.finished_at),
        batchStartedAt: row.batch_started_at === null ? null : Number(row.batch_started_at),
        batchDone: row.batch_done,
        cloud: row.cloud as CloudChoice,
        ...(row.services ? { services: JSON.parse(row.services) as ServiceOverride } : {}),
        lang: row.lang,
        status: row.status as RunStatus,
        ...spec,
        checked: row.checked,
        revision: row.revision,
        pending: row.pending,
      }
    );
  };

  /** Deletes runs `ids` (results first) and remembers them as tombstones, in `trx`. */
  const deleteRuns = async (trx: Db, ids: readonly string[], at: number) => {
    if (ids.length === 0) return;
    const gone = await trx.selectFrom('runs').select(['id', 'seq']).where('id', 'in', ids).execute();
    if (gone.length === 0) return;
    await trx.deleteFrom('run_results').where('run_id', 'in', ids).execute();
    await trx.deleteFrom('result_records').where('run_id', 'in', ids).execute();
    await trx.deleteFrom('list_runs').where('run_id', 'in', ids).execute();
    await trx.deleteFrom('runs').where('id', 'in', ids).execute();
    await trx
      .insertInto('run_tombstones')
      .values(gone.map((run) => ({ id: run.id, seq: run.seq, dropped_at: at })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const { n } = await trx
      .selectFrom('run_tombstones')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const over = Number(n) - maxTombstones;
    if (over > 0) {
      const oldest = trx.selectFrom('run_tombstones').select('id').orderBy('dropped_at').orderBy('seq').limit(over);
      await trx.deleteFrom('run_tombstones').where('id', 'in', oldest).execute();
    }
  };
  /** After the transaction that dropped them: stop their execution and tell their followers. */
  const dropped = (ids: readonly string[]) => {
    for (const id of ids) {
      specs.delete(id);
      options.onDrop?.(id);
      notify(id, { kind: 'status' });
      listeners.delete(id);
    }
  };
  const sweep = async (at: number): Promise<string[]> => {
    const d = await db();
    const gone = (await d.selectFrom('runs').select('id').where('expires_at', '<=', at).execute()).map((r) => r.id);
    if (gone.length === 0) return [];
    await d.transaction().execute((trx) => deleteRuns(trx, gone, at));
    dropped(gone);
    return gone;
  };
  /** The run's row unless it is gone or past its retention (then dropped). */
  const live = async (id: string): Promise<Row | undefined> => {
    const d = await db();
    const row = await d.selectFrom('runs').select(ROW_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (row && Number(row.expires_at) <= now()) {
      await sweep(now());
      return undefined;
    }
    return row;
  };
  /** Serialises `create` across instances sharing PostgreSQL (the embedded database has one writer). */
  const lockCreate = async (trx: Transaction<Database>) => {
    if ((await opened()).kind === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext('m365-dns-health.runs.create'))`.execute(trx);
  };

  const store: SqlRunStore = {
    deliver(id, change) {
      if (id !== null) deliver(id, change);
      else for (const run of [...listeners.keys()]) deliver(run, change);
    },
    async create(input) {
      const at = now();
      await sweep(at);
      const d = await db();
      const id = newRunId();
      const victims: string[] = [];
      const outcome = await d
        .transaction()
        .execute(async (trx): Promise<{ refused: RunRefusal } | { created: true }> => {
          await lockCreate(trx);
          const counted = ['id', 'status', 'pending', 'expires_at'] as const;
          // Runs of lists are kept by their list's retention: they neither count toward the quota nor make room.
          const all = input.list
            ? []
            : await trx
                .selectFrom('runs')
                .select([...counted, 'client'])
                .where('list_id', 'is', null)
                .orderBy('seq')
                .execute();
          const mine = all.filter((r) => r.client === input.owner.client);
          const finishedOf = (rows: typeof all) =>
            rows.filter((r) => isFinished({ status: r.status as RunStatus, pending: r.pending }));
          // Expiry frees room for sure: the first of the counted runs to go.
          const refuse = (reason: RunRefusal['reason'], limit: number, rows: typeof all) => {
            const first = Math.min(...rows.map((r) => Number(r.expires_at)));
            const retryAfterS = Math.max(1, Math.ceil((first - at) / 1000));
            return { refused: { reason, limit, count: rows.length, retryAfterS } };
          };
          // Decide before dropping anything: a refused run changes nothing.
          const finished = finishedOf(mine);
          const overQuota = Math.max(0, mine.length + 1 - perClient);
          const overStore = Math.max(0, all.length + 1 - options.maxRuns);
          if (overQuota > finished.length) return refuse('client-quota', perClient, mine);
          if (overStore > finished.length) return refuse('store-full', options.maxRuns, all);
          victims.push(...finished.slice(0, Math.max(overQuota, overStore)).map((r) => r.id));
          await deleteRuns(trx, victims, at);
          const { seq } = await trx
            .selectFrom('runs')
            .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('seq'))
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('runs')
            .values({
              id,
              seq: Number(seq) + 1,
              client: input.owner.client,
              token_hash: input.owner.tokenHash,
              created_at: at,
              expires_at: at + (input.list?.retentionS ?? options.retentionS) * 1000,
              list_id: input.list?.id ?? null,
              started_at: null,
              finished_at: null,
              batch_started_at: null,
              batch_done: 0,
              cloud: input.cloud,
              services: input.services ? JSON.stringify(input.services) : null,
              lang: input.lang,
              status: 'queued',
              revision: 0,
              pending: 0,
              total: input.targets.length,
              checked: 0,
              spec: specJson(input),
            })
            .execute();
          if (input.list) {
            await trx
              .insertInto('list_runs')
              .values({
                run_id: id,
                list_id: input.list.id,
                started_at: at,
                finished_at: null,
                trigger: input.list.trigger,
                slot: input.list.slot ?? null,
                domains: JSON.stringify(input.list.domains),
                domains_hash: input.list.domainsHash,
              })
              .execute();
          }
          return { created: true };
        });
      dropped(victims);
      if ('refused' in outcome) return outcome;
      const row = await live(id);
      const record = row && (await toRecord(row));
      if (!record) throw new Error('a run just stored could not be read back');
      return { created: record };
    },
    async get(id) {
      const row = await live(id);
      const record = row && (await toRecord(row));
      if (record) return { found: record };
      const d = await db();
      const tomb = await d.selectFrom('run_tombstones').select('id').where('id', '=', id).executeTakeFirst();
      return { missing: tomb ? 'expired' : 'not-found' };
    },
    async putResult(id, result, opts = {}) {
      const row = await live(id);
      if (!row) return null;
      return store.putPacked(id, packCheck(result, row.lang, { store: true }), opts);
    },
    async putPacked(id, report, opts = {}) {
      const d = await db();
      const at = now();
      let stored: { index: number; revision: number; replaced: boolean } | null = null;
      try {
        // Four statements, one transaction: the result is stored (and the run's counters raised) or nothing is.
        stored = await d.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('run_results')
            .select('idx')
            .where('run_id', '=', id)
            .where('domain', '=', report.domain)
            .executeTakeFirst();
          if (existing && !opts.replace) throw new Rollback('stored already');
          // Raising the revision locks the run's row: the writes of one run are serialised (PostgreSQL included).
          // Two writers of the same new domain at once: the second insert breaks (run, domain) and rolls back.
          const bumped = await trx
            .updateTable('runs')
            .set((eb) => ({
              revision: eb('revision', '+', 1),
              checked: existing ? eb.ref('checked') : eb('checked', '+', 1),
            }))
            .where('id', '=', id)
            .where('expires_at', '>', at)
            .returning(['revision', 'checked', 'list_id'])
            .executeTakeFirst();
          if (!bumped) throw new Rollback('run gone');
          // A list's run also keeps each record's state, value hash and value (changes and timelines read these).
          if (bumped.list_id !== null) {
            if (existing) {
              await trx
                .deleteFrom('result_records')
                .where('run_id', '=', id)
                .where('domain', '=', report.domain)
                .execute();
            }
            const rows = recordStates(checkOfPacked(report.packed));
            if (rows.length > 0) {
              await trx
                .insertInto('result_records')
                .values(
                  rows.map((r) => ({
                    run_id: id,
                    domain: report.domain,
                    record: r.record,
                    status: r.status,
                    value_hash: r.valueHash,
                    value: r.value,
                  })),
                )
                .execute();
            }
          }
          const values = {
            health: report.health,
            checked_at: report.checkedAt,
            revision: bumped.revision,
            packed: report.packed,
          };
          if (existing) {
            await trx
              .updateTable('run_results')
              .set(values)
              .where('run_id', '=', id)
              .where('idx', '=', existing.idx)
              .execute();
            return { index: existing.idx, revision: bumped.revision, replaced: true };
          }
          const index = bumped.checked - 1;
          await trx
            .insertInto('run_results')
            .values({ run_id: id, idx: index, domain: report.domain, ...values })
            .execute();
          return { index, revision: bumped.revision, replaced: false };
        });
      } catch (err) {
        if (err instanceof Rollback || isUniqueViolation(err)) return null;
        throw err;
      }
      const { json, lang } = report;
      notify(id, { kind: 'result', index: stored.index, revision: stored.revision, json, lang }, stored.replaced);
      return stored.index;
    },
    async update(id, patch) {
      const d = await db();
      const columns: Updateable<RunsTable> = {};
      if (patch.status !== undefined) columns.status = patch.status;
      if (patch.startedAt !== undefined) columns.started_at = patch.startedAt;
      if (patch.finishedAt !== undefined) columns.finished_at = patch.finishedAt;
      if (patch.pending !== undefined) columns.pending = patch.pending;
      if (patch.batchStartedAt !== undefined) columns.batch_started_at = patch.batchStartedAt;
      if (patch.batchDone !== undefined) columns.batch_done = patch.batchDone;
      if (Object.keys(columns).length === 0) return;
      let statusChanged = false;
      let listRun = false;
      if (patch.status !== undefined) {
        const before = await d.selectFrom('runs').select(['status', 'list_id']).where('id', '=', id).executeTakeFirst();
        statusChanged = before !== undefined && before.status !== patch.status;
        listRun = typeof before?.list_id === 'string';
      }
      const result = await d
        .updateTable('runs')
        .set(columns)
        .where('id', '=', id)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      if (statusChanged && Number(result.numUpdatedRows) > 0) notify(id, { kind: 'status' });
      // A list's run ending (claimed once in list_runs, so a cancel then its end fire once).
      const ended = patch.status === 'done' || patch.status === 'cancelled';
      if (listRun && ended && patch.pending === 0 && Number(result.numUpdatedRows) > 0) {
        await listRunFinished(d, id, now());
      }
    },
    async results(id, from, limit) {
      const d = await db();
      let q = d
        .selectFrom('run_results')
        .select(RESULT_COLUMNS)
        .where('run_id', '=', id)
        .where('idx', '>=', from)
        .orderBy('idx');
      if (limit !== undefined) q = q.where('idx', '<', from + limit);
      return (await q.execute()).map(toResult);
    },
    async resultsAt(id, indexes) {
      if (indexes.length === 0) return [];
      const d = await db();
      const rows = await d
        .selectFrom('run_results')
        .select(RESULT_COLUMNS)
        .where('run_id', '=', id)
        .where('idx', 'in', [...indexes])
        .orderBy('idx')
        .execute();
      return rows.map(toResult);
    },
    async resultsFor(id, domains) {
      const found = new Map<string, IndexedResult>();
      if (domains.length === 0) return found;
      const d = await db();
      const rows = await d
        .selectFrom('run_results')
        .select(RESULT_COLUMNS)
        .where('run_id', '=', id)
        .where('domain', 'in', [...domains])
        .execute();
      for (const row of rows) found.set(row.domain, toResult(row));
      return found;
    },
    async resultFor(id, domain) {
      return (await store.resultsFor(id, [domain])).get(domain) ?? null;
    },
    async counts(id) {
      const d = await db();
      const rows = await d
        .selectFrom('run_results')
        .select((eb) => ['health', eb.fn.countAll<number | string>().as('n')])
        .where('run_id', '=', id)
        .groupBy('health')
        .execute();
      const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<RecordsHealth, number>;
      for (const row of rows) if (row.health in counts) counts[row.health as RecordsHealth] = Number(row.n);
      return counts;
    },
    async domainsWith(id, health) {
      const d = await db();
      const rows = await d
        .selectFrom('run_results')
        .select('domain')
        .where('run_id', '=', id)
        .where('health', '=', health)
        .orderBy('idx')
        .execute();
      return rows.map((r) => r.domain);
    },
    async changedSince(id, after, below) {
      const d = await db();
      const rows = await d
        .selectFrom('run_results')
        .select('idx')
        .where('run_id', '=', id)
        .where('idx', '<', below)
        .where('revision', '>', after)
        .orderBy('idx')
        .execute();
      return rows.map((r) => r.idx);
    },
    async unfinished() {
      const d = await db();
      const rows = await d
        .selectFrom('runs')
        .select(ROW_COLUMNS)
        .where('expires_at', '>', now())
        .where((eb) => eb.or([eb('status', 'in', [...UNFINISHED]), eb('pending', '>', 0)]))
        .orderBy('seq')
        .execute();
      const records = await Promise.all(rows.map(toRecord));
      return records.filter((r): r is RunRecord => r !== undefined);
    },
    async unchecked(id) {
      const row = await live(id);
      if (!row) return [];
      const d = await db();
      const done = new Set(
        (await d.selectFrom('run_results').select('domain').where('run_id', '=', id).execute()).map((r) => r.domain),
      );
      return ((await specOf(id))?.targets ?? []).filter((t) => !done.has(t.ascii));
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

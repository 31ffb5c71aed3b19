/**
 * Lists in storage (../storage/migrations/lists.ts): the list rows, their domains, their runs (`list_runs`), the
 * per-record rows of their results (`result_records`, written by ../runs/sql-store.ts) and their acceptances. One
 * code path for the embedded database and PostgreSQL.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Acceptance, RecordRow, RecordState, RunSnapshot } from '@/lib/history/changes';
import type { CloudChoice, RecordsHealth, RunStatus, ServiceOverride } from '@/lib/schema';
import type { ListDomain, ListLang } from '@/lib/schema-lists';
import { columnsOf, ownerOfRow } from '../auth/data-owners';
import type { Owner } from '../auth/ownership';
import type { Database, ListsTable } from '../storage/schema';

type Db = Kysely<Database>;

export type ListRow = {
  id: string;
  name: string;
  cloud: CloudChoice;
  services: ServiceOverride | null;
  lang: ListLang;
  retentionDays: number;
  createdAt: number;
  updatedAt: number;
  /** Who created it (../auth/data-owners.ts); all null: no one. */
  owner: Owner;
};

export type NewListDomain = { domain: string; display: string; entered?: string | undefined; tags: string[] };

export type ListRunRow = {
  runId: string;
  listId: string;
  startedAt: number;
  finishedAt: number | null;
  trigger: string;
  domains: string[];
  domainsHash: string;
  status: RunStatus;
  total: number;
};

export type AcceptanceRow = Acceptance & { listId: string };

/** A new list id: random, url-safe (96 bits). */
export function newListId(): string {
  return randomBytes(12).toString('base64url');
}

function toList(row: ListsTable): ListRow {
  return {
    id: row.id,
    name: row.name,
    cloud: row.cloud as CloudChoice,
    services: row.services ? (JSON.parse(row.services) as ServiceOverride) : null,
    lang: row.lang as ListLang,
    retentionDays: Number(row.retention_days),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    owner: ownerOfRow(row),
  };
}

const LIST_COLUMNS = [
  'id',
  'name',
  'cloud',
  'services',
  'lang',
  'retention_days',
  'created_at',
  'updated_at',
  'created_by_user',
  'created_by_tenant',
  'created_by_role',
] as const;

/** Stores a new list with its domains (in order). */
export async function insertList(
  db: Db,
  list: Omit<ListRow, 'createdAt' | 'updatedAt' | 'owner'> & { owner?: Owner },
  domains: readonly NewListDomain[],
  at: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('lists')
      .values({
        id: list.id,
        name: list.name,
        cloud: list.cloud,
        services: list.services ? JSON.stringify(list.services) : null,
        lang: list.lang,
        retention_days: list.retentionDays,
        created_at: at,
        updated_at: at,
        ...columnsOf(list.owner ?? { userId: null, tenantId: null, role: null }),
      })
      .execute();
    await insertDomains(trx, list.id, domains, 0);
  });
}

async function insertDomains(db: Db, listId: string, domains: readonly NewListDomain[], from: number) {
  // In chunks: a statement's parameters are bounded (SQLite: 32,766; PostgreSQL: 65,535).
  for (let i = 0; i < domains.length; i += 500) {
    await db
      .insertInto('list_domains')
      .values(
        domains.slice(i, i + 500).map((d, j) => ({
          list_id: listId,
          domain: d.domain,
          display: d.display,
          entered: d.entered ?? null,
          tags: JSON.stringify(d.tags),
          position: from + i + j,
        })),
      )
      .onConflict((oc) => oc.columns(['list_id', 'domain']).doNothing())
      .execute();
  }
}

export async function findList(db: Db, id: string): Promise<ListRow | null> {
  const row = await db.selectFrom('lists').select(LIST_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toList(row) : null;
}

export async function allLists(db: Db): Promise<ListRow[]> {
  const rows = await db.selectFrom('lists').select(LIST_COLUMNS).orderBy('name').orderBy('created_at').execute();
  return rows.map(toList);
}

export async function listDomains(db: Db, id: string): Promise<ListDomain[]> {
  const rows = await db
    .selectFrom('list_domains')
    .select(['domain', 'display', 'entered', 'tags'])
    .where('list_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    domain: r.domain,
    display: r.display,
    ...(r.entered ? { entered: r.entered } : {}),
    tags: JSON.parse(r.tags) as string[],
  }));
}

export type ListPatch = {
  name?: string | undefined;
  cloud?: CloudChoice | undefined;
  services?: ServiceOverride | null | undefined;
  lang?: ListLang | undefined;
  retentionDays?: number | undefined;
  add?: readonly NewListDomain[];
  remove?: readonly string[];
  tags?: ReadonlyMap<string, string[]>;
};

/** Applies `patch` to list `id` in one transaction; a new retention also moves its runs' expiry. */
export async function updateList(db: Db, id: string, patch: ListPatch, at: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('lists')
      .set({
        updated_at: at,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.cloud !== undefined ? { cloud: patch.cloud } : {}),
        ...(patch.services !== undefined
          ? { services: patch.services === null ? null : JSON.stringify(patch.services) }
          : {}),
        ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
        ...(patch.retentionDays !== undefined ? { retention_days: patch.retentionDays } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (patch.retentionDays !== undefined) {
      const ms = patch.retentionDays * 86_400_000;
      await trx
        .updateTable('runs')
        .set((eb) => ({ expires_at: eb('created_at', '+', ms) }))
        .where('list_id', '=', id)
        .execute();
    }
    if (patch.remove && patch.remove.length > 0) {
      await trx
        .deleteFrom('list_domains')
        .where('list_id', '=', id)
        .where('domain', 'in', [...patch.remove])
        .execute();
    }
    if (patch.add && patch.add.length > 0) {
      const { last } = await trx
        .selectFrom('list_domains')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
        .where('list_id', '=', id)
        .executeTakeFirstOrThrow();
      await insertDomains(trx, id, patch.add, Number(last) + 1);
    }
    for (const [domain, tags] of patch.tags ?? []) {
      await trx
        .updateTable('list_domains')
        .set({ tags: JSON.stringify(tags) })
        .where('list_id', '=', id)
        .where('domain', '=', domain)
        .execute();
    }
  });
}

/** Deletes the list with its domains, runs (results included) and acceptances. */
export async function deleteList(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const runs = trx.selectFrom('runs').select('id').where('list_id', '=', id);
    await trx.deleteFrom('result_records').where('run_id', 'in', runs).execute();
    await trx.deleteFrom('run_results').where('run_id', 'in', runs).execute();
    await trx.deleteFrom('list_runs').where('list_id', '=', id).execute();
    await trx.deleteFrom('runs').where('list_id', '=', id).execute();
    await trx.deleteFrom('acceptances').where('list_id', '=', id).execute();
    await trx.deleteFrom('list_domains').where('list_id', '=', id).execute();
    const gone = await trx.deleteFrom('lists').where('id', '=', id).executeTakeFirst();
    return Number(gone.numDeletedRows) > 0;
  });
}

/** The list's runs still kept, newest first (at most `limit`). */
export async function listRuns(db: Db, listId: string, limit = 1000): Promise<ListRunRow[]> {
  const rows = await db
    .selectFrom('list_runs')
    .innerJoin('runs', 'runs.id', 'list_runs.run_id')
    .select([
      'list_runs.run_id',
      'list_runs.list_id',
      'list_runs.started_at',
      'list_runs.finished_at',
      'list_runs.trigger',
      'list_runs.domains',
      'list_runs.domains_hash',
      'runs.status',
      'runs.total',
    ])
    .where('list_runs.list_id', '=', listId)
    .orderBy('list_runs.started_at', 'desc')
    .orderBy('runs.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    listId: r.list_id,
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    trigger: r.trigger,
    domains: JSON.parse(r.domains) as string[],
    domainsHash: r.domains_hash,
    status: r.status as RunStatus,
    total: Number(r.total),
  }));
}

/** The list run `runId` of `listId`, or null. */
export async function findListRun(db: Db, listId: string, runId: string): Promise<ListRunRow | null> {
  const runs = await listRuns(db, listId);
  return runs.find((r) => r.runId === runId) ?? null;
}

/** Every stored record row of run `runId` (of some domains only, when given). */
export async function recordRows(db: Db, runId: string, domains?: readonly string[]): Promise<RecordRow[]> {
  let q = db
    .selectFrom('result_records')
    .select(['domain', 'record', 'status', 'value_hash', 'value'])
    .where('run_id', '=', runId);
  if (domains) q = q.where('domain', 'in', [...domains]);
  const rows = await q.execute();
  return rows.map((r) => ({
    domain: r.domain,
    record: r.record,
    status: r.status as RecordState,
    valueHash: r.value_hash,
    value: r.value,
  }));
}

/** The stored health of each domain of run `runId`. */
export async function domainHealths(db: Db, runId: string): Promise<Map<string, RecordsHealth>> {
  const rows = await db.selectFrom('run_results').select(['domain', 'health']).where('run_id', '=', runId).execute();
  return new Map(rows.map((r) => [r.domain, r.health as RecordsHealth]));
}

/** Run `run` as the comparison reads it (lib/history/changes.ts). */
export async function snapshotOf(db: Db, run: ListRunRow): Promise<RunSnapshot> {
  return {
    runId: run.runId,
    at: new Date(run.startedAt).toISOString(),
    domains: run.domains,
    records: await recordRows(db, run.runId),
  };
}

function toAcceptance(r: {
  list_id: string;
  domain: string;
  record: string;
  note: string;
  expires_at: number | null;
  accepted_value_hash: string;
  accepted_at: number;
  accepted_by: string | null;
}): AcceptanceRow {
  return {
    listId: r.list_id,
    domain: r.domain,
    record: r.record,
    note: r.note,
    acceptedValueHash: r.accepted_value_hash,
    acceptedAt: new Date(Number(r.accepted_at)).toISOString(),
    acceptedBy: r.accepted_by,
    expiresAt: r.expires_at === null ? null : new Date(Number(r.expires_at)).toISOString(),
  };
}

/** The acceptances of a list (or of every list, for one domain). */
export async function acceptances(db: Db, where: { listId?: string; domain?: string }): Promise<AcceptanceRow[]> {
  let q = db.selectFrom('acceptances').selectAll();
  if (where.listId !== undefined) q = q.where('list_id', '=', where.listId);
  if (where.domain !== undefined) q = q.where('domain', '=', where.domain);
  return (await q.orderBy('accepted_at').execute()).map(toAcceptance);
}

/** Stores (or replaces) the acceptance of (list, domain, record). */
export async function putAcceptance(db: Db, a: AcceptanceRow): Promise<void> {
  const values = {
    note: a.note,
    expires_at: a.expiresAt === null ? null : Date.parse(a.expiresAt),
    accepted_value_hash: a.acceptedValueHash,
    accepted_at: Date.parse(a.acceptedAt),
    accepted_by: a.acceptedBy,
  };
  await db
    .insertInto('acceptances')
    .values({ list_id: a.listId, domain: a.domain, record: a.record, ...values })
    .onConflict((oc) => oc.columns(['list_id', 'domain', 'record']).doUpdateSet(values))
    .execute();
}

export async function deleteAcceptance(db: Db, listId: string, domain: string, record: string): Promise<boolean> {
  const r = await db
    .deleteFrom('acceptances')
    .where('list_id', '=', listId)
    .where('domain', '=', domain)
    .where('record', '=', record)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The lists that contain `domain`, with who created each. */
export async function listsWith(db: Db, domain: string): Promise<Array<{ id: string; name: string; owner: Owner }>> {
  const rows = await db
    .selectFrom('list_domains')
    .innerJoin('lists', 'lists.id', 'list_domains.list_id')
    .select(['lists.id', 'lists.name', 'lists.created_by_user', 'lists.created_by_tenant', 'lists.created_by_role'])
    .where('list_domains.domain', '=', domain)
    .orderBy('lists.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, owner: ownerOfRow(r) }));
}

/** `domain`'s record rows in every kept run of list `listId`, oldest run first. */
export async function domainRecordsByRun(
  db: Db,
  listId: string,
  domain: string,
): Promise<Array<{ runId: string; at: number; records: RecordRow[] }>> {
  const rows = await db
    .selectFrom('result_records')
    .innerJoin('list_runs', 'list_runs.run_id', 'result_records.run_id')
    .select([
      'list_runs.run_id',
      'list_runs.started_at',
      'result_records.record',
      'result_records.status',
      'result_records.value_hash',
      'result_records.value',
    ])
    .where('list_runs.list_id', '=', listId)
    .where('result_records.domain', '=', domain)
    .orderBy('list_runs.started_at')
    .execute();
  const byRun = new Map<string, { runId: string; at: number; records: RecordRow[] }>();
  for (const r of rows) {
    let run = byRun.get(r.run_id);
    if (!run) {
      run = { runId: r.run_id, at: Number(r.started_at), records: [] };
      byRun.set(r.run_id, run);
    }
    run.records.push({
      domain,
      record: r.record,
      status: r.status as RecordState,
      valueHash: r.value_hash,
      value: r.value,
    });
  }
  return [...byRun.values()];
}

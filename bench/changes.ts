/**
 * `--parts changes`: the time to compute the changes between two runs of a 5,000-domain list (lib/history/changes.ts),
 * from synthetic per-record rows (`result_records`, 15 records a domain, 2% of them different in the second run)
 * read back from an embedded database made with the app's own migrations; and the bytes those rows take per
 * domain-run (SQLite's dbstat: table and indexes). No lab, no app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { computeChanges, type RecordRow, type RecordState, type RunSnapshot } from '../lib/history/changes';
import { hash53 } from '../lib/history/records';
import { RECORD_IDS } from '../lib/schema-values';
import { migrate } from '../lib/server/storage/migrations';
import type { Database as Schema } from '../lib/server/storage/schema';

export type ChangesBench = {
  domains: number;
  recordsPerDomain: number;
  reps: number;
  /** Median ms to read both runs' rows from the database. */
  readMs: number;
  /** Median ms of `computeChanges` over them. */
  computeMs: number;
  /** Bytes the per-record rows take per domain-run (table and indexes). */
  recordBytesPerDomainRun: number;
  changed: Record<string, number>;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function measureChanges(options: { domains?: number; reps?: number } = {}): Promise<ChangesBench> {
  const n = options.domains ?? 5000;
  const reps = options.reps ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'bench-changes-'));
  const handle = new Database(join(dir, 'bench.db'));
  handle.pragma('journal_mode = WAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: handle }) });
  try {
    await migrate(db as Kysely<unknown>, 'sqlite');
    const domains = Array.from({ length: n }, (_, i) => `bench-${String(i).padStart(5, '0')}.test`);
    const at = Date.now();
    await db
      .insertInto('lists')
      .values({
        id: 'L',
        name: 'bench',
        cloud: 'worldwide',
        services: null,
        lang: 'en',
        retention_days: 365,
        created_at: at,
        updated_at: at,
        created_by_user: null,
        created_by_tenant: null,
      })
      .execute();
    const states: RecordState[] = ['ok', 'ok', 'ok', 'attention', 'broken', 'notApplicable'];
    for (const [r, runId] of ['r1', 'r2'].entries()) {
      await db
        .insertInto('runs')
        .values({
          id: runId,
          seq: r + 1,
          client: 'list',
          token_hash: '0',
          created_at: at + r,
          expires_at: at + 1e12,
          started_at: at,
          finished_at: at,
          batch_started_at: null,
          batch_done: 0,
          cloud: 'worldwide',
          services: null,
          lang: 'en',
          status: 'done',
          revision: 0,
          pending: 0,
          total: n,
          checked: n,
          spec: '{}',
          list_id: 'L',
        })
        .execute();
      await db
        .insertInto('list_runs')
        .values({
          run_id: runId,
          list_id: 'L',
          started_at: at + r,
          finished_at: at + r,
          trigger: 'manual',
          slot: null,
          domains: JSON.stringify(domains),
          domains_hash: 'x',
        })
        .execute();
      const rows = domains.flatMap((domain, d) =>
        RECORD_IDS.map((record, k) => {
          // 2% of the second run's records differ from the first's.
          const flip = r === 1 && (d * RECORD_IDS.length + k) % 50 === 0;
          const status = states[(d + k + (flip ? 1 : 0)) % states.length] as RecordState;
          const value = `0 ${domain.replaceAll('.', '-')}.mail.protection.outlook.com ${k}${flip ? 'x' : ''}`;
          return {
            run_id: runId,
            domain,
            record,
            status,
            value_hash: hash53(JSON.stringify([status, [value]])),
            value,
          };
        }),
      );
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 5000)
          await trx
            .insertInto('result_records')
            .values(rows.slice(i, i + 5000))
            .execute();
      });
    }
    handle.pragma('wal_checkpoint(TRUNCATE)');
    const sized = handle
      .prepare(
        "select sum(pgsize) as bytes from dbstat where name = 'result_records' or name like 'sqlite_autoindex_result_records%' or name = 'result_records_domain'",
      )
      .get() as { bytes: number };
    const read = async (runId: string, offset: number): Promise<RunSnapshot> => ({
      runId,
      at: new Date(at + offset).toISOString(),
      domains,
      records: (
        await db
          .selectFrom('result_records')
          .select(['domain', 'record', 'status', 'value_hash', 'value'])
          .where('run_id', '=', runId)
          .execute()
      ).map(
        (x): RecordRow => ({
          domain: x.domain,
          record: x.record,
          status: x.status as RecordState,
          valueHash: x.value_hash,
          value: x.value,
        }),
      ),
    });
    const readMs: number[] = [];
    const computeMs: number[] = [];
    let changed: Record<string, number> = {};
    for (let rep = 0; rep < reps; rep++) {
      const t0 = performance.now();
      const [from, to] = await Promise.all([read('r1', 0), read('r2', 1)]);
      const t1 = performance.now();
      const changes = computeChanges(from, to, []);
      const t2 = performance.now();
      readMs.push(t1 - t0);
      computeMs.push(t2 - t1);
      changed = changes.counts;
    }
    return {
      domains: n,
      recordsPerDomain: RECORD_IDS.length,
      reps,
      readMs: median(readMs),
      computeMs: median(computeMs),
      recordBytesPerDomainRun: sized.bytes / (2 * n),
      changed,
    };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

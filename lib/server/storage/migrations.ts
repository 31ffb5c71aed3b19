/**
 * Schema migrations, run at start-up by Kysely's Migrator. On PostgreSQL the Migrator holds an advisory lock
 * while it migrates, so instances starting at once apply each migration exactly once; the embedded database is
 * single-instance (./db.ts refuses a second process). Migrations are append-only: never edit one that has shipped.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { alertsMigrations } from './migrations/alerts';
import { authMigrations } from './migrations/auth';
import { listMigrations } from './migrations/lists';
import { ownershipMigrations } from './migrations/ownership';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    ...authMigrations(dialect),
    '0001_runs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('client', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('started_at', 'bigint')
          .addColumn('finished_at', 'bigint')
          .addColumn('batch_started_at', 'bigint')
          .addColumn('batch_done', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('cloud', 'text', (c) => c.notNull())
          .addColumn('services', 'text')
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('checked', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('spec', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('runs_client').on('runs').columns(['client', 'created_at']).execute();
        await db.schema.createIndex('runs_expires').on('runs').column('expires_at').execute();
        await db.schema.createIndex('runs_status').on('runs').column('status').execute();
        await db.schema
          .createTable('run_results')
          .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('health', 'text', (c) => c.notNull())
          .addColumn('checked_at', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('packed', sql.raw(bytes), (c) => c.notNull())
          .addPrimaryKeyConstraint('run_results_pk', ['run_id', 'idx'])
          .addUniqueConstraint('run_results_domain', ['run_id', 'domain'])
          .execute();
        await db.schema.createIndex('run_results_health').on('run_results').columns(['run_id', 'health']).execute();
        // Ids of runs dropped (expired or evicted), so a late fetch says "expired" (410) rather than "not found".
        await db.schema
          .createTable('run_tombstones')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('dropped_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('run_tombstones_dropped').on('run_tombstones').column('dropped_at').execute();
      },
    },
    ...alertsMigrations(dialect),
    ...listMigrations(dialect),
    ...ownershipMigrations(dialect),
  };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const all = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => all };
  // Unordered: migrations come from separate branches (lists 0002, alerts 0003, auth 0004); each applies once, whatever order it lands in.
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/**
 * Lists, their runs, per-record rows of each list result, and accepted exceptions (issue 17, docs/lists.md).
 * A run of a list keeps its row in `runs` (with `list_id` set): it expires by the list's retention, not by
 * RUN_RETENTION_S, and never counts toward (nor is evicted by) the per-client run quota.
 */
import type { Kysely, Migration } from 'kysely';

export function listMigrations(_dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0002_lists': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('lists')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('cloud', 'text', (c) => c.notNull())
          .addColumn('services', 'text')
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addColumn('created_by_user', 'text')
          .addColumn('created_by_tenant', 'text')
          .execute();
        await db.schema
          .createTable('list_domains')
          .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id').onDelete('cascade'))
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('display', 'text', (c) => c.notNull())
          .addColumn('entered', 'text')
          .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('list_domains_pk', ['list_id', 'domain'])
          .execute();
        await db.schema.createIndex('list_domains_domain').on('list_domains').column('domain').execute();
        await db.schema
          .createTable('list_runs')
          .addColumn('run_id', 'text', (c) => c.primaryKey())
          .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id').onDelete('cascade'))
          .addColumn('started_at', 'bigint', (c) => c.notNull())
          .addColumn('finished_at', 'bigint')
          .addColumn('trigger', 'text', (c) => c.notNull())
          .addColumn('slot', 'text')
          .addColumn('domains', 'text', (c) => c.notNull())
          .addColumn('domains_hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('list_runs_list').on('list_runs').columns(['list_id', 'started_at']).execute();
        // The runs row of a list run: expires by the list's retention, outside the per-client quota.
        await db.schema.alterTable('runs').addColumn('list_id', 'text').execute();
        await db.schema
          .createTable('result_records')
          .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('value_hash', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('result_records_pk', ['run_id', 'domain', 'record'])
          .execute();
        await db.schema
          .createIndex('result_records_domain')
          .on('result_records')
          .columns(['domain', 'record'])
          .execute();
        await db.schema
          .createTable('acceptances')
          .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id').onDelete('cascade'))
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'bigint')
          .addColumn('accepted_value_hash', 'text', (c) => c.notNull())
          .addColumn('accepted_at', 'bigint', (c) => c.notNull())
          .addColumn('accepted_by', 'text')
          .addPrimaryKeyConstraint('acceptances_pk', ['list_id', 'domain', 'record'])
          .execute();
      },
    },
  };
}

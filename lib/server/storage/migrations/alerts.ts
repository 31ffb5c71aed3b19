/**
 * Issue 17 part B: schedules, alert channels and deliveries, watches (migration `0003_alerts`). Tables are keyed
 * by `list_id` text with no foreign key to the lists table (another migration adds it): a list's rows here are
 * removed by the lists code when the list is deleted.
 */
import type { Kysely, Migration } from 'kysely';

export function alertsMigrations(_dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0003_alerts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('list_schedules')
          .addColumn('list_id', 'text', (c) => c.primaryKey())
          .addColumn('cron', 'text', (c) => c.notNull())
          .addColumn('tz', 'text', (c) => c.notNull())
          .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
          // The last slot fired (epoch ms of the unjittered slot), or the time the schedule was saved.
          .addColumn('last_slot', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        // One row per (list, slot) ever fired: the claim that makes a slot fire once across instances.
        await db.schema
          .createTable('schedule_slots')
          .addColumn('list_id', 'text', (c) => c.notNull())
          .addColumn('slot', 'bigint', (c) => c.notNull())
          .addColumn('claimed_at', 'bigint', (c) => c.notNull())
          .addColumn('run_id', 'text')
          .addPrimaryKeyConstraint('schedule_slots_pk', ['list_id', 'slot'])
          .execute();
        await db.schema
          .createTable('alert_channels')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          // JSON of the settings that are not secret (e-mail addresses, SMTP host and port…).
          .addColumn('config', 'text', (c) => c.notNull())
          // AES-256-GCM sealed JSON of the secrets (webhook URL, SMTP password, HMAC secret), or null.
          .addColumn('secret', 'text')
          // What the API shows of the secret instead (the webhook's host), never the secret.
          .addColumn('masked', 'text', (c) => c.notNull())
          .addColumn('created_by_user', 'text')
          .addColumn('created_by_tenant', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('list_subscriptions')
          .addColumn('list_id', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text', (c) => c.notNull().references('alert_channels.id').onDelete('cascade'))
          .addColumn('alert_on', 'text', (c) => c.notNull().defaultTo('newly_broken'))
          .addPrimaryKeyConstraint('list_subscriptions_pk', ['list_id', 'channel_id'])
          .execute();
        // Consecutive runs in which a domain of a list could not be checked; `alerted` once the message went out.
        await db.schema
          .createTable('cannot_check_streaks')
          .addColumn('list_id', 'text', (c) => c.notNull())
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('runs', 'integer', (c) => c.notNull())
          .addColumn('alerted', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('cannot_check_streaks_pk', ['list_id', 'domain'])
          .execute();
        // The delivery log and the retry queue in one: a `retrying` row is due again at `next_at`.
        await db.schema
          .createTable('alert_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
          .addColumn('list_id', 'text')
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('run_id', 'text')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('error', 'text')
          // The message to send (JSON of the digest), kept so a retry sends the same message.
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('next_at', 'bigint')
          .addColumn('lease_until', 'bigint')
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('alert_deliveries_list')
          .on('alert_deliveries')
          .columns(['list_id', 'at'])
          .execute();
        await db.schema
          .createIndex('alert_deliveries_due')
          .on('alert_deliveries')
          .columns(['status', 'next_at'])
          .execute();
        await db.schema
          .createTable('watches')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('records', 'text', (c) => c.notNull())
          .addColumn('channel_id', 'text')
          .addColumn('deadline', 'bigint', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('next_at', 'bigint', (c) => c.notNull())
          .addColumn('seen', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
  };
}

/**
 * The delivery log and its retry loop, one table (`alert_deliveries`). A delivery is inserted once per dedupe key
 * (a list run and a channel), so instances that both see a run's end insert one row between them. An attempt
 * takes a lease on the row with a conditional UPDATE (only one instance wins it, on SQLite and PostgreSQL
 * alike), sends, and writes the outcome: `sent`, or `retrying` with the next attempt after a backoff that doubles
 * (ALERTS_RETRY_BASE_MS), or `failed` after ALERTS_MAX_ATTEMPTS attempts. The ticker (lib/server/schedules/
 * ticker.ts) runs the due retries: from the rows on the embedded database, from pg-boss jobs on PostgreSQL
 * (./retry-queue.ts). Log lines carry ids, the host and the error, never a secret.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AlertMessage } from '@/lib/alerts/message';
import type { Delivery } from '@/lib/schema-alerts';
import type { AlertsConfig } from '../env';
import { getLog } from '../log';
import type { Storage } from '../storage/db';
import type { AlertDeliveriesTable } from '../storage/schema';
import { forSend, getChannelRow } from './channels';
import { RefusedError } from './egress';
import { queueRetry, takeRetries } from './retry-queue';
import { sendAlert } from './send';

export type NewDelivery = {
  dedupeKey: string;
  channelId: string;
  listId: string | null;
  runId: string | null;
  message: AlertMessage;
  /** Attempts before `failed` (a test message: 1, so the button says at once what happened). */
  maxAttempts?: number;
};

export function deliveryToApi(row: AlertDeliveriesTable): Delivery {
  return {
    id: row.id,
    listId: row.list_id,
    channelId: row.channel_id,
    runId: row.run_id,
    kind: row.kind as Delivery['kind'],
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    error: row.error,
    at: new Date(row.at).toISOString(),
  };
}

/** Records a delivery (once per dedupe key) and makes its first attempt. Answers the row as it stands after it. */
export async function deliver(storage: Storage, config: AlertsConfig, d: NewDelivery): Promise<Delivery> {
  const now = Date.now();
  await storage.db
    .insertInto('alert_deliveries')
    .values({
      id: randomUUID(),
      dedupe_key: d.dedupeKey,
      list_id: d.listId,
      channel_id: d.channelId,
      run_id: d.runId,
      kind: d.message.kind,
      status: 'retrying',
      attempts: 0,
      error: null,
      message: JSON.stringify({ message: d.message, maxAttempts: d.maxAttempts ?? config.maxAttempts }),
      next_at: now,
      lease_until: null,
      at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  const row = await storage.db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('dedupe_key', '=', d.dedupeKey)
    .executeTakeFirstOrThrow();
  await attempt(storage, config, row.id);
  return deliveryToApi(
    await storage.db.selectFrom('alert_deliveries').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
  );
}

/** Takes the lease on a due delivery and sends it; false when another instance has it or it is not due. */
async function attempt(storage: Storage, config: AlertsConfig, id: string): Promise<boolean> {
  const now = Date.now();
  const leased = await storage.db
    .updateTable('alert_deliveries')
    .set({ lease_until: now + config.timeoutMs * 3 + 1000 })
    .where('id', '=', id)
    .where('status', '=', 'retrying')
    .where('next_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  if (Number(leased.numUpdatedRows) !== 1) return false;
  const row = await storage.db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const stored = JSON.parse(row.message) as { message: AlertMessage; maxAttempts: number };
  const attempts = row.attempts + 1;
  const log = getLog().child({ deliveryId: id, channelId: row.channel_id, listId: row.list_id, runId: row.run_id });
  try {
    const channel = forSend(await getChannelRow(storage, row.channel_id), config);
    await sendAlert(channel, stored.message, { allowPrivate: config.allowPrivate, timeoutMs: config.timeoutMs });
    await storage.db
      .updateTable('alert_deliveries')
      .set({ status: 'sent', attempts, error: null, next_at: null, lease_until: null, at: Date.now() })
      .where('id', '=', id)
      .execute();
    log.info({ kind: row.kind, attempts }, 'alert sent');
  } catch (err) {
    const error = (err as Error).message || 'delivery failed';
    const permanent = err instanceof RefusedError;
    const done = permanent || attempts >= stored.maxAttempts;
    const next = done ? null : Date.now() + config.retryBaseMs * 2 ** (attempts - 1);
    await storage.db
      .updateTable('alert_deliveries')
      .set({ status: done ? 'failed' : 'retrying', attempts, error, next_at: next, lease_until: null, at: Date.now() })
      .where('id', '=', id)
      .execute();
    log.warn(
      { kind: row.kind, attempts, error, retryAt: next && new Date(next).toISOString() },
      'alert delivery failed',
    );
    if (next !== null) {
      await queueRetry(storage, id, attempts, next).catch((e: unknown) =>
        log.warn({ err: (e as Error).message }, 'alert retry not queued; the sweep queues it again'),
      );
    }
  }
  return true;
}

/** A queued retry that did not show up this long after it was due is queued again (PostgreSQL). */
const LOST_RETRY_MS = 60_000;

/** Attempts every delivery whose retry is due (the ticker calls this). */
export async function runDueDeliveries(storage: Storage, config: AlertsConfig): Promise<number> {
  if (storage.kind === 'postgres') return runQueuedRetries(storage, config);
  const now = Date.now();
  const due = await storage.db
    .selectFrom('alert_deliveries')
    .select('id')
    .where('status', '=', 'retrying')
    .where('next_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_at')
    .limit(20)
    .execute();
  let sent = 0;
  for (const { id } of due) if (await attempt(storage, config, id)) sent++;
  return sent;
}

async function runQueuedRetries(storage: Storage, config: AlertsConfig): Promise<number> {
  let sent = 0;
  for (const job of await takeRetries(storage, 10)) {
    try {
      if (await attempt(storage, config, job.deliveryId)) sent++;
    } finally {
      await job.done();
    }
  }
  // A retry whose job was lost (the queue was unreachable when it failed) is queued again, once per attempt.
  const lost = await storage.db
    .selectFrom('alert_deliveries')
    .select(['id', 'attempts'])
    .where('status', '=', 'retrying')
    .where('next_at', '<', Date.now() - LOST_RETRY_MS)
    .limit(20)
    .execute();
  for (const row of lost) await queueRetry(storage, row.id, row.attempts, Date.now());
  return sent;
}

export async function deliveriesOf(
  storage: Storage,
  where: { listId: string } | { channelId: string },
  limit = 100,
): Promise<Delivery[]> {
  let q = storage.db.selectFrom('alert_deliveries').selectAll();
  q = 'listId' in where ? q.where('list_id', '=', where.listId) : q.where('channel_id', '=', where.channelId);
  const rows = await q.orderBy('at', 'desc').limit(limit).execute();
  return rows.map(deliveryToApi);
}

/**
 * The alerts API (issue 17 part B): channels (CRUD and a test message), a list's schedule, its subscriptions
 * and its delivery log. Route handlers only wire these; the contract is lib/schema-alerts.ts. With Entra sign-in
 * on, channels and watches belong to their creator and a list's schedule, subscriptions and deliveries to the list
 * (../auth/data-owners.ts): what the caller may not read answers 404 and is left out of listings.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChannelCreate, ChannelUpdate, ScheduleUpdate, Subscriptions, WatchCreate } from '@/lib/schema-alerts';
import { createChannel, deleteChannel, getChannelRow, listChannels, toApi, updateChannel } from '../alerts/channels';
import { deliver, deliveriesOf } from '../alerts/deliveries';
import { ownerColumns, ownerOfRow, requireAccess } from '../auth/data-owners';
import { canRead } from '../auth/ownership';
import type { Principal } from '../auth/principal';
import type { ServerConfig } from '../env';
import { HttpError } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import type { RouteInput } from '../http/route';
import { deleteSchedule, getSchedule, putSchedule } from '../schedules/store';
import { scheduleNow } from '../schedules/ticker';
import type { Storage } from '../storage/db';
import { getStorage } from '../storage/db';
import { createWatch, deleteWatch, getWatchRow, watchToApi } from '../watches/service';
import { requireList } from './lists';

const noStore = { 'Cache-Control': 'no-store' };
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });
const storageOf = (config: ServerConfig) => getStorage(config.storage);

/** A list id or channel id from the path: what our ids look like, nothing else reaches a query. */
function idParam(params: Record<string, string>, name = 'id'): string {
  const id = params[name] ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new HttpError('not-found', 'No such item.');
  return id;
}

/** The channel `id` when `principal` may read it (or change it); else 404 (or 403). */
async function ownChannel(storage: Storage, id: string, principal: Principal, mode: 'read' | 'write' = 'read') {
  const row = await getChannelRow(storage, id);
  requireAccess(principal, ownerOfRow(row), mode, () => new HttpError('not-found', 'No such channel.'));
  return row;
}

/**
 * The list `id` (from the path) when the signed-in user may read it (or change it); else 404 (or 403). Without
 * sign-in (open access, the shared token) the id is taken as before, list or not: everyone may read and change.
 */
async function ownList(ctx: GuardedContext, params: Record<string, string>, mode: 'read' | 'write' = 'read') {
  const id = idParam(params);
  if (ctx.principal.kind !== 'user') return id;
  return (await requireList(ctx.config, id, ctx.principal, mode)).id;
}

export async function getChannels(_input: unknown, ctx: GuardedContext): Promise<Response> {
  const visible = (row: Parameters<typeof ownerOfRow>[0]) => canRead(ctx.principal, ownerOfRow(row));
  return json({ channels: await listChannels(await storageOf(ctx.config), visible) });
}

export async function postChannel(input: RouteInput<ChannelCreate, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  return json(await createChannel(storage, ctx.config.alerts, input.body, ownerColumns(ctx.principal)), 201);
}

export async function getChannel(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  return json(toApi(await ownChannel(await storageOf(ctx.config), idParam(input.params), ctx.principal)));
}

export async function patchChannel(input: RouteInput<z.infer<typeof ChannelUpdate>, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const id = idParam(input.params);
  await ownChannel(storage, id, ctx.principal, 'write');
  return json(await updateChannel(storage, id, input.body));
}

export async function removeChannel(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const id = idParam(input.params);
  await ownChannel(storage, id, ctx.principal, 'write');
  await deleteChannel(storage, id);
  return json({ deleted: true });
}

/**
 * POST /api/channels/:id/test: a test message, delivered like any alert and answered after its first attempt:
 * 200 `sent`; 202 `retrying` (it failed, why is in `error`, and it is retried with backoff like any delivery);
 * 502 `failed` (refused: a private address, a redirect).
 */
export async function testChannel(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const id = idParam(input.params);
  await ownChannel(storage, id, ctx.principal, 'write');
  const delivery = await deliver(storage, ctx.config.alerts, {
    dedupeKey: `test:${id}:${randomUUID()}`,
    channelId: id,
    listId: null,
    runId: null,
    message: { kind: 'test' },
  });
  return json(delivery, { sent: 200, retrying: 202, failed: 502 }[delivery.status]);
}

export async function getChannelDeliveries(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const id = idParam(input.params);
  await ownChannel(storage, id, ctx.principal);
  return json({ deliveries: await deliveriesOf(storage, { channelId: id }) });
}

export async function getListSchedule(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const now = scheduleNow(ctx.config.alerts);
  return json(await getSchedule(await storageOf(ctx.config), await ownList(ctx, input.params), now));
}

export async function putListSchedule(input: RouteInput<ScheduleUpdate, undefined>, ctx: GuardedContext) {
  const now = scheduleNow(ctx.config.alerts);
  return json(
    await putSchedule(await storageOf(ctx.config), await ownList(ctx, input.params, 'write'), input.body, now),
  );
}

export async function deleteListSchedule(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  await deleteSchedule(await storageOf(ctx.config), await ownList(ctx, input.params, 'write'));
  return json({ deleted: true });
}

export async function getListAlerts(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const rows = await storage.db
    .selectFrom('list_subscriptions')
    .selectAll()
    .where('list_id', '=', await ownList(ctx, input.params))
    .execute();
  return json({ subscriptions: rows.map((r) => ({ channelId: r.channel_id, on: r.alert_on })) });
}

/** PUT /api/lists/:id/alerts: replaces the list's subscriptions (each channel must exist). */
export async function putListAlerts(input: RouteInput<Subscriptions, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const listId = await ownList(ctx, input.params, 'write');
  const subs = input.body.subscriptions;
  if (new Set(subs.map((s) => s.channelId)).size !== subs.length)
    throw new HttpError('invalid-input', 'subscriptions: a channel is listed twice');
  for (const s of subs) {
    const found = await storage.db
      .selectFrom('alert_channels')
      .select(['id', 'created_by_user', 'created_by_tenant', 'created_by_role'])
      .where('id', '=', s.channelId)
      .executeTakeFirst();
    if (!found || !canRead(ctx.principal, ownerOfRow(found)))
      throw new HttpError('invalid-input', `subscriptions: no channel ${s.channelId}`);
  }
  await storage.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('list_subscriptions').where('list_id', '=', listId).execute();
    if (subs.length)
      await trx
        .insertInto('list_subscriptions')
        .values(subs.map((s) => ({ list_id: listId, channel_id: s.channelId, alert_on: s.on })))
        .execute();
  });
  return json({ subscriptions: subs });
}

export async function getListDeliveries(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const listId = await ownList(ctx, input.params);
  return json({ deliveries: await deliveriesOf(await storageOf(ctx.config), { listId }) });
}

/** POST /api/watches: 201 with a new watch, or 200 with the running one for the same domain, records and channel. */
export async function postWatch(input: RouteInput<WatchCreate, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  if (input.body.channelId) await ownChannel(storage, input.body.channelId, ctx.principal);
  const { watch, created } = await createWatch(storage, ctx.config, input.body, ownerColumns(ctx.principal));
  return json(watch, created ? 201 : 200);
}

/** The watch `id` when `principal` may read it (or change it); else 404 (or 403). */
async function ownWatch(storage: Storage, id: string, principal: Principal, mode: 'read' | 'write' = 'read') {
  const row = await getWatchRow(storage, id);
  requireAccess(principal, ownerOfRow(row), mode, () => new HttpError('not-found', 'No such watch.'));
  return row;
}

export async function getWatchById(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  return json(watchToApi(await ownWatch(await storageOf(ctx.config), idParam(input.params), ctx.principal)));
}

export async function removeWatch(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const id = idParam(input.params);
  await ownWatch(storage, id, ctx.principal, 'write');
  await deleteWatch(storage, id);
  return json({ deleted: true });
}

/**
 * POST /api/lists/:id/alerts/test: a test message to each channel the list is subscribed to, recorded in the
 * list's delivery log (the list page's "Send a test message"). 200 with the deliveries after their first attempt;
 * 400 when the list has no channel.
 */
export async function testListAlerts(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const listId = await ownList(ctx, input.params, 'write');
  const subs = await storage.db
    .selectFrom('list_subscriptions')
    .select('channel_id')
    .where('list_id', '=', listId)
    .execute();
  if (subs.length === 0) throw new HttpError('invalid-input', 'This list has no alert channel to test.');
  const deliveries = await Promise.all(
    subs.map((s) =>
      deliver(storage, ctx.config.alerts, {
        dedupeKey: `test:${listId}:${s.channel_id}:${randomUUID()}`,
        channelId: s.channel_id,
        listId,
        runId: null,
        message: { kind: 'test' },
      }),
    ),
  );
  return json({ deliveries });
}

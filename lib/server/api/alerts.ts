/**
 * The alerts API (issue 17 part B): channels (CRUD and a test message), a list's schedule, its subscriptions
 * and its delivery log. Route handlers only wire these; the contract is lib/schema-alerts.ts.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChannelCreate, ChannelUpdate, ScheduleUpdate, Subscriptions, WatchCreate } from '@/lib/schema-alerts';
import { createChannel, deleteChannel, getChannelRow, listChannels, toApi, updateChannel } from '../alerts/channels';
import { deliver, deliveriesOf } from '../alerts/deliveries';
import type { ServerConfig } from '../env';
import { HttpError } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import type { RouteInput } from '../http/route';
import { deleteSchedule, getSchedule, putSchedule } from '../schedules/store';
import { scheduleNow } from '../schedules/ticker';
import { getStorage } from '../storage/db';
import { createWatch, deleteWatch, getWatch } from '../watches/service';

const noStore = { 'Cache-Control': 'no-store' };
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });
const storageOf = (config: ServerConfig) => getStorage(config.storage);

/** A list id or channel id from the path: what our ids look like, nothing else reaches a query. */
function idParam(params: Record<string, string>, name = 'id'): string {
  const id = params[name] ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new HttpError('not-found', 'No such item.');
  return id;
}

export async function getChannels(_input: unknown, ctx: GuardedContext): Promise<Response> {
  return json({ channels: await listChannels(await storageOf(ctx.config)) });
}

export async function postChannel(input: RouteInput<ChannelCreate, undefined>, ctx: GuardedContext) {
  return json(await createChannel(await storageOf(ctx.config), ctx.config.alerts, input.body), 201);
}

export async function getChannel(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  return json(toApi(await getChannelRow(await storageOf(ctx.config), idParam(input.params))));
}

export async function patchChannel(input: RouteInput<z.infer<typeof ChannelUpdate>, undefined>, ctx: GuardedContext) {
  return json(await updateChannel(await storageOf(ctx.config), idParam(input.params), input.body));
}

export async function removeChannel(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  await deleteChannel(await storageOf(ctx.config), idParam(input.params));
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
  await getChannelRow(storage, id);
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
  await getChannelRow(storage, id);
  return json({ deliveries: await deliveriesOf(storage, { channelId: id }) });
}

export async function getListSchedule(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const now = scheduleNow(ctx.config.alerts);
  return json(await getSchedule(await storageOf(ctx.config), idParam(input.params), now));
}

export async function putListSchedule(input: RouteInput<ScheduleUpdate, undefined>, ctx: GuardedContext) {
  const now = scheduleNow(ctx.config.alerts);
  return json(await putSchedule(await storageOf(ctx.config), idParam(input.params), input.body, now));
}

export async function deleteListSchedule(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  await deleteSchedule(await storageOf(ctx.config), idParam(input.params));
  return json({ deleted: true });
}

export async function getListAlerts(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const rows = await storage.db
    .selectFrom('list_subscriptions')
    .selectAll()
    .where('list_id', '=', idParam(input.params))
    .execute();
  return json({ subscriptions: rows.map((r) => ({ channelId: r.channel_id, on: r.alert_on })) });
}

/** PUT /api/lists/:id/alerts: replaces the list's subscriptions (each channel must exist). */
export async function putListAlerts(input: RouteInput<Subscriptions, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const listId = idParam(input.params);
  const subs = input.body.subscriptions;
  if (new Set(subs.map((s) => s.channelId)).size !== subs.length)
    throw new HttpError('invalid-input', 'subscriptions: a channel is listed twice');
  for (const s of subs) {
    const found = await storage.db
      .selectFrom('alert_channels')
      .select('id')
      .where('id', '=', s.channelId)
      .executeTakeFirst();
    if (!found) throw new HttpError('invalid-input', `subscriptions: no channel ${s.channelId}`);
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
  return json({ deliveries: await deliveriesOf(await storageOf(ctx.config), { listId: idParam(input.params) }) });
}

/** POST /api/watches: 201 with a new watch, or 200 with the running one for the same domain, records and channel. */
export async function postWatch(input: RouteInput<WatchCreate, undefined>, ctx: GuardedContext) {
  const { watch, created } = await createWatch(await storageOf(ctx.config), ctx.config, input.body);
  return json(watch, created ? 201 : 200);
}

export async function getWatchById(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  return json(await getWatch(await storageOf(ctx.config), idParam(input.params)));
}

export async function removeWatch(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  await deleteWatch(await storageOf(ctx.config), idParam(input.params));
  return json({ deleted: true });
}

/**
 * POST /api/lists/:id/alerts/test: a test message to each channel the list is subscribed to, recorded in the
 * list's delivery log (the list page's "Send a test message"). 200 with the deliveries after their first attempt;
 * 400 when the list has no channel.
 */
export async function testListAlerts(input: RouteInput<undefined, undefined>, ctx: GuardedContext) {
  const storage = await storageOf(ctx.config);
  const listId = idParam(input.params);
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

/** List schedules in storage, and the claim that makes a slot fire once across instances. */
import 'server-only';
import type { Schedule, ScheduleUpdate } from '@/lib/schema-alerts';
import { HttpError } from '../http/errors';
import type { Storage } from '../storage/db';
import type { ListSchedulesTable } from '../storage/schema';
import { nextSlot, scheduleProblem, simpleToCron } from './due';

async function fired(storage: Storage, listId: string): Promise<number> {
  const row = await storage.db
    .selectFrom('schedule_slots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('list_id', '=', listId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function toApi(storage: Storage, row: ListSchedulesTable, now: number): Promise<Schedule> {
  const next = row.enabled ? nextSlot(row, now) : null;
  return {
    listId: row.list_id,
    cron: row.cron,
    tz: row.tz,
    enabled: row.enabled === 1,
    lastSlot: new Date(row.last_slot).toISOString(),
    fired: await fired(storage, row.list_id),
    nextRun: next === null ? null : new Date(next).toISOString(),
  };
}

export async function getSchedule(storage: Storage, listId: string, now: number): Promise<Schedule> {
  const row = await storage.db
    .selectFrom('list_schedules')
    .selectAll()
    .where('list_id', '=', listId)
    .executeTakeFirst();
  if (!row) throw new HttpError('not-found', 'This list has no schedule.');
  return toApi(storage, row, now);
}

/**
 * Saves a list's schedule. Saving starts the count afresh: slots before `now` never fire (last_slot = now), so a
 * schedule saved at 10:00 for 09:00 daily first runs tomorrow.
 */
export async function putSchedule(
  storage: Storage,
  listId: string,
  input: ScheduleUpdate,
  now: number,
): Promise<Schedule> {
  const cron = input.cron ?? (input.simple ? simpleToCron(input.simple) : null);
  if (!cron) throw new HttpError('invalid-input', 'schedule: give a cron expression or a valid simple choice');
  const problem = scheduleProblem(cron, input.tz);
  if (problem) throw new HttpError('invalid-input', `schedule: ${problem}`);
  const row: ListSchedulesTable = {
    list_id: listId,
    cron,
    tz: input.tz,
    enabled: input.enabled ? 1 : 0,
    last_slot: now,
    updated_at: now,
  };
  await storage.db
    .insertInto('list_schedules')
    .values(row)
    .onConflict((oc) =>
      oc.column('list_id').doUpdateSet({ cron, tz: input.tz, enabled: row.enabled, last_slot: now, updated_at: now }),
    )
    .execute();
  return toApi(storage, row, now);
}

export async function deleteSchedule(storage: Storage, listId: string): Promise<void> {
  await storage.db.deleteFrom('list_schedules').where('list_id', '=', listId).execute();
}

/** Claims (list, slot): true for exactly one caller across every instance sharing the database. */
export async function claimSlot(storage: Storage, listId: string, slot: number, now: number): Promise<boolean> {
  const result = await storage.db
    .insertInto('schedule_slots')
    .values({ list_id: listId, slot, claimed_at: now, run_id: null })
    .onConflict((oc) => oc.columns(['list_id', 'slot']).doNothing())
    .executeTakeFirst();
  const claimed = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  // Every instance moves last_slot forward (only forward), whoever won the claim.
  await storage.db
    .updateTable('list_schedules')
    .set({ last_slot: slot })
    .where('list_id', '=', listId)
    .where('last_slot', '<', slot)
    .execute();
  return claimed;
}

export async function recordSlotRun(storage: Storage, listId: string, slot: number, runId: string): Promise<void> {
  await storage.db
    .updateTable('schedule_slots')
    .set({ run_id: runId })
    .where('list_id', '=', listId)
    .where('slot', '=', slot)
    .execute();
}

/**
 * The list's next scheduled run (ISO, unjittered) and the schedule's time zone, for the overview; null when it has
 * none or it is paused.
 */
export async function nextRunOf(
  storage: Storage,
  listId: string,
  now: number,
): Promise<{ at: string; tz: string } | null> {
  const row = await storage.db
    .selectFrom('list_schedules')
    .select(['cron', 'tz', 'enabled'])
    .where('list_id', '=', listId)
    .executeTakeFirst();
  if (!row?.enabled) return null;
  try {
    const next = nextSlot(row, now);
    return next === null ? null : { at: new Date(next).toISOString(), tz: row.tz };
  } catch {
    return null;
  }
}

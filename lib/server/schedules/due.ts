/**
 * When a list's schedule is due: pure clock math over croner (time zones and daylight saving), with the clock
 * passed in. No I/O: the ticker (./ticker.ts) reads the schedules and claims the slots.
 *
 * A slot is an instant the cron expression matches in the schedule's time zone. `dueSlot` answers only the LATEST
 * slot after the last one fired, so after downtime a missed run runs once, not once per missed tick. Croner
 * handles daylight saving the way a person expects: a daily 09:00 stays 09:00 local across the change, a local
 * time that does not exist on spring-forward day (01:30 in London) runs once that day (at the first instant after
 * the gap), and one that occurs twice on fall-back day runs once.
 */
import { Cron } from 'croner';

/** The simple choices of the page, each stored as a cron expression. */
export type SimpleSchedule =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; time: string; day: number }
  | { kind: 'monthly'; time: string; day: number };

/** `HH:MM` (24 h) → [hour, minute], or null. */
function parseTime(time: string): [number, number] | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The cron expression of a simple choice (weekly: day 0 = Sunday … 6; monthly: day 1–28), or null when invalid. */
export function simpleToCron(s: SimpleSchedule): string | null {
  const t = parseTime(s.time);
  if (!t) return null;
  const [h, m] = t;
  if (s.kind === 'daily') return `${m} ${h} * * *`;
  if (s.kind === 'weekly') return Number.isInteger(s.day) && s.day >= 0 && s.day <= 6 ? `${m} ${h} * * ${s.day}` : null;
  return Number.isInteger(s.day) && s.day >= 1 && s.day <= 28 ? `${m} ${h} ${s.day} * *` : null;
}

/** Why a cron expression and time zone can't be used, or null when they can. Only 5-field expressions. */
export function scheduleProblem(cron: string, tz: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return `unknown time zone "${tz}" (use an IANA name such as Europe/London)`;
  }
  if (cron.trim().split(/\s+/).length !== 5) return 'use a cron expression of 5 fields: minute hour day month weekday';
  try {
    const job = new Cron(cron, { timezone: tz, paused: true });
    if (!job.nextRun(new Date(0))) return 'the cron expression never matches';
  } catch (err) {
    return `invalid cron expression: ${(err as Error).message}`;
  }
  return null;
}

/**
 * A list's deterministic start offset in [0, maxMs]: FNV-1a of its id. Lists on the same schedule then start
 * spread over `maxMs` rather than on the same second, and one list always starts at the same offset.
 */
export function jitterMs(listId: string, maxMs: number): number {
  if (maxMs <= 0) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < listId.length; i++) {
    h ^= listId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % (maxMs + 1);
}

export type ScheduleClock = { cron: string; tz: string; listId: string };

/**
 * The latest slot (epoch ms, unjittered) due at `now` and later than `lastSlot`, or null. A slot is due once
 * `now` is at least the slot plus the list's jitter (`jitterMaxMs`, see `jitterMs`).
 */
export function dueSlot(schedule: ScheduleClock, lastSlot: number, now: number, jitterMaxMs = 0): number | null {
  const at = now - jitterMs(schedule.listId, jitterMaxMs);
  const job = new Cron(schedule.cron, { timezone: schedule.tz, paused: true });
  // previousRuns answers runs strictly before the reference: +1 s makes a slot at exactly `at` count.
  const [latest] = job.previousRuns(1, new Date(at + 1000));
  if (!latest || latest.getTime() > at) return null;
  return latest.getTime() > lastSlot ? latest.getTime() : null;
}

/** The next slot after `now` (unjittered), for the page's "next run", or null. */
export function nextSlot(schedule: Pick<ScheduleClock, 'cron' | 'tz'>, now: number): number | null {
  const next = new Cron(schedule.cron, { timezone: schedule.tz, paused: true }).nextRun(new Date(now));
  return next ? next.getTime() : null;
}

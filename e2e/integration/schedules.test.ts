/**
 * List schedules on a controllable clock (issue 17 part B): SCHEDULE_CLOCK_OFFSET_MS moves the scheduler's clock
 * instead of waiting. A schedule whose slots were missed while the server was down runs once after the restart,
 * not once per missed slot; with two instances on one PostgreSQL, each (list, slot) fires once between them.
 * (The clock math itself, daylight saving included, is lib/server/schedules/due.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Schedule } from '../../lib/schema-alerts';
import { type App, startApp } from '../support/app';
import { get } from '../support/http';
import { freshDatabase } from '../support/postgres';
import { until } from '../support/runs';

/** Waits here fail at the first error (each request must succeed) and look every 50 ms. */
const FAIL_FAST = { everyMs: 50, retryErrors: false };

const HOUR = 3_600_000;
const apps: App[] = [];
const dirs: string[] = [];

const env = (extra: Record<string, string>) => ({
  DNS_SERVERS: '127.0.0.1:1',
  PROPAGATION: '0',
  ALLOW_TEST_DOMAINS: '1',
  SCHEDULE_TICK_MS: '50',
  SCHEDULE_JITTER_S: '0',
  SHUTDOWN_GRACE_MS: '200',
  ...extra,
});

async function start(extra: Record<string, string>): Promise<App> {
  const app = await startApp(env(extra));
  apps.push(app);
  return app;
}

async function stop(app: App): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.stop();
}

afterAll(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const put = (app: App, listId: string, body: unknown) =>
  get(app.url, `/api/lists/${listId}/schedule`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const schedule = async (app: App, listId: string) =>
  Schedule.parse((await get(app.url, `/api/lists/${listId}/schedule`)).json);

/** Log lines of fired slots (`scheduled list run …`) for `listId`. */
function firedLines(app: App, listId: string): number {
  return readFileSync(app.logFile as string, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"scheduled list run') && l.includes(`"listId":"${listId}"`)).length;
}

describe('schedules', () => {
  it('refuses a bad schedule; a missed schedule runs once after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'm365-sched-'));
    dirs.push(dataDir);
    const app = await start({ DATA_DIR: dataDir });
    const badTz = await put(app, 'l1', { cron: '0 9 * * *', tz: 'Mars/Olympus' });
    expect(badTz.status).toBe(400);
    expect(badTz.text).toContain('unknown time zone');
    expect((await put(app, 'l1', { cron: '0 9 * *', tz: 'UTC' })).status).toBe(400);
    expect((await put(app, 'l1', { simple: { kind: 'weekly', time: '25:00', day: 1 }, tz: 'UTC' })).status).toBe(400);

    // Saved now: slots before now never fire.
    const saved = await put(app, 'missed', { cron: '0 * * * *', tz: 'Europe/London' });
    expect(saved.status, saved.text).toBe(200);
    expect(Schedule.parse(saved.json)).toMatchObject({ cron: '0 * * * *', fired: 0, enabled: true });
    await stop(app);

    // Down for five hours and ten minutes (the clock moves on): five hourly slots were missed. After the restart
    // the latest one fires, once.
    const offset = 5 * HOUR + 10 * 60_000;
    const later = await start({ DATA_DIR: dataDir, SCHEDULE_CLOCK_OFFSET_MS: String(offset) });
    const fired = await until(
      'the missed slot to fire',
      async () => {
        const s = await schedule(later, 'missed');
        return s.fired > 0 ? s : undefined;
      },
      15_000,
      FAIL_FAST,
    );
    const latest = Math.floor((Date.now() + offset) / HOUR) * HOUR;
    expect([latest, latest - HOUR]).toContain(Date.parse(fired.lastSlot)); // an hour may turn during the test
    // Many more ticks: still that one slot.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await schedule(later, 'missed')).fired).toBe(1);
    expect(firedLines(later, 'missed')).toBe(1);
    await stop(later);
  }, 60_000);

  it('two instances on one PostgreSQL fire each slot once', async () => {
    const url = await freshDatabase('schedules');
    const [a, b] = await Promise.all([start({ DATABASE_URL: url }), start({ DATABASE_URL: url })]);
    const lists = Array.from({ length: 20 }, (_, i) => `shared-${i}`);
    for (const id of lists) expect((await put(a, id, { cron: '0 * * * *', tz: 'UTC' })).status).toBe(200);
    // Both tickers are running; make the current hour's slot due for every list at once.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('update list_schedules set last_slot = last_slot - $1', [2 * HOUR]);
      await until(
        'a slot row for every list',
        async () => {
          const r = await client.query('select count(*)::int as n from schedule_slots');
          return r.rows[0].n >= lists.length ? true : undefined;
        },
        15_000,
        FAIL_FAST,
      );
      await new Promise((r) => setTimeout(r, 1000));
      const r = await client.query('select list_id, count(*)::int as n from schedule_slots group by list_id');
      expect(r.rows).toHaveLength(lists.length);
      expect(r.rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
    for (const id of lists) expect(firedLines(a, id) + firedLines(b, id), id).toBe(1);
  }, 60_000);
});

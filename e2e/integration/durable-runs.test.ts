/**
 * Durable runs on the embedded database (issue 16): the production build on a DATA_DIR of the test's own, a
 * fake DNS server that answers every query late (so a run of 120 domains is slow enough to kill; 300 took 74 s of the suite for no more assurance), and
 * `kill -9` (or a shutdown, as a deploy does) in the middle of a run. Restarted on the same DATA_DIR, the app finishes the run by itself, each
 * domain exactly once, no finished result changed, and the run's links work. Retention deletes an expired run from
 * the database on its schedule, and a late fetch still says expired (410).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { bulkDomains, bulkZones, demoServerZones } from '../../lab/fixtures';
import { withApexRecords } from '../../lab/zone-file';
import { ApiError, RunCreated } from '../../lib/schema';
import { DATABASE_FILE } from '../../lib/server/storage/db';
import { type App, startApp } from '../support/app';
import { get, post } from '../support/http';
import { finished, summary, until } from '../support/runs';

const N = 120;
const DOMAINS = bulkDomains(N);
/** Every answer waits this long: a domain takes a few round trips, so the run lasts well over ten seconds. */
const DELAY_MS = 120;

let dns: FakeServer;
const dirs: string[] = [];
const apps: App[] = [];

beforeAll(async () => {
  const demo = demoServerZones();
  const bulk = bulkZones(N);
  dns = await startFakeDnsServer({
    host: '127.0.0.1',
    zones: [...demo.zones, ...bulk.map((z) => z.apex)],
    records: [...demo.records, ...bulk.flatMap(withApexRecords)],
    rules: [{ suffix: '', behaviour: { kind: 'delay', ms: DELAY_MS } }],
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await dns?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'durable-runs-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, env: Record<string, string> = {}): Promise<App> {
  const app = await startApp({
    DNS_SERVERS: dns.address,
    ALLOW_TEST_DOMAINS: '1',
    PROPAGATION: '0',
    DNS_TIMEOUT_MS: '2000',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '10000000',
    BULK_CONCURRENCY: '4',
    CHECK_WORKERS: '0',
    DATA_DIR: dir,
    ...env,
  });
  apps.push(app);
  return app;
}

describe('a run survives the end of the app', () => {
  const ways: Array<{ label: string; end: (app: App) => Promise<void> }> = [
    { label: 'kill -9', end: (app) => app.kill() },
    // A deploy: SIGTERM, the grace period runs out, the rest of the run is cut short (not cancelled).
    { label: 'SIGTERM (shutdown)', end: (app) => app.stop() },
  ];
  it.each(ways)(
    '$label: the run resumes by itself on restart, each domain exactly once, no finished result changed, its links work',
    async ({ end }) => {
      const dir = dataDir();
      const first = await start(dir, { SHUTDOWN_GRACE_MS: '200' });
      const created = await post(first.url, '/api/runs', { domains: DOMAINS, cloud: 'auto' });
      expect(created.status, created.text.slice(0, 300)).toBe(201);
      const run = RunCreated.parse(created.json);

      // Mid-run: some results finished, most not.
      const before = await until(
        'the first results',
        async () => {
          const s = await summary(first.url, run.id);
          return s.checked >= 30 ? s : undefined;
        },
        60_000,
      );
      expect(before.checked).toBeLessThan(N / 2);
      await end(first);

      const second = await start(dir);
      const after = await finished('the run to finish after the restart', second.url, run.id, 120_000);
      // Each domain exactly once.
      expect(after.checked).toBe(N);
      expect(after.results).toHaveLength(N);
      expect(after.results.map((r) => r.index)).toEqual(Array.from({ length: N }, (_, i) => i));
      expect(new Set(after.results.map((r) => r.domain))).toEqual(new Set(DOMAINS));
      expect(after.results.every((r) => r.msoid.status === 'ok')).toBe(true);
      // The results fetched before the end are there unchanged, at their index.
      for (const result of before.results) expect(after.results[result.index]).toEqual(result);

      // The result link of a domain finished before the end shows the stored result.
      const kept = before.results[0];
      if (!kept) throw new Error('no result before the end');
      const page = await get(second.url, `/d/${encodeURIComponent(kept.domain)}?run=${run.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`/bulk?run=${run.id}`);
      await second.stop();
    },
    240_000,
  );
});

describe('retention on storage', () => {
  it('deletes an expired run from the database on its schedule; a late fetch answers 410 expired', async () => {
    const dir = dataDir();
    const app = await start(dir, { RUN_RETENTION_S: '2' });
    const created = await post(app.url, '/api/runs', { domains: DOMAINS.slice(0, 2), cloud: 'auto' });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const run = RunCreated.parse(created.json);
    // The database beside the running app (WAL mode: a reader never blocks it).
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      const rows = () => ({
        runs: (db.prepare('SELECT count(*) AS n FROM runs WHERE id = ?').get(run.id) as { n: number }).n,
        results: (db.prepare('SELECT count(*) AS n FROM run_results WHERE run_id = ?').get(run.id) as { n: number }).n,
      });
      expect(rows().runs).toBe(1);
      await until('results in the database', async () => (rows().results > 0 ? true : undefined), 30_000);
      // No request touches the run from here: the sweeper alone deletes it.
      await until('the sweeper to delete the run', async () => (rows().runs === 0 ? true : undefined), 30_000);
      expect(rows()).toEqual({ runs: 0, results: 0 });
    } finally {
      db.close();
    }
    const late = await get(app.url, `/api/runs/${run.id}`);
    expect(late.status).toBe(410);
    expect(ApiError.parse(late.json).code).toBe('run-expired');
  }, 90_000);
});

/**
 * Several instances on one PostgreSQL (issue 16 "Several instances"): two production builds on an empty database
 * of their own, the domains of a run are jobs in pg-boss's queue that both work. A run started on A is cancelled
 * on B; A killed with kill -9 mid-run, its leased jobs come back after QUEUE_LEASE_S and the run completes on B
 * with each domain exactly once; a follower on B gets every result of a run worked by A (LISTEN/NOTIFY).
 * The shared rate limit is in limits.test.ts. A fake DNS server answers every query late so runs last seconds.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { bulkDomains, bulkZones, demoServerZones } from '../../lab/fixtures';
import { startPostgres } from '../../lab/postgres';
import { withApexRecords } from '../../lab/zone-file';
import { readLines } from '../../lib/client/ndjson';
import {
  RUN_OWNER_HEADER,
  RunCreated,
  RunEvent,
  type RunEvent as RunEventType,
  type RunSummary,
} from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { get, post } from '../support/http';
import { freshDatabase } from '../support/postgres';
import { finished, summary, until } from '../support/runs';

const N = 800;
const DOMAINS = bulkDomains(N);
/** Every answer waits this long: a domain takes a few round trips, so an 800-domain run on one instance lasts several seconds. */
const DELAY_MS = 40;

let dns: FakeServer;
const apps: App[] = [];

function labServer(): Promise<FakeServer> {
  const demo = demoServerZones();
  const bulk = bulkZones(N);
  return startFakeDnsServer({
    host: '127.0.0.1',
    zones: [...demo.zones, ...bulk.map((z) => z.apex)],
    records: [...demo.records, ...bulk.flatMap(withApexRecords)],
    rules: [{ suffix: '', behaviour: { kind: 'delay', ms: DELAY_MS } }],
  });
}

beforeAll(async () => {
  dns = await labServer();
}, 60_000);

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
});
afterAll(async () => {
  await dns?.close();
});

async function start(url: string, env: Record<string, string> = {}): Promise<App> {
  const app = await startApp({
    DNS_SERVERS: dns.address,
    ALLOW_TEST_DOMAINS: '1',
    PROPAGATION: '0',
    DNS_TIMEOUT_MS: '2000',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '10000000',
    BULK_CONCURRENCY: '16',
    CHECK_WORKERS: '0',
    SHUTDOWN_GRACE_MS: '200',
    DATABASE_URL: url,
    QUEUE_LEASE_S: '3',
    ...env,
  });
  apps.push(app);
  return app;
}

/** Two instances on one fresh database. */
async function pair(label: string): Promise<{ url: string; a: App; b: App }> {
  const url = await freshDatabase(label);
  const [a, b] = await Promise.all([start(url), start(url)]);
  return { url, a, b };
}

async function startRun(base: string, domains: readonly string[]): Promise<RunCreated> {
  const created = await post(base, '/api/runs', { domains, cloud: 'auto' });
  expect(created.status, created.text.slice(0, 300)).toBe(201);
  return RunCreated.parse(created.json);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A result's verdicts: the msoid record's and every record's status, and the summary. */
function verdict(r: RunSummary['results'][number]): string {
  return JSON.stringify([r.msoid.status, r.records.map((x) => x.status), r.summary]);
}

/** The jobs of run `id` not finished in pg-boss's queue. */
async function outstandingJobs(url: string, id: string): Promise<number> {
  const rows = await query<{ n: string }>(
    url,
    `select count(*) as n from pgboss.job where data->>'run' = $1 and state in ('created', 'retry', 'active')`,
    [id],
  );
  return Number(rows[0]?.n);
}

describe('two instances on one PostgreSQL', () => {
  it('a run started on A is cancelled on B: both say cancelled, its queued jobs are cancelled, checking stops', async () => {
    const { url, a, b } = await pair('mi_cancel');
    const run = await startRun(a.url, DOMAINS.slice(0, 600));
    await until(
      'the first results',
      async () => ((await summary(a.url, run.id)).checked >= 20 ? true : undefined),
      60_000,
    );

    const cancel = await get(b.url, `/api/runs/${run.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [RUN_OWNER_HEADER]: run.ownerToken },
      body: '',
    });
    expect(cancel.status, cancel.text.slice(0, 300)).toBe(200);

    const ended = await until(
      'the run to end as cancelled',
      async () => {
        const s = await summary(a.url, run.id);
        return s.status === 'cancelled' && s.pending === 0 ? s : undefined;
      },
      30_000,
    );
    expect((await summary(b.url, run.id)).status).toBe('cancelled');
    expect(ended.checked).toBeLessThan(600);
    expect(await outstandingJobs(url, run.id)).toBe(0);
    // Nothing more is checked after the end (no instance goes on with the run's domains).
    await new Promise((r) => setTimeout(r, 2000));
    expect((await summary(b.url, run.id)).checked).toBe(ended.checked);
  }, 180_000);

  it('A killed mid-run (kill -9): the run completes on B with each domain exactly once', async () => {
    const { url, a, b } = await pair('mi_kill');
    const run = await startRun(a.url, DOMAINS);
    const before = await until(
      'a part of the run',
      async () => {
        const s = await summary(b.url, run.id);
        return s.checked >= N / 10 ? s : undefined;
      },
      120_000,
    );
    expect(before.checked).toBeLessThan(N / 2);
    await a.kill();
    apps.splice(apps.indexOf(a), 1);

    const after = await finished('the run to finish on B', b.url, run.id, 240_000);
    expect(after.checked).toBe(N);
    const counts = after.counts;
    expect(counts.healthy + counts['needs-attention'] + counts.broken + counts['could-not-check']).toBe(N);
    // Each domain exactly once in storage, and none missing.
    const rows = await query<{ domain: string; n: string }>(
      url,
      'select domain, count(*) as n from run_results where run_id = $1 group by domain',
      [run.id],
    );
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set(DOMAINS));
    const indexes = await query<{ idx: number }>(url, 'select idx from run_results where run_id = $1 order by idx', [
      run.id,
    ]);
    expect(indexes.map((r) => r.idx)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(await outstandingJobs(url, run.id)).toBe(0);
  }, 420_000);

  it('live events of a run worked on A reach a follower on B: every row and the end', async () => {
    const url = await freshDatabase('mi_events');
    // B works the queue too (one domain slot), against a DNS server that never answers: each domain B takes ends
    // at its 2.5 s deadline (as could not check), so B stores a result only every 2.5 s, and its follower can't
    // learn of A's rows from B's own. B's stream reads storage without news only once a minute, so rows that
    // reach it while the run goes on (below) came by NOTIFY.
    const silent = await startFakeDnsServer({
      host: '127.0.0.1',
      zones: [],
      records: [],
      rules: [{ suffix: '', behaviour: { kind: 'drop' } }],
    });
    const a = await start(url);
    const b = await start(url, {
      BULK_CONCURRENCY: '1',
      DNS_SERVERS: silent.address,
      DOMAIN_DEADLINE_MS: '2500',
      RUN_EVENTS_HEARTBEAT_MS: '60000',
    });
    const domains = DOMAINS.slice(0, 200);
    const run = await startRun(a.url, domains);
    const response = await fetch(new URL(`/api/runs/${run.id}/events?from=0`, b.url));
    expect(response.status).toBe(200);
    const lines: RunEventType[] = [];
    for await (const line of readLines(response.body as ReadableStream<Uint8Array>)) {
      lines.push(RunEvent.parse(JSON.parse(line)));
      if (lines.at(-1)?.type === 'done') break;
    }
    const reports = lines.flatMap((l) => (l.type === 'report' ? [l] : []));
    // Every row once (a row another instance stored is not taken for a re-check and sent again).
    expect(reports.map((r) => r.index).sort((x, y) => x - y)).toEqual(domains.map((_, i) => i));
    expect(lines.at(-1)).toMatchObject({ type: 'done', status: 'done' });
    // Live, not after the fact: B's follower saw the run part-way several times (without NOTIFY it would read
    // storage when it connected and when B stored a result, every 2.5 s).
    const partWay = new Set(
      lines.flatMap((l) => (l.type === 'progress' && l.checked > 0 && l.checked < l.total ? [l.checked] : [])),
    );
    expect(partWay.size).toBeGreaterThanOrEqual(6);
    await silent.close();
  }, 180_000);

  it('PostgreSQL stopped for 10 s mid-run: no verdict changes, both instances go on working the run after it returns', async () => {
    // A cluster of this test's own: it is stopped and started again on the same directory and port.
    const server = await startPostgres();
    // B asks a DNS server of its own (the same zones): its queries show that B works A's run.
    const dnsB = await labServer();
    try {
      const url = await server.createDatabase('mi_outage');
      const a = await start(url);
      const b = await start(url, { DNS_SERVERS: dnsB.address });
      const domains = DOMAINS.slice(0, 400);
      // The same domains checked without an outage: the verdicts to compare with.
      const reference = await startRun(a.url, domains);
      const clean = await finished('the reference run', a.url, reference.id, 120_000);
      const expected = new Map(clean.results.map((r) => [r.domain, verdict(r)]));
      expect(expected.size).toBe(domains.length);

      const bBefore = dnsB.stats.udp + dnsB.stats.tcp;
      const run = await startRun(a.url, domains);
      const before = await until(
        'the first results',
        async () => {
          const s = await summary(a.url, run.id);
          return s.checked >= 40 ? s : undefined;
        },
        60_000,
      );
      // Mid-run: most domains are still to check when PostgreSQL goes away.
      expect(before.checked).toBeLessThan(domains.length / 2);
      await server.pause(10_000);
      const after = await finished('the run to finish after PostgreSQL is back', b.url, run.id, 180_000);
      expect(after.checked).toBe(domains.length);
      expect(after.results).toHaveLength(domains.length);
      // No verdict changed by the outage (never a "missing" or "could not check" where the answer was there).
      expect(new Map(after.results.map((r) => [r.domain, verdict(r)]))).toEqual(expected);
      expect(dnsB.stats.udp + dnsB.stats.tcp).toBeGreaterThan(bBefore);
      // Single checks went on; both instances answer for the run.
      expect((await summary(a.url, run.id)).status).toBe('done');
    } finally {
      await Promise.all(apps.splice(0).map((app) => app.stop()));
      await dnsB.close();
      await server.stop();
    }
  }, 420_000);
});

/**
 * Two holes in the run API an outside test found, closed, against the production build and the DNS lab:
 * A. one client's runs never push another client's out of the store (a quota per client, MAX_RUNS_PER_CLIENT;
 *    a new run drops only its own client's oldest finished runs, else 429 too-many-runs);
 * B. the run id only reads a run: cancel and re-check need the owner token of the POST /api/runs answer
 *    (X-Run-Owner, else 403 not-run-owner), and no log line holds a whole run id (or an owner token).
 * Clients are told apart by TRUST_PROXY_HEADER (x-forwarded-for), as behind a proxy.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SLOW_ZONE } from '../../lab/fixtures';
import { ApiError, RunCreated, RunRecheckAccepted, RunSummary } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult } from '../support/http';

const resolver = inject('resolver');

/** Client addresses, as the trusted proxy would put them in x-forwarded-for. */
const X = '198.51.100.1';
const Y = '198.51.100.2';
const Z = '198.51.100.3';
const W = '198.51.100.4';

let app: App;
let small: App;
/** Every run id and owner token handed out, to look for in the logs. */
const secrets: string[] = [];

beforeAll(async () => {
  [app, small] = await Promise.all([
    startApp({
      ...appEnv(resolver),
      TRUST_PROXY_HEADER: 'x-forwarded-for',
      MAX_RUNS_KEPT: '50',
      MAX_RUNS_PER_CLIENT: '20',
    }),
    // Room for 4 runs, 2 per client; two domain slots, so a run of slow names keeps running for a while.
    startApp({
      ...appEnv(resolver),
      TRUST_PROXY_HEADER: 'x-forwarded-for',
      MAX_RUNS_KEPT: '4',
      MAX_RUNS_PER_CLIENT: '2',
      BULK_CONCURRENCY: '2',
      MAX_NAMES_PER_REGISTRABLE: '5000',
      CHECK_WORKERS: '0',
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.stop(), small?.stop()]);
});

function expectApiError(result: HttpResult, status: number, code: string): ApiError {
  expect(result.status, result.text.slice(0, 500)).toBe(status);
  const body = ApiError.parse(result.json);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

const headers = (client: string | null, extra: Record<string, string> = {}) => ({
  ...(client ? { 'x-forwarded-for': client } : {}),
  ...extra,
});

function postRuns(base: string, client: string, domains: string[]): Promise<HttpResult> {
  return get(base, '/api/runs', {
    method: 'POST',
    headers: headers(client, { 'content-type': 'application/json' }),
    body: JSON.stringify({ domains, cloud: 'auto' }),
  });
}

async function startRun(base: string, client: string, domains: string[]): Promise<RunCreated> {
  const result = await postRuns(base, client, domains);
  expect(result.status, result.text.slice(0, 500)).toBe(201);
  const run = RunCreated.parse(result.json);
  secrets.push(run.id, run.ownerToken);
  return run;
}

/** Reads the run's events to the end: the run is finished when this returns. */
async function untilDone(base: string, id: string, client: string | null = null): Promise<void> {
  const result = await get(base, `/api/runs/${id}/events?from=0`, { headers: headers(client) });
  expect(result.status).toBe(200);
  expect(result.text).toMatch(/"type":"done","status":"(done|cancelled)"/);
}

/** The HTTP status of reading the run (200 kept, 410 dropped). */
async function readStatus(base: string, id: string, client: string | null = null): Promise<number> {
  return (await get(base, `/api/runs/${id}?from=0&limit=0`, { headers: headers(client) })).status;
}

async function summary(base: string, id: string, client: string | null = null): Promise<RunSummary> {
  const result = await get(base, `/api/runs/${id}?from=0`, { headers: headers(client) });
  expect(result.status, result.text.slice(0, 300)).toBe(200);
  return RunSummary.parse(result.json);
}

function control(
  base: string,
  id: string,
  action: 'cancel' | 'recheck',
  options: { client?: string | null; owner?: string; body?: unknown } = {},
): Promise<HttpResult> {
  return get(base, `/api/runs/${id}/${action}`, {
    method: 'POST',
    headers: headers(options.client ?? null, {
      'content-type': 'application/json',
      ...(options.owner === undefined ? {} : { 'x-run-owner': options.owner }),
    }),
    body: options.body === undefined ? '' : JSON.stringify(options.body),
  });
}

/** `n` names under the slow zone: a run of them on the small app takes many seconds. */
const slowNames = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}.${SLOW_ZONE}`);

describe('A. kept runs per client', () => {
  it("fifty one-domain runs from client X don't evict client Y's run; X's own oldest runs go first", async () => {
    const victim = await startRun(app.url, Y, ['ok-21v.test']);
    await untilDone(app.url, victim.id, Y);
    const mine: RunCreated[] = [];
    for (let i = 0; i < 50; i++) {
      const run = await startRun(app.url, X, [`bulk-${String((i % 20) + 1).padStart(4, '0')}.test`]);
      await untilDone(app.url, run.id, X);
      mine.push(run);
    }
    // Y's run is still there, read from anywhere.
    expect(await readStatus(app.url, victim.id)).toBe(200);
    expect((await summary(app.url, victim.id)).results.map((r) => r.domain)).toEqual(['ok-21v.test']);
    // X keeps its 20 newest; its 30 oldest were dropped, oldest first (410 run-expired, as past retention).
    const statuses = await Promise.all(mine.map((run) => readStatus(app.url, run.id)));
    expect(statuses).toEqual([...Array(30).fill(410), ...Array(20).fill(200)]);
    expectApiError(await get(app.url, `/api/runs/${mine[0]?.id}`), 410, 'run-expired');
  }, 90_000);

  it('over the quota with nothing finished to drop, or with the store full of others, a run is refused (429)', async () => {
    // W: two runs still going fill its quota of 2; a third is refused, and nothing is dropped.
    const slowA = await startRun(small.url, W, slowNames('a', 1000));
    const slowB = await startRun(small.url, W, slowNames('b', 1000));
    const quota = expectApiError(await postRuns(small.url, W, ['ok-21v.test']), 429, 'too-many-runs');
    expect(quota).toMatchObject({ limit: 2, count: 2 });
    expect(quota.retryAfterSeconds).toBeGreaterThan(0);
    expect(quota.message).toMatch(/cancel one/);
    for (const run of [slowA, slowB]) expect((await summary(small.url, run.id)).status).toMatch(/queued|running/);

    // Cancelling one (with its owner token) finishes it: W's next run takes its place.
    expect((await control(small.url, slowA.id, 'cancel', { client: W, owner: slowA.ownerToken })).status).toBe(200);
    const third = await startRun(small.url, W, ['ok-21v.test']);
    expect(await readStatus(small.url, slowA.id)).toBe(410);
    expect(await readStatus(small.url, slowB.id)).toBe(200);
    await untilDone(small.url, third.id, W);

    // Y and Z fill the store (4) within their quotas; X, with no run of its own, gets 429 and drops nothing.
    const ofY = await startRun(small.url, Y, ['healthy-ww.test']);
    const ofZ = await startRun(small.url, Z, ['missing-21v.test']);
    await Promise.all([untilDone(small.url, ofY.id, Y), untilDone(small.url, ofZ.id, Z)]);
    const postX = await postRuns(small.url, X, ['ok-21v.test']);
    const full = expectApiError(postX, 429, 'too-many-runs');
    expect(full).toMatchObject({ limit: 4, count: 4 });
    const response = await fetch(`${small.url}/api/runs`, {
      method: 'POST',
      headers: headers(X, { 'content-type': 'application/json' }),
      body: JSON.stringify({ domains: ['ok-21v.test'] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    await response.body?.cancel();
    for (const run of [slowB, third, ofY, ofZ]) expect(await readStatus(small.url, run.id)).toBe(200);

    // Y's next run replaces Y's own finished one; nobody else's.
    const nextY = await startRun(small.url, Y, ['ok-21v.test']);
    expect(await readStatus(small.url, ofY.id)).toBe(410);
    for (const run of [slowB, third, ofZ, nextY]) expect(await readStatus(small.url, run.id)).toBe(200);

    // The slow run is stopped so it does not load the lab for the tests after this one.
    expect((await control(small.url, slowB.id, 'cancel', { client: W, owner: slowB.ownerToken })).status).toBe(200);
  }, 90_000);
});

describe('B. the run id reads; the owner token changes', () => {
  it('cancel and re-check without the owner token (or with a wrong one) are 403; with it they work', async () => {
    const run = await startRun(app.url, X, ['ok-21v.test', 'missing-21v.test']);
    const other = await startRun(app.url, X, ['healthy-ww.test']);
    await Promise.all([untilDone(app.url, run.id, X), untilDone(app.url, other.id, X)]);

    // Reading needs only the id, from any client: summary, events, export.
    const before = await summary(app.url, run.id, Y);
    expect(before.results).toHaveLength(2);
    expect((await get(app.url, `/api/runs/${run.id}/events?from=0`)).status).toBe(200);
    expect((await get(app.url, `/api/runs/${run.id}/export?format=json`)).status).toBe(200);

    // Changing it needs the owner token: without it (from any client), or with another run's or a damaged one,
    // cancel and re-check are 403 not-run-owner.
    const refused = async (owner: string | undefined) => {
      for (const client of [Y, X]) {
        const cancel = expectApiError(
          await control(app.url, run.id, 'cancel', { client, owner }),
          403,
          'not-run-owner',
        );
        expect(cancel.message).toMatch(/Only the browser that started this run can cancel or re-check it/);
        expectApiError(
          await control(app.url, run.id, 'recheck', { client, owner, body: { domains: ['ok-21v.test'] } }),
          403,
          'not-run-owner',
        );
      }
    };
    await refused(undefined);
    for (const owner of [other.ownerToken, `${run.ownerToken.slice(0, -1)}x`, 'x']) await refused(owner);
    // Nothing changed.
    const unchanged = await summary(app.url, run.id);
    expect(unchanged.revision).toBe(before.revision);
    expect(unchanged.status).toBe('done');
    // The token: 32 random bytes (base64url), one per run, never in what a reader gets.
    expect(run.ownerToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(run.ownerToken).not.toBe(other.ownerToken);
    expect(JSON.stringify(unchanged)).not.toContain(run.ownerToken);

    // With the token (from whichever client address), re-check is accepted and replaces the row.
    const recheck = await control(app.url, run.id, 'recheck', {
      client: Y,
      owner: run.ownerToken,
      body: { domains: ['ok-21v.test'] },
    });
    expect(recheck.status, recheck.text.slice(0, 300)).toBe(202);
    expect(RunRecheckAccepted.parse(recheck.json).rechecking).toEqual(['ok-21v.test']);
    await untilDone(app.url, run.id);
    const after = await summary(app.url, run.id);
    expect(after.revision).toBeGreaterThan(before.revision);
    const checkedAt = (s: RunSummary) => s.results.find((r) => r.domain === 'ok-21v.test')?.checkedAt ?? '';
    expect(Date.parse(checkedAt(after))).toBeGreaterThan(Date.parse(checkedAt(before)));
    expect((await control(app.url, run.id, 'cancel', { client: X, owner: run.ownerToken })).status).toBe(200);
  }, 60_000);

  it('a running run stays running after a cancel without the token, and stops with it', async () => {
    const run = await startRun(small.url, Z, slowNames('c', 1000));
    expectApiError(await control(small.url, run.id, 'cancel', { client: Z }), 403, 'not-run-owner');
    expect((await summary(small.url, run.id)).status).toMatch(/queued|running/);
    const cancelled = await control(small.url, run.id, 'cancel', { client: Z, owner: run.ownerToken });
    expect(cancelled.status, cancelled.text.slice(0, 300)).toBe(200);
    await untilDone(small.url, run.id);
    expect((await summary(small.url, run.id)).status).toBe('cancelled');
  }, 60_000);

  it('the server log holds no whole run id and no owner token; request lines show 4 characters of the id', async () => {
    // Give the loggers a moment to flush the last lines.
    await new Promise((r) => setTimeout(r, 300));
    const logs = [app, small].map((a) => readFileSync(a.logFile as string, 'utf8'));
    expect(secrets.length).toBeGreaterThan(100);
    for (const log of logs) {
      for (const secret of secrets) expect(log.includes(secret), `the log holds ${secret}`).toBe(false);
    }
    const paths = logs
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { path?: string }).path)
      .filter((p): p is string => p?.startsWith('/api/runs/') === true);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths)
      expect(path).toMatch(/^\/api\/runs\/[A-Za-z0-9_-]{4}…(\/(events|cancel|recheck|export))?$/);
  });
});

/**
 * Every bound is a setting, and hitting one gives a clear answer — never a hang or a 500: names per
 * registrable domain, lines, body size, CNAME hops, TXT bytes, queries per domain, the run deadline, the
 * rate limits (per client, cost-based, shared through PostgreSQL) and graceful shutdown.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS } from '../../lab/fixtures';
import { ApiError, fromReportLookup, Report, type StreamLine } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult, parseNdjson, post } from '../support/http';
import { freshDatabase } from '../support/postgres';

const resolver = inject('resolver');

function expectApiError(result: HttpResult, status: number, code: string): ApiError {
  expect(result.status, result.text.slice(0, 300)).toBe(status);
  const body = ApiError.parse(result.json);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

function reportsOf(lines: StreamLine[]): Report[] {
  return lines.filter((l): l is Extract<StreamLine, { type: 'report' }> => l.type === 'report');
}

/** The pid the app logged in its start-up line. */
function pidOf(app: App): number {
  const line = readFileSync(app.logFile!, 'utf8')
    .split('\n')
    .find((l) => l.includes('"msg":"config"'));
  const pid = line ? (JSON.parse(line) as { pid?: number }).pid : undefined;
  if (!pid) throw new Error('no start-up log line with a pid');
  return pid;
}

describe('input and answer bounds', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({
      ...appEnv(resolver),
      MAX_NAMES_PER_REGISTRABLE: '3',
      MAX_LINES_PER_REQUEST: '20',
      MAX_BODY_BYTES: '2048',
      DNS_MAX_CNAME_HOPS: '1',
      DNS_MAX_TXT_BYTES: '64',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('names past MAX_NAMES_PER_REGISTRABLE are rejected as invalid lines, the rest are checked', async () => {
    const domains = ['a.ok-21v.test', 'b.ok-21v.test', 'ok-ww.test', 'c.ok-21v.test', 'd.ok-21v.test', 'e.ok-21v.test'];
    const result = await post(app!.url, '/api/check', { domains: domains.join('\n') });
    expect(result.status).toBe(200);
    const lines = parseNdjson(result.text);
    const invalid = lines.filter((l) => l.type === 'invalid');
    expect(invalid.map((l) => [l.line, l.input, l.code])).toEqual([
      [5, 'd.ok-21v.test', 'too-many-names-per-domain'],
      [6, 'e.ok-21v.test', 'too-many-names-per-domain'],
    ]);
    for (const l of invalid) expect(l.reason).toMatch(/at most 3 names under one domain/);
    expect(
      reportsOf(lines)
        .map((r) => r.domain)
        .sort(),
    ).toEqual(['a.ok-21v.test', 'b.ok-21v.test', 'c.ok-21v.test', 'ok-ww.test']);
    expect(lines.at(-1)).toEqual({ type: 'done', checked: 4, invalid: 2, duplicates: 0 });
  });

  it('too many lines or too large a body: 413 naming the limit, nothing resolved', async () => {
    const lines = Array.from({ length: 21 }, (_, i) => `n${i}.test`).join('\n');
    const tooManyLines = expectApiError(
      await post(app!.url, '/api/check', { domains: lines }),
      413,
      'payload-too-large',
    );
    expect(tooManyLines.limit).toBe(20);
    const big = expectApiError(
      await post(app!.url, '/api/check', { domains: `ok-21v.test ${'x'.repeat(3000)}` }),
      413,
      'payload-too-large',
    );
    expect(big.limit).toBe(2048);
  });

  it('DNS_MAX_CNAME_HOPS stops a longer chain (too-long), which is never reported as missing', async () => {
    const report = Report.parse((await get(app!.url, '/api/check?domain=chain-21v.test&fresh=1')).json);
    expect(report.msoid.lookups).toContain('msoid.chain-21v.test CNAME');
    expect(report.lookups['msoid.chain-21v.test CNAME']?.chainEnd).toBe('too-long');
    expect(report.msoid.status).not.toBe('missing');
  });

  it('DNS_MAX_TXT_BYTES keeps at most that many bytes of each TXT record', async () => {
    const report = Report.parse((await get(app!.url, '/api/check?domain=bigtxt-21v.test&fresh=1')).json);
    const txt = fromReportLookup('bigtxt-21v.test TXT', report.lookups['bigtxt-21v.test TXT']!);
    expect(txt.answers.length).toBeGreaterThan(10);
    expect(Math.max(...txt.answers.map((a) => Buffer.byteLength(a.data)))).toBeLessThanOrEqual(64);
  });
});

/**
 * A server (used directly as the app's resolver) that never answers anything under slow.test, so a domain
 * there takes exactly DNS_TRIES × DNS_TIMEOUT_MS (unbound would start answering SERVFAIL at once after a
 * while), and answers budget.test normally.
 */
let slowServer: FakeServer | undefined;
beforeAll(async () => {
  slowServer = await startFakeDnsServer({
    zones: ['slow.test', 'budget.test'],
    records: [
      { name: 'budget.test', type: 'MX', data: `0 budget-test.${MS.mx21v}` },
      { name: 'budget.test', type: 'TXT', data: MS.spf21v },
      { name: 'msoid.budget.test', type: 'CNAME', data: MS.msoid21v },
    ],
    rules: [{ suffix: 'slow.test', behaviour: { kind: 'drop' } }],
  });
});
afterAll(async () => {
  await slowServer?.close();
});

describe('run deadline and queries per domain', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({
      ...appEnv(slowServer!.address),
      RUN_DEADLINE_MS: '1500',
      BULK_CONCURRENCY: '2',
      MAX_QUERIES_PER_DOMAIN: '3',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('RUN_DEADLINE_MS: the stream stops starting domains and reports the rest as could-not-check (deadline)', async () => {
    // Each domain would take 2 tries × 1 s; 10 of them, 2 at a time, 10 s.
    const domains = Array.from({ length: 10 }, (_, i) => `n${i}.slow.test`);
    const started = performance.now();
    const result = await post(app!.url, '/api/check', { domains });
    const elapsed = performance.now() - started;
    expect(result.status).toBe(200);
    const lines = parseNdjson(result.text);
    const reports = reportsOf(lines);
    expect(lines.at(-1)).toEqual({ type: 'done', checked: 10, invalid: 0, duplicates: 0 });
    expect(new Set(reports.map((r) => r.domain)).size).toBe(10);
    expect(elapsed).toBeLessThan(6000);
    for (const r of reports) {
      expect(r.msoid.status).toBe('lookup-failed');
      expect(r.msoid.failure?.outcome).toBe('deadline');
    }
  });

  it('MAX_QUERIES_PER_DOMAIN: lookups past the budget are skipped (could not check)', async () => {
    const report = Report.parse((await get(app!.url, '/api/check?domain=budget.test&fresh=1')).json);
    // The apex, then msoid and the probe's CNAME take the 3 queries (a lookup started within the budget may still
    // retry or follow its chain); every lookup after them is skipped without a query.
    const lookups = new Map(Object.entries(report.lookups).map(([id, l]) => [id, fromReportLookup(id, l)]));
    expect([...lookups.values()].filter((l) => l.attempts > 0).length).toBeLessThanOrEqual(3);
    expect([...lookups.values()].filter((l) => l.outcome === 'skipped').length).toBeGreaterThan(10);
    expect(lookups.get('budget.test MX')?.outcome).toBe('skipped');
    // Nothing skipped reads as missing: the cloud evidence is incomplete, and the MX row could not be checked.
    expect(report.cloud.evidenceIncomplete).toBe(true);
    expect(report.records.find((r) => r.id === 'mx')?.status).toBe('lookup-failed');
    for (const r of report.records) expect(r.status).not.toBe('missing');
  });
});

describe('rate limits (per client, cost-based)', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({
      ...appEnv(resolver),
      TRUST_PROXY_HEADER: 'x-forwarded-for',
      RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_REQUESTS_WINDOW_S: '2',
      RATE_LIMIT_DOMAINS: '5',
      RATE_LIMIT_DOMAINS_WINDOW_S: '2',
      // The domain budget must hold the largest list a client may send (start-up refuses it otherwise).
      MAX_DOMAINS_PER_RUN: '5',
      MAX_DOMAINS_PER_REQUEST: '5',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  it('a burst gets 429 with an integer Retry-After and the body; other clients are not affected; it recovers', async () => {
    const statuses: number[] = [];
    let limited: HttpResult | undefined;
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${app!.url}/api/check?domain=ok-21v.test`, from('198.51.100.1'));
      const text = await response.text();
      statuses.push(response.status);
      if (response.status === 429 && !limited) {
        limited = {
          status: 429,
          contentType: response.headers.get('content-type') ?? '',
          text,
          json: JSON.parse(text),
        };
        retryAfter = response.headers.get('retry-after');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const body = expectApiError(limited!, 429, 'rate-limited');
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(body.retryAfterSeconds).toBe(Number(retryAfter));
    expect(Number(retryAfter)).toBeLessThanOrEqual(2);

    expect((await get(app!.url, '/api/check?domain=ok-21v.test', from('198.51.100.2'))).status).toBe(200);
    // The trusted header's last entry is the client (the one our proxy added), not what the client wrote first.
    expect((await get(app!.url, '/api/check?domain=ok-21v.test', from('198.51.100.2, 198.51.100.1'))).status).toBe(429);

    await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000 + 200));
    expect((await get(app!.url, '/api/check?domain=ok-21v.test', from('198.51.100.1'))).status).toBe(200);
  });

  it('a POST of N domains costs N points of the domain budget', async () => {
    const client = from('198.51.100.3');
    const first = await fetch(`${app!.url}/api/check`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ domains: ['ok-21v.test', 'ok-ww.test', 'missing-21v.test', 'typo-21v.test'] }),
    });
    expect(first.status).toBe(200);
    await first.text();
    const second = await fetch(`${app!.url}/api/check`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ domains: ['wrong-21v.test', 'chain-21v.test'] }),
    });
    const text = await second.text();
    const body = expectApiError(
      { status: second.status, contentType: '', text, json: JSON.parse(text) },
      429,
      'rate-limited',
    );
    expect(body.message).toMatch(/domains/);
    expect(second.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  });

  it('the detail page is charged to the same limits, so it cannot go around them', async () => {
    const client = from('198.51.100.4');
    const pages: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const html = await (await fetch(`${app!.url}/d/ok-21v.test?cloud=auto&lang=en`, client)).text();
      pages.push(html.includes('data-testid="detail-rate-limited"'));
    }
    expect(pages).toEqual([false, false, false, true]);
    // The same client's API budget is used up by those page checks too.
    expect((await get(app!.url, '/api/check?domain=ok-21v.test', client)).status).toBe(429);
  });
});

describe('rate limits shared by two instances on one PostgreSQL', () => {
  const apps: App[] = [];
  beforeAll(async () => {
    const url = await freshDatabase('limits');
    const env = {
      ...appEnv(resolver),
      DATABASE_URL: url,
      RATE_LIMIT_REQUESTS: '4',
      RATE_LIMIT_REQUESTS_WINDOW_S: '60',
    };
    apps.push(await startApp(env), await startApp(env));
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  it('one budget across both; without TRUST_PROXY_HEADER, X-Forwarded-For does not make a new client', async () => {
    const [a, b] = apps as [App, App];
    const statuses = [];
    for (const [app, xff] of [
      [a, '192.0.2.1'],
      [b, '192.0.2.2'],
      [a, '192.0.2.3'],
      [b, '192.0.2.4'],
      [a, '192.0.2.5'],
    ] as const) {
      statuses.push(
        (await get(app.url, '/api/check?domain=ok-21v.test', { headers: { 'x-forwarded-for': xff } })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('graceful shutdown', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({ ...appEnv(slowServer!.address), SHUTDOWN_GRACE_MS: '1000', BULK_CONCURRENCY: '1' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('on SIGTERM: new checks get 503 shutting-down, the run in flight ends with every domain reported, then exit', async () => {
    // 2 s per domain, one at a time: the run would last 24 s.
    const domains = Array.from({ length: 12 }, (_, i) => `s${i}.slow.test`);
    const response = await fetch(`${app!.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ domains }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let signalled = false;
    let duringShutdown: HttpResult[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!signalled && text.includes('"type":"report"')) {
        signalled = true;
        process.kill(pidOf(app!), 'SIGTERM');
        await new Promise((r) => setTimeout(r, 100));
        duringShutdown = await Promise.all([
          get(app!.url, '/api/check?domain=budget.test'),
          get(app!.url, '/api/ready'),
          get(app!.url, '/api/health'),
        ]);
      }
    }
    expect(signalled).toBe(true);
    const [check, ready, health] = duringShutdown as [HttpResult, HttpResult, HttpResult];
    expectApiError(check, 503, 'shutting-down');
    expectApiError(ready, 503, 'shutting-down');
    expect(health.status).toBe(200);

    const lines = parseNdjson(text);
    expect(lines.at(-1)).toEqual({ type: 'done', checked: 12, invalid: 0, duplicates: 0 });
    const reports = reportsOf(lines);
    expect(reports.every((r) => r.msoid.status === 'lookup-failed')).toBe(true);
    expect(reports.filter((r) => r.msoid.failure?.outcome === 'cancelled').length).toBeGreaterThan(5);

    // Then the process exits (Next closes the server after our drain).
    const deadline = Date.now() + 15_000;
    let gone = false;
    while (!gone && Date.now() < deadline) {
      gone = await fetch(`${app!.url}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
        () => false,
        () => true,
      );
      if (!gone) await new Promise((r) => setTimeout(r, 200));
    }
    expect(gone).toBe(true);
  });
});

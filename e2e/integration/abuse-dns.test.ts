/**
 * DNS volume a caller can cause, counted at the DNS server itself (a fake authoritative server that is the app's
 * only resolver): readiness probes shared by every caller, the names-per-registrable cap as a sliding window per
 * client (not per request), and the wildcard probe answered from the cache on a second check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS } from '../../lab/fixtures';
import { ApiError, Report, RunCreated, type StreamLine } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { type HttpResult, parseNdjson } from '../support/http';

const TOKEN = 'Xr5bT8wQ2nV6yH1kP4jL9mC3sF7dG0aZ';

let dns: FakeServer | undefined;
let app: App | undefined;

beforeAll(async () => {
  dns = await startFakeDnsServer({
    // The root zone answers the readiness probe (`. NS`); every name outside the others is NXDOMAIN.
    zones: ['', 'zone.test', 'wild.test'],
    records: [
      { name: 'zone.test', type: 'MX', data: `0 zone-test.${MS.mx21v}` },
      { name: 'msoid.zone.test', type: 'CNAME', data: MS.msoid21v },
      { name: 'wild.test', type: 'MX', data: `0 wild-test.${MS.mx21v}` },
      // A wildcard: the probe's CNAME is an answer (TTL 120), its A a NODATA.
      { name: '*.wild.test', type: 'CNAME', data: 'www.hoster.test', ttl: 120 },
    ],
  });
  app = await startApp({
    ...appEnv(dns.address),
    ACCESS_TOKEN: TOKEN,
    TRUST_PROXY_HEADER: 'x-forwarded-for',
    MAX_NAMES_PER_REGISTRABLE: '3',
    CHECK_WORKERS: '0',
  });
});
afterAll(async () => {
  await app?.stop();
  await dns?.close();
});

/** A request from `client` (the trusted proxy's address) with the access token unless `token` is false. */
async function call(
  path: string,
  options: { client: string; token?: boolean; body?: unknown } = { client: '192.0.2.1' },
): Promise<HttpResult> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.client };
  if (options.token !== false) headers.authorization = `Bearer ${TOKEN}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, app!.url), {
    method: options.body === undefined ? 'GET' : 'POST',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

/** Queries the DNS server received for names that start with `prefix` (`''`: the root). */
function queries(prefix: string): number {
  let n = 0;
  for (const [name, count] of dns!.stats.byName) {
    if (prefix === '' ? name === '' : name.startsWith(prefix)) n += count;
  }
  return n;
}

const checked = (lines: StreamLine[]) =>
  lines.flatMap((l) => (l.type === 'report' ? [l.domain] : [])).sort((a, b) => a.localeCompare(b));
const invalid = (lines: StreamLine[]) => lines.flatMap((l) => (l.type === 'invalid' ? [[l.input, l.code]] : []));

describe('GET /api/ready', () => {
  it('50 rapid calls send at most 2 probe queries; the addresses only with access', async () => {
    const before = queries('');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call('/api/ready', { client: `198.51.100.${i}`, token: false })),
    );
    for (let i = 0; i < 10; i++) answers.push(await call('/api/ready', { client: '198.51.100.99', token: false }));
    expect(queries('') - before).toBeGreaterThanOrEqual(1);
    expect(queries('') - before).toBeLessThanOrEqual(2);
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json).toMatchObject({ status: 'ready' });
      expect(answer.json).not.toHaveProperty('resolvers');
      expect(answer.text).not.toContain(dns!.address);
      expect(answer.text).not.toContain(String(dns!.port));
    }
    const withAccess = await call('/api/ready', { client: '198.51.100.1' });
    expect(withAccess.status).toBe(200);
    expect((withAccess.json as { resolvers: Array<{ server: string }> }).resolvers.map((r) => r.server)).toEqual([
      dns!.address,
    ]);
  });
});

describe('MAX_NAMES_PER_REGISTRABLE is a sliding window per client, not per request', () => {
  it("back-to-back requests can't go past it; names already checked pass again; another client has its own", async () => {
    const x = '192.0.2.10';
    const first = parseNdjson(
      (await call('/api/check', { client: x, body: { domains: 'a.zone.test\nb.zone.test\nc.zone.test' } })).text,
    );
    expect(checked(first)).toEqual(['a.zone.test', 'b.zone.test', 'c.zone.test']);
    expect(invalid(first)).toEqual([]);

    const second = await call('/api/check', { client: x, body: { domains: 'c.zone.test\nd.zone.test\ne.zone.test' } });
    expect(second.status).toBe(200);
    const lines = parseNdjson(second.text);
    expect(checked(lines)).toEqual(['c.zone.test']);
    expect(invalid(lines)).toEqual([
      ['d.zone.test', 'too-many-names-per-domain'],
      ['e.zone.test', 'too-many-names-per-domain'],
    ]);
    const reason = lines.find((l) => l.type === 'invalid');
    expect(reason?.type === 'invalid' && reason.reason).toMatch(/name number 4 under zone\.test .*at most 3 names/);

    // A single check and a run of the same client count in the same window.
    const single = await call('/api/check?domain=d.zone.test', { client: x });
    expect(single.status).toBe(400);
    expect(ApiError.parse(single.json).issues?.map((i) => i.code)).toEqual(['too-many-names-per-domain']);
    const run = await call('/api/runs', { client: x, body: { domains: 'a.zone.test\nf.zone.test' } });
    expect(run.status, run.text).toBe(201);
    const created = RunCreated.parse(run.json);
    expect(created.total).toBe(1);
    expect(created.invalid.map((i) => [i.input, i.code])).toEqual([['f.zone.test', 'too-many-names-per-domain']]);

    // Another client is not affected.
    const other = parseNdjson(
      (await call('/api/check', { client: '192.0.2.20', body: { domains: 'd.zone.test\ne.zone.test\nf.zone.test' } }))
        .text,
    );
    expect(checked(other)).toEqual(['d.zone.test', 'e.zone.test', 'f.zone.test']);
    expect(invalid(other)).toEqual([]);
  });
});

describe('the wildcard probe of a domain is answered from the cache on a second check', () => {
  it('no probe query the second time (shown cached); fresh=1 asks again', async () => {
    const client = { client: '192.0.2.30' };
    const probes = () => queries('_m365dh-');
    const probeLookups = (report: Report) =>
      Object.entries(report.lookups).filter(([id]) => id.startsWith('_m365dh-') && id.endsWith('.wild.test CNAME'));

    const before = probes();
    const first = Report.parse((await call('/api/check?domain=wild.test', client)).json);
    expect(probes() - before).toBe(2);
    expect(probeLookups(first)).toHaveLength(1);
    expect(probeLookups(first)[0]?.[1].cached).not.toBe(true);
    expect(first.msoid.status).not.toBe('lookup-failed');

    const second = Report.parse((await call('/api/check?domain=wild.test', client)).json);
    expect(probes() - before).toBe(2);
    expect(probeLookups(second).map(([id]) => id)).toEqual(probeLookups(first).map(([id]) => id));
    expect(probeLookups(second)[0]?.[1].cached).toBe(true);
    expect(second.msoid.status).toBe(first.msoid.status);

    const fresh = Report.parse((await call('/api/check?domain=wild.test&fresh=1', client)).json);
    expect(probes() - before).toBe(4);
    expect(probeLookups(fresh)[0]?.[1].cached).not.toBe(true);
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { parseDomainList } from '@/lib/report/domain-list';
import { ApiError } from '@/lib/schema';
import { parseConfig } from '@/lib/server/env';
import { activeRuns, drain } from '@/lib/server/shutdown';
import { createNamesWindow } from '../names-window';
import { HttpError } from './errors';
import { capNamesPerRegistrable, guarded } from './guard';

const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';

beforeAll(() => {
  // The guard reads the process configuration; give it one without touching process.env.
  (globalThis as Record<symbol, unknown>)[Symbol.for('m365-dns-health.config')] = parseConfig({
    DNS_SERVERS: '127.0.0.1:53',
    ACCESS_TOKEN: TOKEN,
    TRUST_PROXY_HEADER: 'x-forwarded-for',
    BIND_HOST: '127.0.0.1',
    RATE_LIMIT_REQUESTS: '2',
    RATE_LIMIT_DOMAINS: '5',
    MAX_DOMAINS_PER_RUN: '5',
    MAX_DOMAINS_PER_REQUEST: '5',
    LOG_LEVEL: 'silent',
    // The limiters live in the embedded database: this file's own (e2e/support/unit-data-dir.ts), never ./data.
    DATA_DIR: process.env.DATA_DIR,
  });
});

let client = 0;
/** A request from a fresh client address (so rate-limit buckets never collide between tests). */
function request(headers: Record<string, string> = {}, init: RequestInit = {}): Request {
  client++;
  return new Request('http://127.0.0.1/api/check', {
    ...init,
    headers: {
      host: '127.0.0.1:3000',
      authorization: `Bearer ${TOKEN}`,
      'x-forwarded-for': `192.0.2.${client}`,
      ...headers,
    },
  });
}

const ok = guarded('check', () => Response.json({ fine: true }));
/** A handler that does work for the request: it charges the client's request budget first. */
const charged = guarded('check', async (_req, ctx) => (await ctx.chargeRequest()) ?? Response.json({ fine: true }));

async function errorOf(response: Response): Promise<ApiError> {
  return ApiError.parse(await response.json());
}

describe('guarded', () => {
  test('401 without the token (with WWW-Authenticate); the handler runs with it', async () => {
    const denied = await ok(request({ authorization: '' }));
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(denied)).code).toBe('unauthorized');
    expect((await ok(request())).status).toBe(200);
  });

  test('X-Request-Id: the one proxy.ts set, else a fresh UUID (never a hostile value)', async () => {
    const given = await ok(request({ 'x-request-id': 'abcdef12-3456-7890-abcd-ef1234567890' }));
    expect(given.headers.get('x-request-id')).toBe('abcdef12-3456-7890-abcd-ef1234567890');
    const hostile = await ok(request({ 'x-request-id': '<script>alert(1)</script>' }));
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('sameOrigin: another site gets 403 before the rate limit, so it spends none of the client budget', async () => {
    let ran = 0;
    const sameOriginOnly = guarded(
      'check',
      async (_req, ctx) => {
        ran++;
        return (await ctx.chargeRequest()) ?? Response.json({ fine: true });
      },
      { sameOrigin: true },
    );
    const client = { 'x-forwarded-for': '198.51.100.99' };
    const refused: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of refused) {
      const response = await sameOriginOnly(request({ ...client, ...headers }));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('forbidden-origin');
    }
    expect(ran).toBe(0);
    // The budget (2 requests) is untouched: this client's next two requests run.
    const statuses = [];
    const accepted: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of accepted) {
      statuses.push((await sameOriginOnly(request({ ...client, ...headers }))).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(ran).toBe(3);
  });

  test('one point per request that does work: the third of a client within the window gets 429', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.77' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await charged(request(headers))).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  test('a request the handler refuses as invalid costs nothing, however many arrive', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.78' };
    const invalid = guarded('check', () => {
      throw new HttpError('invalid-input', 'no');
    });
    for (let i = 0; i < 10; i++) expect((await invalid(request(headers))).status).toBe(400);
    expect((await charged(request(headers))).status).toBe(200);
  });

  test('chargeDomains: N domains take N points; over what is left → 429, refunded; over the whole budget → 413', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `d${i}.test`);
    const charge = (n: number) =>
      guarded('check', async (_req, ctx) => (await ctx.chargeDomains(names(n))) ?? new Response('ran'));
    const headers = { 'x-forwarded-for': '198.51.100.80' };
    expect((await charge(3)(request(headers))).status).toBe(200);
    const refused = await charge(3)(request(headers));
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The refused request was given back, points and request alike: 2 domains still fit.
    expect((await charge(2)(request({ 'x-forwarded-for': '198.51.100.81' }))).status).toBe(200);
    expect((await charge(2)(request({ 'x-forwarded-for': '198.51.100.82' }))).status).toBe(200);
    const tooBig = await charge(6)(request({ 'x-forwarded-for': '198.51.100.83' }));
    expect(tooBig.status).toBe(413);
    expect(await errorOf(tooBig)).toMatchObject({ code: 'too-many-domains', limit: 5, count: 6 });
    // Nothing was charged for it.
    expect((await charge(5)(request({ 'x-forwarded-for': '198.51.100.83' }))).status).toBe(200);
  });

  test('a Host we do not answer for is refused (DNS rebinding); loopback names are answered', async () => {
    const refused = await ok(request({ host: 'evil.example:3000' }));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('forbidden-host');
    expect((await ok(request({ host: 'localhost:3000' }))).status).toBe(200);
  });

  test('wrong tokens: a source address is refused after too many; the shared bucket never locks out the right token', async () => {
    const guess = { authorization: 'Bearer guess', 'x-forwarded-for': '198.51.100.90' };
    const statuses = new Set<number>();
    for (let i = 0; i < 25; i++) statuses.add((await ok(request(guess))).status);
    expect([...statuses].sort()).toEqual([401, 429]);
    // Without the proxy's address every guesser shares `anonymous`: it is never refused, and the token works.
    const shared = { authorization: 'Bearer guess', 'x-forwarded-for': '' };
    for (let i = 0; i < 30; i++) expect((await ok(request(shared))).status).toBe(401);
    expect((await ok(request({ 'x-forwarded-for': '' }))).status).toBe(200);
  });

  test('a thrown HttpError keeps its status; anything else is a 500 naming the request id', async () => {
    const http = guarded('check', () => {
      throw new HttpError('forbidden-origin', 'no');
    });
    expect((await http(request())).status).toBe(403);
    const boom = guarded('check', () => {
      throw new Error('internal detail');
    });
    const response = await boom(request());
    expect(response.status).toBe(500);
    const body = await errorOf(response);
    expect(body.message).toContain(response.headers.get('x-request-id'));
    expect(body.message).not.toContain('internal detail');
  });

  test('health: open (no rate limit, no token needed), authorized only with the token', async () => {
    const health = guarded('health', (_req, ctx) => Response.json({ authorized: ctx.authorized }));
    const headers = { authorization: '', 'x-forwarded-for': '198.51.100.99' };
    for (let i = 0; i < 4; i++) expect((await health(request(headers))).status).toBe(200);
    expect(await (await health(request(headers))).json()).toEqual({ authorized: false });
    expect(await (await health(request())).json()).toEqual({ authorized: true });
  });

  test('a streamed answer keeps its run registered until the stream ends', async () => {
    const stream = guarded(
      'check',
      () =>
        new Response(new Blob(['{"type":"done"}\n']).stream(), {
          headers: { 'content-type': 'application/x-ndjson' },
        }),
    );
    const response = await stream(request());
    expect(activeRuns()).toBe(1);
    expect(await response.text()).toBe('{"type":"done"}\n');
    expect(activeRuns()).toBe(0);
  });

  test('after shutdown starts: checks get 503 shutting-down, health still answers', async () => {
    await drain(0);
    const response = await ok(request());
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('shutting-down');
    expect((await guarded('health', () => new Response('alive'))(request())).status).toBe(200);
  });
});

describe('capNamesPerRegistrable', () => {
  // One name per line, so line numbers tell the entries apart.
  const parse = (text: string) =>
    parseDomainList(text.split(' ').join('\n'), {
      allowTestDomains: true,
      maxDomains: 4,
      maxLineLength: 1024,
      lang: 'en',
    });
  const options = (max: number) => ({
    names: createNamesWindow({ maxPerRegistrable: max, windowMs: 600_000 }),
    client: 'anonymous',
    maxPerRegistrable: max,
    windowS: 600,
    maxDomains: 4,
    lang: 'en',
  });

  test.each([
    ['under the cap: unchanged', 'a.x.test b.x.test y.test', 3, ['a.x.test', 'b.x.test', 'y.test'], []],
    [
      'over the cap: later names are invalid lines',
      'a.x.test b.x.test c.x.test y.test',
      2,
      ['a.x.test', 'b.x.test', 'y.test'],
      [3],
    ],
    ['counted per registrable domain', 'a.x.test a.y.test b.x.test b.y.test', 1, ['a.x.test', 'a.y.test'], [3, 4]],
  ])('%s', (_label, text, max, domains, invalidLines) => {
    const { list } = capNamesPerRegistrable(parse(text), options(max));
    expect(list.domains.map((d) => d.ascii)).toEqual(domains);
    expect(list.invalid.map((i) => i.line)).toEqual(invalidLines);
    for (const entry of list.invalid) {
      expect(entry.code).toBe('too-many-names-per-domain');
      expect(entry.reason).toContain(`at most ${max} names`);
      expect(entry.reason).toContain('10 min');
    }
  });

  test('the domain cap is worked out after the names cap', () => {
    const parsed = parse('a.x.test b.x.test c.x.test d.x.test e.x.test');
    expect(parsed.overLimit).toEqual({ limit: 4, count: 5 });
    const { list } = capNamesPerRegistrable(parsed, options(2));
    expect(list.overLimit).toBeNull();
    expect(list.invalid.map((i) => i.line)).toEqual([3, 4, 5]);
  });

  test('the cap spans requests once committed; a name already counted passes again; another client has its own', () => {
    const opts = options(2);
    const first = capNamesPerRegistrable(parse('a.x.test b.x.test'), opts);
    expect(first.list.invalid).toEqual([]);
    // Not committed (the request was refused for another reason): nothing counted yet.
    expect(capNamesPerRegistrable(parse('c.x.test d.x.test'), opts).list.invalid).toEqual([]);
    first.commit();
    const second = capNamesPerRegistrable(parse('b.x.test c.x.test'), opts);
    expect(second.list.domains.map((d) => d.ascii)).toEqual(['b.x.test']);
    expect(second.list.invalid.map((i) => [i.input, i.reason])).toEqual([
      [
        'c.x.test',
        expect.stringMatching(/^c\.x\.test would be name number 3 under x\.test .*at most 2 names under one domain/),
      ],
    ]);
    const other = capNamesPerRegistrable(parse('c.x.test d.x.test'), { ...opts, client: 'ip:192.0.2.7' });
    expect(other.list.invalid).toEqual([]);
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { parseDomainList } from '@/lib/report/domain-list';
import { ApiError } from '@/lib/schema';
import { parseConfig } from '@/lib/server/env';
import { activeRuns, drain } from '@/lib/server/shutdown';
import { HttpError } from './errors';
import { capNamesPerRegistrable, guarded } from './guard';

const TOKEN = 'unit-test-token-0123456789';

beforeAll(() => {
  // The guard reads the process configuration; give it one without touching process.env.
  (globalThis as Record<symbol, unknown>)[Symbol.for('m365-dns-health.config')] = parseConfig({
    DNS_SERVERS: '127.0.0.1:53',
    ACCESS_TOKEN: TOKEN,
    TRUST_PROXY_HEADER: 'x-forwarded-for',
    RATE_LIMIT_REQUESTS: '2',
    RATE_LIMIT_DOMAINS: '5',
    LOG_LEVEL: 'silent',
  });
});

let client = 0;
/** A request from a fresh client address (so rate-limit buckets never collide between tests). */
function request(headers: Record<string, string> = {}, init: RequestInit = {}): Request {
  client++;
  return new Request('http://127.0.0.1/api/check', {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': `192.0.2.${client}`, ...headers },
  });
}

const ok = guarded('check', () => Response.json({ fine: true }));

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
      () => {
        ran++;
        return Response.json({ fine: true });
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
    expect(ran).toBe(2);
  });

  test('one point per request: the third request of a client within the window gets 429', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.77' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ok(request(headers))).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  test('chargeDomains: N domains take N points; over the budget → 429', async () => {
    const charge = guarded(
      'check',
      async (_req, ctx) => (await ctx.chargeDomains(['a', 'b', 'c', 'd', 'e', 'f'])) ?? new Response('ran'),
    );
    const response = await charge(request());
    expect(response.status).toBe(429);
    expect((await errorOf(response)).retryAfterSeconds).toBeGreaterThanOrEqual(1);
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
    const list = capNamesPerRegistrable(parse(text), { maxPerRegistrable: max, maxDomains: 4, lang: 'en' });
    expect(list.domains.map((d) => d.ascii)).toEqual(domains);
    expect(list.invalid.map((i) => i.line)).toEqual(invalidLines);
    for (const entry of list.invalid) {
      expect(entry.code).toBe('too-many-names-per-domain');
      expect(entry.reason).toContain(`at most ${max} names`);
    }
  });

  test('the domain cap is worked out after the names cap', () => {
    const parsed = parse('a.x.test b.x.test c.x.test d.x.test e.x.test');
    expect(parsed.overLimit).toEqual({ limit: 4, count: 5 });
    const list = capNamesPerRegistrable(parsed, { maxPerRegistrable: 2, maxDomains: 4 });
    expect(list.overLimit).toBeNull();
    expect(list.invalid.map((i) => i.line)).toEqual([3, 4, 5]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '@/lib/schema';
import { parseConfig } from './env';
import { clientKey, consume, createLimiters, memoryLimiters, rateLimitedResponse } from './rate-limit';
import { openStorage, type Storage } from './storage/db';

const CONFIG = { requests: 3, requestsWindowS: 60, domains: 10, domainsWindowS: 60 };

function request(headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1/api/check', { headers });
}

describe('clientKey', () => {
  const table: Array<[string, Record<string, string>, string | null, string | null, string]> = [
    ['no trusted header, anonymous', { 'x-forwarded-for': '192.0.2.1' }, null, null, 'anonymous'],
    ['no trusted header, signed in', { 'x-forwarded-for': '192.0.2.1' }, null, 'token', 'user:token'],
    ['trusted XFF, one entry', { 'x-forwarded-for': '192.0.2.1' }, 'x-forwarded-for', null, 'ip:192.0.2.1'],
    [
      'trusted XFF, last entry wins',
      { 'x-forwarded-for': '10.9.9.9, 192.0.2.7' },
      'x-forwarded-for',
      null,
      'ip:192.0.2.7',
    ],
    ['trusted XFF beats the identity', { 'x-forwarded-for': '192.0.2.1' }, 'x-forwarded-for', 'token', 'ip:192.0.2.1'],
    ['trusted header with a port', { 'x-real-ip': '192.0.2.1:5555' }, 'x-real-ip', null, 'ip:192.0.2.1'],
    ['trusted header, IPv6 in brackets', { 'x-real-ip': '[2001:DB8::1]:443' }, 'x-real-ip', null, 'ip:2001:db8::1'],
    ['trusted header missing', {}, 'x-forwarded-for', null, 'anonymous'],
    ['trusted header not an address', { 'x-forwarded-for': 'evil, <script>' }, 'x-forwarded-for', null, 'anonymous'],
  ];
  const config = (trusted: string | null) => ({
    trustProxyHeader: trusted,
    proxySecret: null,
    listensOnLoopback: true,
    publicOrigin: null,
    allowedHosts: [],
  });
  test.each(table)('%s', (_label, headers, trusted, identity, expected) => {
    expect(clientKey(request(headers), config(trusted), identity)).toBe(expected);
  });

  test('the header is believed only from the trusted proxy: loopback listener, or PROXY_SECRET', () => {
    const xff = { 'x-forwarded-for': '192.0.2.1' };
    const exposed = { ...config('x-forwarded-for'), listensOnLoopback: false };
    expect(clientKey(request(xff), exposed, null)).toBe('anonymous');
    const secret = 'S'.repeat(8) + 'x7Kq2mP9vR4tL1wN8bZ3cF6hJ0dG5yA';
    const withSecret = { ...exposed, proxySecret: secret };
    expect(clientKey(request(xff), withSecret, null)).toBe('anonymous');
    expect(clientKey(request({ ...xff, 'x-proxy-secret': 'wrong' }), withSecret, null)).toBe('anonymous');
    expect(clientKey(request({ ...xff, 'x-proxy-secret': secret }), withSecret, null)).toBe('ip:192.0.2.1');
  });
});

describe('consume (memory store)', () => {
  test('one point per request until the budget is spent, then a rejection with whole seconds to wait', async () => {
    const { requests } = memoryLimiters(CONFIG);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(requests, 'requests', 'k', 1));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    const last = results[3]!;
    expect(last.ok === false && Number.isInteger(last.retryAfterSeconds) && last.retryAfterSeconds >= 1).toBe(true);
    expect(last.ok === false && last.retryAfterSeconds <= 60).toBe(true);
    expect((await consume(requests, 'requests', 'other', 1)).ok).toBe(true);
  });

  test('a refused request is refunded: after a too-big ask, a smaller one still fits', async () => {
    const { domains } = memoryLimiters(CONFIG);
    expect((await consume(domains, 'domains', 'k', 6)).ok).toBe(true);
    expect((await consume(domains, 'domains', 'k', 9)).ok).toBe(false);
    // Without the refund the 9 refused points would still count and this would be refused too.
    expect((await consume(domains, 'domains', 'k', 4)).ok).toBe(true);
  });

  test('cost-based: a request for N domains takes N points', async () => {
    const { domains } = memoryLimiters(CONFIG);
    expect((await consume(domains, 'domains', 'k', 8)).ok).toBe(true);
    expect(await consume(domains, 'domains', 'k', 3)).toMatchObject({ ok: false, limit: 'domains' });
  });

  test('the 429 answer', async () => {
    const response = rateLimitedResponse({ ok: false, limit: 'domains', retryAfterSeconds: 7 });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = ApiError.parse(await response.json());
    expect(body).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 7 });
  });
});

describe('limiters on the storage layer', () => {
  const opened: Storage[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  test('embedded database: the counters are rows of its own table, so a restart does not reset a budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'm365-rl-unit-'));
    dirs.push(dir);
    const first = await openStorage({ kind: 'sqlite', dir });
    const a = await createLimiters(CONFIG, first);
    expect(a.store).toBe('sqlite');
    const before = [];
    for (let i = 0; i < 2; i++) before.push(await consume(a.requests, 'requests', 'k', 1));
    expect(before.every((r) => r.ok && r.error === undefined)).toBe(true);
    await first.close();
    const again = await openStorage({ kind: 'sqlite', dir });
    opened.push(again);
    const b = await createLimiters(CONFIG, again);
    const after = [await consume(b.requests, 'requests', 'k', 1), await consume(b.requests, 'requests', 'k', 1)];
    expect(after.map((r) => r.ok)).toEqual([true, false]);
    const rows = again.sqlite!.prepare('SELECT key, points FROM rate_limits ORDER BY key').all();
    expect(rows).toEqual([{ key: 'req:k', points: 3 }]);
  });

  test('PostgreSQL that stops answering: the in-memory insurance answers after the timeout, and still limits', async () => {
    // A pool whose server vanished: the table exists, every later query waits forever.
    const pool = {
      query: (q: unknown) => (typeof q === 'string' ? Promise.resolve({ rows: [] }) : new Promise(() => undefined)),
    };
    const limiters = await createLimiters(CONFIG, { kind: 'postgres', pool: pool as never });
    expect(limiters.store).toBe('postgres');
    const results = await Promise.all(Array.from({ length: 4 }, () => consume(limiters.requests, 'requests', 'k', 1)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results.every((r) => r.error === undefined)).toBe(true);
  });
});

describe('RATE_LIMIT_STORE (removed)', () => {
  test('start-up refuses it and says what replaces it', () => {
    const env = { DNS_SERVERS: '127.0.0.1' };
    expect(() => parseConfig(env)).not.toThrow();
    for (const value of ['sqlite:/tmp/limits.db', 'memory']) {
      expect(() => parseConfig({ ...env, RATE_LIMIT_STORE: value })).toThrow(
        /RATE_LIMIT_STORE: was removed: .*DATA_DIR.*DATABASE_URL/,
      );
    }
  });
});

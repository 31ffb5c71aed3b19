import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ApiError } from '@/lib/schema';
import { clientKey, consume, createLimiters, openSqliteStore, rateLimitedResponse } from './rate-limit';

const CONFIG = { requests: 3, requestsWindowS: 60, domains: 10, domainsWindowS: 60, sqlitePath: null };

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
    const { requests } = createLimiters(CONFIG);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(requests, 'requests', 'k', 1));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    const last = results[3]!;
    expect(last.ok === false && Number.isInteger(last.retryAfterSeconds) && last.retryAfterSeconds >= 1).toBe(true);
    expect(last.ok === false && last.retryAfterSeconds <= 60).toBe(true);
    expect((await consume(requests, 'requests', 'other', 1)).ok).toBe(true);
  });

  test('a refused request is refunded: after a too-big ask, a smaller one still fits', async () => {
    const { domains } = createLimiters(CONFIG);
    expect((await consume(domains, 'domains', 'k', 6)).ok).toBe(true);
    expect((await consume(domains, 'domains', 'k', 9)).ok).toBe(false);
    // Without the refund the 9 refused points would still count and this would be refused too.
    expect((await consume(domains, 'domains', 'k', 4)).ok).toBe(true);
  });

  test('cost-based: a request for N domains takes N points', async () => {
    const { domains } = createLimiters(CONFIG);
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

describe('consume (SQLite store shared by two connections)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'm365-rl-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('both connections count against one budget', async () => {
    const path = join(dir, 'limits.db');
    const a = createLimiters({ ...CONFIG, sqlitePath: path }, await openSqliteStore(path));
    const b = createLimiters({ ...CONFIG, sqlitePath: path }, await openSqliteStore(path));
    expect(a.store).toBe('sqlite');
    const results = [
      await consume(a.requests, 'requests', 'k', 1),
      await consume(b.requests, 'requests', 'k', 1),
      await consume(a.requests, 'requests', 'k', 1),
      await consume(b.requests, 'requests', 'k', 1),
    ];
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results.every((r) => !('error' in r) || r.error === undefined)).toBe(true);
  });
});

/**
 * The holes an outside attack found in budgets, sign-in and trust (issue 13, items 2, 3, 6, 7, 8, 10, 14), each
 * against the production build: one refused request no longer empties a budget, invalid requests and failed
 * sign-ins can't lock anyone out, a Host we don't serve is refused, proxy headers count only from the trusted
 * proxy, no 5xx for TRACE or a non-ASCII `next`, and sessions are unique and can be ended.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, rawRequest } from '../support/http';

const resolver = inject('resolver');
const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';
const PROXY_SECRET = 'p9Xk2vR7tL4wN1mQ8sD5fG3hJ6bC0yZa';

function apiError(text: string): ApiError {
  return ApiError.parse(JSON.parse(text));
}

async function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const names = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `abuse-${tag}-${i}.test`);

describe('budgets: one request can never empty a bucket (items 2, 3)', () => {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({
      ...appEnv(resolver),
      TRUST_PROXY_HEADER: 'x-forwarded-for',
      RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_REQUESTS_WINDOW_S: '600',
      RATE_LIMIT_DOMAINS: '20',
      RATE_LIMIT_DOMAINS_WINDOW_S: '600',
      MAX_DOMAINS_PER_RUN: '20',
      MAX_DOMAINS_PER_REQUEST: '20',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a refused run is refunded: after 15 domains, 10 more are refused, and 5 still fit', async () => {
    const from = { 'x-forwarded-for': '198.51.100.10' };
    expect((await postJson(app!, '/api/runs', { domains: names(15, 'a') }, from)).status).toBe(201);
    const refused = await postJson(app!, '/api/runs', { domains: names(10, 'b') }, from);
    expect(refused.status).toBe(429);
    expect(apiError(refused.text).code).toBe('rate-limited');
    expect((await postJson(app!, '/api/runs', { domains: names(5, 'c') }, from)).status).toBe(201);
  });

  it('invalid requests cost nothing: 10 of them, then valid checks still run', async () => {
    const from = { headers: { 'x-forwarded-for': '198.51.100.11' } };
    for (let i = 0; i < 10; i++) {
      expect((await get(app!.url, '/api/check?domain=not..a..domain', from)).status).toBe(400);
      expect((await get(app!.url, '/api/runs/AAAAAAAAAAAAAAAAAAAAAA', from)).status).toBe(404);
    }
    expect((await get(app!.url, '/api/check?domain=ok-21v.test', from)).status).toBe(200);
  });

  it('a budget smaller than the largest run stops start-up with a message naming the settings', async () => {
    const error = await startApp({ ...appEnv(resolver), RATE_LIMIT_DOMAINS: '100', MAX_DOMAINS_PER_RUN: '5000' }).then(
      async (started) => {
        await started.stop();
        return null;
      },
      (err: Error) => err.message,
    );
    expect(error).toMatch(/RATE_LIMIT_DOMAINS.*MAX_DOMAINS_PER_RUN/s);
  }, 90_000);
});

describe('access, hosts and proxies (items 3, 6, 7, 8, 10, 14)', () => {
  let app: App | undefined;
  let proxied: App | undefined;
  let shared: App | undefined;
  beforeAll(async () => {
    [app, proxied, shared] = await Promise.all([
      // Listening on loopback: the proxy header is believed (only a local proxy can reach it).
      startApp({ ...appEnv(resolver), ACCESS_TOKEN: TOKEN, TRUST_PROXY_HEADER: 'x-forwarded-for', LOG_LEVEL: 'info' }),
      // Configured as listening everywhere: the header counts only with PROXY_SECRET.
      startApp({
        ...appEnv(resolver),
        BIND_HOST: '0.0.0.0',
        TRUST_PROXY_HEADER: 'x-forwarded-for',
        PROXY_SECRET,
        RATE_LIMIT_REQUESTS: '2',
        RATE_LIMIT_REQUESTS_WINDOW_S: '600',
      }),
      // Access control and no proxy at all: every client is `anonymous`.
      startApp({ ...appEnv(resolver), ACCESS_TOKEN: TOKEN, LOG_LEVEL: 'info', RATE_LIMIT_REQUESTS: '60' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), proxied?.stop(), shared?.stop()]);
  });

  const signIn = (token: string, next = '/', headers: Record<string, string> = {}, target = app!) =>
    fetch(new URL('/signin/submit', target.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token, next }).toString(),
    });

  it('60 failed sign-ins lock nobody out: the right token still signs in at once, and failures are logged sampled', async () => {
    // No trusted proxy here, so every browser is the same `anonymous` client: it is never refused, only slowed.
    const failed = await Promise.all(
      Array.from({ length: 61 }, () => signIn('wrong-token-wrong-token-wrong-token', '/', {}, shared!)),
    );
    for (const response of failed) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/signin\?error=1/);
    }
    const ok = await signIn(TOKEN, '/?d=ok-21v.test', {}, shared!);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/?d=ok-21v.test');
    expect(ok.headers.get('set-cookie')).toMatch(/^m365dh-session=/);
    await new Promise((r) => setTimeout(r, 300));
    const logged = readFileSync(shared!.logFile!, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"msg":"sign-in refused"'));
    // The 1st, 2nd, 4th, 8th, 16th and 32nd of 61, not all 61.
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThanOrEqual(6);
  }, 60_000);

  it('a source address that keeps guessing at sign-in is refused without a check; another address signs in', async () => {
    const guesser = { 'x-forwarded-for': '198.51.100.66' };
    for (let i = 0; i < 21; i++)
      await signIn('wrong-token-wrong-token-wrong-token', '/', guesser).then((r) => r.body?.cancel());
    // Even the right token from that address waits out the window; someone else signs in at once.
    expect((await signIn(TOKEN, '/', guesser)).headers.get('location')).toMatch(/^\/signin\?error=1/);
    expect((await signIn(TOKEN, '/', { 'x-forwarded-for': '198.51.100.67' })).headers.get('set-cookie')).toMatch(
      /^m365dh-session=v2\./,
    );
  }, 120_000);

  it('bearer guessing from one address is refused after 20 failures; the right token from elsewhere works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const r = await get(app!.url, '/api/check?domain=ok-21v.test', {
        headers: { authorization: 'Bearer guess', 'x-forwarded-for': '203.0.113.9' },
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const right = await get(app!.url, '/api/check?domain=ok-21v.test', {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.10' },
    });
    expect(right.status).toBe(200);
  });

  it('a Host we do not answer for is refused, pages and API alike (DNS rebinding)', async () => {
    const page = await rawRequest(app!.url, '/signin', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(apiError(page.text).code).toBe('forbidden-host');
    const api = await rawRequest(app!.url, '/api/check?domain=ok-21v.test', {
      headers: { host: 'evil.example:80', origin: 'http://evil.example:80', authorization: `Bearer ${TOKEN}` },
    });
    expect(api.status).toBe(403);
    expect(apiError(api.text).code).toBe('forbidden-host');
    expect((await rawRequest(app!.url, '/signin', { headers: { host: `localhost:${app!.port}` } })).status).toBe(200);
  });

  it('TRACE answers 405 JSON with the security headers; a non-ASCII next is percent-encoded, not a 500', async () => {
    const trace = await rawRequest(app!.url, '/api/check', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    expect(apiError(trace.text).code).toBe('method-not-allowed');
    expect(trace.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(trace.headers['x-content-type-options']).toBe('nosniff');
    const page = await rawRequest(app!.url, '/', { method: 'TRACE' });
    expect(page.status).toBe(405);

    const back = await signIn(TOKEN, '/中?d=例子.test');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/%E4%B8%AD?d=%E4%BE%8B%E5%AD%90.test');
  });

  it('sessions: two sign-ins differ, X-Forwarded-Proto counts only from the proxy, sign-out clears the cookie', async () => {
    const [a, b] = await Promise.all([signIn(TOKEN), signIn(TOKEN)]);
    const cookieOf = (r: Response) => (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookieOf(a)).not.toBe(cookieOf(b));
    // This app trusts its (loopback) proxy, so its X-Forwarded-Proto makes the cookie Secure and __Host-.
    const secure = await signIn(TOKEN, '/', { 'x-forwarded-proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/^__Host-m365dh-session=v2\..*; Secure$/);

    const signOut = await fetch(new URL('/signout', app!.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(a) },
      body: '',
    });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get('location')).toBe('/signin');
    const cleared = signOut.headers.getSetCookie();
    expect(cleared).toHaveLength(2);
    for (const c of cleared) expect(c).toMatch(/^(__Host-)?m365dh-session=; Path=\/; Max-Age=0/);
  });

  it('a proxy header without PROXY_SECRET is not believed: every such client shares one bucket', async () => {
    const from = (address: string, secret?: string) => ({
      headers: { 'x-forwarded-for': address, ...(secret ? { 'x-proxy-secret': secret } : {}) },
    });
    // Without the secret the three "addresses" are one client (anonymous): the third request is refused.
    const forged = [];
    for (const address of ['192.0.2.101', '192.0.2.102', '192.0.2.103']) {
      forged.push((await get(proxied!.url, '/api/check?domain=ok-21v.test', from(address))).status);
    }
    expect(forged).toEqual([200, 200, 429]);
    // With it, each address has its own bucket.
    for (const address of ['192.0.2.111', '192.0.2.112', '192.0.2.113']) {
      expect((await get(proxied!.url, '/api/check?domain=ok-21v.test', from(address, PROXY_SECRET))).status).toBe(200);
    }
    // X-Forwarded-Proto without the secret does not make the server think it is behind https.
    const page = await rawRequest(proxied!.url, '/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await rawRequest(proxied!.url, '/', {
      headers: { 'x-forwarded-proto': 'https', 'x-proxy-secret': PROXY_SECRET },
    });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=/);
  });
});

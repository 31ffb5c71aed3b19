/**
 * Security headers on every page and API route (fresh CSP nonce per response, also with the
 * `x-middleware-subrequest` bypass header), same-origin and JSON rules, resolvers only from configuration,
 * optional access control (bearer token, sign-in cookie, checked by the route handlers themselves), and
 * structured logs with a request id and no secrets.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError, Report } from '../../lib/schema';
import { decodeShareState } from '../../lib/share/url-state';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult, post } from '../support/http';

const appUrl = inject('appUrl');
const resolver = inject('resolver');

type Probe = { label: string; path: string; init?: RequestInit; status: number };

const JSON_POST = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const ROUTES: Probe[] = [
  { label: 'page /', path: '/', status: 200 },
  { label: 'page /signin', path: '/signin', status: 200 },
  { label: '404 page', path: '/no-such-page', status: 404 },
  { label: 'GET /api/health', path: '/api/health', status: 200 },
  { label: 'GET /api/ready', path: '/api/ready', status: 200 },
  { label: 'GET /api/policy', path: '/api/policy', status: 200 },
  { label: 'GET /api/check', path: '/api/check?domain=ok-21v.test', status: 200 },
  { label: 'POST /api/check', path: '/api/check', init: JSON_POST({ domains: 'ok-ww.test' }), status: 200 },
  { label: 'POST /api/check (invalid)', path: '/api/check', init: JSON_POST({ domains: 7 }), status: 400 },
];

async function fetchRaw(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, base), { redirect: 'manual', ...init, signal: AbortSignal.timeout(30_000) });
}

function nonceOf(csp: string | null): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1];
}

function expectSecurityHeaders(response: Response, label: string): void {
  const h = response.headers;
  const csp = h.get('content-security-policy') ?? '';
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const script = directives.get('script-src') ?? [];
  expect(nonceOf(csp), `${label}: nonce`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(script, label).toContain("'strict-dynamic'");
  expect(script, label).not.toContain("'unsafe-inline'");
  expect(script, label).not.toContain("'unsafe-eval'");
  expect(directives.get('style-src'), label).not.toContain("'unsafe-inline'");
  expect(directives.get('object-src'), label).toEqual(["'none'"]);
  expect(directives.get('base-uri'), label).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(directives.get('form-action'), label).toEqual(["'self'"]);
  expect(h.get('x-content-type-options'), label).toBe('nosniff');
  expect(h.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(h.get('permissions-policy'), label).toMatch(/camera=\(\)/);
  expect(h.get('x-frame-options'), label).toBe('DENY');
  expect(h.get('x-request-id'), label).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers on every page and API route', () => {
  it.each(ROUTES.map((r) => [r.label, r] as const))('%s', async (label, probe) => {
    const [first, second] = [
      await fetchRaw(appUrl, probe.path, probe.init),
      await fetchRaw(appUrl, probe.path, probe.init),
    ];
    for (const response of [first, second]) {
      expect(response.status, label).toBe(probe.status);
      expectSecurityHeaders(response, label);
      expect(response.headers.get('strict-transport-security'), label).toBeNull();
      await response.body?.cancel();
    }
    expect(nonceOf(first.headers.get('content-security-policy'))).not.toBe(
      nonceOf(second.headers.get('content-security-policy')),
    );
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it.each(ROUTES.map((r) => [r.label, r] as const))('%s, with x-middleware-subrequest', async (label, probe) => {
    for (const value of ['proxy:proxy:proxy:proxy:proxy', 'middleware:middleware:middleware:middleware:middleware']) {
      const headers = new Headers(probe.init?.headers);
      headers.set('x-middleware-subrequest', value);
      const response = await fetchRaw(appUrl, probe.path, { ...probe.init, headers });
      expect(response.status, label).toBe(probe.status);
      expectSecurityHeaders(response, `${label} (${value})`);
      await response.body?.cancel();
    }
  });

  it("no HSTS over plain http, and a client's own X-Forwarded-Proto is not believed (abuse-access.test.ts: the proxy's is)", async () => {
    for (const path of ['/', '/api/health']) {
      const response = await fetchRaw(appUrl, path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
      await response.body?.cancel();
    }
  });

  it("the page's scripts carry this response's nonce, and no script runs without one", async () => {
    const response = await fetchRaw(appUrl, '/');
    const nonce = nonceOf(response.headers.get('content-security-policy'));
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe('requests from scripts and from other sites', () => {
  async function dnsSent(): Promise<number> {
    return ((await get(appUrl, '/api/health')).json as { dns: { sent: number } }).dns.sent;
  }

  const table: Array<{ label: string; headers: Record<string, string>; status: number; code?: string }> = [
    { label: 'script without Origin / Sec-Fetch-Site', headers: {}, status: 200 },
    { label: 'same-origin Origin', headers: { origin: appUrl }, status: 200 },
    { label: 'Sec-Fetch-Site: same-origin', headers: { 'sec-fetch-site': 'same-origin' }, status: 200 },
    { label: 'cross-site Origin', headers: { origin: 'https://evil.example' }, status: 403, code: 'forbidden-origin' },
    { label: 'Origin: null', headers: { origin: 'null' }, status: 403, code: 'forbidden-origin' },
    {
      label: 'Sec-Fetch-Site: cross-site',
      headers: { 'sec-fetch-site': 'cross-site' },
      status: 403,
      code: 'forbidden-origin',
    },
    {
      label: 'Sec-Fetch-Site: same-site',
      headers: { 'sec-fetch-site': 'same-site' },
      status: 403,
      code: 'forbidden-origin',
    },
  ];

  it.each(table.map((row) => [row.label, row] as const))('POST /api/check, %s', async (_label, row) => {
    const before = await dnsSent();
    const result = await get(appUrl, '/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...row.headers },
      body: JSON.stringify({ domains: 'ok-21v.test', fresh: true }),
    });
    expect(result.status, result.text.slice(0, 200)).toBe(row.status);
    if (row.code) {
      expect(ApiError.parse(result.json).code).toBe(row.code);
      expect(await dnsSent(), 'no DNS query for a refused request').toBe(before);
    }
  });

  it('a cross-site HTML form (text/plain or form-encoded) gets 415, no DNS query', async () => {
    const before = await dnsSent();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const result = await post(appUrl, '/api/check', 'domains=ok-21v.test', type);
      expect(result.status).toBe(415);
      expect(ApiError.parse(result.json).code).toBe('unsupported-media-type');
    }
    expect(await dnsSent()).toBe(before);
  });

  it('POST /open (the dashboard form before its scripts run): 303 to the share link; other sites and types refused, no DNS', async () => {
    const before = await dnsSent();
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const FORM = 'application/x-www-form-urlencoded';
    const send = (body: string, type = FORM, headers: Record<string, string> = {}) =>
      fetchRaw(appUrl, '/open', { method: 'POST', headers: { 'content-type': type, ...headers }, body });

    const short = await send(form({ lang: 'zh-CN', s: 'mail:on', d: 'ok-21v.test\r\nremove-ww.test', cloud: 'gcc' }));
    expect(short.status).toBe(303);
    expectSecurityHeaders(short, 'POST /open');
    expect(short.headers.get('location')).toBe('/?d=ok-21v.test,remove-ww.test&cloud=gcc&s=mail:on&lang=zh-CN');

    // A long list arrives compressed, and opens as the same list; an unknown cloud or language falls back.
    const names = Array.from({ length: 500 }, (_, i) => `customer-tenant-domain-${i}.test`);
    const long = await send(form({ d: names.join('\r\n'), cloud: 'mars', lang: 'xx', z: 'ignored' }), FORM, {
      origin: appUrl,
    });
    expect(long.status).toBe(303);
    const location = new URL(long.headers.get('location') ?? '', appUrl);
    expect([...location.searchParams.keys()]).toEqual(['z', 'cloud']);
    expect(location.searchParams.get('cloud')).toBe('auto');
    expect(decodeShareState(location.searchParams).domains).toEqual(names);
    expect(location.href.length).toBeLessThan(names.join(',').length / 2);

    // Names that do not repeat compress little: past 8,000 characters the list goes after `#`, which the browser
    // keeps and never sends, so the next request line stays short (the language stays in the query).
    const random = Array.from({ length: 500 }, (_, i) => `${randomBytes(12).toString('hex')}-${i}.example`);
    const fragment = await send(form({ d: random.join('\n'), cloud: 'gcc', lang: 'zh-CN' }));
    expect(fragment.status).toBe(303);
    const far = new URL(fragment.headers.get('location') ?? '', appUrl);
    expect(far.pathname + far.search).toBe('/?lang=zh-CN');
    const shared = new URLSearchParams(far.hash.slice(1));
    expect(shared.get('cloud')).toBe('gcc');
    expect(decodeShareState(shared).domains).toEqual(random);

    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const refused = await send(form({ d: 'ok-21v.test' }), FORM, headers);
      expect(refused.status).toBe(403);
      expect(ApiError.parse(await refused.json()).code).toBe('forbidden-origin');
    }
    for (const type of ['text/plain', 'application/json']) {
      const refused = await send('d=ok-21v.test', type);
      expect(refused.status).toBe(415);
    }
    expect((await fetchRaw(appUrl, '/open')).status).toBe(405);
    expect(await dnsSent(), 'turning a list into a link sends no DNS query').toBe(before);
  });

  it('a request can never name its own resolver: server/resolver fields in the body or query are ignored', async () => {
    const hijack = { server: '127.0.0.1:1', resolver: '127.0.0.1:1', resolvers: ['127.0.0.1:1'], dns: '127.0.0.1:1' };
    const posted = await post(appUrl, '/api/check', { domains: 'ok-21v.test', ...hijack });
    expect(posted.status).toBe(200);
    const report = Report.parse(JSON.parse(posted.text.split('\n')[0]!));
    const query = new URLSearchParams({ domain: 'ok-21v.test', ...hijack, resolvers: '127.0.0.1:1' });
    const got = Report.parse((await get(appUrl, `/api/check?${query}`)).json);
    for (const r of [report, got]) {
      expect(r.resolvers).toEqual([resolver]);
      expect(r.msoid.status).toBe('ok');
      for (const lookup of Object.values(r.lookups)) {
        if (lookup.server) expect(lookup.server).toBe(resolver);
        for (const t of lookup.tries ?? []) expect(t.server).toBe(resolver);
      }
    }
  });
});

describe('access control (ACCESS_TOKEN)', () => {
  const TOKEN = 'correct-Horse-battery-Staple-42-x7Kq';
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({ ...appEnv(resolver), ACCESS_TOKEN: TOKEN, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  function expectUnauthorized(result: HttpResult): void {
    expect(result.status, result.text.slice(0, 200)).toBe(401);
    expect(ApiError.parse(result.json).code).toBe('unauthorized');
  }

  it('API: 401 without the token, with a wrong one, or with only the bypass header; 200 with the token', async () => {
    const url = '/api/check?domain=ok-21v.test';
    expectUnauthorized(await get(app!.url, url));
    expectUnauthorized(await get(app!.url, url, bearer('wrong-token-wrong-token')));
    expectUnauthorized(await get(app!.url, url, { headers: { authorization: `Basic ${btoa(`x:${TOKEN}`)}` } }));
    for (const value of ['proxy:proxy:proxy:proxy:proxy', 'middleware:middleware:middleware:middleware:middleware']) {
      expectUnauthorized(await get(app!.url, url, { headers: { 'x-middleware-subrequest': value } }));
    }
    const posted = await get(app!.url, '/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      body: JSON.stringify({ domains: 'ok-21v.test' }),
    });
    expectUnauthorized(posted);
    const ok = await get(app!.url, url, bearer(TOKEN));
    expect(ok.status).toBe(200);
    expect(Report.parse(ok.json).msoid.status).toBe('ok');
  });

  it('POST /open needs access like the pages (sent to /signin without a session)', async () => {
    const response = await fetchRaw(app!.url, '/open', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'd=ok-21v.test',
    });
    // 303: the browser comes to /signin with a GET (a 307 would post the form there), and then to the dashboard.
    expect(response.status).toBe(303);
    const signin = new URL(response.headers.get('location') ?? '', app!.url);
    expect(signin.pathname).toBe('/signin');
    expect(signin.searchParams.get('next')).toBe('/');
    const withToken = await fetchRaw(app!.url, '/open', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${TOKEN}` },
      body: 'd=ok-21v.test',
    });
    expect(withToken.status).toBe(303);
  });

  it('liveness and readiness stay open; the DNS counters only with access', async () => {
    const open = await get(app!.url, '/api/health');
    expect(open.status).toBe(200);
    expect(open.json).not.toHaveProperty('dns');
    expect((await get(app!.url, '/api/health', bearer(TOKEN))).json).toHaveProperty('dns');
    expect((await get(app!.url, '/api/ready')).status).toBe(200);
  });

  it('the page redirects to /signin; the sign-in form sets an HttpOnly SameSite=Strict cookie that opens the API', async () => {
    const page = await fetchRaw(app!.url, '/?d=abc');
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!, app!.url).pathname).toBe('/signin');
    expect(new URL(page.headers.get('location')!, app!.url).searchParams.get('next')).toBe('/?d=abc');
    expect((await fetchRaw(app!.url, '/signin')).status).toBe(200);

    const form = (token: string, extra: Record<string, string> = {}) =>
      fetchRaw(app!.url, '/signin/submit', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra },
        body: new URLSearchParams({ token, next: '/?d=abc' }).toString(),
      });
    const refused = await form('not-the-token-at-all');
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^\/signin\?error=1/);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await form(TOKEN, { origin: 'https://evil.example' })).status).toBe(403);

    const signedIn = await form(TOKEN);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/?d=abc');
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^m365dh-session=v2\.\d+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0]!;

    const withCookie = { headers: { cookie: pair } };
    expect((await get(app!.url, '/api/check?domain=ok-ww.test', withCookie)).status).toBe(200);
    expect((await fetchRaw(app!.url, '/', withCookie)).status).toBe(200);
    const tampered = `${pair.slice(0, -2)}xx`;
    expectUnauthorized(await get(app!.url, '/api/check?domain=ok-ww.test', { headers: { cookie: tampered } }));

    // No trusted proxy here: a client's own X-Forwarded-Proto doesn't make the cookie Secure (abuse-access.test.ts
    // has the proxy that may).
    const secure = await form(TOKEN, { 'x-forwarded-proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/^m365dh-session=v2\./);
  });

  it('logs one JSON line per request with its id and outcome counts; secrets redacted; domains not at info', async () => {
    const marker = 'ok-21v.test';
    const response = await fetch(`${app!.url}/api/check`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        cookie: 'm365dh-session=v1.1.secretcookievalue',
      },
      body: JSON.stringify({ domains: [marker, 'missing-21v.test', 'servfail.test'] }),
    });
    const requestId = response.headers.get('x-request-id');
    await response.text();
    await new Promise((r) => setTimeout(r, 300));
    const log = readFileSync(app!.logFile!, 'utf8');
    const lines = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.requestId === requestId && l.msg === 'request');
    expect(line).toMatchObject({
      level: 'info',
      route: 'check',
      method: 'POST',
      status: 200,
      domains: 3,
      outcomes: { ok: 1, problem: 1, 'could-not-check': 1 },
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.time).toBe('string');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain('secretcookievalue');
    expect(lines.filter((l) => l.level === 'info').some((l) => JSON.stringify(l).includes(marker))).toBe(false);
    // Security events are logged too (a failed authentication as a sampled warning; the request line at info).
    expect(lines.some((l) => l.msg === 'authentication failed' && l.level === 'warn')).toBe(true);
  });
});

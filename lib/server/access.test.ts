import { describe, expect, test } from 'vitest';
import {
  checkAccess,
  isHttps,
  makeSessionValue,
  readCookie,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  safeEqual,
  safeNextPath,
  sessionCookieHeader,
  verifySessionValue,
} from './access';

const TOKEN = 'correct-horse-battery-staple';
const NOW = 1_800_000_000;

function request(headers: Record<string, string>, url = 'http://127.0.0.1/api/check'): Request {
  return new Request(url, { headers });
}

describe('safeEqual', () => {
  test.each([
    ['equal', 'abc', 'abc', true],
    ['different', 'abc', 'abd', false],
    ['prefix', 'abc', 'abcd', false],
    ['empty vs value', '', 'abc', false],
  ])('%s', (_label, a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});

describe('session values', () => {
  const good = makeSessionValue(TOKEN, NOW, 3600);
  const [version, expiry, mac] = good.split('.') as [string, string, string];
  test.each([
    ['fresh value', good, TOKEN, NOW, true],
    ['just before expiry', good, TOKEN, NOW + 3599, true],
    ['expired', good, TOKEN, NOW + 3600, false],
    ['made with another token', good, `${TOKEN}-old`, NOW, false],
    ['expiry pushed forward', `${version}.${Number(expiry) + 9999}.${mac}`, TOKEN, NOW, false],
    ['mac altered', `${version}.${expiry}.${mac.slice(0, -1)}A`, TOKEN, NOW, false],
    ['other version', `v0.${expiry}.${mac}`, TOKEN, NOW, false],
    ['the token itself', TOKEN, TOKEN, NOW, false],
    ['garbage', 'a.b.c.d', TOKEN, NOW, false],
  ])('%s', (_label, value, token, now, expected) => {
    expect(verifySessionValue(token, value, now)).toBe(expected);
  });

  test('never contains the token', () => {
    expect(good).not.toContain(TOKEN);
  });
});

describe('checkAccess', () => {
  const cookie = `${SESSION_COOKIE}=${makeSessionValue(TOKEN, NOW, 3600)}`;
  const secureCookie = `${SECURE_SESSION_COOKIE}=${makeSessionValue(TOKEN, NOW, 3600)}`;
  const table: Array<[string, string | null, Record<string, string>, ReturnType<typeof checkAccess>]> = [
    ['access control off', null, {}, { ok: true, via: 'open' }],
    ['no credentials', TOKEN, {}, { ok: false, reason: 'missing' }],
    ['bearer token', TOKEN, { authorization: `Bearer ${TOKEN}` }, { ok: true, via: 'bearer' }],
    ['bearer, lower-case scheme', TOKEN, { authorization: `bearer ${TOKEN}` }, { ok: true, via: 'bearer' }],
    ['wrong bearer token', TOKEN, { authorization: 'Bearer nope' }, { ok: false, reason: 'bad-token' }],
    ['basic auth', TOKEN, { authorization: `Basic ${btoa(`a:${TOKEN}`)}` }, { ok: false, reason: 'bad-token' }],
    [
      'wrong bearer beats a good cookie',
      TOKEN,
      { authorization: 'Bearer x', cookie },
      { ok: false, reason: 'bad-token' },
    ],
    ['session cookie', TOKEN, { cookie: `a=1; ${cookie}; b=2` }, { ok: true, via: 'session' }],
    ['__Host- session cookie', TOKEN, { cookie: secureCookie }, { ok: true, via: 'session' }],
    ['cookie holding the token', TOKEN, { cookie: `${SESSION_COOKIE}=${TOKEN}` }, { ok: false, reason: 'bad-session' }],
    [
      'bypass header alone',
      TOKEN,
      { 'x-middleware-subrequest': 'proxy:proxy:proxy' },
      { ok: false, reason: 'missing' },
    ],
  ];
  test.each(table)('%s', (_label, token, headers, expected) => {
    expect(checkAccess(request(headers), token, NOW)).toEqual(expected);
  });
});

describe('cookies and redirects', () => {
  test('readCookie', () => {
    expect(readCookie('a=1; b = 2 ;c=3=4', 'b')).toBe('2');
    expect(readCookie('a=1; c=3=4', 'c')).toBe('3=4');
    expect(readCookie('a=1', 'b')).toBeNull();
    expect(readCookie(null, 'b')).toBeNull();
  });

  test.each([
    ['plain http', false, /^m365dh-session=v1\.\d+\.[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Strict$/],
    ['https', true, /^__Host-m365dh-session=v1\.\d+\.[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Strict; Secure$/],
  ])('session cookie header, %s', (_label, secure, pattern) => {
    expect(sessionCookieHeader(TOKEN, secure, 60, NOW)).toMatch(pattern);
  });

  test.each([
    ['https URL', {}, 'https://app.example/x', true],
    ['proxy says https', { 'x-forwarded-proto': 'https' }, 'http://127.0.0.1/', true],
    ['proxy chain, first is https', { 'x-forwarded-proto': 'https, http' }, 'http://127.0.0.1/', true],
    ['plain http', { 'x-forwarded-proto': 'http' }, 'http://127.0.0.1/', false],
  ])('isHttps: %s', (_label, headers, url, expected) => {
    expect(isHttps(request(headers, url))).toBe(expected);
  });

  test.each([
    ['local path', '/?d=abc', '/?d=abc'],
    ['missing', null, '/'],
    ['absolute URL', 'https://evil.example/', '/'],
    ['protocol-relative', '//evil.example/', '/'],
    ['backslash trick', '/\\evil.example', '/'],
    ['javascript:', 'javascript:alert(1)', '/'],
    ['control characters', '/\r\nSet-Cookie: x=1', '/'],
  ])('safeNextPath: %s', (_label, value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});

import { describe, expect, test } from 'vitest';
import {
  checkAccess,
  makeSessionValue,
  readCookie,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  safeEqual,
  safeNextPath,
  sessionCookieHeader,
  verifySessionValue,
} from './access';

const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';
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
  const good = makeSessionValue(TOKEN, NOW);
  const [version, issued, id, mac] = good.split('.') as [string, string, string, string];
  test.each([
    ['fresh value', good, TOKEN, NOW, true],
    ['just before it expires', good, TOKEN, NOW + 3599, true],
    ['expired', good, TOKEN, NOW + 3600, false],
    ['issued in the future (beyond clock skew)', makeSessionValue(TOKEN, NOW + 120), TOKEN, NOW, false],
    ['issued a little ahead (clock skew)', makeSessionValue(TOKEN, NOW + 30), TOKEN, NOW, true],
    ['made with another token', good, `${TOKEN}-old`, NOW, false],
    [
      'issue time pushed forward (to live longer)',
      `${version}.${Number(issued) + 9999}.${id}.${mac}`,
      TOKEN,
      NOW + 5000,
      false,
    ],
    ['session id swapped', `${version}.${issued}.${'A'.repeat(16)}.${mac}`, TOKEN, NOW, false],
    [
      'mac altered',
      `${version}.${issued}.${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      TOKEN,
      NOW,
      false,
    ],
    ['old format (v1, expiry chosen by the cookie)', `v1.${NOW + 10 ** 9}.${mac}`, TOKEN, NOW, false],
    ['the token itself', TOKEN, TOKEN, NOW, false],
    ['garbage', 'a.b.c.d', TOKEN, NOW, false],
  ])('%s', (_label, value, token, now, expected) => {
    expect(verifySessionValue(token, value, now, 3600) !== null).toBe(expected);
  });

  test('never contains the token; two sessions issued in the same second differ', () => {
    expect(good).not.toContain(TOKEN);
    const other = makeSessionValue(TOKEN, NOW);
    expect(other).not.toBe(good);
    expect(verifySessionValue(TOKEN, other, NOW, 3600)).not.toBe(verifySessionValue(TOKEN, good, NOW, 3600));
  });
});

describe('checkAccess', () => {
  const value = makeSessionValue(TOKEN, NOW);
  const session = verifySessionValue(TOKEN, value, NOW, 3600) ?? '';
  const cookie = `${SESSION_COOKIE}=${value}`;
  const secureCookie = `${SECURE_SESSION_COOKIE}=${value}`;
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
    ['session cookie', TOKEN, { cookie: `a=1; ${cookie}; b=2` }, { ok: true, via: 'session', session }],
    ['__Host- session cookie', TOKEN, { cookie: secureCookie }, { ok: true, via: 'session', session }],
    ['cookie holding the token', TOKEN, { cookie: `${SESSION_COOKIE}=${TOKEN}` }, { ok: false, reason: 'bad-session' }],
    [
      'bypass header alone',
      TOKEN,
      { 'x-middleware-subrequest': 'proxy:proxy:proxy' },
      { ok: false, reason: 'missing' },
    ],
  ];
  test.each(table)('%s', (_label, token, headers, expected) => {
    expect(checkAccess(request(headers), { accessToken: token, sessionMaxAgeS: 3600 }, NOW)).toEqual(expected);
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
    [
      'plain http',
      false,
      /^m365dh-session=v2\.\d+\.[\w-]{16}\.[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Strict$/,
    ],
    [
      'https',
      true,
      /^__Host-m365dh-session=v2\.\d+\.[\w-]{16}\.[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Strict; Secure$/,
    ],
  ])('session cookie header, %s', (_label, secure, pattern) => {
    expect(sessionCookieHeader(TOKEN, secure, 60, NOW)).toMatch(pattern);
  });

  test.each([
    ['local path', '/?d=abc', '/?d=abc'],
    ['missing', null, '/'],
    ['absolute URL', 'https://evil.example/', '/'],
    ['protocol-relative', '//evil.example/', '/'],
    ['backslash trick', '/\\evil.example', '/'],
    ['javascript:', 'javascript:alert(1)', '/'],
    ['control characters', '/\r\nSet-Cookie: x=1', '/'],
    ['non-ASCII path, percent-encoded for a Location header', '/中?d=例子.cn', '/%E4%B8%AD?d=%E4%BE%8B%E5%AD%90.cn'],
    ['already encoded stays as it is', '/d/%E4%B8%AD', '/d/%E4%B8%AD'],
  ])('safeNextPath: %s', (_label, value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});

/**
 * Optional access control with one shared token (ACCESS_TOKEN; off when unset). Scripts send
 * `Authorization: Bearer <token>`; browsers sign in at /signin and get an HttpOnly, SameSite=Strict session
 * cookie holding an expiry and an HMAC keyed by the token, never the token itself. Every comparison is
 * constant-time. Route handlers call `checkAccess` themselves: proxy.ts is a convenience, not the boundary.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'm365dh-session';
/** The cookie name on https: the `__Host-` prefix pins it to this host, path `/` and Secure. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const SESSION_VERSION = 'v1';

export type AccessResult =
  | { ok: true; via: 'open' | 'bearer' | 'session' }
  | { ok: false; reason: 'missing' | 'bad-token' | 'bad-session' };

/** Constant-time string equality (both sides hashed first, so their lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

function mac(token: string, payload: string): string {
  return createHmac('sha256', token).update(`m365dh-session|${payload}`).digest('base64url');
}

/** A session cookie value valid until `nowS + maxAgeS`: `v1.<expiry>.<hmac>`. */
export function makeSessionValue(token: string, nowS: number, maxAgeS: number): string {
  const payload = `${SESSION_VERSION}.${Math.floor(nowS + maxAgeS)}`;
  return `${payload}.${mac(token, payload)}`;
}

/** True when `value` was made with `token` and has not expired at `nowS`. */
export function verifySessionValue(token: string, value: string, nowS: number): boolean {
  const parts = value.split('.');
  if (parts.length !== 3 || parts[0] !== SESSION_VERSION) return false;
  const expiry = Number(parts[1]);
  if (!Number.isInteger(expiry) || expiry <= nowS) return false;
  return safeEqual(parts[2] ?? '', mac(token, `${parts[0]}.${parts[1]}`));
}

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** True when the request reached us over https (directly, or as the front proxy says). */
export function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Checks the bearer token or the session cookie. Always ok when `token` is null (access control off). */
export function checkAccess(request: Request, token: string | null, nowS = Date.now() / 1000): AccessResult {
  if (token === null) return { ok: true, via: 'open' };
  const auth = request.headers.get('authorization');
  if (auth !== null) {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return match && safeEqual(match[1] ?? '', token) ? { ok: true, via: 'bearer' } : { ok: false, reason: 'bad-token' };
  }
  const cookies = request.headers.get('cookie');
  const session = readCookie(cookies, SECURE_SESSION_COOKIE) ?? readCookie(cookies, SESSION_COOKIE);
  if (session === null) return { ok: false, reason: 'missing' };
  return verifySessionValue(token, session, nowS) ? { ok: true, via: 'session' } : { ok: false, reason: 'bad-session' };
}

/** The Set-Cookie header value for a fresh session (`__Host-` + Secure on https). */
export function sessionCookieHeader(token: string, secure: boolean, maxAgeS: number, nowS = Date.now() / 1000): string {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const value = makeSessionValue(token, nowS, maxAgeS);
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** A local path to return to after signing in; anything else (other hosts, `//x`, `/\x`) becomes `/`. */
export function safeNextPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001F\u007F]/.test(value)) return '/';
  return value.slice(0, 2048);
}

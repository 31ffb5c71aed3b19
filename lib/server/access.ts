/**
 * Optional access control with one shared token (ACCESS_TOKEN; off when unset). Scripts send
 * `Authorization: Bearer <token>`; browsers sign in at /signin and get an HttpOnly, SameSite=Strict session
 * cookie holding when it was issued, a random session id and an HMAC keyed by the token, never the token itself.
 * A session lasts SESSION_MAX_AGE_S from its issue time, whatever the cookie claims; the session id is the
 * browser's identity for rate limits. Every comparison is constant-time. Route handlers call `checkAccess`
 * themselves: proxy.ts is a convenience, not the boundary.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'm365dh-session';
/** The cookie name on https: the `__Host-` prefix pins it to this host, path `/` and Secure. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const SESSION_VERSION = 'v2';
/** Seconds a session's issue time may lie ahead of our clock (several instances, clocks a little apart). */
const CLOCK_SKEW_S = 60;

export type AccessResult =
  | { ok: true; via: 'open' | 'bearer' }
  | { ok: true; via: 'session'; session: string }
  | { ok: false; reason: 'missing' | 'bad-token' | 'bad-session' };

/** What `checkAccess` reads of the configuration. */
export type AccessConfig = { accessToken: string | null; sessionMaxAgeS: number };

/** Constant-time string equality (both sides hashed first, so their lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

function mac(token: string, payload: string): string {
  return createHmac('sha256', token).update(`m365dh-session|${payload}`).digest('base64url');
}

/** A new session cookie value issued at `nowS`: `v2.<issued>.<random id>.<hmac>`. */
export function makeSessionValue(token: string, nowS: number): string {
  const payload = `${SESSION_VERSION}.${Math.floor(nowS)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${mac(token, payload)}`;
}

/**
 * The session id when `value` was made with `token`, was issued no later than now (give or take the clock skew)
 * and less than `maxAgeS` ago; else null.
 */
export function verifySessionValue(token: string, value: string, nowS: number, maxAgeS: number): string | null {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== SESSION_VERSION) return null;
  const issued = Number(parts[1]);
  if (!Number.isInteger(issued) || issued > nowS + CLOCK_SKEW_S || nowS >= issued + maxAgeS) return null;
  const id = parts[2] ?? '';
  if (!/^[A-Za-z0-9_-]{16}$/.test(id)) return null;
  return safeEqual(parts[3] ?? '', mac(token, `${parts[0]}.${parts[1]}.${id}`)) ? id : null;
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

/** Checks the bearer token or the session cookie. Always ok when access control is off. */
export function checkAccess(request: Request, config: AccessConfig, nowS = Date.now() / 1000): AccessResult {
  const token = config.accessToken;
  if (token === null) return { ok: true, via: 'open' };
  const auth = request.headers.get('authorization');
  if (auth !== null) {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return match && safeEqual(match[1] ?? '', token) ? { ok: true, via: 'bearer' } : { ok: false, reason: 'bad-token' };
  }
  const cookies = request.headers.get('cookie');
  const value = readCookie(cookies, SECURE_SESSION_COOKIE) ?? readCookie(cookies, SESSION_COOKIE);
  if (value === null) return { ok: false, reason: 'missing' };
  const session = verifySessionValue(token, value, nowS, config.sessionMaxAgeS);
  return session ? { ok: true, via: 'session', session } : { ok: false, reason: 'bad-session' };
}

/** The identity rate limits count a caller under: the browser's session, the token, or none. */
export function accessIdentity(access: AccessResult): string | null {
  if (!access.ok || access.via === 'open') return null;
  return access.via === 'session' ? `session:${access.session}` : 'token';
}

/** The Set-Cookie header value for a fresh session (`__Host-` + Secure on https). */
export function sessionCookieHeader(token: string, secure: boolean, maxAgeS: number, nowS = Date.now() / 1000): string {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const value = makeSessionValue(token, nowS);
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie header values that remove both session cookies (sign-out). */
export function clearedSessionCookies(): string[] {
  return [
    `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    `${SECURE_SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure`,
  ];
}

/**
 * A local path to return to after signing in, percent-encoded so it can go into a Location header as it is
 * (`/中` → `/%E4%B8%AD`); anything else (other hosts, `//x`, `/\x`, control characters) becomes `/`.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001F\u007F]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value.slice(0, 2048), 'http://local.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://local.invalid') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

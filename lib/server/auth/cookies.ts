/**
 * The Entra session cookie (./session.ts keeps the session itself): its names and how a request's is read. No
 * storage here: proxy.ts reads it for its convenience redirect.
 */
import { readCookie } from '../access';

const SECRET_FORM = /^[A-Za-z0-9_-]{43}$/;

export const ENTRA_COOKIE = 'm365dh-entra';
export const SECURE_ENTRA_COOKIE = `__Host-${ENTRA_COOKIE}`;
/** The Entra session cookie of a request, either name. */
export function sessionSecretOf(request: Request): string | null {
  const cookies = request.headers.get('cookie');
  const value = readCookie(cookies, SECURE_ENTRA_COOKIE) ?? readCookie(cookies, ENTRA_COOKIE);
  return value !== null && SECRET_FORM.test(value) ? value : null;
}

/** The Set-Cookie value carrying `secret` (`__Host-` + Secure on https). */
export function sessionCookie(secret: string, secure: boolean, maxAgeS: number): string {
  const name = secure ? SECURE_ENTRA_COOKIE : ENTRA_COOKIE;
  return `${name}=${secret}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Set-Cookie values that remove the session cookie (both names). */
export function clearedEntraCookies(): string[] {
  return [
    `${ENTRA_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
    `${SECURE_ENTRA_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
  ];
}

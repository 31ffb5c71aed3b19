/**
 * Runs before every page and API route (Node runtime): a fresh CSP nonce and the security headers on every
 * response, a request id, the Host check (a host we don't answer for gets 403: DNS rebinding), and the sign-in
 * redirect for pages when access control is on. (Methods Next can't represent, such as TRACE, never reach it:
 * lib/server/methods.ts answers them.) It is a
 * convenience layer, not the security boundary: route handlers check the host, access and limits themselves, and
 * the static headers are also set in next.config.ts, in case this is ever skipped.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { LANGUAGE_HEADER, LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';
import { checkAccess, safeNextPath } from '@/lib/server/access';
import { sessionSecretOf } from '@/lib/server/auth/cookies';
import { getConfig } from '@/lib/server/env';
import { hostAllowed, isHttps } from '@/lib/server/http/trust';

/** The Content-Security-Policy for one response. Scripts run only with this response's nonce. */
function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers every response gets (the static ones are repeated in next.config.ts). */
function securityHeaders(csp: string, https: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Pages anyone may open while access control is on. */
function isPublicPage(pathname: string): boolean {
  return pathname === '/signin' || pathname.startsWith('/signin/') || pathname === '/signout';
}

/**
 * True when a page needs sign-in first: the shared token is set and the request has neither it nor its session,
 * or Entra ID sign-in is on and the request has no Entra session cookie either (checked against the database by
 * the routes and pages; this is the convenience redirect, which a result link relies on to come back after sign-in).
 */
function signInNeeded(request: NextRequest, config: ReturnType<typeof getConfig>): boolean {
  const shared = checkAccess(request, config);
  if (config.entra === null) return config.accessToken !== null && !shared.ok;
  if (shared.ok && shared.via !== 'open') return false;
  return sessionSecretOf(request) === null;
}

/** A JSON error with its status (the shape of lib/server/http/errors.ts; proxy.ts stays free of route code). */
function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ code, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Adds the nonce, security headers and request id; redirects pages to /signin when access is required. */
export function proxy(request: NextRequest): NextResponse {
  const nonce = randomBytes(16).toString('base64');
  const config = getConfig();
  const https = isHttps(request, config);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const requestId = randomUUID();
  const { pathname, search } = request.nextUrl;

  let response: NextResponse;
  const isPage = !pathname.startsWith('/api/');
  if (!hostAllowed(request, config)) {
    response = refuse(
      403,
      'forbidden-host',
      'This server does not answer for that host name. Set PUBLIC_ORIGIN (or ALLOWED_HOSTS) to the address users reach it at.',
    );
  } else if (isPage && !isPublicPage(pathname) && signInNeeded(request, config)) {
    const target = new URL('/signin', request.url);
    // A form POST (POST /open) goes on as a GET: 303, and back to the dashboard, since /open has no GET.
    const read = request.method === 'GET' || request.method === 'HEAD';
    target.search = new URLSearchParams({ next: read ? safeNextPath(`${pathname}${search}`) : '/' }).toString();
    response = NextResponse.redirect(target, read ? 307 : 303);
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts and styles.
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    headers.set('x-request-id', requestId);
    // The root layout gets no searchParams: pass it `?lang=` (only a language we have) for `<html lang>`.
    headers.delete(LANGUAGE_HEADER);
    const lang = matchLanguage(request.nextUrl.searchParams.get(LANGUAGE_PARAM));
    if (lang) headers.set(LANGUAGE_HEADER, lang);
    response = NextResponse.next({ request: { headers } });
  }
  for (const [name, value] of Object.entries(securityHeaders(csp, https))) response.headers.set(name, value);
  response.headers.set('X-Request-Id', requestId);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};

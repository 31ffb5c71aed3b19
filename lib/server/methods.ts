/**
 * Methods Next.js can't represent as a web Request (TRACE, TRACK, CONNECT: the fetch standard forbids them), which
 * it would answer with a bare 500 before proxy.ts or any route runs. At start-up the HTTP server is taught to
 * answer them itself: 405 `method-not-allowed` as JSON, with the security headers every answer carries. Only the
 * methods a route can serve reach Next.
 */
import { type IncomingMessage, Server, type ServerResponse } from 'node:http';

/** The methods Next hands to proxy.ts and the route handlers. */
export const SERVED_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/** The headers of a refusal: the static security headers of next.config.ts and a CSP that allows nothing. */
const REFUSAL_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Answers a request whose method no route serves; true when it did. */
export function refuseUnservedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (SERVED_METHODS.has(req.method ?? '')) return false;
  const body = JSON.stringify({ code: 'method-not-allowed', message: 'This server does not answer that method.' });
  res.writeHead(405, { ...REFUSAL_HEADERS, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
  return true;
}

const INSTALLED = Symbol.for('m365-dns-health.method-guard');

/** Makes every HTTP server of the process answer unserved methods itself (see the module comment). Idempotent. */
export function installMethodGuard(): void {
  const proto = Server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' && refuseUnservedMethod(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}

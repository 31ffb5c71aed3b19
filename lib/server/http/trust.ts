/**
 * What the server believes about where a request came from, decided in one place (docs/deploy.md):
 * - the Host it was sent to must be one we answer for (PUBLIC_ORIGIN's host, ALLOWED_HOSTS, or loopback names),
 *   so a page on another site can't reach us through DNS rebinding;
 * - the proxy headers (TRUST_PROXY_HEADER's client address, X-Forwarded-Proto, X-Forwarded-Host) are believed only
 *   from the trusted proxy: a request carrying PROXY_SECRET, or any request when the server listens on loopback
 *   (then only a process on this machine, the proxy, can reach it);
 * - a request is https when the trusted proxy says so, or when PUBLIC_ORIGIN is https.
 */
import 'server-only';
import { safeEqual } from '../access';
import { isLoopbackHost, type ServerConfig } from '../env';

export const PROXY_SECRET_HEADER = 'x-proxy-secret';

type TrustConfig = Pick<
  ServerConfig,
  'trustProxyHeader' | 'proxySecret' | 'listensOnLoopback' | 'publicOrigin' | 'allowedHosts'
>;

/** True when the request comes through the trusted proxy (see the module comment). */
export function fromTrustedProxy(request: Request, config: TrustConfig): boolean {
  if (config.proxySecret !== null) return safeEqual(request.headers.get(PROXY_SECRET_HEADER) ?? '', config.proxySecret);
  return config.trustProxyHeader !== null && config.listensOnLoopback;
}

/** The host part of a Host header value (`[::1]:3000` → `::1`), lower case. */
function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(1, v.indexOf(']') === -1 ? undefined : v.indexOf(']'));
  const colon = v.lastIndexOf(':');
  return colon === -1 || v.indexOf(':') !== colon ? v : v.slice(0, colon);
}

/** True when the request's Host is one we answer for: loopback names on any port, or an allowed host. */
export function hostAllowed(request: Request, config: TrustConfig): boolean {
  const host = (request.headers.get('host') ?? '').trim().toLowerCase();
  if (host === '') return false;
  if (isLoopbackHost(hostName(host))) return true;
  // An allowed entry with a port must match exactly; one without matches the host on any port.
  return config.allowedHosts.some((allowed) =>
    /^(\[[^\]]+\]|[^:]+):\d+$/.test(allowed) ? allowed === host : hostName(allowed) === hostName(host),
  );
}

/** The host a browser thinks it is talking to: the trusted proxy's X-Forwarded-Host, else Host. */
export function requestHost(request: Request, config: TrustConfig): string | null {
  const forwarded = fromTrustedProxy(request, config) ? request.headers.get('x-forwarded-host') : null;
  return (forwarded ?? request.headers.get('host'))?.trim().toLowerCase() || null;
}

/** True when the request reached the user's browser over https (see the module comment). */
export function isHttps(request: Request, config: TrustConfig): boolean {
  // Not `request.url`: Next builds it from X-Forwarded-Proto whoever sent it (and `next start` serves no TLS itself).
  if (config.publicOrigin?.startsWith('https:')) return true;
  if (!fromTrustedProxy(request, config)) return false;
  return request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The process-wide resolver: its in-flight cap and answer cache are shared by every request and run of the
 * process (on globalThis, so every route bundle sees the same one). The check workers hold their part of
 * DNS_MAX_IN_FLIGHT (./limits.ts); this one gets the rest.
 */
import type { ServerConfig } from '../env';
import { getConfig } from '../env';
import { workerInFlight } from './limits';
import { createResolver, type DnsResolver } from './resolver';

const RESOLVER_KEY = Symbol.for('m365-dns-health.resolver');
type WithResolver = typeof globalThis & { [RESOLVER_KEY]?: DnsResolver };

/** The process resolver (in a check worker: the worker's own, under its share). */
export function getResolver(config: ServerConfig = getConfig()): DnsResolver {
  const g = globalThis as WithResolver;
  g[RESOLVER_KEY] ??= createResolver({
    servers: config.servers,
    timeoutMs: config.timeoutMs,
    tries: config.tries,
    maxInFlight: Math.max(1, config.maxInFlight - workerInFlight(config)),
    cache: config.cache,
    maxCnameHops: config.maxCnameHops,
    maxTxtBytes: config.maxTxtBytes,
  });
  return g[RESOLVER_KEY];
}

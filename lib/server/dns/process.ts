/**
 * The process-wide resolver: its in-flight cap and answer cache are shared by every request and run of the
 * process (on globalThis, so every route bundle sees the same one). The check workers hold their part of
 * DNS_MAX_IN_FLIGHT (./limits.ts); this one gets the rest.
 */
import type { ServerConfig } from '../env';
import { getConfig } from '../env';
import { type AuthorityPath, createAuthority } from './authority';
import { workerInFlight } from './limits';
import { createResolver, type DnsResolver } from './resolver';
import { createTransport } from './transport';

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

const AUTHORITY_KEY = Symbol.for('m365-dns-health.authority');
type WithAuthority = typeof globalThis & { [AUTHORITY_KEY]?: AuthorityPath };

/**
 * The process's authoritative path (its own transport; the politeness limiter is per process or worker). Server
 * names without glue are resolved through the process resolver.
 */
export function getAuthorityPath(config: ServerConfig = getConfig()): AuthorityPath {
  const g = globalThis as WithAuthority;
  g[AUTHORITY_KEY] ??= createAuthority({
    transport: createTransport(),
    config: config.authority,
    limits: { maxCnameHops: config.maxCnameHops, maxTxtBytes: config.maxTxtBytes, maxRecordsPerRrset: 50 },
    resolveAddresses: async (name, signal) => {
      const resolver = getResolver(config);
      const [a, aaaa] = await Promise.all([
        resolver.lookup(name, 'A', { signal, trace: 'retries' }),
        resolver.lookup(name, 'AAAA', { signal, trace: 'retries' }),
      ]);
      return [...a.answers, ...aaaa.answers].filter((x) => x.type === 'A' || x.type === 'AAAA').map((x) => x.data);
    },
  });
  return g[AUTHORITY_KEY];
}

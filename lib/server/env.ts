/**
 * Server configuration, validated once with zod. Only server modules import this.
 * A bad value stops start-up with a message naming the variable and what is wrong.
 */
import { z } from 'zod';
import { parseServerList, type ServerAddress, systemServers } from './dns/resolver';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DNS_SERVERS: z.string().optional(),
  DNS_TIMEOUT_MS: int(50, 30_000).default(2000),
  DNS_TRIES: int(1, 10).default(3),
  DOMAIN_DEADLINE_MS: int(200, 120_000).default(12_000),
  /** Queries on the wire at once for the whole process. */
  DNS_MAX_IN_FLIGHT: int(1, 4096).default(256),
  /** Domains checked at once within one request. */
  CHECK_CONCURRENCY: int(1, 1024).default(64),
  DNS_CACHE: flag.default(true),
  MAX_DOMAINS_PER_REQUEST: int(1, 100_000).default(500),
  MAX_LINES_PER_REQUEST: int(1, 1_000_000).default(5000),
  MAX_LINE_LENGTH: int(16, 65_536).default(1024),
  MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(512 * 1024),
  ALLOW_TEST_DOMAINS: flag.default(false),
});

export type ServerConfig = {
  servers: ServerAddress[];
  serversFromSystem: boolean;
  timeoutMs: number;
  tries: number;
  domainDeadlineMs: number;
  maxInFlight: number;
  checkConcurrency: number;
  cache: boolean;
  maxDomainsPerRequest: number;
  maxLinesPerRequest: number;
  maxLineLength: number;
  maxBodyBytes: number;
  allowTestDomains: boolean;
};

/** Parses a process environment into the server configuration. Throws an Error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let servers: ServerAddress[];
  let serversFromSystem = false;
  if (e.DNS_SERVERS?.trim()) {
    try {
      servers = parseServerList(e.DNS_SERVERS);
    } catch (err) {
      throw new Error(`Invalid configuration:\n  DNS_SERVERS: ${(err as Error).message}`);
    }
  } else {
    servers = systemServers();
    serversFromSystem = true;
    if (servers.length === 0) {
      throw new Error('Invalid configuration:\n  DNS_SERVERS is not set and the system has no resolvers configured.');
    }
  }
  return {
    servers,
    serversFromSystem,
    timeoutMs: e.DNS_TIMEOUT_MS,
    tries: e.DNS_TRIES,
    domainDeadlineMs: e.DOMAIN_DEADLINE_MS,
    maxInFlight: e.DNS_MAX_IN_FLIGHT,
    checkConcurrency: e.CHECK_CONCURRENCY,
    cache: e.DNS_CACHE,
    maxDomainsPerRequest: e.MAX_DOMAINS_PER_REQUEST,
    maxLinesPerRequest: e.MAX_LINES_PER_REQUEST,
    maxLineLength: e.MAX_LINE_LENGTH,
    maxBodyBytes: e.MAX_BODY_BYTES,
    allowTestDomains: e.ALLOW_TEST_DOMAINS,
  };
}

const CONFIG_KEY = Symbol.for('m365-dns-health.config');
type WithConfig = typeof globalThis & { [CONFIG_KEY]?: ServerConfig };

/** The process configuration, parsed on first use and shared through globalThis. */
export function getConfig(): ServerConfig {
  const g = globalThis as WithConfig;
  g[CONFIG_KEY] ??= parseConfig(process.env);
  return g[CONFIG_KEY];
}

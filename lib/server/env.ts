/**
 * Server configuration, validated once with zod. Only server modules import this.
 * A bad value stops start-up with a message naming the variable and what is wrong.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseServerList, type ServerAddress, systemServers } from './dns/resolver';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Never echoed in configuration errors. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['ACCESS_TOKEN']);

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DNS_SERVERS: z.string().optional(),
  DNS_TIMEOUT_MS: int(50, 30_000).default(2000),
  DNS_TRIES: int(1, 10).default(3),
  DOMAIN_DEADLINE_MS: int(200, 120_000).default(12_000),
  /** Queries on the wire at once for the whole process. */
  DNS_MAX_IN_FLIGHT: int(1, 4096).default(256),
  DNS_CACHE: flag.default(true),
  MAX_DOMAINS_PER_REQUEST: int(1, 100_000).default(500),
  MAX_LINES_PER_REQUEST: int(1, 1_000_000).default(5000),
  MAX_LINE_LENGTH: int(16, 65_536).default(1024),
  MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(512 * 1024),
  ALLOW_TEST_DOMAINS: flag.default(false),
  // --- Bounds and abuse resistance (docs/security.md) ---
  /** Wire queries (retries and CNAME hops included) one domain may use; later lookups are `skipped`. */
  MAX_QUERIES_PER_DOMAIN: int(1, 1000).default(100),
  /** Timed-out lookups after which the rest of that domain's lookups are `skipped` (per-domain breaker). */
  DOMAIN_BREAKER_TIMEOUTS: int(1, 100).default(2),
  DNS_MAX_CNAME_HOPS: int(1, 32).default(8),
  /** Bytes kept per TXT record; the rest is dropped. */
  DNS_MAX_TXT_BYTES: int(64, 65_535).default(4096),
  /** Names under one registrable domain per request; further lines are rejected as invalid. */
  MAX_NAMES_PER_REGISTRABLE: int(1, 100_000).default(20),
  /** Wall-clock budget of one POST /api/check list: no domain starts after it, the rest are reported as `deadline`. */
  RUN_DEADLINE_MS: int(1000, 3_600_000).default(120_000),
  RATE_LIMIT_REQUESTS: int(1, 1_000_000).default(60),
  RATE_LIMIT_REQUESTS_WINDOW_S: int(1, 86_400).default(60),
  RATE_LIMIT_DOMAINS: int(1, 10_000_000).default(2000),
  RATE_LIMIT_DOMAINS_WINDOW_S: int(1, 86_400).default(600),
  /** `memory` (per process) or `sqlite:/path/file.db` (shared by every process using the file). */
  RATE_LIMIT_STORE: z
    .string()
    .regex(/^(memory|sqlite:.+)$/, 'use "memory" or "sqlite:/path/to/file.db"')
    .default('memory'),
  /** Header a trusted reverse proxy sets to the client address (e.g. x-forwarded-for); unset: not trusted. */
  TRUST_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'a header name such as x-forwarded-for')
    .transform((v) => v.toLowerCase())
    .optional(),
  /** Shared access token; unset = no access control. */
  ACCESS_TOKEN: z.string().min(16, 'use at least 16 characters').max(1024).optional(),
  SESSION_MAX_AGE_S: int(60, 30 * 86_400).default(43_200),
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(10_000),
  READY_TIMEOUT_MS: int(100, 30_000).default(1500),
  // --- Runs (bulk checks, /api/runs) ---
  /** Valid domains one run may hold; more → 413 too-many-domains, nothing started. */
  MAX_DOMAINS_PER_RUN: int(1, 100_000).default(5000),
  /** Domains checked at once across every list (runs and POST /api/check, round-robin between them). */
  BULK_CONCURRENCY: int(1, 1024).default(32),
  /**
   * Worker threads that check bulk-run domains beside the main thread (DNS, diagnosis, report text,
   * serialisation); `auto` = one per CPU beyond the first, at most 4; 0 = main thread only. Interactive checks
   * always run on the main thread.
   */
  CHECK_WORKERS: z
    .union([z.literal('auto'), int(0, 16)])
    .default('auto')
    .transform((v) => (v === 'auto' ? Math.max(0, Math.min(4, availableParallelism() - 1)) : v)),
  /** Seconds a run (and its results) is kept after it was created; then it answers 410 run-expired. */
  RUN_RETENTION_S: int(1, 30 * 86_400).default(86_400),
  /** Runs kept in memory; past it the oldest finished run is dropped (answers 410 like an expired one). */
  MAX_RUNS_KEPT: int(1, 10_000).default(50),
  /** Hours after which /bulk flags results as old and offers to re-check them. */
  STALE_AFTER_H: int(1, 8760).default(24),
  // --- Run event streams (GET /api/runs/:id/events; docs/security.md) ---
  /** Event streams open at once on one run; more → 429 too-many-followers. */
  MAX_FOLLOWERS_PER_RUN: int(1, 10_000).default(20),
  /** Event streams one client (the rate-limit key) has open at once, over every run; more → 429 too-many-followers. */
  MAX_FOLLOWERS_PER_CLIENT: int(1, 10_000).default(10),
  /** An event stream whose client has not taken what was written for this long is closed (its slot and buffers freed). */
  STREAM_IDLE_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RateLimitConfig = {
  requests: number;
  requestsWindowS: number;
  domains: number;
  domainsWindowS: number;
  /** `null` = in-memory; else the SQLite file shared by every process that uses it. */
  sqlitePath: string | null;
};

export type ServerConfig = {
  servers: ServerAddress[];
  serversFromSystem: boolean;
  timeoutMs: number;
  tries: number;
  domainDeadlineMs: number;
  maxInFlight: number;
  cache: boolean;
  maxDomainsPerRequest: number;
  maxLinesPerRequest: number;
  maxLineLength: number;
  maxBodyBytes: number;
  allowTestDomains: boolean;
  maxQueriesPerDomain: number;
  breakerTimeouts: number;
  maxCnameHops: number;
  maxTxtBytes: number;
  maxNamesPerRegistrable: number;
  runDeadlineMs: number;
  rateLimit: RateLimitConfig;
  /** Lower-case header name, or null when no proxy header is trusted. */
  trustProxyHeader: string | null;
  /** null = access control off. */
  accessToken: string | null;
  sessionMaxAgeS: number;
  shutdownGraceMs: number;
  readyTimeoutMs: number;
  maxDomainsPerRun: number;
  bulkConcurrency: number;
  /** Worker threads for bulk-run checks (0 = main thread). */
  checkWorkers: number;
  runRetentionS: number;
  maxRunsKept: number;
  /** Hours after which the bulk page calls results old. */
  staleAfterH: number;
  /** Open event streams allowed per run and per client. */
  maxFollowersPerRun: number;
  maxFollowersPerClient: number;
  /** Ms an event stream may wait for its client to take what was written before it is closed. */
  streamIdleTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

/** Parses a process environment into the server configuration. Throws an Error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      const got = SECRET_VARIABLES.has(key) ? 'a value that is not shown' : JSON.stringify(env[key]);
      return `  ${i.path.join('.')}: ${i.message} (got ${got})`;
    });
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
    cache: e.DNS_CACHE,
    maxDomainsPerRequest: e.MAX_DOMAINS_PER_REQUEST,
    maxLinesPerRequest: e.MAX_LINES_PER_REQUEST,
    maxLineLength: e.MAX_LINE_LENGTH,
    maxBodyBytes: e.MAX_BODY_BYTES,
    allowTestDomains: e.ALLOW_TEST_DOMAINS,
    maxQueriesPerDomain: e.MAX_QUERIES_PER_DOMAIN,
    breakerTimeouts: e.DOMAIN_BREAKER_TIMEOUTS,
    maxCnameHops: e.DNS_MAX_CNAME_HOPS,
    maxTxtBytes: e.DNS_MAX_TXT_BYTES,
    maxNamesPerRegistrable: e.MAX_NAMES_PER_REGISTRABLE,
    runDeadlineMs: e.RUN_DEADLINE_MS,
    rateLimit: {
      requests: e.RATE_LIMIT_REQUESTS,
      requestsWindowS: e.RATE_LIMIT_REQUESTS_WINDOW_S,
      domains: e.RATE_LIMIT_DOMAINS,
      domainsWindowS: e.RATE_LIMIT_DOMAINS_WINDOW_S,
      sqlitePath: e.RATE_LIMIT_STORE.startsWith('sqlite:') ? e.RATE_LIMIT_STORE.slice('sqlite:'.length) : null,
    },
    trustProxyHeader: e.TRUST_PROXY_HEADER ?? null,
    accessToken: e.ACCESS_TOKEN ?? null,
    sessionMaxAgeS: e.SESSION_MAX_AGE_S,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    readyTimeoutMs: e.READY_TIMEOUT_MS,
    maxDomainsPerRun: e.MAX_DOMAINS_PER_RUN,
    bulkConcurrency: e.BULK_CONCURRENCY,
    checkWorkers: e.CHECK_WORKERS,
    runRetentionS: e.RUN_RETENTION_S,
    maxRunsKept: e.MAX_RUNS_KEPT,
    staleAfterH: e.STALE_AFTER_H,
    maxFollowersPerRun: e.MAX_FOLLOWERS_PER_RUN,
    maxFollowersPerClient: e.MAX_FOLLOWERS_PER_CLIENT,
    streamIdleTimeoutMs: e.STREAM_IDLE_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
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

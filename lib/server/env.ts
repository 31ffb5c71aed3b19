/**
 * Server configuration, validated once with zod. Only server modules import this.
 * A bad value stops start-up with a message naming the variable and what is wrong.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ENTRA_ENV, type EntraConfig, entraConfig } from './auth/entra-config';
import { parseServerList, type ServerAddress, systemServers } from './dns/resolver';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Never echoed in configuration errors. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  ...['ACCESS_TOKEN', 'PROXY_SECRET', 'DATABASE_URL'],
  ...['ENTRA_CLIENT_SECRET', 'ENTRA_TOKEN_KEY'], // Entra ID sign-in (issue 18)
  ...['ALERTS_SECRET_KEY'], // alerts (issue 17)
]);

/** Characters an access token or proxy secret needs at least (a random 32-character string is beyond guessing). */
export const MIN_SECRET_LENGTH = 32;

/**
 * A rough strength estimate of a secret, in bits: its length times log2 of the alphabet its character classes span
 * (lower case, upper case, digits, others), capped by how many different characters it actually uses. A random
 * 32-character base64 or hex string is well over 128; `aaaa…` or a word repeated is far below.
 */
export function secretBits(value: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  const sizes = [26, 26, 10, 33];
  const pool = classes.reduce((sum, re, i) => sum + (re.test(value) ? (sizes[i] ?? 0) : 0), 0);
  const distinct = new Set(value).size;
  return value.length * Math.log2(Math.max(2, Math.min(pool, distinct * 2)));
}

const secret = (what: string) =>
  z
    .string()
    .min(MIN_SECRET_LENGTH, `use at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -base64 32)`)
    .max(1024)
    .refine((v) => secretBits(v) >= 128, `${what} looks guessable: use a random value (e.g. openssl rand -base64 32)`);

/** True for the loopback addresses and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

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
  /**
   * Distinct names under one registrable domain one client may have checked within NAMES_PER_REGISTRABLE_WINDOW_S
   * (sliding); further names are rejected as invalid lines.
   */
  MAX_NAMES_PER_REGISTRABLE: int(1, 100_000).default(20),
  // --- DNS volume toward one zone, readiness probes ---
  /** The sliding window, in seconds, over which MAX_NAMES_PER_REGISTRABLE counts a client's names. */
  NAMES_PER_REGISTRABLE_WINDOW_S: int(1, 7 * 86_400).default(600),
  /** How long GET /api/ready reuses its last probe's result (one probe at a time, however many callers). */
  READY_CACHE_MS: int(100, 60_000).default(2000),
  /** Wall-clock budget of one POST /api/check list: no domain starts after it, the rest are reported as `deadline`. */
  RUN_DEADLINE_MS: int(1000, 3_600_000).default(120_000),
  RATE_LIMIT_REQUESTS: int(1, 1_000_000).default(60),
  RATE_LIMIT_REQUESTS_WINDOW_S: int(1, 86_400).default(60),
  RATE_LIMIT_DOMAINS: int(1, 10_000_000).default(10_000),
  RATE_LIMIT_DOMAINS_WINDOW_S: int(1, 86_400).default(600),
  /**
   * Header a trusted reverse proxy sets to the client address (e.g. x-forwarded-for); unset: not trusted. Believed
   * only when the server listens on loopback (BIND_HOST) or the request carries PROXY_SECRET (docs/deploy.md).
   */
  TRUST_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'a header name such as x-forwarded-for')
    .transform((v) => v.toLowerCase())
    .optional(),
  /** A secret the reverse proxy adds as `X-Proxy-Secret` to every request: proof that the proxy headers are its. */
  PROXY_SECRET: secret('PROXY_SECRET').optional(),
  /** The address the server listens on (`npm start` passes it to `next start -H`); unset: every interface. */
  BIND_HOST: z.string().default('::'),
  /** The address users reach the dashboard at (`https://dns.contoso.com`): its host is the one Host allowed. */
  PUBLIC_ORIGIN: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'an http or https origin such as https://dns.contoso.com, with no path')
    .optional(),
  /** Further Host values to answer for (comma-separated `host` or `host:port`), besides PUBLIC_ORIGIN's and loopback. */
  ALLOWED_HOSTS: z.string().optional(),
  /** Shared access token; unset = no access control. */
  ACCESS_TOKEN: secret('ACCESS_TOKEN').optional(),
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
  /**
   * How often a run's events stream reads storage when nothing announced news (a result stored by this instance,
   * or with PostgreSQL by another one through NOTIFY): the fallback that also keeps idle followers' connections alive.
   */
  RUN_EVENTS_HEARTBEAT_MS: int(100, 60_000).default(1000),
  // --- Storage (docs/deploy.md) ---
  /** The embedded database's directory (used when DATABASE_URL is not set). */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** PostgreSQL for every instance: `postgres://user:password@host:5432/db`. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'use a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * With DATABASE_URL: the lease of a run's domain job (pg-boss `expireInSeconds`). A job an instance took and did
   * not finish within it (the instance died) goes back to the queue and another instance checks the domain.
   */
  QUEUE_LEASE_S: int(2, 3600).default(60),
  /**
   * Removed (issue 16): the rate limits live in the storage layer. Start-up refuses any value, saying what
   * replaces it, so a deployment that relied on a shared limiter file does not silently get per-instance limits.
   */
  RATE_LIMIT_STORE: z
    .string()
    .refine(
      () => false,
      'was removed: the rate limits are now kept in the storage layer, in the embedded database under DATA_DIR, or in PostgreSQL when DATABASE_URL is set (shared by every instance on it). Remove RATE_LIMIT_STORE',
    )
    .optional(),
  /**
   * Runs kept in memory in all (the memory bound). A new run makes room only by dropping its own client's oldest
   * finished run (which then answers 410 like an expired one); see MAX_RUNS_PER_CLIENT.
   */
  MAX_RUNS_KEPT: int(1, 10_000).default(50),
  /**
   * Runs kept per client (the rate-limit key); at most MAX_RUNS_KEPT counts. A client's new run drops its own
   * oldest finished run, never another client's; with none to drop it is refused (429 too-many-runs).
   */
  MAX_RUNS_PER_CLIENT: int(1, 10_000).default(20),
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
  // --- authority (issue 14; docs/configuration.md#authoritative-answers) ---
  /** Judge on what the domain's own DNS servers publish (found from the root down); off = the resolvers only. */
  AUTHORITATIVE: flag.default(true),
  /** Root servers to start the walk at: `ip[:port]` list; default the IANA root servers' IPv4 addresses. */
  DNS_ROOT_HINTS: z.string().optional(),
  /** Port the domains' own DNS servers are asked on (53 in the real world; a loopback port in tests). */
  DNS_AUTH_PORT: int(1, 65_535).default(53),
  /** Timeout of one query attempt to an authoritative server. */
  AUTH_TIMEOUT_MS: int(50, 30_000).default(1500),
  /** Attempts per question and server address. */
  AUTH_TRIES: int(1, 5).default(2),
  /** Server names of one zone that are asked (the rest are listed, not asked). */
  AUTH_MAX_SERVERS: int(1, 16).default(4),
  /** Server addresses of one zone that are asked, all names together. */
  AUTH_MAX_ADDRESSES: int(1, 32).default(4),
  /**
   * Politeness: queries to any one server address in any one second, for the whole process (the main thread and
   * the CHECK_WORKERS workers count in one shared log; above 256 each thread gets an equal share instead).
   */
  AUTH_QPS_PER_SERVER: int(1, 10_000).default(20),
  /** The authoritative path's own query budget per domain (MAX_QUERIES_PER_DOMAIN stays the resolvers'). */
  AUTH_MAX_QUERIES_PER_DOMAIN: int(1, 5000).default(150),
  /** How long "the root servers can't be reached" is remembered; a background probe re-tries meanwhile. */
  AUTH_UNREACHABLE_S: int(5, 86_400).default(300),
  // --- end authority ---
  // --- propagation (issue 14; docs/configuration.md#propagation) ---
  /** Compare each record of an interactive check with what each resolver hands out. */
  PROPAGATION: flag.default(true),
  /** More resolvers to compare each record with, `ip[:port]` list, besides each of DNS_SERVERS. */
  PROPAGATION_RESOLVERS: z.string().optional(),
  /** Timeout of one propagation question to one resolver or zone server. */
  PROPAGATION_TIMEOUT_MS: int(50, 30_000).default(1500),
  // (The domains' own servers are asked on DNS_AUTH_PORT: the authority block's setting, config.authority.port.)
  /** Longest time "check until live" keeps re-checking in the page, in minutes. */
  LIVE_WATCH_MAX_MIN: int(1, 1440).default(60),
  // --- end propagation ---
  // --- alerts (issue 17 part B; docs/alerts.md, docs/configuration.md#alerts-and-schedules) ---
  /** 32 bytes, base64: the AES-256-GCM key channel secrets are sealed with. Unset: channels with secrets can't be saved. */
  ALERTS_SECRET_KEY: z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** Let webhook URLs and SMTP hosts reach private, loopback and link-local addresses (tests; a trusted network). */
  ALERTS_ALLOW_PRIVATE: flag.default(false),
  /** Attempts of one delivery before it is logged as failed. */
  ALERTS_MAX_ATTEMPTS: int(1, 20).default(5),
  /** Wait before the first retry; doubles after each failed attempt. */
  ALERTS_RETRY_BASE_MS: int(10, 3_600_000).default(30_000),
  /** Timeout of one delivery attempt (HTTP request or SMTP session). */
  ALERTS_TIMEOUT_MS: int(100, 120_000).default(10_000),
  /** Consecutive runs a domain can't be checked before one "we can't check these domains" message. */
  ALERTS_CANNOT_CHECK_RUNS: int(1, 100).default(3),
  /** How often the schedule ticker looks for due slots and due delivery retries. */
  SCHEDULE_TICK_MS: int(50, 3_600_000).default(30_000),
  /** Lists start up to this many seconds after their slot (a stable offset per list), so they don't all start at once. */
  SCHEDULE_JITTER_S: int(0, 3600).default(300),
  /** Test hook: the scheduler's clock runs this far ahead of the real one. Refused unless ALLOW_TEST_DOMAINS=1. */
  SCHEDULE_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  // --- end alerts ---
  // --- Microsoft Graph: the tenant's expected values (issue 18 item 4; docs/signin.md, docs/configuration.md#graph) ---
  /** Ask Microsoft Graph for the signed-in user's tenant's own records on single checks. */
  GRAPH_EXPECTED: flag.default(true),
  /** Without Entra sign-in (the test token): the tenant's cloud, which picks the Graph host (else ENTRA_CLOUD does). */
  GRAPH_CLOUD: z.enum(['worldwide', 'gcc', '21vianet', 'gcchigh', 'dod']).default('worldwide'),
  /**
   * Where to connect instead of the cloud's Graph host (a stand-in in tests): `http(s)://host:port`, no path. The
   * requests still name the cloud's Graph host in their Host header.
   */
  GRAPH_BASE_URL: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'an http or https origin such as http://127.0.0.1:8080, with no path')
    .optional(),
  /** Timeout of one Graph request. */
  GRAPH_TIMEOUT_MS: int(100, 30_000).default(3000),
  /** Retries of a throttled (429) Graph request, each after its Retry-After (capped by GRAPH_MAX_RETRY_WAIT_MS). */
  GRAPH_MAX_RETRIES: int(0, 5).default(2),
  GRAPH_MAX_RETRY_WAIT_MS: int(0, 60_000).default(5000),
  /** Seconds a tenant's answer for a domain is reused (per tenant and domain); 0 = not kept. */
  GRAPH_CACHE_S: int(0, 3600).default(60),
  /**
   * Test only: a Graph token every single check uses, as if a user of tenant `test-tenant` were signed in. Refused
   * unless ALLOW_TEST_DOMAINS is on and GRAPH_BASE_URL points at loopback.
   */
  GRAPH_TEST_TOKEN: z.string().min(8).max(4096).optional(),
  // --- end graph ---
  // --- Entra ID sign-in (issue 18; lib/server/auth/entra-config.ts, docs/signin.md) ---
  ...ENTRA_ENV,
  // --- end Entra ID sign-in ---
});

/** The tenant's expected values from Microsoft Graph (issue 18 item 4). */
export type GraphConfig = {
  enabled: boolean;
  cloud: 'worldwide' | 'gcc' | '21vianet' | 'gcchigh' | 'dod';
  /** Where to connect instead of the cloud's Graph host (tests), or null. */
  baseUrl: string | null;
  timeoutMs: number;
  maxRetries: number;
  maxRetryWaitMs: number;
  cacheS: number;
  /** Test only (see GRAPH_TEST_TOKEN), or null. */
  testToken: string | null;
};

function graphConfig(e: z.infer<typeof EnvSchema>): GraphConfig {
  const baseUrl = e.GRAPH_BASE_URL ? new URL(e.GRAPH_BASE_URL).origin : null;
  if (e.GRAPH_TEST_TOKEN && !(e.ALLOW_TEST_DOMAINS && baseUrl && isLoopbackHost(new URL(baseUrl).hostname))) {
    throw new Error(
      'Invalid configuration:\n  GRAPH_TEST_TOKEN: test only; it needs ALLOW_TEST_DOMAINS=1 and a loopback GRAPH_BASE_URL',
    );
  }
  return {
    enabled: e.GRAPH_EXPECTED,
    cloud: e.GRAPH_CLOUD,
    baseUrl,
    timeoutMs: e.GRAPH_TIMEOUT_MS,
    maxRetries: e.GRAPH_MAX_RETRIES,
    maxRetryWaitMs: e.GRAPH_MAX_RETRY_WAIT_MS,
    cacheS: e.GRAPH_CACHE_S,
    testToken: e.GRAPH_TEST_TOKEN ?? null,
  };
}

/** The IANA root servers' IPv4 addresses (a to m; https://www.iana.org/domains/root/servers). */
export const IANA_ROOT_HINTS =
  '198.41.0.4,170.247.170.2,192.33.4.12,199.7.91.13,192.203.230.10,192.5.5.241,192.112.36.4,198.97.190.53,' +
  '192.36.148.17,192.58.128.30,193.0.14.129,199.7.83.42,202.12.27.33';

/** The authoritative path (issue 14 items 1, 2): discovery from the root and the zone's own answers. */
export type AuthorityConfig = {
  enabled: boolean;
  rootHints: ServerAddress[];
  port: number;
  timeoutMs: number;
  tries: number;
  maxServers: number;
  maxAddresses: number;
  qpsPerServer: number;
  /** Check threads (the main thread and each CHECK_WORKERS worker): they share out a cap above 256; absent: one. */
  threads?: number;
  maxQueriesPerDomain: number;
  unreachableS: number;
};

function authorityConfig(e: z.infer<typeof EnvSchema>): AuthorityConfig {
  const list = (value: string, variable: string, port?: number): ServerAddress[] => {
    try {
      return parseServerList(value, variable, port);
    } catch (err) {
      throw new Error(`Invalid configuration:\n  ${variable}: ${(err as Error).message}`);
    }
  };
  return {
    enabled: e.AUTHORITATIVE,
    rootHints: list(e.DNS_ROOT_HINTS?.trim() ? e.DNS_ROOT_HINTS : IANA_ROOT_HINTS, 'DNS_ROOT_HINTS'),
    port: e.DNS_AUTH_PORT,
    timeoutMs: e.AUTH_TIMEOUT_MS,
    tries: e.AUTH_TRIES,
    maxServers: e.AUTH_MAX_SERVERS,
    maxAddresses: e.AUTH_MAX_ADDRESSES,
    qpsPerServer: e.AUTH_QPS_PER_SERVER,
    threads: e.CHECK_WORKERS + 1,
    maxQueriesPerDomain: e.AUTH_MAX_QUERIES_PER_DOMAIN,
    unreachableS: e.AUTH_UNREACHABLE_S,
  };
}

/** The propagation comparison (issue 14 item 3) and "check until live" (item 4). */
export type PropagationConfig = {
  enabled: boolean;
  /** PROPAGATION_RESOLVERS only (each of DNS_SERVERS is compared too). */
  resolvers: ServerAddress[];
  timeoutMs: number;
  liveWatchMaxMin: number;
};

function propagationConfig(e: z.infer<typeof EnvSchema>): PropagationConfig {
  let resolvers: ServerAddress[] = [];
  if (e.PROPAGATION_RESOLVERS?.trim()) {
    try {
      resolvers = parseServerList(e.PROPAGATION_RESOLVERS);
    } catch (err) {
      throw new Error(`Invalid configuration:\n  PROPAGATION_RESOLVERS: ${(err as Error).message}`);
    }
  }
  return {
    enabled: e.PROPAGATION,
    resolvers,
    timeoutMs: e.PROPAGATION_TIMEOUT_MS,
    liveWatchMaxMin: e.LIVE_WATCH_MAX_MIN,
  };
}

// --- alerts config (issue 17 part B) ---
export type AlertsConfig = {
  /** The channel-secret key (32 bytes), or null. */
  secretKey: Buffer | null;
  allowPrivate: boolean;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  cannotCheckRuns: number;
  tickMs: number;
  jitterMaxMs: number;
  /** Test hook: added to Date.now() by the scheduler (0 in production). */
  clockOffsetMs: number;
};

function alertsConfig(e: z.infer<typeof EnvSchema>): AlertsConfig {
  if (e.SCHEDULE_CLOCK_OFFSET_MS !== 0 && !e.ALLOW_TEST_DOMAINS) {
    throw new Error(
      'Invalid configuration:\n  SCHEDULE_CLOCK_OFFSET_MS: a test hook, only allowed with ALLOW_TEST_DOMAINS=1',
    );
  }
  return {
    secretKey: e.ALERTS_SECRET_KEY ? Buffer.from(e.ALERTS_SECRET_KEY, 'base64') : null,
    allowPrivate: e.ALERTS_ALLOW_PRIVATE,
    maxAttempts: e.ALERTS_MAX_ATTEMPTS,
    retryBaseMs: e.ALERTS_RETRY_BASE_MS,
    timeoutMs: e.ALERTS_TIMEOUT_MS,
    cannotCheckRuns: e.ALERTS_CANNOT_CHECK_RUNS,
    tickMs: e.SCHEDULE_TICK_MS,
    jitterMaxMs: e.SCHEDULE_JITTER_S * 1000,
    clockOffsetMs: e.SCHEDULE_CLOCK_OFFSET_MS,
  };
}
// --- end alerts config ---

/** Where runs are kept: the embedded database (one file in `dir`) or PostgreSQL (`url`). */
export type StorageConfig = { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };

export type RateLimitConfig = {
  requests: number;
  requestsWindowS: number;
  domains: number;
  domainsWindowS: number;
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
  /** Sliding window of MAX_NAMES_PER_REGISTRABLE, per client. */
  namesWindowS: number;
  readyCacheMs: number;
  runDeadlineMs: number;
  rateLimit: RateLimitConfig;
  /** Lower-case header name, or null when no proxy header is trusted. */
  trustProxyHeader: string | null;
  /** The secret a trusted proxy adds as `X-Proxy-Secret`, or null. */
  proxySecret: string | null;
  /** The address the server listens on, and whether it is loopback (then only local processes reach it). */
  bindHost: string;
  listensOnLoopback: boolean;
  /** The origin users reach (`https://dns.contoso.com`), or null. */
  publicOrigin: string | null;
  /** Host header values answered besides loopback (lower case; `host` or `host:port`). */
  allowedHosts: string[];
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
  runEventsHeartbeatMs: number;
  /** Where runs are kept: the embedded database in a directory, or PostgreSQL. */
  storage: StorageConfig;
  /** Seconds a run's domain job is leased to an instance (PostgreSQL's job queue). */
  queueLeaseS: number;
  maxRunsKept: number;
  maxRunsPerClient: number;
  /** Hours after which the bulk page calls results old. */
  staleAfterH: number;
  /** Open event streams allowed per run and per client. */
  maxFollowersPerRun: number;
  maxFollowersPerClient: number;
  /** Ms an event stream may wait for its client to take what was written before it is closed. */
  streamIdleTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The authoritative path. */
  authority: AuthorityConfig;
  /** Propagation comparison and "check until live". */
  propagation: PropagationConfig;
  /** Alert channels, deliveries and list schedules (issue 17 part B). */
  alerts: AlertsConfig;
  /** The tenant's expected values from Microsoft Graph. */
  graph: GraphConfig;
  /** Entra ID sign-in (issue 18), or null when ENTRA_CLIENT_ID is unset. */
  entra: EntraConfig | null;
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
  const largest = Math.max(e.MAX_DOMAINS_PER_RUN, e.MAX_DOMAINS_PER_REQUEST);
  if (e.RATE_LIMIT_DOMAINS < largest) {
    throw new Error(
      `Invalid configuration:\n  RATE_LIMIT_DOMAINS: ${e.RATE_LIMIT_DOMAINS} is smaller than the largest list one client may send ` +
        `(MAX_DOMAINS_PER_RUN ${e.MAX_DOMAINS_PER_RUN}, MAX_DOMAINS_PER_REQUEST ${e.MAX_DOMAINS_PER_REQUEST}), which could then never ` +
        'be checked: raise RATE_LIMIT_DOMAINS or lower the list limits.',
    );
  }
  const publicOrigin = e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : null;
  const allowedHosts = [
    ...(publicOrigin ? [new URL(publicOrigin).host] : []),
    ...(e.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
  ];
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
    namesWindowS: e.NAMES_PER_REGISTRABLE_WINDOW_S,
    readyCacheMs: e.READY_CACHE_MS,
    runDeadlineMs: e.RUN_DEADLINE_MS,
    rateLimit: {
      requests: e.RATE_LIMIT_REQUESTS,
      requestsWindowS: e.RATE_LIMIT_REQUESTS_WINDOW_S,
      domains: e.RATE_LIMIT_DOMAINS,
      domainsWindowS: e.RATE_LIMIT_DOMAINS_WINDOW_S,
    },
    trustProxyHeader: e.TRUST_PROXY_HEADER ?? null,
    proxySecret: e.PROXY_SECRET ?? null,
    bindHost: e.BIND_HOST,
    listensOnLoopback: isLoopbackHost(e.BIND_HOST),
    publicOrigin,
    allowedHosts,
    accessToken: e.ACCESS_TOKEN ?? null,
    sessionMaxAgeS: e.SESSION_MAX_AGE_S,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    readyTimeoutMs: e.READY_TIMEOUT_MS,
    maxDomainsPerRun: e.MAX_DOMAINS_PER_RUN,
    bulkConcurrency: e.BULK_CONCURRENCY,
    checkWorkers: e.CHECK_WORKERS,
    runRetentionS: e.RUN_RETENTION_S,
    runEventsHeartbeatMs: e.RUN_EVENTS_HEARTBEAT_MS,
    storage: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', dir: e.DATA_DIR },
    queueLeaseS: e.QUEUE_LEASE_S,
    maxRunsKept: e.MAX_RUNS_KEPT,
    maxRunsPerClient: e.MAX_RUNS_PER_CLIENT,
    staleAfterH: e.STALE_AFTER_H,
    maxFollowersPerRun: e.MAX_FOLLOWERS_PER_RUN,
    maxFollowersPerClient: e.MAX_FOLLOWERS_PER_CLIENT,
    streamIdleTimeoutMs: e.STREAM_IDLE_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    authority: authorityConfig(e),
    propagation: propagationConfig(e),
    alerts: alertsConfig(e),
    graph: graphConfig(e),
    entra: entraConfig(e, publicOrigin),
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

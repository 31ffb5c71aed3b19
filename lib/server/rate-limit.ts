/**
 * Cost-based rate limits per client (rate-limiter-flexible, fixed windows): every valid check request costs one
 * point of the `requests` budget, and every domain it asks for one point of the `domains` budget, so one
 * 500-domain POST costs what 500 single checks cost. A request the budget refuses is refunded (it did no work),
 * and a request bigger than the whole budget is refused as too big before anything is charged, so no single
 * request can empty a bucket.
 *
 * The counters live in the storage layer (lib/server/storage/db.ts), in a table of their own: the embedded
 * database (its better-sqlite3 handle, the same file as the runs) when DATABASE_URL is not set, PostgreSQL (the
 * storage's pool) when it is, so the limits hold across every instance on that database. If the store fails
 * (PostgreSQL down), an in-memory insurance limiter per process takes over until it answers again; while the
 * storage cannot be opened at all, the same in-memory limiters count and the store is tried again in the
 * background.
 *
 * Client key: the address the trusted proxy put in TRUST_PROXY_HEADER (its last entry, the one the proxy
 * added; believed only from the trusted proxy, ./http/trust.ts), else the signed-in browser's session, else the
 * access token, else one shared `anonymous` bucket. Route handlers cannot see the socket address, so without a
 * trusted proxy every anonymous client shares one budget: a global cap that keeps the server from being used as
 * a DNS cannon (start-up warns about it, lib/server/startup.ts).
 */
import 'server-only';
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import { isIpAddress } from './dns/servers';
import type { RateLimitConfig, ServerConfig } from './env';
import { errorResponse } from './http/errors';
import { fromTrustedProxy } from './http/trust';
import { getStorage, type Storage } from './storage/db';

/** Where the counters are: the embedded database, PostgreSQL, or this process's memory (storage not open). */
export type LimiterStore = 'sqlite' | 'postgres' | 'memory';
export type Limiters = { requests: RateLimiterAbstract; domains: RateLimiterAbstract; store: LimiterStore };
export type RateDecision =
  | { ok: true; remaining: number }
  | { ok: false; limit: 'requests' | 'domains'; retryAfterSeconds: number };

/** The limiters' table in the storage database (rate-limiter-flexible's layout: key, points, expire in ms). */
export const RATE_LIMIT_TABLE = 'rate_limits';

function specs(config: RateLimitConfig) {
  return {
    requests: { keyPrefix: 'req', points: config.requests, duration: config.requestsWindowS },
    domains: { keyPrefix: 'dom', points: config.domains, duration: config.domainsWindowS },
  };
}

/** In-memory limiters: per process. */
export function memoryLimiters(config: RateLimitConfig): Limiters {
  const s = specs(config);
  return { requests: new RateLimiterMemory(s.requests), domains: new RateLimiterMemory(s.domains), store: 'memory' };
}

/** Limiters on the embedded database's handle (prefixes `req`/`dom` in one table), memory as insurance. */
function sqliteLimiters(config: RateLimitConfig, db: BetterSqlite3.Database): Limiters {
  db.prepare(
    `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
  ).run();
  const make = (spec: ReturnType<typeof specs>['requests']) =>
    new RateLimiterSQLite({
      ...spec,
      storeClient: db,
      storeType: 'better-sqlite3',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory(spec),
    });
  const s = specs(config);
  return { requests: make(s.requests), domains: make(s.domains), store: 'sqlite' };
}

/**
 * How long a PostgreSQL limiter call may take before the in-memory insurance answers instead. A database that
 * refuses connections fails at once; one that vanished from the network would otherwise hold every request for
 * the pool's connection timeout.
 */
export const POSTGRES_LIMITER_TIMEOUT_MS = 1000;

/**
 * Limiters on PostgreSQL (the storage's pool), memory as insurance (also when a call takes longer than
 * POSTGRES_LIMITER_TIMEOUT_MS). Instances starting at once may both create the table: PostgreSQL then reports a
 * unique violation (23505) to one of them, which means it exists.
 */
async function postgresLimiters(config: RateLimitConfig, pool: Pool): Promise<Limiters> {
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
  }
  const make = (spec: ReturnType<typeof specs>['requests']) => {
    const insuranceLimiter = new RateLimiterMemory(spec);
    const limiter = new RateLimiterPostgres({
      ...spec,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter,
    });
    return new RLWrapperTimeouts({ limiter, insuranceLimiter, timeoutMs: POSTGRES_LIMITER_TIMEOUT_MS });
  };
  const s = specs(config);
  return { requests: make(s.requests), domains: make(s.domains), store: 'postgres' };
}

/** Builds both limiters on `storage`'s database (its own table; created when missing). */
export function createLimiters(config: RateLimitConfig, storage: Pick<Storage, 'kind' | 'sqlite' | 'pool'>) {
  if (storage.kind === 'sqlite' && storage.sqlite) return Promise.resolve(sqliteLimiters(config, storage.sqlite));
  if (storage.kind === 'postgres' && storage.pool) return postgresLimiters(config, storage.pool);
  return Promise.reject(new Error(`the ${storage.kind} storage has no handle for the rate limiter`));
}

/** How long after a failed attempt the storage is tried again for the limiters (in the background). */
const RETRY_MS = 5000;

type LimiterState = {
  /** The limiters on the storage, once it opened. */
  stored?: Limiters;
  /** Counts while the storage cannot be opened. */
  fallback: Limiters;
  opening?: Promise<void>;
  triedAt: number;
  lastError?: unknown;
};
const LIMITERS_KEY = Symbol.for('m365-dns-health.rate-limiters');
type WithLimiters = typeof globalThis & { [LIMITERS_KEY]?: LimiterState };

/**
 * The process's limiters: on the storage once it is open. The first call waits for the storage (start-up makes
 * it); while the storage cannot be opened, the in-memory fallback answers at once and the storage is tried
 * again in the background every RETRY_MS, so no request waits for a database that is down.
 */
export async function getLimiters(config: Pick<ServerConfig, 'rateLimit' | 'storage'>): Promise<Limiters> {
  const g = globalThis as WithLimiters;
  let state = g[LIMITERS_KEY];
  const first = !state;
  if (!state) {
    state = { fallback: memoryLimiters(config.rateLimit), triedAt: 0 };
    g[LIMITERS_KEY] = state;
  }
  if (state.stored) return state.stored;
  const s = state;
  if (!s.opening && Date.now() - s.triedAt >= RETRY_MS) {
    s.triedAt = Date.now();
    s.opening = getStorage(config.storage)
      .then((storage) => createLimiters(config.rateLimit, storage))
      .then(
        (limiters) => {
          s.stored = limiters;
          s.lastError = undefined;
        },
        (err: unknown) => {
          s.lastError = err;
        },
      )
      .finally(() => {
        s.opening = undefined;
      });
  }
  if (first && s.opening) await s.opening;
  return s.stored ?? s.fallback;
}

/** Why the limiters are not on the storage (the last failed attempt), or undefined. */
export function limiterStoreError(): unknown {
  return (globalThis as WithLimiters)[LIMITERS_KEY]?.lastError;
}

/**
 * Takes `points` from `key`'s budget. Rejected → the seconds until the window resets (at least 1).
 * A limiter error that is not a rejection (store and insurance both failed) lets the request through.
 */
export async function consume(
  limiter: RateLimiterAbstract,
  limit: 'requests' | 'domains',
  key: string,
  points: number,
): Promise<RateDecision & { error?: unknown }> {
  try {
    const res = await limiter.consume(key, points);
    return { ok: true, remaining: res.remainingPoints };
  } catch (err) {
    if (isRejection(err)) {
      // The limiter counted the refused points too: give them back, a refused request did no work.
      await limiter.reward(key, points).catch(() => undefined);
      return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    }
    return { ok: true, remaining: 0, error: err };
  }
}

/**
 * A rejection is a RateLimiterRes. Checked by shape: the server bundle can hold more than one copy of the
 * class (seen with Next's production build), so `instanceof` is not reliable there.
 */
function isRejection(err: unknown): err is RateLimiterRes {
  return (
    err instanceof RateLimiterRes ||
    (typeof err === 'object' &&
      err !== null &&
      !(err instanceof Error) &&
      typeof (err as { msBeforeNext?: unknown }).msBeforeNext === 'number' &&
      typeof (err as { remainingPoints?: unknown }).remainingPoints === 'number')
  );
}

/** Strips a port and IPv6 brackets; returns the address when it is an IP, else null. */
function addressOf(value: string): string | null {
  let v = value.trim();
  if (v.startsWith('[')) v = v.slice(1, v.indexOf(']') === -1 ? undefined : v.indexOf(']'));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  return isIpAddress(v) ? v.toLowerCase() : null;
}

/**
 * The rate-limit key of a request: `ip:<addr>` from the trusted proxy's header (last entry), else
 * `user:<identity>` when the caller proved an identity (`session:<id>`, `token`), else `anonymous`.
 */
export function clientKey(
  request: Request,
  config: Pick<
    ServerConfig,
    'trustProxyHeader' | 'proxySecret' | 'listensOnLoopback' | 'publicOrigin' | 'allowedHosts'
  >,
  identity: string | null,
): string {
  const trustProxyHeader = config.trustProxyHeader;
  if (trustProxyHeader && fromTrustedProxy(request, config)) {
    const entries = (request.headers.get(trustProxyHeader) ?? '').split(',').filter((e) => e.trim() !== '');
    const last = entries.at(-1);
    const address = last === undefined ? null : addressOf(last);
    if (address) return `ip:${address}`;
  }
  if (identity) return `user:${identity}`;
  return 'anonymous';
}

/** The 429 answer: integer Retry-After and `{code:'rate-limited', message, retryAfterSeconds}`. */
export function rateLimitedResponse(decision: Extract<RateDecision, { ok: false }>): Response {
  const what = decision.limit === 'domains' ? 'domains checked' : 'requests';
  return errorResponse(
    'rate-limited',
    `Too many ${what} from this client. Try again in ${decision.retryAfterSeconds} seconds.`,
    { retryAfterSeconds: decision.retryAfterSeconds },
    { 'Retry-After': String(decision.retryAfterSeconds) },
  );
}

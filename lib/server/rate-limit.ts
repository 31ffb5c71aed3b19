/**
 * Cost-based rate limits per client (rate-limiter-flexible, fixed windows): every valid check request costs one
 * point of the `requests` budget, and every domain it asks for one point of the `domains` budget, so one
 * 500-domain POST costs what 500 single checks cost. A request the budget refuses is refunded (it did no work),
 * and a request bigger than the whole budget is refused as too big before anything is charged, so no single
 * request can empty a bucket. The store is in-memory (per process) or a SQLite file shared by every process that
 * names it; if the store fails, an in-memory insurance limiter takes over.
 *
 * Client key: the address the trusted proxy put in TRUST_PROXY_HEADER (its last entry, the one the proxy
 * added; believed only from the trusted proxy, ./http/trust.ts), else the signed-in browser's session, else the
 * access token, else one shared `anonymous` bucket. Route handlers cannot see the socket address, so without a
 * trusted proxy every anonymous client shares one budget: a global cap that keeps the server from being used as
 * a DNS cannon (start-up warns about it, lib/server/startup.ts).
 */

import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { isIpAddress } from './dns/servers';
import type { RateLimitConfig, ServerConfig } from './env';
import { errorResponse } from './http/errors';
import { fromTrustedProxy } from './http/trust';

export type Limiters = { requests: RateLimiterAbstract; domains: RateLimiterAbstract; store: 'memory' | 'sqlite' };
export type RateDecision =
  | { ok: true; remaining: number }
  | { ok: false; limit: 'requests' | 'domains'; retryAfterSeconds: number };

/** A better-sqlite3 Database, typed only as far as we use it. */
type SqliteDb = { prepare(sql: string): { run(...args: unknown[]): unknown }; pragma(sql: string): unknown };

const TABLE = 'm365dh_rate_limits';

/** Builds both limiters. With `db` they share its table (prefixes `req`/`dom`) and fall back to memory. */
export function createLimiters(config: RateLimitConfig, db?: SqliteDb): Limiters {
  const specs = {
    requests: { keyPrefix: 'req', points: config.requests, duration: config.requestsWindowS },
    domains: { keyPrefix: 'dom', points: config.domains, duration: config.domainsWindowS },
  };
  if (!db) {
    return {
      requests: new RateLimiterMemory(specs.requests),
      domains: new RateLimiterMemory(specs.domains),
      store: 'memory',
    };
  }
  db.prepare(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`,
  ).run();
  const sqlite = (spec: (typeof specs)['requests']) =>
    new RateLimiterSQLite({
      ...spec,
      storeClient: db,
      storeType: 'better-sqlite3',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory(spec),
    });
  return { requests: sqlite(specs.requests), domains: sqlite(specs.domains), store: 'sqlite' };
}

/** Opens (creating when needed) the shared SQLite file: WAL so several processes can use it at once. */
export async function openSqliteStore(path: string): Promise<SqliteDb> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { timeout: 2000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

const LIMITERS_KEY = Symbol.for('m365-dns-health.rate-limiters');
type WithLimiters = typeof globalThis & { [LIMITERS_KEY]?: Promise<Limiters> };

/** The process's limiters for `config`, created once (the SQLite file is opened on first use). */
export function getLimiters(config: RateLimitConfig): Promise<Limiters> {
  const g = globalThis as WithLimiters;
  g[LIMITERS_KEY] ??= (async () => {
    const db = config.sqlitePath ? await openSqliteStore(config.sqlitePath) : undefined;
    return createLimiters(config, db);
  })();
  return g[LIMITERS_KEY];
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

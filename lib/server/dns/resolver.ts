/**
 * The only DNS I/O in the app. One query = one question over UDP (TCP after TC=1), retried on the next
 * server (round-robin) after timeout/SERVFAIL/REFUSED/bad reply/network error, capped by an in-flight
 * semaphore, optionally cached. `lookup` never rejects: every way a query can end is a `Lookup` outcome.
 *
 * What a Lookup says:
 * - `answer` / `nodata` / `nxdomain` are real answers; everything else means "could not check".
 * - `nxdomain` with a non-empty `chain` (chainEnd `nxdomain`) is an alias to a missing name (RFC 6604:
 *   the RCODE is about the last name); only chainEnd `none` means the name itself does not exist.
 * - `follow: true` (CNAME only): `answers` = the CNAME at the name, `chain` = every target in order,
 *   `outcome` = that of the first query. chainEnd: `terminal` (last target is not an alias), `nxdomain`
 *   (last target missing), `loop` (repeated name, pushed once more on the chain), `too-long` (more than
 *   maxCnameHops), `failed` (a later hop could not be checked: see `chainFailure`). If the first query
 *   itself fails or is negative, that is the Lookup, with chainEnd `none`.
 * - A name that cannot be sent (non-ASCII, bad label, > 253 bytes) is `skipped` with attempts 0.
 * - Cache hits: `cached: true`, attempts 0, elapsedMs 0, no `tries`, TTLs counted down.
 *
 * Abort convention: abort `signal` with `deadlineReason()` (or any reason named `TimeoutError`, as
 * `AbortSignal.timeout()` does, or the string `'deadline'`) and the lookup ends as `deadline`; any
 * other reason gives `cancelled`. A lookup still waiting for a slot ends with attempts 0.
 */
import type { Lookup, LookupOutcome, RecordType } from '@/lib/schema';
import { NEVER_ABORTED } from './abort';
import { cacheKey, createLookupCache } from './cache';
import { createSemaphore } from './semaphore';
import { formatServer, type ServerAddress } from './servers';
import { createTransport, type WireResult } from './transport';
import { type Interpretation, interpretReply, normaliseQueryName, type Question, type WireLimits } from './wire';

export { formatServer, parseServerList, type ServerAddress, systemServers } from './servers';

export type ResolverOptions = {
  servers: ServerAddress[];
  /** Per-attempt timeout (a TCP retry after TC=1 gets its own). */
  timeoutMs: number;
  /** Attempts per query in total, rotating through `servers`. */
  tries: number;
  /** Cap of queries on the wire for this resolver. */
  maxInFlight: number;
  /** Default 8. */
  maxCnameHops?: number;
  /** Bytes kept per TXT record (default 4096); the rest is dropped. */
  maxTxtBytes?: number;
  /** Default 50. */
  maxRecordsPerRrset?: number;
  /** Positive + negative answer cache, TTL = min(record TTL or negative TTL, 300 s); failures never cached. */
  cache?: boolean;
  /** Cache bound, default 50 000 entries (oldest dropped first). */
  cacheEntries?: number;
};

export type LookupOptions = {
  signal?: AbortSignal;
  /** Bypass reading the cache (the result is still stored). */
  fresh?: boolean;
  /** Type CNAME only: follow the chain hop by hop with CNAME queries (ignored for other types). */
  follow?: boolean;
  /**
   * The per-attempt trace (`tries`): `all` (default) or `retries`, kept only when a question took more than
   * one attempt (a single attempt's trace repeats the lookup's own server and outcome). Bulk runs use `retries`.
   */
  trace?: 'all' | 'retries';
};

export interface DnsResolver {
  /** Never rejects: every failure is an outcome. */
  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<Lookup>;
  stats(): { sent: number; inFlight: number; cacheHits: number };
  /** Drops cached answers for `domain` and the names under it (resolvers with a cache). */
  forget?(domain: string): void;
  /** Ends queued and running lookups as `cancelled` and frees every socket and timer. */
  close(): Promise<void>;
}

type Try = NonNullable<Lookup['tries']>[number];

/** The abort reason that makes a lookup end as `deadline` rather than `cancelled`. */
export function deadlineReason(): DOMException {
  return new DOMException('Check deadline exceeded', 'TimeoutError');
}

/** `deadline` for a TimeoutError-named reason or the string `'deadline'`, else `cancelled`. */
export function abortOutcome(reason: unknown): 'cancelled' | 'deadline' {
  if (reason === 'deadline') return 'deadline';
  const name = typeof reason === 'object' && reason !== null ? (reason as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' ? 'deadline' : 'cancelled';
}

const RETRYABLE: ReadonlySet<LookupOutcome> = new Set([
  'timeout',
  'servfail',
  'refused',
  'bad-response',
  'network-error',
]);

const now = (): number => performance.now();
const round = (ms: number): number => Math.max(0, Math.round(ms * 10) / 10);

function emptyLookup(name: string, type: RecordType, outcome: LookupOutcome, elapsedMs = 0): Lookup {
  return { name, type, outcome, answers: [], chain: [], chainEnd: 'none', attempts: 0, elapsedMs: round(elapsedMs) };
}

/** Result of one query after all its attempts, plus what the cache needs. */
type QueryResult = { lookup: Lookup; cacheTtl: number };

/** Creates a resolver with its own sockets, cache and in-flight cap. Share one instance per process. */
export function createResolver(options: ResolverOptions): DnsResolver {
  if (options.servers.length === 0) throw new Error('createResolver: no DNS servers configured');
  const servers = [...options.servers];
  const tries = Math.max(1, Math.floor(options.tries));
  const timeoutMs = Math.max(1, options.timeoutMs);
  const limits: WireLimits = {
    maxCnameHops: options.maxCnameHops ?? 8,
    maxTxtBytes: options.maxTxtBytes ?? 4096,
    maxRecordsPerRrset: options.maxRecordsPerRrset ?? 50,
  };
  const transport = createTransport();
  const semaphore = createSemaphore(options.maxInFlight);
  const cache = options.cache ? createLookupCache(options.cacheEntries) : null;
  // Lookups use the caller's signal as it is (no controller per lookup): close() ends them through the
  // transport (exchanges on the wire end `aborted`) and the semaphore (waiters are turned away), and
  // `closed` stops everything after that.
  const shown = new Map<ServerAddress, string>(servers.map((server) => [server, formatServer(server)]));
  const label = (server: ServerAddress): string => shown.get(server) ?? formatServer(server);
  let cacheHits = 0;
  let closed = false;
  const stopped = (signal: AbortSignal): LookupOutcome => (closed ? 'cancelled' : abortOutcome(signal.reason));

  /** All attempts of one question, holding one in-flight slot. */
  async function query(q: Question, signal: AbortSignal, fresh: boolean, traceAll = true): Promise<QueryResult> {
    const key = cache ? cacheKey(q.name, q.type) : '';
    if (cache && !fresh) {
      const hit = cache.get(key);
      if (hit) {
        cacheHits++;
        return { lookup: hit, cacheTtl: 0 };
      }
    }
    const started = now();
    if (closed || signal.aborted) return { lookup: emptyLookup(q.name, q.type, stopped(signal)), cacheTtl: 0 };
    if (!semaphore.tryAcquire() && !(await semaphore.acquire(signal))) {
      return { lookup: emptyLookup(q.name, q.type, stopped(signal), now() - started), cacheTtl: 0 };
    }
    try {
      const result = await attempts(q, signal, started, traceAll);
      if (cache && result.cacheTtl > 0) cache.set(key, result.lookup, result.cacheTtl);
      return result;
    } finally {
      semaphore.release();
    }
  }

  async function attempts(q: Question, signal: AbortSignal, started: number, traceAll: boolean): Promise<QueryResult> {
    const trace: Try[] = [];
    let last: { server: string; meaning: Interpretation; tcp: boolean } | undefined;
    for (let i = 0; i < tries; i++) {
      const server = servers[i % servers.length] as ServerAddress;
      const attemptStart = now();
      const x = { server, question: q, timeoutMs, signal };
      let tcp = false;
      let wire: WireResult = await transport.udp(x);
      if (wire.kind === 'reply' && wire.packet.flag_tc) {
        tcp = true;
        wire = await transport.tcp(x);
      }
      const meaning = wireMeaning(wire, q, signal);
      const shownServer = label(server);
      trace.push({ server: shownServer, outcome: meaning.outcome, elapsedMs: round(now() - attemptStart) });
      last = { server: shownServer, meaning, tcp };
      if (!RETRYABLE.has(meaning.outcome)) break;
    }
    const m = (last as NonNullable<typeof last>).meaning;
    const lookup: Lookup = {
      name: q.name,
      type: q.type,
      outcome: m.outcome,
      ...(m.rcode ? { rcode: m.rcode } : {}),
      answers: m.answers,
      chain: m.chain,
      chainEnd: m.chainEnd,
      server: last?.server,
      attempts: trace.length,
      elapsedMs: round(now() - started),
      ...(last?.tcp && m.rcode ? { tcp: true } : {}),
      ...(traceAll || trace.length > 1 ? { tries: trace } : {}),
    };
    return { lookup, cacheTtl: m.cacheTtl };
  }

  function wireMeaning(wire: WireResult, q: Question, signal: AbortSignal): Interpretation {
    const fail = (outcome: LookupOutcome): Interpretation => ({
      outcome,
      rcode: '',
      answers: [],
      chain: [],
      chainEnd: 'none',
      cacheTtl: 0,
    });
    switch (wire.kind) {
      case 'reply':
        try {
          return interpretReply(wire.packet, q, limits);
        } catch {
          return fail('bad-response'); // decoded, but not into anything we can read
        }
      case 'timeout':
        return fail('timeout');
      case 'network-error':
        return fail('network-error');
      case 'bad-response':
        return fail('bad-response');
      case 'aborted':
        return fail(stopped(signal));
    }
  }

  /** CNAME at `name`, then CNAME at each target, until NODATA, NXDOMAIN, a loop, too many hops or a failure. */
  async function follow(name: string, signal: AbortSignal, fresh: boolean, traceAll: boolean): Promise<Lookup> {
    const started = now();
    // The whole trace is gathered (a later hop may be retried); whether it is kept is decided at the end.
    const first = (await query({ name, type: 'CNAME' }, signal, fresh)).lookup;
    const firstTarget = first.answers[0]?.data;
    if (first.outcome !== 'answer' || firstTarget === undefined) {
      if (traceAll || first.attempts > 1) return first;
      const { tries: _tries, ...untraced } = first;
      return untraced;
    }
    // Questions put on the wire: with as many attempts, nobody retried (the trace then says nothing new).
    let asked = first.attempts > 0 ? 1 : 0;
    const chain = [firstTarget];
    const seen = new Set([name, firstTarget]);
    const trace: Try[] = [...(first.tries ?? [])];
    let attemptsTotal = first.attempts;
    let server = first.server;
    let tcp = first.tcp === true;
    let allCached = first.cached === true;
    let chainEnd: Lookup['chainEnd'] = 'terminal';
    let chainFailure: Lookup['chainFailure'];
    let current = firstTarget;
    for (;;) {
      const hopName = normaliseQueryName(current);
      if (hopName === null) {
        chainEnd = 'failed';
        chainFailure = { name: current, outcome: 'skipped' };
        break;
      }
      const hop = (await query({ name: hopName, type: 'CNAME' }, signal, fresh)).lookup;
      trace.push(...(hop.tries ?? []));
      if (hop.attempts > 0) asked++;
      attemptsTotal += hop.attempts;
      server = hop.server ?? server;
      tcp ||= hop.tcp === true;
      allCached &&= hop.cached === true;
      const target = hop.answers[0]?.data;
      if (hop.outcome === 'answer' && target !== undefined) {
        if (seen.has(target)) {
          chain.push(target);
          chainEnd = 'loop';
          break;
        }
        if (chain.length >= limits.maxCnameHops) {
          chainEnd = 'too-long';
          break;
        }
        chain.push(target);
        seen.add(target);
        current = target;
        continue;
      }
      if (hop.outcome === 'nodata' || hop.outcome === 'answer') chainEnd = 'terminal';
      else if (hop.outcome === 'nxdomain') chainEnd = 'nxdomain';
      else {
        chainEnd = 'failed';
        chainFailure = { name: hopName, outcome: hop.outcome };
      }
      break;
    }
    const { cached: _cached, tries: _tries, ...base } = first;
    return {
      ...base,
      chain,
      chainEnd,
      ...(chainFailure ? { chainFailure } : {}),
      server,
      attempts: allCached ? 0 : attemptsTotal,
      elapsedMs: round(now() - started),
      ...(tcp ? { tcp: true } : {}),
      ...(allCached ? { cached: true } : {}),
      ...(trace.length > 0 && (traceAll || attemptsTotal > asked) ? { tries: trace } : {}),
    };
  }

  return {
    async lookup(name, type, lookupOptions = {}) {
      const started = now();
      const qname = normaliseQueryName(name);
      const shownName = qname ?? name;
      if (qname === null) return emptyLookup(shownName, type, 'skipped');
      const signal = lookupOptions.signal ?? NEVER_ABORTED;
      if (closed) return emptyLookup(qname, type, 'cancelled');
      if (signal.aborted) return emptyLookup(qname, type, abortOutcome(signal.reason));
      try {
        const fresh = lookupOptions.fresh === true;
        const traceAll = lookupOptions.trace !== 'retries';
        if (type === 'CNAME' && lookupOptions.follow) return await follow(qname, signal, fresh, traceAll);
        return (await query({ name: qname, type }, signal, fresh, traceAll)).lookup;
      } catch {
        // Defensive: a bug must still produce a failure outcome, never a rejection.
        return emptyLookup(qname, type, 'bad-response', now() - started);
      }
    },
    stats: () => ({ sent: transport.sent(), inFlight: semaphore.active(), cacheHits }),
    forget(domain) {
      cache?.forgetUnder(domain);
    },
    async close() {
      closed = true;
      semaphore.close();
      await transport.close();
    },
  };
}

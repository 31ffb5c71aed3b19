/**
 * The check service: gathers one domain's lookups (the only place that decides WHAT to ask),
 * hands the snapshot to the pure diagnosis, and assembles the report. Route handlers call this.
 */
import { randomBytes } from 'node:crypto';
import { diagnose } from '@/lib/findings/diagnose';
import { helpdeskMessages, helpdeskText } from '@/lib/findings/helpdesk';
import { diagnoseRecords } from '@/lib/findings/records/diagnose';
import { dnsHostOf, hostFixes } from '@/lib/fixes/host-fixes';
import { zoneSnippet } from '@/lib/fixes/zone-snippet';
import type { Snapshot } from '@/lib/lookups/snapshot';
import { catalogueFor } from '@/lib/messages';
import { subdomainNote } from '@/lib/report/domain-list';
import { renderFinding, renderNotes } from '@/lib/report/render';
import { renderRecords } from '@/lib/report/render-records';
import {
  type CloudChoice,
  type Lookup,
  type MessageRef,
  notRunLookup,
  type Report,
  type ServiceOverride,
} from '@/lib/schema';
import { abortScope } from './dns/abort';
import { abortOutcome, createResolver, type DnsResolver, deadlineReason, formatServer } from './dns/resolver';
import { createSemaphore } from './dns/semaphore';
import { getConfig, type ServerConfig } from './env';
import { gatherRecords } from './records';
import type { SlowLane } from './slow-lane';
import { forgetInCheckWorkers, workerInFlight } from './workers/pool';

export type CheckTarget = { ascii: string; display: string; registrable: string; isSubdomain: boolean };

export type CheckOptions = {
  cloud: CloudChoice;
  lang: string;
  /** Services in use; unset ones are inferred from DNS. */
  services?: ServiceOverride;
  /** Bypass our answer cache (a re-check). */
  fresh?: boolean;
  /** Aborts every lookup of the check (client went away, run cancelled). */
  signal?: AbortSignal;
  /** The resolver to use (a run's in-flight-limited one); default: the process resolver. */
  resolver?: DnsResolver;
  /** Per-attempt traces in the lookups: `all` (default) or `retries` only (bulk runs; see LookupOptions.trace). */
  trace?: 'all' | 'retries';
};

const RESOLVER_KEY = Symbol.for('m365-dns-health.resolver');
type WithResolver = typeof globalThis & { [RESOLVER_KEY]?: DnsResolver };

/** The process-wide resolver (its in-flight cap and cache are shared by every request). */
export function getResolver(config: ServerConfig = getConfig()): DnsResolver {
  const g = globalThis as WithResolver;
  g[RESOLVER_KEY] ??= createResolver({
    servers: config.servers,
    timeoutMs: config.timeoutMs,
    tries: config.tries,
    // The check workers hold their part of DNS_MAX_IN_FLIGHT (in a worker this resolver sits under its own cap).
    maxInFlight: Math.max(1, config.maxInFlight - workerInFlight(config)),
    cache: config.cache,
    maxCnameHops: config.maxCnameHops,
    maxTxtBytes: config.maxTxtBytes,
  });
  return g[RESOLVER_KEY];
}

/** Random bytes for probe labels, drawn 5 at a time from a pool refilled 256 labels at once. */
const PROBE_POOL = 5 * 256;
let probePool = Buffer.alloc(0);
let probeAt = PROBE_POOL;

/** Ten random hex digits (40 bits) for a wildcard probe name, fresh for every check. */
export function probeLabel(): string {
  if (probeAt + 5 > probePool.length) {
    probePool = randomBytes(PROBE_POOL);
    probeAt = 0;
  }
  const label = probePool.toString('hex', probeAt, probeAt + 5);
  probeAt += 5;
  return label;
}

/** Gathers every lookup the diagnosis needs. Never throws: failures are recorded in the lookups. */
export async function gatherSnapshot(
  domain: string,
  resolver: DnsResolver,
  options: { signal?: AbortSignal; fresh?: boolean; trace?: 'all' | 'retries' },
): Promise<Snapshot> {
  const base = { signal: options.signal, fresh: options.fresh, trace: options.trace };
  const msoidName = `msoid.${domain}`;
  const apex = await resolver.lookup(domain, 'SOA', base);

  // A failed or non-existent apex decides the verdict; asking more would only cost the dead zone more queries.
  if (apex.outcome !== 'answer' && apex.outcome !== 'nodata') {
    const probe = `_m365dh-probe.${domain}`;
    return {
      domain,
      apex,
      mx: notRunLookup(domain, 'MX'),
      txt: notRunLookup(domain, 'TXT'),
      autodiscover: notRunLookup(`autodiscover.${domain}`, 'CNAME'),
      msoid: { cname: notRunLookup(msoidName, 'CNAME') },
      wildcard: { name: probe, cname: notRunLookup(probe, 'CNAME'), a: notRunLookup(probe, 'A') },
    };
  }

  const probe = `_m365dh-${probeLabel()}.${domain}`;
  const follow = { ...base, follow: true };
  const [mx, txt, autodiscover, msoidCname, probeCname, probeA] = await Promise.all([
    resolver.lookup(domain, 'MX', base),
    resolver.lookup(domain, 'TXT', base),
    resolver.lookup(`autodiscover.${domain}`, 'CNAME', follow),
    resolver.lookup(msoidName, 'CNAME', follow),
    resolver.lookup(probe, 'CNAME', base),
    resolver.lookup(probe, 'A', base),
  ]);

  const msoid: Snapshot['msoid'] = { cname: msoidCname };
  // No CNAME at msoid but the name exists: look for data of its own (A/AAAA/TXT) to tell not-cname from missing.
  if (msoidCname.outcome === 'nodata') {
    const [a, aaaa, ownTxt] = await Promise.all([
      resolver.lookup(msoidName, 'A', base),
      resolver.lookup(msoidName, 'AAAA', base),
      resolver.lookup(msoidName, 'TXT', base),
    ]);
    msoid.a = a;
    msoid.aaaa = aaaa;
    msoid.txt = ownTxt;
  }
  return { domain, apex, mx, txt, autodiscover, msoid, wildcard: { name: probe, cname: probeCname, a: probeA } };
}

/** Checks one normalised domain and returns its report. Never throws for DNS reasons. */
export async function checkDomain(target: CheckTarget, options: CheckOptions): Promise<Report> {
  const config = getConfig();
  const started = performance.now();
  // A re-check refreshes this thread's cache as it goes; the check workers' caches drop the domain.
  if (options.fresh) forgetInCheckWorkers(target.ascii);
  // One abort scope for the domain: the caller's signal, the deadline and the breaker all abort it.
  const scope = abortScope(options.signal, config.domainDeadlineMs, deadlineReason);
  const { signal } = scope;
  const resolver = withDomainBudget(
    options.resolver ?? getResolver(config),
    { maxQueries: config.maxQueriesPerDomain, breakerTimeouts: config.breakerTimeouts },
    scope.controller,
  );

  let snapshot: Snapshot;
  let gathered: Awaited<ReturnType<typeof gatherRecords>>;
  try {
    const lookupOptions = { signal, fresh: options.fresh, trace: options.trace };
    snapshot = await gatherSnapshot(target.ascii, resolver, lookupOptions);
    gathered = await gatherRecords(snapshot, target.registrable, resolver, lookupOptions);
  } finally {
    scope.dispose();
  }
  const catalogue = catalogueFor(options.lang);
  const result = diagnose(snapshot, options.cloud);
  const dnsHost = dnsHostOf(gathered.ns, target.registrable, result.cloud.effective, options.lang);
  const records = diagnoseRecords({
    domain: target.ascii,
    registrable: target.registrable,
    cloud: result.cloud,
    lookups: gathered.lookups,
    spf: gathered.spf,
    msoid: result.msoid,
    services: options.services,
    cloudflare: dnsHost.id === 'cloudflare',
  });
  const helpdesk = helpdeskMessages({
    display: target.display,
    zone: target.registrable,
    summary: records.summary,
    records: records.records,
    cloud: result.cloud,
    msoidStatus: result.msoid.status,
    hostName: dnsHost.id === 'generic' ? null : dnsHost.name,
    fixCount: records.fixes.length,
  });

  const subdomain = subdomainNote(target);
  const notes: MessageRef[] = [...(subdomain ? [subdomain] : []), ...result.notes];

  return {
    domain: target.ascii,
    display: target.display,
    registrable: target.registrable,
    isSubdomain: target.isSubdomain,
    cloud: result.cloud,
    msoid: renderFinding(result.msoid, catalogue),
    records: renderRecords(records, catalogue).records,
    summary: records.summary,
    services: records.services,
    dnsHost,
    fixes: hostFixes(records.records, target.registrable, dnsHost.id, catalogue),
    zoneSnippet: zoneSnippet(records.fixes, target.registrable),
    helpdesk: { messages: helpdesk, text: helpdeskText(helpdesk, catalogue, options.lang) },
    notes,
    notesText: renderNotes(notes, catalogue),
    resolvers: config.servers.map(formatServer),
    checkedAt: new Date().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
    lang: options.lang,
  };
}

/**
 * Checks many domains with at most `concurrency` at once and yields each report as soon as it is done.
 * Stops starting new domains once `signal` aborts.
 */
export async function* checkMany(
  targets: readonly CheckTarget[],
  options: CheckOptions & { concurrency: number; keepReporting?: boolean },
): AsyncGenerator<Report> {
  const queue = [...targets];
  const running = new Map<number, Promise<{ id: number; report: Report }>>();
  let nextId = 0;
  const launch = () => {
    const target = queue.shift();
    if (!target) return;
    const id = nextId++;
    running.set(
      id,
      checkDomain(target, options).then((report) => ({ id, report })),
    );
  };
  while (running.size < options.concurrency && queue.length > 0) launch();
  while (running.size > 0) {
    const { id, report } = await Promise.race(running.values());
    running.delete(id);
    // keepReporting: after an abort the rest still get a (could-not-check) report, at no DNS cost.
    if (!options.signal?.aborted || options.keepReporting) launch();
    yield report;
  }
}

// ---------------------------------------------------------------------------------------------
// Bounds: per-domain query budget and breaker, per-run in-flight cap, run deadline

/** Why a lookup was not run or was cut short by the per-domain budget or breaker. */
const BREAKER_REASON = 'domain-breaker';

/** True when a lookup (or a later hop of its chain) ended in a timeout. */
function timedOut(lookup: Lookup): boolean {
  return lookup.outcome === 'timeout' || lookup.chainFailure?.outcome === 'timeout';
}

/**
 * One domain's view of a resolver with two bounds. Budget: each lookup reserves one query when it starts
 * and its extra attempts (retries, CNAME hops) when it ends; once `maxQueries` are used, new lookups are
 * `skipped`. Breaker: after `breakerTimeouts` lookups timed out, the domain is treated as dead: lookups still
 * on the wire are stopped and they and every later lookup end as `skipped` (could not check), so a dead zone
 * costs a few queries and its slots go to other domains. Never turns a failure into an answer.
 */
export function withDomainBudget(
  base: DnsResolver,
  limits: { maxQueries: number; breakerTimeouts: number },
  scope?: AbortController,
): DnsResolver & { tripped(): boolean; used(): number } {
  let used = 0;
  let timeouts = 0;
  let tripped = false;
  // With `scope` (the domain's own controller, whose signal every lookup of the domain carries), the breaker
  // aborts that scope: nothing is combined per lookup. Without it, the breaker has its own controller,
  // combined once with each caller signal.
  const breaker = scope ?? new AbortController();
  const skip = (lookup: Lookup): Lookup => ({
    ...lookup,
    outcome: 'skipped',
    ...(lookup.chainFailure?.outcome === 'cancelled'
      ? { chainFailure: { ...lookup.chainFailure, outcome: 'skipped' as const } }
      : {}),
  });
  // A domain's lookups share one caller signal, so combine it with the breaker once, not per lookup
  // (AbortSignal.any per lookup showed up in the bench's CPU profile).
  let lastInput: AbortSignal | undefined;
  let lastCombined: AbortSignal = breaker.signal;
  const combined = (input: AbortSignal | undefined): AbortSignal => {
    if (scope) return input ?? scope.signal;
    if (!input) return breaker.signal;
    if (input !== lastInput) {
      lastInput = input;
      lastCombined = AbortSignal.any([input, breaker.signal]);
    }
    return lastCombined;
  };
  /** True when the lookup's signal was aborted by the breaker (not by the caller or the deadline). */
  const cutByBreaker = (input: AbortSignal | undefined): boolean =>
    tripped && (scope ? scope.signal.reason === BREAKER_REASON : !input?.aborted);
  return {
    async lookup(name, type, options = {}) {
      if (tripped || used >= limits.maxQueries) return notRunLookup(name, type, 'skipped');
      used++;
      const signal = combined(options.signal);
      const lookup = await base.lookup(name, type, signal === options.signal ? options : { ...options, signal });
      used += Math.max(0, lookup.attempts - 1);
      if (
        cutByBreaker(options.signal) &&
        (lookup.outcome === 'cancelled' || lookup.chainFailure?.outcome === 'cancelled')
      ) {
        return skip(lookup);
      }
      if (timedOut(lookup) && ++timeouts >= limits.breakerTimeouts && !tripped) {
        tripped = true;
        breaker.abort(BREAKER_REASON);
      }
      return lookup;
    },
    stats: () => base.stats(),
    close: () => base.close(),
    tripped: () => tripped,
    used: () => used,
  };
}

/**
 * A run's view of the process resolver: at most `maxInFlight` of its lookups at once (a follow lookup has
 * one query on the wire at a time, so this caps the run's queries). A lookup still waiting when `signal`
 * aborts ends as `deadline` or `cancelled`, as the resolver's own would. With a slow lane, a lookup that has
 * held its slot for a while (waiting out a timeout) gives it back and goes on in the lane.
 */
export function withRunLimit(base: DnsResolver, maxInFlight: number, lane?: SlowLane): DnsResolver {
  const slots = createSemaphore(maxInFlight);
  return {
    async lookup(name, type, options = {}) {
      if (options.signal?.aborted || (!slots.tryAcquire() && !(await slots.acquire(options.signal)))) {
        return notRunLookup(name, type, abortOutcome(options.signal?.reason));
      }
      const done = lane?.watch(() => slots.release());
      try {
        return await base.lookup(name, type, options);
      } finally {
        if (!done?.()) slots.release();
      }
    },
    stats: () => base.stats(),
    close: () => base.close(),
  };
}

/**
 * Checks every target once, at most `concurrency` at a time, and yields each report as soon as it is done.
 * Bounded by `runDeadlineMs`: once it passes (or `signal` aborts: client gone, shutdown), no domain starts
 * its lookups any more and every remaining one is still reported, as could-not-check (`deadline` or
 * `cancelled`), so the caller always gets exactly one report per target.
 */
export async function* checkRun(
  targets: readonly CheckTarget[],
  options: CheckOptions & { concurrency: number; runDeadlineMs: number; runMaxInFlight: number },
): AsyncGenerator<Report> {
  const runDeadline = new AbortController();
  const timer = setTimeout(() => runDeadline.abort(deadlineReason()), options.runDeadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, runDeadline.signal]) : runDeadline.signal;
  const resolver = withRunLimit(options.resolver ?? getResolver(), options.runMaxInFlight);
  try {
    yield* checkMany(targets, { ...options, signal, resolver, keepReporting: true });
  } finally {
    clearTimeout(timer);
  }
}

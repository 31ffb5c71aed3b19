/**
 * The check of one domain: gather (ask what lib/lookups plans, round by round, through the DNS module) →
 * diagnose (lib/findings) → render (lib/report). The only place that runs a check's lookups. Never throws for
 * DNS reasons: a failed lookup is recorded in the report as could-not-check.
 */
import { randomBytes } from 'node:crypto';
import { diagnose } from '@/lib/findings/diagnose';
import type { NormalizedDomain } from '@/lib/input/normalize';
import { MAX_ROUNDS, planNext } from '@/lib/lookups/plan';
import type { Gathered } from '@/lib/lookups/snapshot';
import type { CheckResult, CloudChoice, Lookup, ServiceOverride } from '@/lib/schema';
import { abortScope } from './dns/abort';
import { withDomainBudget } from './dns/budget';
import { getResolver } from './dns/process';
import { type DnsResolver, deadlineReason, formatServer, type LookupOptions } from './dns/resolver';
import { getConfig } from './env';

/** The domain to check: normalised input (lib/input/normalize.ts). */
export type CheckTarget = NormalizedDomain;

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

/** Asks what the plan says, round by round, until it asks nothing more. Never throws. */
export async function gather(target: CheckTarget, resolver: DnsResolver, options: LookupOptions): Promise<Gathered> {
  const lookups = new Map<string, Lookup>();
  const gathered: Gathered = { domain: target.ascii, registrable: target.registrable, probe: probeLabel(), lookups };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = planNext(gathered);
    if (next.length === 0) break;
    const results = await Promise.all(
      next.map((p) => resolver.lookup(p.name, p.type, { ...options, follow: p.follow === true })),
    );
    next.forEach((p, i) => {
      lookups.set(p.key, results[i] as Lookup);
    });
  }
  return gathered;
}

/** Checks one normalised domain: the stored form of the result (message references, no text). */
export async function checkResult(target: CheckTarget, options: Omit<CheckOptions, 'lang'>): Promise<CheckResult> {
  const config = getConfig();
  const started = performance.now();
  // One abort scope for the domain: the caller's signal, the deadline and the breaker all abort it.
  const scope = abortScope(options.signal, config.domainDeadlineMs, deadlineReason);
  const resolver = withDomainBudget(
    options.resolver ?? getResolver(config),
    { maxQueries: config.maxQueriesPerDomain, breakerTimeouts: config.breakerTimeouts },
    scope.controller,
  );
  let gathered: Gathered;
  try {
    gathered = await gather(target, resolver, { signal: scope.signal, fresh: options.fresh, trace: options.trace });
  } finally {
    scope.dispose();
  }
  return {
    domain: target.ascii,
    display: target.display,
    registrable: target.registrable,
    isSubdomain: target.isSubdomain,
    ...diagnose(gathered, target, { cloud: options.cloud, services: options.services }),
    resolvers: config.servers.map(formatServer),
    checkedAt: new Date().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
  };
}

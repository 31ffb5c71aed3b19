/**
 * The check of one domain: gather (ask what lib/lookups plans, round by round, through the DNS module) →
 * diagnose (lib/findings) → render (lib/report). The only place that runs a check's lookups. Never throws for
 * DNS reasons: a failed lookup is recorded in the report as could-not-check.
 */
import { diagnose } from '@/lib/findings/diagnose';
import { judgeCopies } from '@/lib/findings/inconsistent';
import { propagationHelpdesk } from '@/lib/findings/propagation';
import { withInternalCopyFixes } from '@/lib/fixes/internal-copy';
import type { NormalizedDomain } from '@/lib/input/normalize';
import { MAX_ROUNDS, planNext } from '@/lib/lookups/plan';
import type { Gathered } from '@/lib/lookups/snapshot';
import {
  type Authority,
  type CheckResult,
  type CloudChoice,
  type Lookup,
  lookupId,
  type ServiceOverride,
  type TenantValues,
} from '@/lib/schema';
import { type GatheredCopy, gatherPublished } from './check-authority';
import { abortScope } from './dns/abort';
import type { ZoneServers } from './dns/authority';
import { withDomainBudget } from './dns/budget';
import { getResolver } from './dns/process';
import { askPropagation, isPublicAddress } from './dns/propagation-ask';
import { type DnsResolver, deadlineReason, formatServer, type LookupOptions } from './dns/resolver';
import { getConfig, type ServerConfig } from './env';
import { getProbeLabels, probeLabel } from './probe-label';

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
  /** Compare each record with what each resolver hands out (interactive checks; issue 14). */
  propagation?: boolean;
  /** The tenant's expected values from Microsoft Graph, fetched before the check (single checks; issue 18 item 4). */
  tenant?: TenantValues;
};

/**
 * Asks what the plan says, round by round, until it asks nothing more, with `probe` as the wildcard probe's label
 * (default: a new one). Never throws.
 */
export async function gather(
  target: CheckTarget,
  resolver: DnsResolver,
  options: LookupOptions,
  probe: string = probeLabel(),
): Promise<Gathered> {
  const lookups = new Map<string, Lookup>();
  const gathered: Gathered = { domain: target.ascii, registrable: target.registrable, probe, lookups };
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
  // The domain's wildcard probe keeps its label while its answer may be cached (./probe-label.ts), so a later
  // check is answered from the cache too; a re-check asks a new one.
  const probe = config.cache ? getProbeLabels().labelFor(target.ascii, { fresh: options.fresh }) : probeLabel();
  let copies: GatheredCopy[];
  let authority: Authority;
  let zone: ZoneServers | null;
  try {
    const lookupOptions = { signal: scope.signal, fresh: options.fresh, trace: options.trace };
    // Judged on what the zone publishes (each server's copy) when its servers answer; else on the resolver.
    ({ authority, copies, zone } = await gatherPublished(
      target,
      resolver,
      (r) => gather(target, r, lookupOptions, probe),
      config,
      { signal: scope.signal },
    ));
  } finally {
    scope.dispose();
  }
  const diagnoseOptions = { cloud: options.cloud, services: options.services, tenant: options.tenant };
  const diagnosis = judgeCopies(
    copies.map((c) => ({ servers: c.servers, diagnosis: diagnose(c.gathered, target, diagnoseOptions) })),
  );
  if (options.propagation && config.propagation.enabled) {
    diagnosis.records = await withPropagation(diagnosis.records, target, zone, options, config);
    // A published change resolvers don't hand out yet, or an inside copy that differs, opens the helpdesk paragraph.
    const said = propagationHelpdesk(diagnosis.records);
    if (said) diagnosis.helpdesk = [said, ...diagnosis.helpdesk];
  }
  return {
    domain: target.ascii,
    display: target.display,
    ...(target.entered !== undefined ? { entered: target.entered } : {}),
    registrable: target.registrable,
    isSubdomain: target.isSubdomain,
    ...diagnosis,
    resolvers: config.servers.map(formatServer),
    authority,
    ...(options.tenant ? { tenant: options.tenant } : {}),
    checkedAt: new Date().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Each judged record with its propagation (issue 14 item 3): its question asked of the zone's own servers and of
 * each resolver (every DNS_SERVERS entry and PROPAGATION_RESOLVERS) separately. The zone's servers are the ones
 * the authoritative discovery found (`zone`, AUTHORITATIVE on) when it found any we may ask; else propagation looks
 * them up through the resolver (`findZoneServers`). Its own deadline (the domain's); never throws: a failure leaves
 * the records as they were.
 */
async function withPropagation<R extends CheckResult['records'][number]>(
  records: R[],
  target: CheckTarget,
  zone: ZoneServers | null,
  options: Omit<CheckOptions, 'lang'>,
  config: ServerConfig,
): Promise<R[]> {
  const asked = records.filter((r) => r.status !== 'not-applicable');
  if (asked.length === 0) return records;
  const deadline = AbortSignal.timeout(config.domainDeadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  // A domain's NS records may name any address; only a lab (test domains allowed) asks private ones.
  const discovered = (zone?.targets ?? [])
    .map((t) => t.address)
    .filter((a) => config.allowTestDomains || isPublicAddress(a.host));
  try {
    const found = await askPropagation(
      discovered.length > 0 && zone ? zone.zone : target.registrable,
      asked.map((r) => ({ name: r.name, type: r.type })),
      {
        resolver: options.resolver ?? getResolver(config),
        resolvers: [...config.servers, ...config.propagation.resolvers],
        authPort: config.authority.port,
        timeoutMs: config.propagation.timeoutMs,
        limits: { maxCnameHops: config.maxCnameHops, maxTxtBytes: config.maxTxtBytes, maxRecordsPerRrset: 50 },
        signal,
        fresh: options.fresh,
        allowPrivate: config.allowTestDomains,
        ...(discovered.length > 0 ? { zoneServers: discovered } : {}),
      },
    );
    return records.map((r) => {
      const propagation = r.status === 'not-applicable' ? undefined : found.get(lookupId(r));
      // A resolver's internal copy that differs: the fix list names both places to change (split-brain).
      return propagation ? withInternalCopyFixes({ ...r, propagation }) : r;
    });
  } catch {
    return records;
  }
}

/**
 * The check service: gathers one domain's lookups (the only place that decides WHAT to ask),
 * hands the snapshot to the pure diagnosis, and assembles the report. Route handlers call this.
 */
import { randomBytes } from 'node:crypto';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { renderFinding, renderNotes } from '@/lib/diagnosis/render';
import type { Snapshot } from '@/lib/diagnosis/snapshot';
import { subdomainNote } from '@/lib/input/domain-list';
import { catalogueFor } from '@/lib/messages';
import type { CloudChoice, Lookup, MessageRef, RecordType, Report } from '@/lib/schema';
import { createResolver, type DnsResolver, formatServer } from './dns/resolver';
import { getConfig, type ServerConfig } from './env';

export type CheckTarget = { ascii: string; display: string; registrable: string; isSubdomain: boolean };

export type CheckOptions = {
  cloud: CloudChoice;
  lang: string;
  /** Bypass our answer cache (a re-check). */
  fresh?: boolean;
  /** Aborts every lookup of the check (client went away, run cancelled). */
  signal?: AbortSignal;
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
    maxInFlight: config.maxInFlight,
    cache: config.cache,
  });
  return g[RESOLVER_KEY];
}

function skipped(name: string, type: RecordType): Lookup {
  return { name, type, outcome: 'skipped', answers: [], chain: [], chainEnd: 'none', attempts: 0, elapsedMs: 0 };
}

/** Gathers every lookup the diagnosis needs. Never throws: failures are recorded in the lookups. */
export async function gatherSnapshot(
  domain: string,
  resolver: DnsResolver,
  options: { signal?: AbortSignal; fresh?: boolean },
): Promise<Snapshot> {
  const base = { signal: options.signal, fresh: options.fresh };
  const msoidName = `msoid.${domain}`;
  const apex = await resolver.lookup(domain, 'SOA', base);

  // A failed or non-existent apex decides the verdict; asking more would only cost the dead zone more queries.
  if (apex.outcome !== 'answer' && apex.outcome !== 'nodata') {
    const probe = `_m365dh-probe.${domain}`;
    return {
      domain,
      apex,
      mx: skipped(domain, 'MX'),
      txt: skipped(domain, 'TXT'),
      autodiscover: skipped(`autodiscover.${domain}`, 'CNAME'),
      msoid: { cname: skipped(msoidName, 'CNAME') },
      wildcard: { name: probe, cname: skipped(probe, 'CNAME'), a: skipped(probe, 'A') },
    };
  }

  const probe = `_m365dh-${randomBytes(5).toString('hex')}.${domain}`;
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
  const resolver = getResolver(config);
  const started = performance.now();
  const deadline = AbortSignal.timeout(config.domainDeadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;

  const snapshot = await gatherSnapshot(target.ascii, resolver, { signal, fresh: options.fresh });
  const result = diagnose(snapshot, options.cloud);
  const catalogue = catalogueFor(options.lang);

  const subdomain = subdomainNote(target);
  const notes: MessageRef[] = [...(subdomain ? [subdomain] : []), ...result.notes];

  return {
    domain: target.ascii,
    display: target.display,
    registrable: target.registrable,
    isSubdomain: target.isSubdomain,
    cloud: result.cloud,
    msoid: renderFinding(result.msoid, catalogue),
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
  options: CheckOptions & { concurrency: number },
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
    if (!options.signal?.aborted) launch();
    yield report;
  }
}

/**
 * The query list behind a bulk check, derived from the reports our API returned: every lookup in a report's
 * lookup map (each question of the check once, by id, the DNS host's NS lookup included), one entry per
 * question put on the wire, including each hop of a followed CNAME chain, without retries. The wildcard probe
 * names (`_m365dh-<random>.<domain>`) are kept as templates and get a fresh random label on every pass, as the
 * app does, so no client gets them from the resolver's cache.
 */
import { randomBytes } from 'node:crypto';
import { fromReportLookup, type Lookup, type RecordType, type Report } from '../lib/schema';

export type Query = { name: string; type: RecordType; probeOf?: string };

/** What a report contributes: its domain and lookups (the rest is dropped to keep 10,000 reports small). */
export type ReportLookups = Pick<Report, 'domain'> & { lookups: Lookup[] };

/** Every lookup of a report, in full form. */
export function reportLookups(report: Pick<Report, 'domain' | 'lookups'>): ReportLookups {
  return {
    domain: report.domain,
    lookups: Object.entries(report.lookups).map(([id, lookup]) => fromReportLookup(id, lookup)),
  };
}

const PROBE = /^_m365dh-[0-9a-f]+\.(.+)$/;

/** The CNAME hops a followed lookup (a CNAME lookup with a chain) queried after its first question. */
function hopsOf(lookup: Lookup): string[] {
  if (lookup.type !== 'CNAME') return []; // other types get the whole chain in one reply
  let hops = lookup.chain;
  if (lookup.chainEnd === 'loop') hops = hops.slice(0, -1); // the repeated name is not asked again
  if (lookup.chainFailure?.outcome === 'skipped') hops = hops.slice(0, -1); // an unsendable name is not asked
  return hops;
}

/** The queries behind `reports`, plus how many datagrams/TCP queries that is with retries and TCP fallbacks. */
export function queriesFromReports(reports: readonly ReportLookups[]): { queries: Query[]; expectedSends: number } {
  const queries: Query[] = [];
  let expectedSends = 0;
  for (const report of reports) {
    for (const lookup of report.lookups) {
      if (lookup.outcome === 'skipped' || (lookup.attempts === 0 && lookup.cached !== true)) continue;
      expectedSends += lookup.attempts + (lookup.tcp ? 1 : 0);
      const probe = PROBE.exec(lookup.name);
      queries.push(
        probe ? { name: lookup.name, type: lookup.type, probeOf: probe[1] } : { name: lookup.name, type: lookup.type },
      );
      for (const hop of hopsOf(lookup)) queries.push({ name: hop, type: 'CNAME' });
    }
  }
  return { queries, expectedSends };
}

/** The list for one pass: every probe name gets a new random label (one per domain, shared by its CNAME and A). */
export function freshPass(queries: readonly Query[]): Array<{ name: string; type: RecordType }> {
  const labels = new Map<string, string>();
  return queries.map((q) => {
    if (q.probeOf === undefined) return { name: q.name, type: q.type };
    let label = labels.get(q.probeOf);
    if (!label) {
      label = `_m365dh-${randomBytes(5).toString('hex')}`;
      labels.set(q.probeOf, label);
    }
    return { name: `${label}.${q.probeOf}`, type: q.type };
  });
}

/** `name type` lines (the format of both `dnsperf -d` and `dig -f`). */
export function queryFile(queries: ReadonlyArray<{ name: string; type: string }>): string {
  return `${queries.map((q) => `${q.name} ${q.type}`).join('\n')}\n`;
}

/** How many queries of each type the list holds. */
export function typeCounts(queries: readonly Query[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of queries) counts[q.type] = (counts[q.type] ?? 0) + 1;
  return counts;
}

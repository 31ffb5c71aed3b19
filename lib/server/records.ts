/**
 * Gathers the lookups of the full record diagnosis (lib/records/plan.ts says which) for one domain,
 * reusing the msoid snapshot's MX, TXT and autodiscover lookups. Never throws.
 */

import {
  KEYS,
  type PlannedLookup,
  recordFollowUps,
  recordLookups,
  SPF_MAX_DEPTH,
  spfFollowUps,
} from '@/lib/lookups/plan';
import type { Snapshot } from '@/lib/lookups/snapshot';
import { type Lookup, notRunLookup } from '@/lib/schema';
import type { DnsResolver, LookupOptions } from './dns/resolver';

export type GatheredRecords = {
  lookups: Map<string, Lookup>;
  spf: Map<string, Lookup>;
  /** NS of the registrable domain (the zone whose host we name). */
  ns: Lookup;
};

async function run(
  resolver: DnsResolver,
  planned: readonly PlannedLookup[],
  into: Map<string, Lookup>,
  options: LookupOptions,
): Promise<void> {
  const results = await Promise.all(
    planned.map((p) => resolver.lookup(p.name, p.type, { ...options, follow: p.follow === true })),
  );
  planned.forEach((p, i) => {
    const result = results[i];
    if (result) into.set(p.key, result);
  });
}

/** Runs the record plan, its follow-ups and the SPF include rounds. A dead apex means nothing is asked. */
export async function gatherRecords(
  snapshot: Snapshot,
  registrable: string,
  resolver: DnsResolver,
  options: Pick<LookupOptions, 'signal' | 'fresh' | 'trace'>,
): Promise<GatheredRecords> {
  const domain = snapshot.domain;
  const lookups = new Map<string, Lookup>();
  const spf = new Map<string, Lookup>();
  const apexUsable = snapshot.apex.outcome === 'answer' || snapshot.apex.outcome === 'nodata';
  if (!apexUsable) return { lookups, spf, ns: notRunLookup(registrable, 'NS') };

  lookups.set(KEYS.mx, snapshot.mx);
  lookups.set(KEYS.txt, snapshot.txt);
  lookups.set(KEYS.autodiscover, snapshot.autodiscover);
  if (snapshot.msoid.txt) lookups.set(KEYS.msoidTxt, snapshot.msoid.txt);
  const pending = recordLookups(domain, registrable).filter((p) => !lookups.has(p.key));

  const [ns] = await Promise.all([
    resolver.lookup(registrable, 'NS', options),
    run(resolver, pending, lookups, options),
  ]);
  await run(resolver, recordFollowUps(domain, lookups), lookups, options);

  // SPF includes are read in rounds (each round's records name the next round's includes).
  for (let round = 0; round <= SPF_MAX_DEPTH; round++) {
    const next = spfFollowUps(snapshot.txt, spf).filter((p) => !spf.has(p.key));
    if (next.length === 0) break;
    await run(resolver, next, spf, options);
  }
  return { lookups, spf, ns };
}

/**
 * Step one of the msoid diagnosis: what DNS holds at msoid.<domain>, independent of the cloud.
 * Turns the raw lookups into one observation (failed / absent / CNAME / own data), telling
 * wildcard-synthesised answers apart from real records. Pure.
 */

import { normalizeName, sameName } from '@/lib/lookups/dns-names';
import type { Snapshot, WildcardProbe } from '@/lib/lookups/snapshot';
import { type ChainEnd, isAnswered, type Lookup, type LookupOutcome, type RecordType } from '@/lib/schema';

/** 21Vianet msoid target (docs/m365-dns-facts.md §msoid-21vianet). */
export const MSOID_TARGET_21V = 'clientconfig.partner.microsoftonline-p.net.cn';
/** The historic worldwide msoid target (docs/m365-dns-facts.md §msoid-legacy-worldwide): obsolete, should go. */
export const MSOID_LEGACY_WORLDWIDE = 'clientconfig.microsoftonline-p.net';

export type LookupFailure = { name: string; type: RecordType; outcome: LookupOutcome };
export type OwnRecord = { type: 'A' | 'AAAA' | 'TXT'; data: string; ttl: number };

/** Which step could not be completed. */
export type FailureStage = 'cname' | 'chain' | 'own-data';

type WildcardFacts = {
  /** `*.<domain>`: the owner a wildcard answer would come from. */
  wildcardName: string;
  /** True when the wildcard probe needed for this observation did not answer: data is treated as own. */
  probeFailed: boolean;
};

export type MsoidObservation =
  | { kind: 'failed'; stage: Exclude<FailureStage, 'chain'>; failure: LookupFailure }
  | (WildcardFacts & {
      kind: 'absent';
      /** Data a wildcard synthesised at msoid (a wildcard A): shown, but not an msoid record. */
      wildcardRecords: OwnRecord[];
    })
  | (WildcardFacts & {
      kind: 'cname';
      /** Normalised CNAME targets, in order; never empty. */
      chain: string[];
      ttl: number;
      chainEnd: ChainEnd;
      /** Hop index where the 21Vianet target appears, or -1. */
      targetHop: number;
      /** Hop index where the legacy worldwide target appears, or -1. */
      legacyHop: number;
      /** Set when the chain could not be followed to its end. */
      failure?: LookupFailure;
      /** True when a random sibling name gets the same CNAME: the record is wildcard-synthesised. */
      wildcard: boolean;
    })
  | (WildcardFacts & {
      kind: 'own-data';
      records: OwnRecord[];
      /** True when some of the A/AAAA/TXT lookups failed: there may be more data than listed. */
      partial: boolean;
    });

/** Presentation form of a record msoid holds itself: `A 192.0.2.1`, `TXT "…"`. */
export function presentRecord(r: OwnRecord): string {
  return r.type === 'TXT' ? `TXT "${r.data}"` : `${r.type} ${r.data}`;
}

/** CNAME targets of a lookup: the followed chain, or the CNAME answers when no chain was recorded. */
export function cnameTargets(lookup: Lookup): string[] {
  const raw =
    lookup.chain.length > 0
      ? lookup.chain
      : lookup.answers.filter((a) => a.type.toUpperCase() === 'CNAME').map((a) => a.data);
  return raw.map(normalizeName).filter((n) => n !== '');
}

/**
 * How a lookup failed. For a chain that broke part-way the resolver reports the failing hop in
 * `chainFailure`; without it, the last failed try is used, and failing that `servfail` (the resolver
 * reported a failure without saying which).
 */
export function failureOf(lookup: Lookup, name = lookup.name): LookupFailure {
  if (!isAnswered(lookup.outcome)) return { name: normalizeName(name), type: lookup.type, outcome: lookup.outcome };
  if (lookup.chainFailure) {
    return { name: normalizeName(lookup.chainFailure.name), type: lookup.type, outcome: lookup.chainFailure.outcome };
  }
  const tried = [...(lookup.tries ?? [])].reverse().find((t) => !isAnswered(t.outcome));
  return { name: normalizeName(name), type: lookup.type, outcome: tried?.outcome ?? 'servfail' };
}

function ownRecords(lookup: Lookup | undefined, type: OwnRecord['type']): OwnRecord[] {
  if (lookup?.outcome !== 'answer' || lookup.chain.length > 0) return [];
  return lookup.answers
    .filter((a) => a.type.toUpperCase() === type)
    .map((a) => ({ type, data: type === 'TXT' ? a.data : a.data.toLowerCase(), ttl: a.ttl }));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function observeCname(lookup: Lookup, chain: string[], probe: WildcardProbe | undefined, wildcardName: string) {
  const [first] = chain;
  let wildcard = false;
  let probeFailed = false;
  if (probe) {
    if (isAnswered(probe.cname.outcome)) wildcard = first !== undefined && cnameTargets(probe.cname)[0] === first;
    else probeFailed = true;
  }
  const broken = lookup.chainEnd === 'failed' || !isAnswered(lookup.outcome);
  const ownName = normalizeName(lookup.name);
  const ttl = lookup.answers.find((a) => a.type.toUpperCase() === 'CNAME' && sameName(a.name, ownName))?.ttl ?? 3600;
  return {
    kind: 'cname' as const,
    chain,
    ttl,
    chainEnd: lookup.chainEnd,
    targetHop: chain.findIndex((n) => sameName(n, MSOID_TARGET_21V)),
    legacyHop: chain.findIndex((n) => sameName(n, MSOID_LEGACY_WORLDWIDE)),
    // The hop that failed is the last target we got: its own lookup did not complete.
    failure: broken ? failureOf(lookup, chain[chain.length - 1] ?? lookup.name) : undefined,
    wildcard,
    probeFailed,
    wildcardName,
  };
}

/**
 * Reads msoid's lookups. Order of questions: does msoid have a CNAME (chain)? If the CNAME lookup
 * failed we cannot say anything. NXDOMAIN is absent. NODATA needs the name's own A/AAAA/TXT lookups:
 * data → own data (unless a wildcard A synthesised it), none → absent, a failure and no data → failed.
 */
export function observeMsoid(snapshot: Snapshot): MsoidObservation {
  const { cname, a, aaaa, txt } = snapshot.msoid;
  const probe = snapshot.wildcard;
  const wildcardName = `*.${normalizeName(snapshot.domain)}`;
  const chain = cnameTargets(cname);
  if (chain.length > 0) return observeCname(cname, chain, probe, wildcardName);
  if (!isAnswered(cname.outcome)) return { kind: 'failed', stage: 'cname', failure: failureOf(cname) };
  if (cname.outcome === 'nxdomain') return { kind: 'absent', wildcardRecords: [], probeFailed: false, wildcardName };

  // NODATA (or an empty answer): msoid exists without a CNAME, or is an empty non-terminal.
  const own = [a, aaaa, txt];
  // Answers that disagree (CNAME query said no CNAME, an A query followed one): trust the chain.
  const aliased = own.find((l): l is Lookup => l !== undefined && cnameTargets(l).length > 0);
  if (aliased) return observeCname(aliased, cnameTargets(aliased), probe, wildcardName);

  const slots: [Lookup | undefined, OwnRecord['type']][] = [
    [a, 'A'],
    [aaaa, 'AAAA'],
    [txt, 'TXT'],
  ];
  const records = slots.flatMap(([l, type]) => ownRecords(l, type));
  const failedSlot = slots.find(([l]) => l === undefined || !isAnswered(l.outcome));
  if (records.length === 0) {
    if (!failedSlot) return { kind: 'absent', wildcardRecords: [], probeFailed: false, wildcardName };
    const [l, type] = failedSlot;
    const name = normalizeName(cname.name);
    return { kind: 'failed', stage: 'own-data', failure: l ? failureOf(l) : { name, type, outcome: 'skipped' } };
  }

  // A wildcard A: a random sibling gets the very same addresses and msoid has no CNAME. Then msoid
  // does not exist as a node (a real node would hide the wildcard), so all its data is synthesised.
  const addresses = records.filter((r) => r.type === 'A').map((r) => r.data);
  let probeFailed = false;
  if (probe && addresses.length > 0) {
    if (!isAnswered(probe.a.outcome)) probeFailed = true;
    else if (
      probe.a.chain.length === 0 &&
      sameSet(
        addresses,
        ownRecords(probe.a, 'A').map((r) => r.data),
      )
    ) {
      return { kind: 'absent', wildcardRecords: records, probeFailed: false, wildcardName };
    }
  }
  return { kind: 'own-data', records, partial: failedSlot !== undefined, probeFailed, wildcardName };
}

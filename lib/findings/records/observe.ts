/**
 * Step one of each record's diagnosis: what DNS holds at a name, independent of the cloud. Reads
 * lookups into observations (failed / absent / CNAME / own data) and parses MX and SRV data. Pure.
 */

import {
  cnameTargets,
  failureOf,
  type LookupFailure,
  type OwnRecord,
  presentRecord,
} from '@/lib/findings/msoid/observe';
import { normalizeName, sameName } from '@/lib/lookups/dns-names';
import { type ChainEnd, isAnswered, type Lookup } from '@/lib/schema';

export { failureOf, type LookupFailure, type OwnRecord, presentRecord };

export type CnameObservation =
  | { kind: 'failed'; failure: LookupFailure }
  /** No CNAME. `exists`: the name exists (NODATA) though we saw no data of its own there. */
  | { kind: 'absent'; exists: boolean }
  | {
      kind: 'cname';
      /** Normalised targets in order; never empty. */
      chain: string[];
      chainEnd: ChainEnd;
      ttl: number;
      /** Set when the chain could not be followed to its end. */
      failure?: LookupFailure;
      /** Data at the name itself beside the CNAME (A/AAAA/TXT): a conflict. */
      beside: OwnRecord[];
    }
  /** No CNAME, but the name has data of its own. `partial`: some of the extra lookups failed. */
  | { kind: 'own'; records: OwnRecord[]; partial: boolean };

/** Records of `lookup` owned by the queried name itself (not reached through a CNAME). */
export function ownRecords(lookup: Lookup | undefined): OwnRecord[] {
  if (lookup?.outcome !== 'answer' || lookup.chain.length > 0) return [];
  const type = lookup.type;
  if (type !== 'A' && type !== 'AAAA' && type !== 'TXT') return [];
  return lookup.answers
    .filter((a) => a.type.toUpperCase() === type && sameName(a.name, lookup.name))
    .map((a) => ({ type, data: type === 'TXT' ? a.data : a.data.toLowerCase(), ttl: a.ttl }));
}

/**
 * Reads the CNAME lookup at a name (chain followed) with any A/TXT lookups at the same name.
 * A failed CNAME lookup is `failed`, never absent. NXDOMAIN is absent. NODATA is `own` when the
 * extra lookups show data at the name, else absent (`exists`). A CNAME with data beside it keeps
 * that data in `beside`.
 */
export function observeCname(cname: Lookup, extras: readonly (Lookup | undefined)[] = []): CnameObservation {
  const chain = cnameTargets(cname);
  const own = extras.flatMap(ownRecords);
  if (chain.length > 0) {
    const broken = cname.chainEnd === 'failed' || !isAnswered(cname.outcome);
    const ttl = cname.answers.find((a) => a.type.toUpperCase() === 'CNAME')?.ttl ?? 3600;
    return {
      kind: 'cname',
      chain,
      chainEnd: cname.chainEnd,
      ttl,
      ...(broken ? { failure: failureOf(cname, chain[chain.length - 1] ?? cname.name) } : {}),
      beside: own,
    };
  }
  if (!isAnswered(cname.outcome)) return { kind: 'failed', failure: failureOf(cname) };
  if (cname.outcome === 'nxdomain') return { kind: 'absent', exists: false };
  // NODATA: an A/TXT query that followed a CNAME the CNAME query did not show: trust the chain.
  const aliased = extras.find((l): l is Lookup => l !== undefined && l.chain.length > 0);
  if (aliased) return observeCname({ ...aliased, type: 'CNAME', answers: [] }, []);
  const partial = extras.some((l) => l !== undefined && !isAnswered(l.outcome));
  if (own.length > 0) return { kind: 'own', records: own, partial };
  return { kind: 'absent', exists: true };
}

/** What a CNAME observation shows, in presentation form: the first target, or the name's own data. */
export function cnameFound(obs: CnameObservation): string[] {
  switch (obs.kind) {
    case 'cname':
      return [obs.chain[0] ?? '', ...obs.beside.map(presentRecord)].filter((s) => s !== '');
    case 'own':
      return obs.records.map(presentRecord);
    default:
      return [];
  }
}

export type Mx = { preference: number; exchange: string; ttl: number; data: string };

/** MX answers as preference + exchange (normalised; `''` for the null MX `0 .`). */
export function parseMx(lookup: Lookup): Mx[] {
  if (lookup.outcome !== 'answer') return [];
  return lookup.answers.flatMap((a) => {
    if (a.type.toUpperCase() !== 'MX') return [];
    const [pref = '', host = ''] = a.data.trim().split(/\s+/);
    const preference = Number.parseInt(pref, 10);
    if (!Number.isFinite(preference)) return [];
    const exchange = normalizeName(host);
    return [{ preference, exchange, ttl: a.ttl, data: `${preference} ${exchange === '' ? '.' : exchange}` }];
  });
}

export type Srv = { priority: number; weight: number; port: number; target: string; ttl: number; data: string };

/** SRV answers as their four fields (target normalised; `''` for `.`, "service not available"). */
export function parseSrv(lookup: Lookup): Srv[] {
  if (lookup.outcome !== 'answer') return [];
  return lookup.answers.flatMap((a) => {
    if (a.type.toUpperCase() !== 'SRV') return [];
    const [p, w, port, target = ''] = a.data.trim().split(/\s+/);
    const nums = [p, w, port].map((n) => Number.parseInt(n ?? '', 10));
    if (nums.some((n) => !Number.isFinite(n))) return [];
    const [priority = 0, weight = 0, portNum = 0] = nums;
    const t = normalizeName(target);
    return [
      { priority, weight, port: portNum, target: t, ttl: a.ttl, data: `${priority} ${weight} ${portNum} ${t || '.'}` },
    ];
  });
}

/** TXT strings of a lookup's answers (empty unless it answered). */
export function txtStrings(lookup: Lookup): string[] {
  if (lookup.outcome !== 'answer') return [];
  return lookup.answers.filter((a) => a.type.toUpperCase() === 'TXT').map((a) => a.data);
}

/**
 * Test-only builders for lookups and snapshots (no DNS). Domain names are under `.test`.
 * Imported by the colocated `*.test.ts` files only.
 */

import { MSOID_LEGACY_WORLDWIDE, MSOID_TARGET_21V } from '@/lib/findings/msoid/msoid';
import {
  type ChainEnd,
  type DnsAnswer,
  isAnswered,
  LOOKUP_OUTCOMES,
  type Lookup,
  type LookupOutcome,
  type RecordType,
} from '@/lib/schema';
import type { MsoidLookups, Snapshot, WildcardProbe } from './snapshot';

export const DOMAIN = 'contoso.test';
export const MSOID = `msoid.${DOMAIN}`;
export const SIBLING = `_m365dh-3k9x.${DOMAIN}`;
export const TARGET = MSOID_TARGET_21V;
export const LEGACY = MSOID_LEGACY_WORLDWIDE;

/** Every failure outcome, derived from the contract's list: a new outcome can't go untested. */
export const FAILURES = LOOKUP_OUTCOMES.filter(
  (o): o is Exclude<LookupOutcome, 'answer' | 'nxdomain' | 'nodata'> => !isAnswered(o),
);

type Extra = { chain?: string[]; chainEnd?: ChainEnd; rcode?: string; tries?: Lookup['tries'] };

/** A lookup with the given outcome; `data` become answers of `type` owned by `name`. */
export function lookup(
  name: string,
  type: RecordType,
  outcome: LookupOutcome,
  data: string[] = [],
  extra: Extra = {},
): Lookup {
  const answers: DnsAnswer[] = data.map((d) => ({ name, type, ttl: 300, data: d }));
  return {
    name,
    type,
    outcome,
    answers,
    chain: extra.chain ?? [],
    chainEnd: extra.chainEnd ?? 'none',
    attempts: 1,
    elapsedMs: 3,
    ...(extra.rcode ? { rcode: extra.rcode } : {}),
    ...(extra.tries ? { tries: extra.tries } : {}),
  };
}

export const answer = (name: string, type: RecordType, ...data: string[]): Lookup => lookup(name, type, 'answer', data);
export const nodata = (name: string, type: RecordType): Lookup => lookup(name, type, 'nodata');
export const nxdomain = (name: string, type: RecordType): Lookup => lookup(name, type, 'nxdomain');
export const failed = (name: string, type: RecordType, outcome: LookupOutcome = 'timeout'): Lookup =>
  lookup(name, type, outcome);

/** A CNAME lookup whose chain was followed: `chain` are the targets in order. */
export function cnameLookup(
  name: string,
  chain: string[],
  chainEnd: ChainEnd = 'terminal',
  outcome: LookupOutcome = 'answer',
): Lookup {
  const first = chain[0];
  const l = lookup(name, 'CNAME', outcome, [], { chain, chainEnd });
  return first ? { ...l, answers: [{ name, type: 'CNAME', ttl: 3600, data: first }] } : l;
}

// ---- msoid situations --------------------------------------------------------------------------

export const msoidNx = (): MsoidLookups => ({ cname: nxdomain(MSOID, 'CNAME') });
export const msoidCname = (chain: string[], end: ChainEnd = 'terminal', outcome: LookupOutcome = 'answer') => ({
  cname: cnameLookup(MSOID, chain, end, outcome),
});
/** NODATA for CNAME, then the name's own A/AAAA/TXT lookups (NODATA unless given). */
export function msoidOwn(own: Partial<Omit<MsoidLookups, 'cname'>> = {}): MsoidLookups {
  return {
    cname: nodata(MSOID, 'CNAME'),
    a: own.a ?? nodata(MSOID, 'A'),
    aaaa: own.aaaa ?? nodata(MSOID, 'AAAA'),
    txt: own.txt ?? nodata(MSOID, 'TXT'),
  };
}
export const ownA = (...ips: string[]) => msoidOwn({ a: answer(MSOID, 'A', ...ips) });
export const ownTxt = (...txt: string[]) => msoidOwn({ txt: answer(MSOID, 'TXT', ...txt) });

/** The random-sibling probe: its CNAME chain (empty = NODATA) and its A data. */
export function probe(opts: { cname?: string[] | LookupOutcome; a?: string[] | LookupOutcome } = {}): WildcardProbe {
  const c = opts.cname ?? [];
  const a = opts.a ?? [];
  return {
    name: SIBLING,
    cname:
      typeof c === 'string'
        ? failed(SIBLING, 'CNAME', c)
        : c.length
          ? cnameLookup(SIBLING, c)
          : nxdomain(SIBLING, 'CNAME'),
    a: typeof a === 'string' ? failed(SIBLING, 'A', a) : a.length ? answer(SIBLING, 'A', ...a) : nxdomain(SIBLING, 'A'),
  };
}

// ---- cloud evidence ----------------------------------------------------------------------------

export type Evidence = Partial<Pick<Snapshot, 'mx' | 'txt' | 'autodiscover'>>;
export const mx = (...hosts: string[]): Evidence => ({
  mx: answer(DOMAIN, 'MX', ...hosts.map((h, i) => `${i * 10} ${h}`)),
});
export const autodiscover = (...chain: string[]): Evidence => ({
  autodiscover: cnameLookup(`autodiscover.${DOMAIN}`, chain),
});
export const spf = (...records: string[]): Evidence => ({ txt: answer(DOMAIN, 'TXT', ...records) });

/** A whole snapshot: the apex answers, no evidence and no msoid record unless overridden. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    domain: DOMAIN,
    apex: answer(DOMAIN, 'SOA', `ns1.${DOMAIN} hostmaster.${DOMAIN} 1`),
    mx: nodata(DOMAIN, 'MX'),
    txt: nodata(DOMAIN, 'TXT'),
    autodiscover: nxdomain(`autodiscover.${DOMAIN}`, 'CNAME'),
    msoid: msoidNx(),
    ...over,
  };
}

/** Evidence that points at exactly one cloud (or pair), for `auto` rows. */
export const EVIDENCE = {
  'mx 21vianet': mx('contoso-test.mail.protection.partner.outlook.cn'),
  'autodiscover 21vianet': autodiscover('autodiscover.partner.outlook.cn'),
  'spf 21vianet': spf('v=spf1 include:spf.protection.partner.outlook.cn -all'),
  'mx worldwide': mx('contoso-test.mail.protection.outlook.com'),
  'mx worldwide (mx.microsoft)': mx('contoso-test.o-v1.mx.microsoft'),
  'autodiscover worldwide': autodiscover('autodiscover.outlook.com', 'autod.ms-acdc.office.com'),
  'spf worldwide': spf('v=spf1 include:spf.protection.outlook.com -all'),
  'mx gcchigh-or-dod': mx('contoso.mail.protection.office365.us'),
  'spf gcchigh-or-dod': spf('v=spf1 include:spf.protection.office365.us -all'),
  'autodiscover gcchigh': autodiscover('autodiscover.office365.us'),
  'autodiscover dod': autodiscover('autodiscover-dod.office365.us'),
} as const satisfies Record<string, Evidence>;

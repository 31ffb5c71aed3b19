/**
 * What a check asks DNS, as data: the apex, msoid and its wildcard probe, every Microsoft 365 record, their
 * follow-ups and the SPF includes. `planNext` says what to ask next from what is known so far; the shell
 * (lib/server/check.ts) runs each round and hands the results back keyed by `key`, until nothing is left. Pure.
 */
import type { Lookup, RecordType } from '@/lib/schema';
import { normalizeName } from './dns-names';
import type { Gathered } from './snapshot';
import { SPF_LOOKUP_LIMIT, spfTargets } from './spf';

export type PlannedLookup = {
  /** Key of the result in the map given to `diagnoseRecords` (or the SPF map, for `spfFollowUps`). */
  key: string;
  name: string;
  type: RecordType;
  /** CNAME only: follow the chain hop by hop. */
  follow?: boolean;
};

/**
 * Plan keys. `mx`, `txt` and `autodiscover` are the same lookups as the msoid snapshot's
 * (`Snapshot.mx`, `.txt`, `.autodiscover`), so the shell can reuse them.
 */
export const KEYS = {
  /** SOA at the domain: decides whether anything else is asked. */
  apex: 'apex',
  /** msoid CNAME (followed), and the name's own data when it has no CNAME. */
  msoid: 'msoid',
  msoidA: 'msoid.a',
  msoidAaaa: 'msoid.aaaa',
  /** A random sibling of msoid, to tell wildcard-synthesised answers from real records. */
  probeCname: 'probe.cname',
  probeA: 'probe.a',
  /** NS of the registrable domain: the DNS host. */
  ns: 'ns',
  mx: 'mx',
  txt: 'txt',
  autodiscover: 'autodiscover',
  autodiscoverA: 'autodiscover.a',
  autodiscoverTxt: 'autodiscover.txt',
  autodiscoverSrv: 'autodiscover-srv',
  sipfederation: 'sipfederation',
  sipTls: 'sip-tls',
  sip: 'sip',
  lyncdiscover: 'lyncdiscover',
  enterpriseregistration: 'enterpriseregistration',
  enterpriseenrollment: 'enterpriseenrollment',
  selector1: 'dkim-selector1',
  selector1Txt: 'dkim-selector1.txt',
  selector2: 'dkim-selector2',
  selector2Txt: 'dkim-selector2.txt',
  dmarc: 'dmarc',
  /** `_dmarc` at the registrable (organisational) domain, asked only for a subdomain. */
  dmarcOrg: 'dmarc.org',
  msoidTxt: 'msoid.txt',
} as const;
export type PlanKey = (typeof KEYS)[keyof typeof KEYS];

/** CNAME names whose NODATA answer earns an A follow-up (to tell a Cloudflare proxy from an absent record). */
const CNAME_KEYS_WITHOUT_A = [
  KEYS.sip,
  KEYS.lyncdiscover,
  KEYS.enterpriseregistration,
  KEYS.enterpriseenrollment,
  KEYS.selector1,
  KEYS.selector2,
] as const;

/** Key of the A follow-up of a CNAME key (`sip` → `sip.a`). */
export const aKeyOf = (key: string): string => `${key}.a`;

/**
 * The lookups the record diagnosis needs for `domain` (18, or 19 for a subdomain): apex MX and TXT;
 * autodiscover CNAME (followed) plus A (Cloudflare proxy, hybrid A records) and TXT (CNAME conflicts); the
 * `_autodiscover._tcp`, `_sipfederationtls._tcp` and `_sip._tls` SRV records; the sip, lyncdiscover,
 * enterpriseregistration, enterpriseenrollment and DKIM selector CNAMEs (followed); TXT at both
 * selectors and at msoid (conflicts, self-managed DKIM keys); `_dmarc` TXT, and for a subdomain also
 * `_dmarc` at the registrable domain, whose record covers subdomains without their own (RFC 7489 §6.6.3).
 */
export function recordLookups(domain: string, registrable: string = domain): PlannedLookup[] {
  const d = normalizeName(domain);
  const org = normalizeName(registrable);
  const at = (host: string) => (host === '@' ? d : `${host}.${d}`);
  const cname = (key: string, host: string): PlannedLookup => ({ key, name: at(host), type: 'CNAME', follow: true });
  const q = (key: string, host: string, type: RecordType): PlannedLookup => ({ key, name: at(host), type });
  return [
    q(KEYS.mx, '@', 'MX'),
    q(KEYS.txt, '@', 'TXT'),
    cname(KEYS.autodiscover, 'autodiscover'),
    q(KEYS.autodiscoverA, 'autodiscover', 'A'),
    q(KEYS.autodiscoverTxt, 'autodiscover', 'TXT'),
    q(KEYS.autodiscoverSrv, '_autodiscover._tcp', 'SRV'),
    q(KEYS.sipfederation, '_sipfederationtls._tcp', 'SRV'),
    q(KEYS.sipTls, '_sip._tls', 'SRV'),
    cname(KEYS.sip, 'sip'),
    cname(KEYS.lyncdiscover, 'lyncdiscover'),
    cname(KEYS.enterpriseregistration, 'enterpriseregistration'),
    cname(KEYS.enterpriseenrollment, 'enterpriseenrollment'),
    cname(KEYS.selector1, 'selector1._domainkey'),
    q(KEYS.selector1Txt, 'selector1._domainkey', 'TXT'),
    cname(KEYS.selector2, 'selector2._domainkey'),
    q(KEYS.selector2Txt, 'selector2._domainkey', 'TXT'),
    q(KEYS.dmarc, '_dmarc', 'TXT'),
    q(KEYS.msoidTxt, 'msoid', 'TXT'),
    ...(org !== d && org !== '' ? [{ key: KEYS.dmarcOrg, name: `_dmarc.${org}`, type: 'TXT' as const }] : []),
  ];
}

/**
 * Optional second round: an A lookup at each CNAME name (other than autodiscover, which always gets one)
 * whose CNAME query answered NODATA, i.e. the name exists without a CNAME. It tells a Cloudflare-proxied
 * or A-record name from a CNAME that is simply absent. Without it, such names read as "no CNAME".
 */
export function recordFollowUps(domain: string, lookups: ReadonlyMap<string, Lookup>): PlannedLookup[] {
  const byKey = new Map(recordLookups(domain).map((p) => [p.key, p]));
  return CNAME_KEYS_WITHOUT_A.flatMap((key) => {
    const l = lookups.get(key);
    const planned = byKey.get(key);
    if (!planned || l?.outcome !== 'nodata' || lookups.has(aKeyOf(key))) return [];
    return [{ key: aKeyOf(key), name: planned.name, type: 'A' as const }];
  });
}

/** How deep SPF includes are followed: the 10-lookup limit plus 2 extra levels. */
export const SPF_MAX_DEPTH = SPF_LOOKUP_LIMIT + 2;

/** Key of an SPF include's TXT lookup among the gathered results. */
export const spfKey = (domain: string): string => `spf:${domain}`;

/** Rounds a check can take at most: the apex, the main round, then follow-ups and SPF includes level by level. */
export const MAX_ROUNDS = SPF_MAX_DEPTH + 3;

/** The wildcard probe's name for a random label (`_m365dh-<label>.<domain>`). */
export const probeName = (domain: string, label: string): string => `_m365dh-${label}.${normalizeName(domain)}`;

/**
 * What to ask next, given what is known (`gathered.lookups`, by key). Round by round:
 * 1. the apex SOA; a failed or non-existent apex ends the check (asking more would only cost a dead zone);
 * 2. msoid (followed), the wildcard probe, the registrable domain's NS and every record lookup of `recordLookups`;
 * 3. and later: msoid's own A/AAAA/TXT when it has no CNAME (TXT beside it otherwise), the A follow-ups of
 *    CNAME names that answered NODATA, and the SPF includes level by level.
 * Returns nothing when the check has everything it needs. Never asks a key twice.
 */
export function planNext(gathered: Gathered): PlannedLookup[] {
  const got = gathered.lookups;
  const domain = normalizeName(gathered.domain);
  const apex = got.get(KEYS.apex);
  if (!apex) return [{ key: KEYS.apex, name: domain, type: 'SOA' }];
  if (apex.outcome !== 'answer' && apex.outcome !== 'nodata') return [];
  const msoidName = `msoid.${domain}`;
  const probe = probeName(domain, gathered.probe);
  const first: PlannedLookup[] = [
    { key: KEYS.msoid, name: msoidName, type: 'CNAME', follow: true },
    { key: KEYS.probeCname, name: probe, type: 'CNAME' },
    { key: KEYS.probeA, name: probe, type: 'A' },
    { key: KEYS.ns, name: normalizeName(gathered.registrable), type: 'NS' },
  ];
  const main = [...first, ...recordLookups(domain, gathered.registrable).filter((p) => p.key !== KEYS.msoidTxt)].filter(
    (p) => !got.has(p.key),
  );
  if (main.length > 0) return main;

  const next: PlannedLookup[] = [];
  // msoid without a CNAME but existing: its own data tells not-cname from missing. TXT is asked either way (a
  // TXT beside a CNAME is a conflict).
  if (got.get(KEYS.msoid)?.outcome === 'nodata') {
    next.push({ key: KEYS.msoidA, name: msoidName, type: 'A' }, { key: KEYS.msoidAaaa, name: msoidName, type: 'AAAA' });
  }
  next.push({ key: KEYS.msoidTxt, name: msoidName, type: 'TXT' });
  next.push(...recordFollowUps(domain, got));
  const txt = got.get(KEYS.txt);
  if (txt) next.push(...spfFollowUps(txt, spfResults(gathered)).map((p) => ({ ...p, key: spfKey(p.key) })));
  return next.filter((p) => !got.has(p.key));
}

/** The SPF include lookups among the gathered results, keyed by include domain (as `diagnoseRecords` wants them). */
export function spfResults(gathered: Gathered): Map<string, Lookup> {
  const out = new Map<string, Lookup>();
  for (const [key, lookup] of gathered.lookups) if (key.startsWith('spf:')) out.set(key.slice(4), lookup);
  return out;
}

/**
 * The SPF TXT lookups still needed: include/redirect domains reachable from the apex SPF record through
 * the records fetched so far, not yet fetched. Keys are the normalised domains (the keys of the `spf` map
 * given to `diagnoseRecords`). The shell runs them in rounds until this returns nothing: at most
 * `SPF_MAX_DEPTH` rounds, and nothing more once the count already exceeds the 10-lookup limit.
 * Returns nothing when the apex has no single SPF record (nothing to evaluate).
 */
export function spfFollowUps(txt: Lookup, fetched: ReadonlyMap<string, Lookup>): PlannedLookup[] {
  return spfTargets(txt, fetched, SPF_MAX_DEPTH).map((domain) => ({ key: domain, name: domain, type: 'TXT' }));
}

/**
 * Test-only builders for the record diagnosis (no DNS). Domain names are under `.test`.
 * Imported by the colocated `*.test.ts` files only.
 */

import { CATALOGUES } from '@/lib/findings/catalogue';
import { diagnoseMsoid, MSOID_TARGET_21V } from '@/lib/findings/msoid/msoid';
import { aKeyOf, KEYS, recordLookups } from '@/lib/lookups/plan';
import {
  answer,
  cnameLookup,
  DOMAIN,
  lookup,
  msoidCname,
  nodata,
  nxdomain,
  snapshot,
} from '@/lib/lookups/test-fixtures';
import type {
  ChainEnd,
  CloudFamily,
  CloudReport,
  EffectiveCloud,
  Lookup,
  MsoidFinding,
  RecordsDiagnosis,
  RecordType,
  ServiceOverride,
  TenantValues,
} from '@/lib/schema';
import { diagnoseRecords } from './diagnose';

export { answer, cnameLookup, DOMAIN, lookup, nodata, nxdomain };

export type Lookups = Record<string, Lookup>;

export const at = (host: string): string => (host === '@' ? DOMAIN : `${host}.${DOMAIN}`);

/** A lookup of `type` at `host` that followed a CNAME chain: answers belong to the chain's last name. */
export function viaChain(
  host: string,
  type: RecordType,
  chain: string[],
  data: string[] = [],
  end: ChainEnd = 'terminal',
): Lookup {
  const last = chain[chain.length - 1] ?? at(host);
  const l = lookup(at(host), type, data.length ? 'answer' : 'nodata', [], { chain, chainEnd: end });
  return { ...l, answers: data.map((d) => ({ name: last, type, ttl: 300, data: d })) };
}

/** A followed CNAME lookup at `host` whose chain is `chain`. */
export function cname(host: string, ...chain: string[]): Lookup {
  return cnameLookup(at(host), chain);
}

export const failedAt = (host: string, type: RecordType, outcome: Lookup['outcome'] = 'timeout'): Lookup =>
  lookup(at(host), type, outcome);

/** Every planned lookup answered negatively: NODATA at the apex, NXDOMAIN elsewhere. */
export function emptyZone(): Lookups {
  return Object.fromEntries(
    recordLookups(DOMAIN).map((p) => [p.key, p.name === DOMAIN ? nodata(p.name, p.type) : nxdomain(p.name, p.type)]),
  );
}

const DKIM_SUFFIX: Record<CloudFamily, string> = {
  worldwide: 'contoso.onmicrosoft.com',
  '21vianet': '',
  gcchigh: 'contoso.onmicrosoft.us',
  dod: 'contoso.onmicrosoft.us',
};

/** DKIM CNAME target for a selector in a form (`onmicrosoft` of a family, or `new`). */
export function dkimTarget(selector: 1 | 2, form: CloudFamily | 'new'): string {
  const tail = form === 'new' ? 'contoso.n-v1.dkim.mail.microsoft' : DKIM_SUFFIX[form];
  return `selector${selector}-contoso-test._domainkey.${tail}`;
}

/** Both DKIM selectors as CNAMEs (with their followed TXT lookups). */
export function dkimPair(form1: CloudFamily | 'new', form2: CloudFamily | 'new' = form1): Lookups {
  const t1 = dkimTarget(1, form1);
  const t2 = dkimTarget(2, form2);
  return {
    [KEYS.selector1]: cname('selector1._domainkey', t1),
    [KEYS.selector1Txt]: viaChain('selector1._domainkey', 'TXT', [t1], ['v=DKIM1; k=rsa; p=MIGf']),
    [KEYS.selector2]: cname('selector2._domainkey', t2),
    [KEYS.selector2Txt]: viaChain('selector2._domainkey', 'TXT', [t2], ['v=DKIM1; k=rsa; p=MIGf']),
  };
}

/** Autodiscover as a CNAME chain, with its A and TXT lookups following the chain. */
export function autodiscoverChain(...chain: string[]): Lookups {
  return {
    [KEYS.autodiscover]: cname('autodiscover', ...chain),
    [KEYS.autodiscoverA]: viaChain('autodiscover', 'A', chain, ['192.0.2.10']),
    [KEYS.autodiscoverTxt]: viaChain('autodiscover', 'TXT', chain),
  };
}

const MX_HOST: Record<CloudFamily, string> = {
  worldwide: 'contoso-test.mail.protection.outlook.com',
  '21vianet': 'contoso-test.mail.protection.partner.outlook.cn',
  gcchigh: 'contoso.mail.protection.office365.us',
  dod: 'contoso.mail.protection.office365.us',
};

export const mxHost = (family: CloudFamily): string => MX_HOST[family];

/** A domain with every record right for `family` (legacy Skype for Business records absent). */
export function healthy(family: CloudFamily): Lookups {
  const r = CATALOGUES[family].records;
  const target = (id: keyof typeof r): string => {
    const e = r[id].expected;
    return e.kind === 'cname' || e.kind === 'srv' ? e.target : '';
  };
  const spf = r.spf.expected.kind === 'spf' ? r.spf.expected.include : '';
  const zone: Lookups = {
    ...emptyZone(),
    [KEYS.mx]: answer(DOMAIN, 'MX', `0 ${MX_HOST[family]}`),
    [KEYS.txt]: answer(DOMAIN, 'TXT', `v=spf1 include:${spf} -all`, 'MS=ms12345678'),
    ...autodiscoverChain(target('autodiscover')),
    [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', `100 1 5061 ${target('sipfederation')}`),
    [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', target('enterpriseenrollment')),
    [KEYS.dmarc]: answer(at('_dmarc'), 'TXT', 'v=DMARC1; p=reject; rua=mailto:dmarc@contoso.test'),
  };
  if (r.enterpriseregistration.expected.kind === 'cname') {
    zone[KEYS.enterpriseregistration] = cname('enterpriseregistration', target('enterpriseregistration'));
  }
  if (family !== '21vianet') Object.assign(zone, dkimPair(family));
  return zone;
}

/** A cloud report as `inferCloud` would give it for an explicit choice (or `unknown`). */
export function report(cloud: EffectiveCloud): CloudReport {
  return {
    selected: cloud === 'unknown' ? 'auto' : cloud,
    effective: cloud,
    evidence: [],
    inferred: 'unknown',
    conflicting: false,
    contradictsEvidence: false,
    evidenceIncomplete: false,
  };
}

/** The real msoid finding for a cloud: right for the cloud unless `msoid` says otherwise. */
export function msoidFinding(cloud: EffectiveCloud, msoid?: Parameters<typeof snapshot>[0]): MsoidFinding {
  const base = cloud === '21vianet' ? { msoid: msoidCname([MSOID_TARGET_21V]) } : {};
  return diagnoseMsoid(snapshot({ ...base, ...msoid }), report(cloud));
}

export type Run = {
  cloud: EffectiveCloud;
  /** The checked name (default DOMAIN) and its registrable domain (default the same). */
  domain?: string;
  registrable?: string;
  lookups: Lookups;
  spf?: Lookups;
  services?: ServiceOverride;
  cloudflare?: boolean;
  msoid?: MsoidFinding;
  /** The tenant's values from Microsoft Graph (issue 18 item 4). */
  tenant?: TenantValues;
};

/** Each cloud's SPF include, published as a plain record (so the count is complete by default). */
export const CLOUD_SPF: Lookups = Object.fromEntries(
  Object.values(CATALOGUES).flatMap((c) => {
    const e = c.records.spf.expected;
    return e.kind === 'spf' ? [[e.include, answer(e.include, 'TXT', 'v=spf1 ip4:192.0.2.0/24 -all')]] : [];
  }),
);

/**
 * Runs the diagnosis on a fixture; `spf` adds to (or overrides) `CLOUD_SPF`. `seen` holds every lookup the
 * findings name, by id (what a report's lookup map is made of).
 */
export function run(r: Run): RecordsDiagnosis & { seen: Map<string, Lookup> } {
  const seen = new Map<string, Lookup>();
  const diagnosis = diagnoseRecords({
    seen,
    domain: r.domain ?? DOMAIN,
    ...(r.registrable ? { registrable: r.registrable } : {}),
    cloud: report(r.cloud),
    lookups: new Map(Object.entries(r.lookups)),
    spf: new Map(Object.entries({ ...CLOUD_SPF, ...r.spf })),
    msoid: r.msoid ?? msoidFinding(r.cloud),
    ...(r.services ? { services: r.services } : {}),
    cloudflare: r.cloudflare ?? false,
    ...(r.tenant ? { tenant: r.tenant } : {}),
  });
  return { ...diagnosis, seen };
}

export { aKeyOf, KEYS };

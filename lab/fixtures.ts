/**
 * Test and demo domains: one reserved `.test` domain per msoid state, the Microsoft target zones
 * they point at (so CNAME chains resolve locally), and the misbehaving zones the fake server serves.
 * Values follow docs/m365-dns-facts.md §msoid, §cloud-inference and §record-values; addresses are documentation ranges.
 */
import type { EffectiveCloud, MsoidStatus } from '../lib/schema';
import type { Rule } from './fake-dns-server';
import { hostileDef } from './fixtures-hostile';
import { recordFakeDefs, recordMicrosoftZones, recordNsdDefs } from './fixtures-records';
import { withApexRecords } from './zone-file';
import type { Zone, ZoneRecord, ZoneRecordType } from './zone-types';

// ---------------------------------------------------------------------------------------------
// Microsoft values (docs/m365-dns-facts.md §record-values)

export const MS = {
  msoid21v: 'clientconfig.partner.microsoftonline-p.net.cn',
  msoidLegacyWw: 'clientconfig.microsoftonline-p.net',
  msoidTypo: 'clientconfig.partner.microsoftonline-p.net.com',
  autodiscover21v: 'autodiscover.partner.outlook.cn',
  autodiscoverWw: 'autodiscover.outlook.com',
  autodiscoverGcch: 'autodiscover.office365.us',
  autodiscoverDod: 'autodiscover-dod.office365.us',
  mx21v: 'mail.protection.partner.outlook.cn',
  mxWw: 'mail.protection.outlook.com',
  mxWwNew: 'o-v1.mx.microsoft',
  mxGov: 'mail.protection.office365.us',
  spf21v: 'v=spf1 include:spf.protection.partner.outlook.cn -all',
  spfWw: 'v=spf1 include:spf.protection.outlook.com -all',
  spfGov: 'v=spf1 include:spf.protection.office365.us -all',
} as const;

// ---------------------------------------------------------------------------------------------
// Small builders

function rec(name: string, type: ZoneRecordType, data: string | string[]): ZoneRecord {
  return { name, type, ttl: 3600, data };
}

/** Deterministic pseudo-random token (FNV-1a based), so zones are identical on every run. */
export function token(seed: string, length: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h = Math.imul(h ^ (h >>> 15) ^ i, 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    out += alphabet[((h ^ (h >>> 15)) >>> 0) % alphabet.length];
  }
  return out;
}

/** MX token Microsoft usually derives from the domain: dots become dashes (`contoso-com`). */
function mxToken(domain: string): string {
  return domain.replaceAll('.', '-');
}

function verification(domain: string): ZoneRecord {
  return rec(domain, 'TXT', `MS=ms${token(domain, 8, '0123456789')}`);
}

function website(domain: string): ZoneRecord[] {
  return [rec(domain, 'A', '198.51.100.80'), rec(`www.${domain}`, 'CNAME', domain)];
}

/** 21Vianet tenant records (docs/m365-dns-facts.md §record-values), without msoid. */
function evidence21v(domain: string): ZoneRecord[] {
  return [
    rec(domain, 'MX', `0 ${mxToken(domain)}.${MS.mx21v}`),
    rec(`autodiscover.${domain}`, 'CNAME', MS.autodiscover21v),
    rec(domain, 'TXT', MS.spf21v),
    verification(domain),
    rec(`lyncdiscover.${domain}`, 'CNAME', 'webdir.online.partner.lync.cn'),
    rec(`sip.${domain}`, 'CNAME', 'sipdir.online.partner.lync.cn'),
    rec(`_sip._tls.${domain}`, 'SRV', '100 1 443 sipdir.online.partner.lync.cn'),
    rec(`_sipfederationtls._tcp.${domain}`, 'SRV', '100 1 5061 sipfed.online.partner.lync.cn'),
  ];
}

/** Worldwide/GCC tenant records (docs/m365-dns-facts.md §record-values), without msoid. `newMx` uses the `*.mx.microsoft` form. */
function evidenceWw(domain: string, newMx = false): ZoneRecord[] {
  const mx = newMx ? `${mxToken(domain)}.${MS.mxWwNew}` : `${mxToken(domain)}.${MS.mxWw}`;
  return [
    rec(domain, 'MX', `0 ${mx}`),
    rec(`autodiscover.${domain}`, 'CNAME', MS.autodiscoverWw),
    rec(domain, 'TXT', MS.spfWw),
    verification(domain),
    rec(`_sipfederationtls._tcp.${domain}`, 'SRV', '100 1 5061 sipfed.online.lync.com'),
    rec(`enterpriseregistration.${domain}`, 'CNAME', 'enterpriseregistration.windows.net'),
  ];
}

/** GCC High / DoD tenant records (docs/m365-dns-facts.md §record-values), without msoid. MX token is the tenant name, not the domain. */
function evidenceGov(domain: string, cloud: 'gcchigh' | 'dod'): ZoneRecord[] {
  const tenant = domain.split('.')[0]!.replaceAll('-', '');
  const sub = cloud === 'dod' ? 'dod' : 'gov';
  return [
    rec(domain, 'MX', `0 ${tenant}.${MS.mxGov}`),
    rec(`autodiscover.${domain}`, 'CNAME', cloud === 'dod' ? MS.autodiscoverDod : MS.autodiscoverGcch),
    rec(domain, 'TXT', MS.spfGov),
    verification(domain),
    rec(`sip.${domain}`, 'CNAME', `sipdir.online.${sub}.skypeforbusiness.us`),
    rec(`lyncdiscover.${domain}`, 'CNAME', `webdir.online.${sub}.skypeforbusiness.us`),
  ];
}

function msoid(domain: string, target: string): ZoneRecord {
  return rec(`msoid.${domain}`, 'CNAME', target);
}

/** About 40 TXT records at the apex (verification tokens of many SaaS vendors), so the set needs TCP. */
function bigTxtSet(domain: string): ZoneRecord[] {
  const vendors = [
    'google-site-verification',
    'facebook-domain-verification',
    'apple-domain-verification',
    'atlassian-domain-verification',
    'docusign',
    'adobe-idp-site-verification',
    'zoom-verification',
    'stripe-verification',
    'globalsign-domain-verification',
    'dropbox-domain-verification',
  ];
  const records: ZoneRecord[] = [rec(domain, 'TXT', MS.spf21v), verification(domain)];
  for (let i = 0; records.length < 40; i++) {
    const vendor = vendors[i % vendors.length]!;
    records.push(rec(domain, 'TXT', `${vendor}=${token(`${domain}/${i}`, 32 + (i % 5) * 8)}`));
  }
  // One record longer than 255 bytes: the zone file splits it into several character-strings.
  records.push(rec(domain, 'TXT', `v=verify1; id=${token(`${domain}/long`, 300)}`));
  return records;
}

// ---------------------------------------------------------------------------------------------
// Microsoft target zones (served by nsd in the lab, by the fake server in the demo)

/** The Microsoft zones that fixture CNAMEs, MX hosts and SPF includes point into. */
export function microsoftZones(): Zone[] {
  const spfData = (cidr: string) => `v=spf1 ip4:${cidr} -all`;
  return [
    { apex: 'microsoftonline-p.net.cn', records: [rec(MS.msoid21v, 'A', '203.0.113.10')] },
    { apex: 'microsoftonline-p.net', records: [rec(MS.msoidLegacyWw, 'A', '203.0.113.11')] },
    {
      apex: 'partner.outlook.cn',
      records: [
        rec(MS.autodiscover21v, 'A', '203.0.113.20'),
        rec(`*.${MS.mx21v}`, 'A', '203.0.113.21'),
        rec('spf.protection.partner.outlook.cn', 'TXT', spfData('203.0.113.0/26')),
      ],
    },
    {
      apex: 'outlook.com',
      records: [
        rec(MS.autodiscoverWw, 'A', '203.0.113.30'),
        rec(`*.${MS.mxWw}`, 'A', '203.0.113.31'),
        rec('spf.protection.outlook.com', 'TXT', spfData('203.0.113.64/26')),
      ],
    },
    { apex: 'mx.microsoft', records: [rec(`*.${MS.mxWwNew}`, 'A', '203.0.113.32')] },
    {
      apex: 'office365.us',
      records: [
        rec(MS.autodiscoverGcch, 'A', '203.0.113.40'),
        rec(MS.autodiscoverDod, 'A', '203.0.113.41'),
        rec(`*.${MS.mxGov}`, 'A', '203.0.113.42'),
        rec('spf.protection.office365.us', 'TXT', spfData('203.0.113.128/26')),
      ],
    },
    {
      apex: 'lync.com',
      records: ['sipdir', 'sipfed', 'webdir'].map((h) => rec(`${h}.online.lync.com`, 'A', '203.0.113.50')),
    },
    {
      apex: 'lync.cn',
      records: ['sipdir', 'sipfed', 'webdir'].map((h) => rec(`${h}.online.partner.lync.cn`, 'A', '203.0.113.51')),
    },
    {
      apex: 'skypeforbusiness.us',
      records: ['gov', 'dod'].flatMap((c) =>
        ['sipdir', 'webdir'].map((h) => rec(`${h}.online.${c}.skypeforbusiness.us`, 'A', '203.0.113.52')),
      ),
    },
    { apex: 'windows.net', records: [rec('enterpriseregistration.windows.net', 'A', '203.0.113.60')] },
  ];
}

/**
 * Microsoft's zones (ours and the record fixtures') with a record at every CNAME target of `records` that they
 * lack: a DKIM key TXT under `_domainkey`, an address elsewhere (for zones built per test, as the authoritative
 * lab's are, where each domain has DKIM targets of its own).
 */
export function microsoftZonesFor(records: readonly ZoneRecord[]): Zone[] {
  const targets = [...new Set(records.filter((r) => r.type === 'CNAME').map((r) => String(r.data).toLowerCase()))];
  return [...microsoftZones(), ...recordMicrosoftZones()].map((zone) => {
    const have = new Set(zone.records.map((r) => r.name));
    const extra = targets
      .filter((t) => t.endsWith(`.${zone.apex}`) && !have.has(t))
      .map(
        (t): ZoneRecord =>
          t.includes('._domainkey.')
            ? { name: t, type: 'TXT', data: 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC' }
            : { name: t, type: 'A', data: '203.0.113.70' },
      );
    return { ...zone, records: [...zone.records, ...extra] };
  });
}

// ---------------------------------------------------------------------------------------------
// Fixtures

export type Fixture = {
  domain: string;
  expect: { msoid: MsoidStatus; cloud: EffectiveCloud };
  description: string;
  /** Who serves it: nsd (behind unbound), the fake server (forwarded by unbound), or nobody. */
  source: 'nsd' | 'fake' | 'none';
};

type Def = Fixture & { records: ZoneRecord[] };

const NSD_DEFS: Def[] = [
  {
    domain: 'ok-21v.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: '21vianet' },
    description: '21Vianet tenant, msoid points at the 21Vianet target',
    records: [...evidence21v('ok-21v.test'), msoid('ok-21v.test', MS.msoid21v), ...website('ok-21v.test')],
  },
  {
    domain: 'ok-ww.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: 'worldwide' },
    description: 'Worldwide tenant without msoid (as Microsoft asks)',
    records: [...evidenceWw('ok-ww.test'), ...website('ok-ww.test')],
  },
  {
    domain: 'missing-21v.test',
    source: 'nsd',
    expect: { msoid: 'missing', cloud: '21vianet' },
    description: '21Vianet tenant without msoid',
    records: [...evidence21v('missing-21v.test'), ...website('missing-21v.test')],
  },
  {
    domain: 'typo-21v.test',
    source: 'nsd',
    expect: { msoid: 'wrong-target', cloud: '21vianet' },
    description: '21Vianet tenant, msoid target ends in .com instead of .cn (NXDOMAIN)',
    records: [...evidence21v('typo-21v.test'), msoid('typo-21v.test', MS.msoidTypo)],
  },
  {
    domain: 'wrong-21v.test',
    source: 'nsd',
    expect: { msoid: 'wrong-target', cloud: '21vianet' },
    description: '21Vianet tenant, msoid points at an unrelated host (the autodiscover target)',
    records: [...evidence21v('wrong-21v.test'), msoid('wrong-21v.test', MS.autodiscover21v)],
  },
  {
    domain: 'chain-21v.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: '21vianet' },
    description: '21Vianet tenant, msoid → intermediate CNAME → the 21Vianet target',
    records: [
      ...evidence21v('chain-21v.test'),
      msoid('chain-21v.test', 'msoid-alias.chain-21v.test'),
      rec('msoid-alias.chain-21v.test', 'CNAME', MS.msoid21v),
    ],
  },
  {
    domain: 'loop-21v.test',
    source: 'nsd',
    expect: { msoid: 'wrong-target', cloud: '21vianet' },
    description: '21Vianet tenant, msoid → loop-a → msoid (a CNAME loop never reaches the target)',
    records: [
      ...evidence21v('loop-21v.test'),
      msoid('loop-21v.test', 'loop-a.loop-21v.test'),
      rec('loop-a.loop-21v.test', 'CNAME', 'msoid.loop-21v.test'),
    ],
  },
  {
    domain: 'notcname-21v.test',
    source: 'nsd',
    expect: { msoid: 'not-cname', cloud: '21vianet' },
    description: '21Vianet tenant, msoid holds TXT and A records instead of a CNAME',
    records: [
      ...evidence21v('notcname-21v.test'),
      rec('msoid.notcname-21v.test', 'TXT', MS.msoid21v),
      rec('msoid.notcname-21v.test', 'A', '198.51.100.17'),
    ],
  },
  {
    domain: 'remove-ww.test',
    source: 'nsd',
    expect: { msoid: 'must-remove', cloud: 'worldwide' },
    description: 'Worldwide tenant with the 21Vianet msoid (blocks Microsoft 365 Apps activation)',
    records: [...evidenceWw('remove-ww.test'), msoid('remove-ww.test', MS.msoid21v)],
  },
  {
    domain: 'legacy-ww.test',
    source: 'nsd',
    expect: { msoid: 'must-remove', cloud: 'worldwide' },
    description: 'Worldwide tenant with the old worldwide msoid target (legacy, remove it)',
    records: [...evidenceWw('legacy-ww.test'), msoid('legacy-ww.test', MS.msoidLegacyWw)],
  },
  {
    domain: 'remove-gcch.test',
    source: 'nsd',
    expect: { msoid: 'must-remove', cloud: 'gcchigh' },
    description: 'GCC High tenant with an msoid record (must be removed)',
    records: [...evidenceGov('remove-gcch.test', 'gcchigh'), msoid('remove-gcch.test', MS.msoidLegacyWw)],
  },
  {
    domain: 'remove-dod.test',
    source: 'nsd',
    expect: { msoid: 'must-remove', cloud: 'dod' },
    description: 'DoD tenant with an msoid record (must be removed)',
    records: [...evidenceGov('remove-dod.test', 'dod'), msoid('remove-dod.test', MS.msoid21v)],
  },
  {
    domain: 'nocloud.test',
    source: 'nsd',
    expect: { msoid: 'cloud-unknown', cloud: 'unknown' },
    description: 'No MX, SPF or autodiscover: the cloud cannot be inferred',
    records: [...website('nocloud.test'), verification('nocloud.test')],
  },
  {
    domain: 'conflict.test',
    source: 'nsd',
    expect: { msoid: 'cloud-unknown', cloud: 'unknown' },
    description: 'Worldwide MX but 21Vianet autodiscover (conflicting evidence), msoid to the 21Vianet target',
    records: [
      rec('conflict.test', 'MX', `0 conflict-test.${MS.mxWw}`),
      rec('autodiscover.conflict.test', 'CNAME', MS.autodiscover21v),
      verification('conflict.test'),
      msoid('conflict.test', MS.msoid21v),
    ],
  },
  {
    domain: 'wild-21v.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: '21vianet' },
    description: '21Vianet tenant, no explicit msoid but a wildcard CNAME to the 21Vianet target',
    records: [...evidence21v('wild-21v.test'), rec('*.wild-21v.test', 'CNAME', MS.msoid21v)],
  },
  {
    domain: 'wilda-ww.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: 'worldwide' },
    description: 'Worldwide tenant (new *.mx.microsoft MX), wildcard A for websites, no msoid',
    records: [
      ...evidenceWw('wilda-ww.test', true),
      rec('wilda-ww.test', 'A', '198.51.100.81'),
      rec('*.wilda-ww.test', 'A', '198.51.100.81'),
    ],
  },
  {
    domain: 'bigtxt-21v.test',
    source: 'nsd',
    expect: { msoid: 'ok', cloud: '21vianet' },
    description: '41 TXT records at the apex (needs TCP); the 21Vianet SPF in it is the only cloud evidence',
    records: [
      ...bigTxtSet('bigtxt-21v.test'),
      msoid('bigtxt-21v.test', MS.msoid21v),
      rec('selector1._domainkey.bigtxt-21v.test', 'TXT', `v=DKIM1; k=rsa; p=${token('dkim', 392)}`),
    ],
  },
  // Record-diagnosis fixtures (lab/fixtures-records.ts).
  ...recordNsdDefs(),
];

/**
 * A zone whose every answer comes SLOW_ZONE_DELAY_MS late (not a fixture: nothing is checked about it). Names
 * under it (`x.slow.test`, NXDOMAIN) make a bulk run whose length does not depend on how fast the app is.
 */
export const SLOW_ZONE = 'slow.test';
export const SLOW_ZONE_DELAY_MS = 40;

/** Zones the fake server serves (unbound forwards them there), each misbehaving in its own way. */
const FAKE_DEFS: Array<Def & { rules: Rule[] }> = [
  {
    domain: 'drop.test',
    source: 'fake',
    expect: { msoid: 'lookup-failed', cloud: 'unknown' },
    description: 'Every query is dropped (timeout)',
    records: [...evidence21v('drop.test'), msoid('drop.test', MS.msoid21v)],
    rules: [{ suffix: 'drop.test', behaviour: { kind: 'drop' } }],
  },
  {
    domain: 'servfail.test',
    source: 'fake',
    expect: { msoid: 'lookup-failed', cloud: 'unknown' },
    description: 'Every query gets SERVFAIL',
    records: [...evidence21v('servfail.test'), msoid('servfail.test', MS.msoid21v)],
    rules: [{ suffix: 'servfail.test', behaviour: { kind: 'servfail' } }],
  },
  {
    domain: 'refused.test',
    source: 'fake',
    expect: { msoid: 'lookup-failed', cloud: 'unknown' },
    description: 'Every query gets REFUSED',
    records: [...evidence21v('refused.test'), msoid('refused.test', MS.msoid21v)],
    rules: [{ suffix: 'refused.test', behaviour: { kind: 'refused' } }],
  },
  {
    domain: 'msoid-drop.test',
    source: 'fake',
    expect: { msoid: 'lookup-failed', cloud: '21vianet' },
    description: '21Vianet tenant whose apex answers but whose msoid queries are dropped',
    records: [...evidence21v('msoid-drop.test'), msoid('msoid-drop.test', MS.msoid21v)],
    rules: [{ suffix: 'msoid.msoid-drop.test', behaviour: { kind: 'drop' } }],
  },
  hostileDef(),
  ...recordFakeDefs(),
];

const NOT_FOUND: Fixture = {
  domain: 'nxd-missing.test',
  source: 'none',
  expect: { msoid: 'domain-not-found', cloud: 'unknown' },
  description: 'Not in any zone: NXDOMAIN',
};

function strip(def: Def): Fixture {
  return { domain: def.domain, expect: def.expect, description: def.description, source: def.source };
}

/** Every test/demo domain with its expected msoid status and effective cloud (for `cloud=auto`). */
export const FIXTURES: Fixture[] = [...NSD_DEFS.map(strip), ...FAKE_DEFS.map(strip), NOT_FOUND];

/** The fixture of `domain` (throws when unknown, so a renamed fixture fails loudly). */
export function fixture(domain: string): Fixture {
  const found = FIXTURES.find((f) => f.domain === domain);
  if (!found) throw new Error(`no fixture ${domain}`);
  return found;
}

/** nsd's zones for the lab: one per nsd fixture domain plus the Microsoft target zones. */
export function labZones(): Zone[] {
  return [
    ...NSD_DEFS.map((d) => ({ apex: d.domain, records: d.records })),
    ...microsoftZones(),
    ...recordMicrosoftZones(),
  ];
}

/** The fake server's zones, records (with SOA/NS) and misbehaviour rules. */
export function fakeZones(): { zones: string[]; records: ZoneRecord[]; rules: Rule[] } {
  return {
    zones: [...FAKE_DEFS.map((d) => d.domain), SLOW_ZONE],
    records: [
      ...FAKE_DEFS.flatMap((d) => withApexRecords({ apex: d.domain, records: d.records })),
      ...withApexRecords({ apex: SLOW_ZONE, records: [] }),
    ],
    rules: [
      ...FAKE_DEFS.flatMap((d) => d.rules),
      { suffix: SLOW_ZONE, behaviour: { kind: 'delay', ms: SLOW_ZONE_DELAY_MS } },
    ],
  };
}

/**
 * Everything on one fake server (the demo, where nsd may be missing): the root, `test`, every fixture zone,
 * the Microsoft zones, and the misbehaviour rules.
 */
export function demoServerZones(): { zones: string[]; records: ZoneRecord[]; rules: Rule[] } {
  const fake = fakeZones();
  // The root makes names under unknown TLDs (the typo target's `.net.com`) NXDOMAIN instead of REFUSED.
  const zones: Zone[] = [{ apex: '', records: [] }, { apex: 'test', records: [] }, ...labZones()];
  return {
    zones: [...zones.map((z) => z.apex), ...fake.zones],
    records: [...zones.flatMap(withApexRecords), ...fake.records],
    rules: fake.rules,
  };
}

/** `bulk-0001.test` … : `n` healthy domains, alternating 21Vianet (with msoid) and worldwide. */
export function bulkDomains(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `bulk-${String(i + 1).padStart(4, '0')}.test`);
}

/** The zones of `bulkDomains(n)`, for the 100-domain benchmark. */
export function bulkZones(n: number): Zone[] {
  return bulkDomains(n).map((domain, i) => ({
    apex: domain,
    records:
      i % 2 === 0
        ? [...evidence21v(domain), msoid(domain, MS.msoid21v), ...website(domain)]
        : [...evidenceWw(domain), ...website(domain)],
  }));
}

/**
 * Record-diagnosis fixtures: one reserved `.test` domain per record state, in each cloud, plus a few DNS
 * hosts (apex NS records naming GoDaddy, Cloudflare, Alibaba Cloud, DNSPod, Microsoft). Each name says its
 * state. Values follow docs/m365-dns-facts.md §record-values and §host-detection; addresses are documentation ranges.
 *
 * Wired into lab/fixtures.ts (nsd zones, fake-server zones, Microsoft target zones, FIXTURES). Only types
 * come from ./fixtures: a value import would be circular.
 *
 * Two fixtures need more than nsd:
 * - `cname-conflict.test` has a CNAME and a TXT at `autodiscover`, which nsd refuses to load, so the fake
 *   server serves it. Through unbound the TXT is hidden once the CNAME is cached (unbound answers a TXT
 *   query from its cached CNAME), so its expectations hold only when the app asks the fake server directly
 *   (the demo, or the direct-server block of e2e/integration/records-api.test.ts): `via: 'direct'`.
 * - `spf-timeout.test` includes `_spf.drop.test`, in the fake server's `drop.test` zone, which drops every query.
 */
import type { EffectiveCloud, MsoidStatus, RecordId, RecordStatus, RecordsHealth } from '../lib/schema';
import type { Rule } from './fake-dns-server';
import type { Fixture } from './fixtures';
import type { Zone, ZoneRecord, ZoneRecordType } from './zone-types';

// ---------------------------------------------------------------------------------------------
// Values (docs/m365-dns-facts.md §record-values). The msoid/autodiscover/MX/SPF ones repeat lab/fixtures.ts's `MS`.

export const RV = {
  msoid21v: 'clientconfig.partner.microsoftonline-p.net.cn',
  msoidLegacyWw: 'clientconfig.microsoftonline-p.net',
  ww: {
    mx: 'mail.protection.outlook.com',
    autodiscover: 'autodiscover.outlook.com',
    spf: 'spf.protection.outlook.com',
    sipfed: 'sipfed.online.lync.com',
    sipdir: 'sipdir.online.lync.com',
    webdir: 'webdir.online.lync.com',
    registration: 'enterpriseregistration.windows.net',
    enrollment: 'enterpriseenrollment-s.manage.microsoft.com',
    enrollmentOld: 'enterpriseenrollment.manage.microsoft.com',
    dkimOld: 'onmicrosoft.com',
    dkimNew: 'n-v1.dkim.mail.microsoft',
  },
  '21v': {
    mx: 'mail.protection.partner.outlook.cn',
    autodiscover: 'autodiscover.partner.outlook.cn',
    spf: 'spf.protection.partner.outlook.cn',
    sipfed: 'sipfed.online.partner.lync.cn',
    sipdir: 'sipdir.online.partner.lync.cn',
    webdir: 'webdir.online.partner.lync.cn',
    /** Microsoft's Intune page gives this value for 21Vianet (docs/m365-dns-facts.md §intune-enrollment). */
    enrollment: 'enterpriseenrollment-s.manage.microsoftonline.cn',
    /** The older form without `-s`: works with a prompt (our reading by analogy with the other clouds). */
    enrollmentOld: 'enterpriseenrollment.manage.microsoftonline.cn',
  },
  gcch: {
    mx: 'mail.protection.office365.us',
    autodiscover: 'autodiscover.office365.us',
    spf: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.gov.skypeforbusiness.us',
    sipdir: 'sipdir.online.gov.skypeforbusiness.us',
    webdir: 'webdir.online.gov.skypeforbusiness.us',
    registration: 'enterpriseregistration.windows.net',
    enrollment: 'enterpriseenrollment-s.manage.microsoft.us',
    dkimOld: 'onmicrosoft.us',
  },
  dod: {
    mx: 'mail.protection.office365.us',
    autodiscover: 'autodiscover-dod.office365.us',
    spf: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.dod.skypeforbusiness.us',
    sipdir: 'sipdir.online.dod.skypeforbusiness.us',
    webdir: 'webdir.online.dod.skypeforbusiness.us',
    registration: 'enterpriseregistration.windows.net',
    enrollment: 'enterpriseenrollment-s.manage.microsoft.us',
    dkimOld: 'onmicrosoft.us',
  },
} as const;

/** Name servers of the host fixtures (real-world forms, docs/m365-dns-facts.md §host-detection). */
export const HOST_NS = {
  cloudflare: ['kara.ns.cloudflare.com', 'walt.ns.cloudflare.com'],
  godaddy: ['ns29.domaincontrol.com', 'ns30.domaincontrol.com'],
  alibaba: ['dns9.hichina.com', 'dns10.hichina.com'],
  dnspod: ['f1g1ns1.dnspod.net', 'f1g1ns2.dnspod.net'],
  microsoft: ['ns1.bdm.microsoftonline.com', 'ns2.bdm.microsoftonline.com', 'ns3.bdm.microsoftonline.com'],
} as const;

/** Microsoft zones the record fixtures' CNAMEs point into (DKIM keys, Intune), besides lab/fixtures.ts's. */
const TARGET_ZONES = [
  'onmicrosoft.com',
  'onmicrosoft.us',
  'dkim.mail.microsoft',
  'manage.microsoft.com',
  'manage.microsoft.us',
  'manage.microsoftonline.cn',
] as const;

// ---------------------------------------------------------------------------------------------
// Builders

function rec(name: string, type: ZoneRecordType, data: string, ttl = 3600): ZoneRecord {
  return { name, type, ttl, data };
}

/** Deterministic digits/letters from a seed (FNV-1a steps), so zones are identical on every run. */
function seeded(seed: string, length: number, alphabet: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h = Math.imul(h ^ (h >>> 13) ^ i, 0x5bd1e995) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/** `healthy-ww.test` → `healthy-ww-test` (MX and DKIM tokens). */
const dashed = (domain: string) => domain.replaceAll('.', '-');
/** `healthy-ww.test` → `healthyww` (tenant name of the initial domain). */
const tenant = (domain: string) => (domain.split('.')[0] ?? domain).replaceAll('-', '');

type CloudKey = 'ww' | '21v' | 'gcch' | 'dod';

/** The parts of a tenant's DNS; a fixture replaces one or two of them. */
type Parts = {
  verification: ZoneRecord[];
  msoid: ZoneRecord[];
  mx: ZoneRecord[];
  autodiscover: ZoneRecord[];
  spf: ZoneRecord[];
  dkim: ZoneRecord[];
  dmarc: ZoneRecord[];
  teams: ZoneRecord[];
  sfb: ZoneRecord[];
  intune: ZoneRecord[];
  ns: ZoneRecord[];
  other: ZoneRecord[];
};

/** DKIM selector CNAMEs in the `onmicrosoft` form (`…._domainkey.<tenant>.onmicrosoft.com`) or the new one. */
export function dkimTarget(domain: string, selector: 1 | 2, form: 'old' | 'new', cloud: CloudKey = 'ww'): string {
  const head = `selector${selector}-${dashed(domain)}._domainkey`;
  if (form === 'new') return `${head}.${tenant(domain)}.${RV.ww.dkimNew}`;
  const suffix = cloud === 'gcch' || cloud === 'dod' ? RV.gcch.dkimOld : RV.ww.dkimOld;
  return `${head}.${tenant(domain)}.${suffix}`;
}

function dkim(domain: string, forms: ['old' | 'new', 'old' | 'new'], cloud: CloudKey = 'ww'): ZoneRecord[] {
  return forms.map((form, i) => {
    const selector = (i + 1) as 1 | 2;
    return rec(`selector${selector}._domainkey.${domain}`, 'CNAME', dkimTarget(domain, selector, form, cloud));
  });
}

/** Every record a healthy tenant of `cloud` publishes (docs/m365-dns-facts.md §record-values), by part. */
function healthy(domain: string, cloud: CloudKey): Parts {
  const v = RV[cloud];
  const d = domain;
  const mxToken = cloud === 'gcch' || cloud === 'dod' ? tenant(d) : dashed(d);
  return {
    verification: [rec(d, 'TXT', `MS=ms${seeded(d, 8, '0123456789')}`)],
    msoid: cloud === '21v' ? [rec(`msoid.${d}`, 'CNAME', RV.msoid21v)] : [],
    mx: [rec(d, 'MX', `0 ${mxToken}.${v.mx}`)],
    autodiscover: [rec(`autodiscover.${d}`, 'CNAME', v.autodiscover)],
    spf: [rec(d, 'TXT', `v=spf1 include:${v.spf} -all`)],
    // 21Vianet: Microsoft documents no DKIM records (docs/m365-dns-facts.md §dkim).
    dkim: cloud === '21v' ? [] : dkim(d, ['old', 'old'], cloud),
    dmarc: [rec(`_dmarc.${d}`, 'TXT', `v=DMARC1; p=reject; rua=mailto:dmarc@${d}`)],
    teams: [rec(`_sipfederationtls._tcp.${d}`, 'SRV', `100 1 5061 ${v.sipfed}`)],
    sfb: [
      rec(`sip.${d}`, 'CNAME', v.sipdir),
      rec(`lyncdiscover.${d}`, 'CNAME', v.webdir),
      rec(`_sip._tls.${d}`, 'SRV', `100 1 443 ${v.sipdir}`),
    ],
    // Microsoft's Intune page gives 21Vianet only an enterpriseenrollment value, no enterpriseregistration.
    intune: [
      ...(cloud === '21v' ? [] : [rec(`enterpriseregistration.${d}`, 'CNAME', RV[cloud].registration)]),
      rec(`enterpriseenrollment.${d}`, 'CNAME', v.enrollment),
    ],
    ns: [],
    other: [rec(d, 'A', '198.51.100.90'), rec(`www.${d}`, 'CNAME', d)],
  };
}

export function tenantRecords(domain: string, cloud: CloudKey, change: Partial<Parts> = {}): ZoneRecord[] {
  const parts = { ...healthy(domain, cloud), ...change };
  return Object.values(parts).flat();
}

function apexNs(domain: string, names: readonly string[]): ZoneRecord[] {
  return names.map((n) => rec(domain, 'NS', n));
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/** What the record diagnosis should say about a fixture domain (GET /api/check, cloud=auto). */
export type RecordFixture = {
  domain: string;
  description: string;
  /** Who serves it: nsd (behind unbound) or the fake server (forwarded by unbound; the demo serves all). */
  source: 'nsd' | 'fake';
  /** The effective cloud the evidence gives. */
  cloud: EffectiveCloud;
  /**
   * `direct`: the expectations hold only when the app asks the serving DNS server directly, not through
   * a caching resolver (see the module comment). Default `any`.
   */
  via?: 'any' | 'direct';
  expect: {
    health: RecordsHealth;
    /** Statuses of the listed records; unlisted ones are not asserted. */
    records: Partial<Record<RecordId, RecordStatus>>;
    /** DNS host id (lib/fixes/hosts/catalogue.ts). */
    host?: string;
    msoid?: MsoidStatus;
  };
};

type RecordDef = RecordFixture & { records: ZoneRecord[]; rules?: Rule[] };

/** Every record of a healthy tenant: all `ok` (DKIM and Intune as the cloud documents them). */
const ALL_OK: Partial<Record<RecordId, RecordStatus>> = {
  verification: 'ok',
  msoid: 'ok',
  mx: 'ok',
  autodiscover: 'ok',
  'autodiscover-srv': 'optional-absent',
  spf: 'ok',
  'dkim-selector1': 'ok',
  'dkim-selector2': 'ok',
  dmarc: 'ok',
  sipfederation: 'ok',
  sip: 'ok',
  lyncdiscover: 'ok',
  'sip-tls': 'ok',
  enterpriseregistration: 'ok',
  enterpriseenrollment: 'ok',
};

const DEFS: RecordDef[] = [
  // --- Healthy, in each cloud -----------------------------------------------------------------
  {
    domain: 'healthy-ww.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Worldwide tenant with every record right (DKIM onmicrosoft form, DMARC p=reject, Teams, Intune)',
    expect: { health: 'healthy', msoid: 'ok', records: ALL_OK },
    records: tenantRecords('healthy-ww.test', 'ww'),
  },
  {
    domain: 'healthy-21v.test',
    source: 'nsd',
    cloud: '21vianet',
    description:
      '21Vianet tenant with every documented record right: msoid, and Intune enrollment with the -s value (no DKIM: not documented)',
    expect: {
      health: 'healthy',
      msoid: 'ok',
      records: {
        ...ALL_OK,
        'dkim-selector1': 'optional-absent',
        'dkim-selector2': 'optional-absent',
        enterpriseregistration: 'optional-absent',
      },
    },
    records: tenantRecords('healthy-21v.test', '21v'),
  },
  {
    domain: 'healthy-gcch.test',
    source: 'nsd',
    cloud: 'gcchigh',
    description: 'GCC High tenant with every record right (MX token is the tenant, DKIM onmicrosoft.us form)',
    expect: { health: 'healthy', msoid: 'ok', records: ALL_OK },
    records: tenantRecords('healthy-gcch.test', 'gcch'),
  },
  {
    domain: 'healthy-dod.test',
    source: 'nsd',
    cloud: 'dod',
    description: 'DoD tenant with every record right',
    expect: { health: 'healthy', msoid: 'ok', records: ALL_OK },
    records: tenantRecords('healthy-dod.test', 'dod'),
  },

  // --- One record wrong each --------------------------------------------------------------------
  {
    domain: 'spf-two.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Two SPF TXT records at the apex (a permanent error for receivers)',
    expect: { health: 'broken', msoid: 'ok', records: { spf: 'too-many', mx: 'ok', verification: 'ok' } },
    records: tenantRecords('spf-two.test', 'ww', {
      spf: [
        rec('spf-two.test', 'TXT', `v=spf1 include:${RV.ww.spf} -all`),
        rec('spf-two.test', 'TXT', 'v=spf1 include:_spf.oldmail.test ~all'),
      ],
    }),
  },
  {
    domain: 'spf-deep.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'SPF needs 12 DNS lookups through nested includes (limit 10)',
    expect: { health: 'broken', msoid: 'ok', records: { spf: 'wrong-value', mx: 'ok' } },
    records: tenantRecords('spf-deep.test', 'ww', {
      spf: [
        rec(
          'spf-deep.test',
          'TXT',
          `v=spf1 include:${RV.ww.spf} include:_spf-a.spf-deep.test include:_spf-b.spf-deep.test -all`,
        ),
        rec('_spf-a.spf-deep.test', 'TXT', 'v=spf1 include:_spf-c.spf-deep.test a mx ~all'),
        rec('_spf-c.spf-deep.test', 'TXT', 'v=spf1 a:mail1.spf-deep.test a:mail2.spf-deep.test ~all'),
        rec('_spf-b.spf-deep.test', 'TXT', 'v=spf1 include:_spf-d.spf-deep.test mx:spf-deep.test ~all'),
        rec('_spf-d.spf-deep.test', 'TXT', 'v=spf1 exists:relay.spf-deep.test a:mail3.spf-deep.test ~all'),
      ],
    }),
  },
  {
    domain: 'mx-old.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'The old mail host (priority 0) is preferred over Microsoft (priority 10); no Teams or Intune',
    expect: {
      health: 'broken',
      msoid: 'ok',
      records: {
        mx: 'wrong-value',
        spf: 'ok',
        sipfederation: 'not-applicable',
        enterpriseenrollment: 'not-applicable',
      },
    },
    records: tenantRecords('mx-old.test', 'ww', {
      mx: [rec('mx-old.test', 'MX', '0 mail.oldhost.test'), rec('mx-old.test', 'MX', `10 mx-old-test.${RV.ww.mx}`)],
      teams: [],
      sfb: [],
      intune: [],
    }),
  },
  {
    domain: 'dkim-mixed.test',
    source: 'nsd',
    cloud: 'worldwide',
    description:
      'DKIM selector1 in the onmicrosoft.com form, selector2 in the dkim.mail.microsoft form (fine: only one selector may not mix them)',
    expect: {
      health: 'healthy',
      msoid: 'ok',
      records: { 'dkim-selector1': 'ok', 'dkim-selector2': 'ok', mx: 'ok' },
    },
    records: tenantRecords('dkim-mixed.test', 'ww', { dkim: dkim('dkim-mixed.test', ['old', 'new']) }),
  },
  {
    domain: 'dkim-new.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Both DKIM selectors in the new dkim.mail.microsoft form (healthy)',
    expect: { health: 'healthy', msoid: 'ok', records: ALL_OK },
    records: tenantRecords('dkim-new.test', 'ww', { dkim: dkim('dkim-new.test', ['new', 'new']) }),
  },
  {
    domain: 'dmarc-none.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'DMARC only monitors (p=none)',
    expect: { health: 'needs-attention', msoid: 'ok', records: { dmarc: 'wrong-value', spf: 'ok' } },
    records: tenantRecords('dmarc-none.test', 'ww', {
      dmarc: [rec('_dmarc.dmarc-none.test', 'TXT', 'v=DMARC1; p=none; rua=mailto:dmarc@dmarc-none.test')],
    }),
  },
  {
    domain: 'intune-old.test',
    source: 'nsd',
    cloud: 'worldwide',
    description:
      'enterpriseenrollment points at the older enterpriseenrollment.manage.microsoft.com (works, with a prompt)',
    expect: {
      health: 'needs-attention',
      msoid: 'ok',
      records: { enterpriseenrollment: 'deprecated', enterpriseregistration: 'ok' },
    },
    records: tenantRecords('intune-old.test', 'ww', {
      intune: [
        rec('enterpriseregistration.intune-old.test', 'CNAME', RV.ww.registration),
        rec('enterpriseenrollment.intune-old.test', 'CNAME', RV.ww.enrollmentOld),
      ],
    }),
  },
  {
    domain: 'teams-port.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Teams federation SRV on port 443 instead of 5061',
    expect: { health: 'broken', msoid: 'ok', records: { sipfederation: 'wrong-value', 'sip-tls': 'ok' } },
    records: tenantRecords('teams-port.test', 'ww', {
      teams: [rec('_sipfederationtls._tcp.teams-port.test', 'SRV', `100 1 443 ${RV.ww.sipfed}`)],
    }),
  },
  {
    domain: 'sfb-wrong.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Legacy Skype for Business records present but wrong (sip → sipfed, _sip._tls on port 5061)',
    expect: {
      health: 'needs-attention',
      msoid: 'ok',
      records: { sip: 'wrong-value', 'sip-tls': 'wrong-value', lyncdiscover: 'ok', sipfederation: 'ok' },
    },
    records: tenantRecords('sfb-wrong.test', 'ww', {
      sfb: [
        rec('sip.sfb-wrong.test', 'CNAME', RV.ww.sipfed),
        rec('lyncdiscover.sfb-wrong.test', 'CNAME', RV.ww.webdir),
        rec('_sip._tls.sfb-wrong.test', 'SRV', `100 1 5061 ${RV.ww.sipdir}`),
      ],
    }),
  },
  {
    domain: 'sfb-none.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Teams-only tenant without the legacy Skype for Business records (not an error)',
    expect: {
      health: 'healthy',
      msoid: 'ok',
      records: { sip: 'optional-absent', lyncdiscover: 'optional-absent', 'sip-tls': 'optional-absent' },
    },
    records: tenantRecords('sfb-none.test', 'ww', { sfb: [] }),
  },
  {
    domain: 'null-mx.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'A null MX (0 .) says the domain takes no mail, though autodiscover points at Microsoft 365',
    expect: { health: 'broken', msoid: 'ok', records: { mx: 'wrong-value', autodiscover: 'ok' } },
    records: tenantRecords('null-mx.test', 'ww', { mx: [rec('null-mx.test', 'MX', '0 .')] }),
  },
  {
    domain: 'cf-proxied.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Cloudflare DNS; autodiscover is proxied (answers A records instead of the CNAME); no DKIM yet',
    expect: {
      health: 'broken',
      msoid: 'ok',
      host: 'cloudflare',
      records: { autodiscover: 'proxied', 'dkim-selector1': 'missing', 'dkim-selector2': 'missing', mx: 'ok' },
    },
    records: tenantRecords('cf-proxied.test', 'ww', {
      ns: apexNs('cf-proxied.test', HOST_NS.cloudflare),
      autodiscover: [
        rec('autodiscover.cf-proxied.test', 'A', '198.51.100.21', 300),
        rec('autodiscover.cf-proxied.test', 'A', '198.51.100.22', 300),
      ],
      dkim: [],
    }),
  },
  {
    domain: 'spf-timeout.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'SPF includes _spf.drop.test, whose server drops every query: SPF could not be checked',
    expect: { health: 'could-not-check', msoid: 'ok', records: { ...ALL_OK, spf: 'lookup-failed' } },
    records: tenantRecords('spf-timeout.test', 'ww', {
      spf: [rec('spf-timeout.test', 'TXT', `v=spf1 include:${RV.ww.spf} include:_spf.drop.test -all`)],
    }),
  },
  {
    domain: 'cname-conflict.test',
    source: 'fake',
    via: 'direct',
    cloud: 'worldwide',
    description: 'autodiscover has a CNAME and a TXT record (served by the fake server; nsd refuses the zone)',
    expect: { health: 'broken', msoid: 'ok', records: { autodiscover: 'conflict', mx: 'ok', spf: 'ok' } },
    records: tenantRecords('cname-conflict.test', 'ww', {
      autodiscover: [
        rec('autodiscover.cname-conflict.test', 'CNAME', RV.ww.autodiscover),
        rec('autodiscover.cname-conflict.test', 'TXT', 'v=verify1; owner=it@cname-conflict.test'),
      ],
    }),
    rules: [],
  },

  {
    domain: 'intune-old-21v.test',
    source: 'nsd',
    cloud: '21vianet',
    description: '21Vianet tenant whose enterpriseenrollment uses the form without -s (works, with a prompt)',
    expect: { health: 'needs-attention', msoid: 'ok', records: { enterpriseenrollment: 'deprecated', mx: 'ok' } },
    records: tenantRecords('intune-old-21v.test', '21v', {
      intune: [rec('enterpriseenrollment.intune-old-21v.test', 'CNAME', RV['21v'].enrollmentOld)],
    }),
  },
  {
    domain: 'mx-eo.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'MX still at the legacy Microsoft form *.mail.eo.outlook.com (Microsoft asks to replace it)',
    expect: { health: 'needs-attention', msoid: 'ok', records: { mx: 'deprecated', autodiscover: 'ok', spf: 'ok' } },
    records: tenantRecords('mx-eo.test', 'ww', { mx: [rec('mx-eo.test', 'MX', '0 mx-eo-test.mail.eo.outlook.com')] }),
  },
  {
    domain: 'autodiscover-srv.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'An _autodiscover._tcp SRV record beside a correct autodiscover CNAME (a note, not a problem)',
    expect: { health: 'healthy', msoid: 'ok', records: { ...ALL_OK, 'autodiscover-srv': 'ok' } },
    records: tenantRecords('autodiscover-srv.test', 'ww', {
      other: [rec('_autodiscover._tcp.autodiscover-srv.test', 'SRV', '0 0 443 mail.autodiscover-srv.test')],
    }),
  },
  {
    domain: 'dmarc-parent.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Worldwide tenant whose DMARC record (p=reject) also covers its subdomain sales.dmarc-parent.test',
    expect: { health: 'healthy', msoid: 'ok', records: ALL_OK },
    records: tenantRecords('dmarc-parent.test', 'ww'),
  },
  {
    domain: 'sales.dmarc-parent.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: "A subdomain without a DMARC record of its own, covered by dmarc-parent.test's record",
    expect: { health: 'healthy', msoid: 'ok', records: { dmarc: 'ok', mx: 'ok', spf: 'ok' } },
    records: tenantRecords('sales.dmarc-parent.test', 'ww', { dmarc: [] }),
  },

  // --- DNS hosts ----------------------------------------------------------------------------------
  {
    domain: 'host-godaddy-gcch.test',
    source: 'nsd',
    cloud: 'gcchigh',
    description: "GoDaddy DNS; GCC High tenant (the GCC High DNS page comes first, GoDaddy's page second)",
    expect: { health: 'healthy', msoid: 'ok', host: 'godaddy', records: ALL_OK },
    records: tenantRecords('host-godaddy-gcch.test', 'gcch', { ns: apexNs('host-godaddy-gcch.test', HOST_NS.godaddy) }),
  },
  {
    domain: 'host-godaddy-ww.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'GoDaddy DNS; worldwide tenant with the old msoid CNAME and no autodiscover',
    expect: {
      health: 'broken',
      msoid: 'must-remove',
      host: 'godaddy',
      records: { msoid: 'must-remove', autodiscover: 'missing', mx: 'ok' },
    },
    records: tenantRecords('host-godaddy-ww.test', 'ww', {
      ns: apexNs('host-godaddy-ww.test', HOST_NS.godaddy),
      msoid: [rec('msoid.host-godaddy-ww.test', 'CNAME', RV.msoidLegacyWw)],
      autodiscover: [],
    }),
  },
  {
    domain: 'host-alibaba-21v.test',
    source: 'nsd',
    cloud: '21vianet',
    description: 'Alibaba Cloud DNS (HiChina); 21Vianet tenant without msoid',
    expect: {
      health: 'needs-attention',
      msoid: 'missing',
      host: 'alibaba-cloud-dns',
      records: { msoid: 'missing', mx: 'ok', autodiscover: 'ok' },
    },
    records: tenantRecords('host-alibaba-21v.test', '21v', {
      ns: apexNs('host-alibaba-21v.test', HOST_NS.alibaba),
      msoid: [],
    }),
  },
  {
    domain: 'host-dnspod-21v.test',
    source: 'nsd',
    cloud: '21vianet',
    description: 'DNSPod (Tencent Cloud); 21Vianet tenant with Skype records but no Teams federation SRV',
    expect: {
      health: 'broken',
      msoid: 'ok',
      host: 'dnspod',
      records: { sipfederation: 'missing', msoid: 'ok', sip: 'ok' },
    },
    records: tenantRecords('host-dnspod-21v.test', '21v', {
      ns: apexNs('host-dnspod-21v.test', HOST_NS.dnspod),
      teams: [],
    }),
  },
  {
    domain: 'host-msdns-ww.test',
    source: 'nsd',
    cloud: 'worldwide',
    description: 'Microsoft-managed DNS (ns1.bdm.microsoftonline.com …); no DMARC record',
    expect: {
      health: 'needs-attention',
      msoid: 'ok',
      host: 'microsoft-365',
      records: { dmarc: 'missing', mx: 'ok' },
    },
    records: tenantRecords('host-msdns-ww.test', 'ww', {
      ns: apexNs('host-msdns-ww.test', HOST_NS.microsoft),
      dmarc: [],
    }),
  },
];

/** Every record fixture with its expectations (no zone data). */
export const RECORD_FIXTURES: RecordFixture[] = DEFS.map(({ records: _r, rules: _u, ...fixture }) => fixture);

/** The record fixture of `domain` (throws when unknown, so a renamed fixture fails loudly). */
export function recordFixture(domain: string): RecordFixture {
  const found = RECORD_FIXTURES.find((f) => f.domain === domain);
  if (!found) throw new Error(`no record fixture ${domain}`);
  return found;
}

function asFixture(def: RecordDef): Fixture & { records: ZoneRecord[] } {
  return {
    domain: def.domain,
    source: def.source === 'fake' ? 'fake' : 'nsd',
    expect: { msoid: def.expect.msoid ?? 'ok', cloud: def.cloud },
    description: def.description,
    records: def.records,
  };
}

/** The nsd-served record fixtures, in the shape of lab/fixtures.ts's NSD_DEFS. */
export function recordNsdDefs(): Array<Fixture & { records: ZoneRecord[] }> {
  return DEFS.filter((d) => d.source === 'nsd').map(asFixture);
}

/** The fake-server record fixtures, in the shape of lab/fixtures.ts's FAKE_DEFS. */
export function recordFakeDefs(): Array<Fixture & { records: ZoneRecord[]; rules: Rule[] }> {
  return DEFS.filter((d) => d.source === 'fake').map((d) => ({ ...asFixture(d), rules: d.rules ?? [] }));
}

const under = (name: string, apex: string) => name === apex || name.endsWith(`.${apex}`);

/**
 * The Microsoft zones the record fixtures' CNAMEs point into (DKIM keys under onmicrosoft.com/.us and
 * dkim.mail.microsoft; Intune enrolment hosts), with a record at every target the fixtures name, so each
 * chain ends in data rather than NXDOMAIN.
 */
export function recordMicrosoftZones(): Zone[] {
  const targets = DEFS.flatMap((d) => d.records)
    .filter((r) => r.type === 'CNAME')
    .map((r) => String(r.data).toLowerCase());
  return TARGET_ZONES.map((apex) => ({
    apex,
    records: [...new Set(targets.filter((t) => under(t, apex)))].map((t) =>
      t.includes('._domainkey.')
        ? rec(
            t,
            'TXT',
            `v=DKIM1; k=rsa; p=${seeded(t, 120, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
          )
        : rec(t, 'A', '203.0.113.70'),
    ),
  }));
}

/**
 * Every Microsoft 365 DNS record for each cloud family, as data (docs/m365-dns-facts.md §record-values). DNS
 * values live here and in message params only, never in the message catalogue. Pure.
 */

import type { FactId } from '@/lib/facts';
import type {
  CloudFamily,
  EffectiveCloud,
  RecordId,
  RecordService,
  RecordType,
  Requirement,
  ServiceFlag,
} from '@/lib/schema';

/** TTL Microsoft's DNS pages give for the records they list (docs/m365-dns-facts.md §ttl). */
export const RECORD_TTL = 3600;

export { SPF_LOOKUP_LIMIT } from '@/lib/lookups/spf';

/**
 * Tenant-specific values DNS cannot reveal. Fixes carry these placeholders, and a note says where
 * to copy the real value from (admin center → Settings → Domains → the domain → DNS records).
 */
export const PLACEHOLDERS = {
  mx: '<MX value from the admin center>',
  selector1: '<selector1 CNAME value from the admin center>',
  selector2: '<selector2 CNAME value from the admin center>',
  verification: 'MS=<value from the admin center>',
  dmarcReports: 'mailto:<mailbox for DMARC reports>',
} as const;

/** DKIM CNAME target forms: `…._domainkey.<tenant>.onmicrosoft.com` (before May 2025) or `….<c>-v1.dkim.mail.microsoft`. */
export type DkimFormat = { id: 'onmicrosoft' | 'dkim-mail-microsoft'; suffix: string };

/** What a record should hold. Exact values and suffixes are whole-label DNS names. */
export type Expectation =
  | { kind: 'mx'; suffixes: readonly string[]; legacy: readonly string[] }
  | {
      kind: 'cname';
      target: string;
      /** Older targets that still work but cost users an extra step (a notice, not an error). */
      deprecated: readonly string[];
    }
  /** Microsoft does not document a value for this cloud: present is informational, absent is fine. */
  | { kind: 'undocumented' }
  | { kind: 'srv'; priority: number; weight: number; port: number; target: string }
  /** Microsoft documents no rule for the record: we only say what it does (`_autodiscover._tcp`). */
  | { kind: 'informational' }
  | { kind: 'spf'; include: string }
  | { kind: 'verification' }
  | { kind: 'dkim'; selector: 1 | 2; formats: readonly DkimFormat[] }
  | { kind: 'dmarc' }
  | { kind: 'msoid' };

export type RecordSpec = {
  id: RecordId;
  service: RecordService;
  /** The service whose use makes the record needed; null = the same requirement either way. */
  gate: ServiceFlag | null;
  /** Host label relative to the domain (`@` = apex). */
  host: string;
  type: RecordType;
  expected: Expectation;
  /** What the record is when the gating service is used (`on`) or not (`off`). */
  requirement: { on: Requirement; off: Requirement };
  reference: string;
  /** The section of docs/m365-dns-facts.md that gives the value and its Microsoft source. */
  source: FactId;
};

export type CloudCatalogue = {
  family: CloudFamily;
  /** Where admins copy tenant-specific values; null when no public address is documented. */
  portal: string | null;
  records: Readonly<Record<RecordId, RecordSpec>>;
};

const LEARN = 'https://learn.microsoft.com/en-us';
/** A Microsoft document at one commit of its public repository (a page version that is no longer live). */
const atCommit = (repo: string, commit: string, path: string) =>
  `https://github.com/MicrosoftDocs/${repo}/blob/${commit}/${path}`;

/** Reference links per record and cloud (docs/m365-dns-facts.md says what each page holds and when it was read). */
export const REFERENCES = {
  worldwide: `${LEARN}/microsoft-365/enterprise/external-domain-name-system-records`,
  '21vianet': `${LEARN}/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider?view=o365-21vianet`,
  '21vianet-msoid': `${LEARN}/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet`,
  gcchigh: `${LEARN}/microsoft-365/enterprise/dns-records-for-office-365-gcc-high`,
  dod: `${LEARN}/microsoft-365/enterprise/dns-records-for-office-365-dod`,
  verification: `${LEARN}/microsoft-365/admin/get-help-with-domains/information-for-dns-records`,
  spf: `${LEARN}/defender-office-365/email-authentication-spf-configure`,
  dkim: `${LEARN}/defender-office-365/email-authentication-dkim-configure`,
  dmarc: `${LEARN}/defender-office-365/email-authentication-dmarc-configure`,
  intune: `${LEARN}/intune/device-enrollment/windows/create-cname-autodiscovery`,
  /** Outlook's Autodiscover order (the SRV lookup comes after the other steps). */
  autodiscoverSrv: `${LEARN}/exchange/client-developer/exchange-web-services/autodiscover-for-exchange`,
  /** Multi-Geo in-region routing: "delete any legacy MX records that contain … mail.eo.outlook.com". */
  mxLegacy: `${LEARN}/microsoft-365/enterprise/configure-multi-geo-in-region-routing`,
  /** Skype for Business records, worldwide: Microsoft's Windows DNS page still lists sip, lyncdiscover and _sip._tls. */
  'sfb-worldwide': `${LEARN}/microsoft-365/admin/dns/create-dns-records-using-windows-based-dns`,
  /** 21Vianet's Skype for Business values: the retired DNSPod page (the last Microsoft page that listed them). */
  'sfb-21vianet': atCommit(
    'OfficeDocs-O365ITPro',
    '194a33999dc23e6a88f56726ba025b008e70815d',
    'Office365-Admin/services-in-china/create-dns-records-at-dnspod.md',
  ),
  /** GCC High's and DoD's Skype for Business values: the 2020 versions of their DNS pages. */
  'sfb-gcchigh': atCommit(
    'microsoft-365-docs',
    '940c6ea9b09dd3922b23b8656556d86b2e63824b',
    'microsoft-365/enterprise/dns-records-for-office-365-gcc-high.md',
  ),
  'sfb-dod': atCommit(
    'microsoft-365-docs',
    '4cf59095f1885d8366ab1cc825b63b87c77287b2',
    'microsoft-365/enterprise/dns-records-for-office-365-dod.md',
  ),
} as const;

/** The values that differ between cloud families (docs/m365-dns-facts.md §record-values). */
type FamilyValues = {
  family: CloudFamily;
  portal: string | null;
  reference: string;
  mxSuffixes: readonly string[];
  /** Older Microsoft MX forms that still belong to Microsoft 365 but should be replaced. */
  mxLegacy: readonly string[];
  autodiscover: string;
  spfInclude: string;
  sipfed: string;
  sipdir: string;
  webdir: string;
  /** Where the Skype for Business values of this cloud come from. */
  sfbReference: string;
  /** null: not documented for this cloud. */
  registration: string | null;
  enrollment: { target: string; deprecated: readonly string[] };
  /** null: DKIM is not documented for this cloud. */
  dkim: readonly DkimFormat[] | null;
  msoidReference: string;
};

/**
 * Autodiscover is asked for at one level in every cloud: required when mail is on. Microsoft's page of external
 * records lists it first among the records "required for email" that "all customers should use"; no page gives
 * 21Vianet a reason to differ (docs/m365-dns-facts.md §autodiscover-requirement).
 */
const AUTODISCOVER_REQUIREMENT = { on: 'required', off: 'optional' } as const;

function build(v: FamilyValues): CloudCatalogue {
  const rec = (
    id: RecordId,
    service: RecordService,
    gate: ServiceFlag | null,
    host: string,
    type: RecordType,
    expected: Expectation,
    requirement: RecordSpec['requirement'],
    source: FactId,
    reference: string = v.reference,
  ): RecordSpec => ({ id, service, gate, host, type, expected, requirement, reference, source });
  const optional = { on: 'optional', off: 'optional' } as const;
  const dkim = (selector: 1 | 2): RecordSpec =>
    rec(
      selector === 1 ? 'dkim-selector1' : 'dkim-selector2',
      'dkim',
      'mail',
      `selector${selector}._domainkey`,
      'CNAME',
      v.dkim ? { kind: 'dkim', selector, formats: v.dkim } : { kind: 'undocumented' },
      v.dkim ? { on: 'recommended', off: 'optional' } : optional,
      'dkim',
      REFERENCES.dkim,
    );
  const records: Record<RecordId, RecordSpec> = {
    verification: rec(
      'verification',
      'core',
      null,
      '@',
      'TXT',
      { kind: 'verification' },
      optional,
      'verification',
      REFERENCES.verification,
    ),
    msoid: rec('msoid', 'core', null, 'msoid', 'CNAME', { kind: 'msoid' }, optional, 'msoid', v.msoidReference),
    mx: rec(
      'mx',
      'mail',
      'mail',
      '@',
      'MX',
      { kind: 'mx', suffixes: v.mxSuffixes, legacy: v.mxLegacy },
      { on: 'required', off: 'optional' },
      'mx',
    ),
    autodiscover: rec(
      'autodiscover',
      'mail',
      'mail',
      'autodiscover',
      'CNAME',
      { kind: 'cname', target: v.autodiscover, deprecated: [] },
      AUTODISCOVER_REQUIREMENT,
      'autodiscover',
    ),
    'autodiscover-srv': rec(
      'autodiscover-srv',
      'mail',
      'mail',
      '_autodiscover._tcp',
      'SRV',
      { kind: 'informational' },
      optional,
      'autodiscover-srv',
      REFERENCES.autodiscoverSrv,
    ),
    spf: rec(
      'spf',
      'mail',
      'mail',
      '@',
      'TXT',
      { kind: 'spf', include: v.spfInclude },
      { on: 'recommended', off: 'optional' },
      'spf',
      REFERENCES.spf,
    ),
    'dkim-selector1': dkim(1),
    'dkim-selector2': dkim(2),
    dmarc: rec(
      'dmarc',
      'dmarc',
      null,
      '_dmarc',
      'TXT',
      { kind: 'dmarc' },
      { on: 'recommended', off: 'recommended' },
      'dmarc',
      REFERENCES.dmarc,
    ),
    sipfederation: rec(
      'sipfederation',
      'teams',
      'teams',
      '_sipfederationtls._tcp',
      'SRV',
      { kind: 'srv', priority: 100, weight: 1, port: 5061, target: v.sipfed },
      { on: 'required', off: 'optional' },
      'teams-federation',
      v.family === '21vianet' ? v.sfbReference : v.reference,
    ),
    sip: rec(
      'sip',
      'legacy-sfb',
      null,
      'sip',
      'CNAME',
      { kind: 'cname', target: v.sipdir, deprecated: [] },
      optional,
      'skype-for-business',
      v.sfbReference,
    ),
    lyncdiscover: rec(
      'lyncdiscover',
      'legacy-sfb',
      null,
      'lyncdiscover',
      'CNAME',
      { kind: 'cname', target: v.webdir, deprecated: [] },
      optional,
      'skype-for-business',
      v.sfbReference,
    ),
    'sip-tls': rec(
      'sip-tls',
      'legacy-sfb',
      null,
      '_sip._tls',
      'SRV',
      { kind: 'srv', priority: 100, weight: 1, port: 443, target: v.sipdir },
      optional,
      'skype-for-business',
      v.sfbReference,
    ),
    enterpriseregistration: rec(
      'enterpriseregistration',
      'intune',
      'intune',
      'enterpriseregistration',
      'CNAME',
      v.registration ? { kind: 'cname', target: v.registration, deprecated: [] } : { kind: 'undocumented' },
      v.registration ? { on: 'recommended', off: 'optional' } : optional,
      'intune-registration',
      REFERENCES.intune,
    ),
    // Microsoft: "Although the CNAME configuration is optional, it makes enrollment easier" (§intune-enrollment).
    enterpriseenrollment: rec(
      'enterpriseenrollment',
      'intune',
      'intune',
      'enterpriseenrollment',
      'CNAME',
      { kind: 'cname', ...v.enrollment },
      optional,
      'intune-enrollment',
      REFERENCES.intune,
    ),
  };
  return { family: v.family, portal: v.portal, records };
}

const GOV_DKIM: readonly DkimFormat[] = [
  // GCC High/DoD initial domains are *.onmicrosoft.us; the new form is accepted as in worldwide (§dkim).
  { id: 'onmicrosoft', suffix: 'onmicrosoft.us' },
  { id: 'dkim-mail-microsoft', suffix: 'dkim.mail.microsoft' },
];

/** The form without `-s` is Microsoft's older target; for the US government cloud it is our reading by analogy. */
const GOV_ENROLLMENT = {
  target: 'enterpriseenrollment-s.manage.microsoft.us',
  deprecated: ['enterpriseenrollment.manage.microsoft.us'],
};

/** One catalogue per cloud family. Worldwide and GCC share one. */
export const CATALOGUES: Readonly<Record<CloudFamily, CloudCatalogue>> = {
  worldwide: build({
    family: 'worldwide',
    portal: 'admin.microsoft.com',
    reference: REFERENCES.worldwide,
    mxSuffixes: ['mail.protection.outlook.com', 'mx.microsoft'],
    mxLegacy: ['mail.eo.outlook.com'],
    autodiscover: 'autodiscover.outlook.com',
    spfInclude: 'spf.protection.outlook.com',
    sipfed: 'sipfed.online.lync.com',
    sipdir: 'sipdir.online.lync.com',
    webdir: 'webdir.online.lync.com',
    sfbReference: REFERENCES['sfb-worldwide'],
    registration: 'enterpriseregistration.windows.net',
    enrollment: {
      target: 'enterpriseenrollment-s.manage.microsoft.com',
      deprecated: ['enterpriseenrollment.manage.microsoft.com', 'manage.microsoft.com'],
    },
    dkim: [
      { id: 'onmicrosoft', suffix: 'onmicrosoft.com' },
      { id: 'dkim-mail-microsoft', suffix: 'dkim.mail.microsoft' },
    ],
    msoidReference: REFERENCES.worldwide,
  }),
  '21vianet': build({
    family: '21vianet',
    portal: 'portal.partner.microsoftonline.cn',
    reference: REFERENCES['21vianet'],
    mxSuffixes: ['mail.protection.partner.outlook.cn'],
    mxLegacy: [],
    autodiscover: 'autodiscover.partner.outlook.cn',
    spfInclude: 'spf.protection.partner.outlook.cn',
    sipfed: 'sipfed.online.partner.lync.cn',
    sipdir: 'sipdir.online.partner.lync.cn',
    webdir: 'webdir.online.partner.lync.cn',
    sfbReference: REFERENCES['sfb-21vianet'],
    registration: null,
    // Microsoft's Intune page gives the `-s` value for 21Vianet; the older form is our reading by analogy.
    enrollment: {
      target: 'enterpriseenrollment-s.manage.microsoftonline.cn',
      deprecated: ['enterpriseenrollment.manage.microsoftonline.cn'],
    },
    dkim: null,
    msoidReference: REFERENCES['21vianet-msoid'],
  }),
  gcchigh: build({
    family: 'gcchigh',
    portal: null,
    reference: REFERENCES.gcchigh,
    mxSuffixes: ['mail.protection.office365.us'],
    mxLegacy: [],
    autodiscover: 'autodiscover.office365.us',
    spfInclude: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.gov.skypeforbusiness.us',
    sipdir: 'sipdir.online.gov.skypeforbusiness.us',
    webdir: 'webdir.online.gov.skypeforbusiness.us',
    sfbReference: REFERENCES['sfb-gcchigh'],
    registration: 'enterpriseregistration.windows.net',
    enrollment: GOV_ENROLLMENT,
    dkim: GOV_DKIM,
    msoidReference: REFERENCES.gcchigh,
  }),
  dod: build({
    family: 'dod',
    portal: null,
    reference: REFERENCES.dod,
    mxSuffixes: ['mail.protection.office365.us'],
    mxLegacy: [],
    autodiscover: 'autodiscover-dod.office365.us',
    spfInclude: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.dod.skypeforbusiness.us',
    sipdir: 'sipdir.online.dod.skypeforbusiness.us',
    webdir: 'webdir.online.dod.skypeforbusiness.us',
    sfbReference: REFERENCES['sfb-dod'],
    registration: 'enterpriseregistration.windows.net',
    enrollment: GOV_ENROLLMENT,
    dkim: GOV_DKIM,
    msoidReference: REFERENCES.dod,
  }),
};

/** The family whose values a cloud uses; null when the cloud is unknown. */
export function familyOf(cloud: EffectiveCloud): CloudFamily | null {
  switch (cloud) {
    case 'worldwide':
    case 'gcc':
      return 'worldwide';
    case 'unknown':
      return null;
    default:
      return cloud;
  }
}

/**
 * The spec of a record in a family. With no family (cloud unknown) the worldwide spec supplies the
 * shape (host, type, service, reference); its values must not be used to judge.
 */
export function specOf(family: CloudFamily | null, id: RecordId): RecordSpec {
  return CATALOGUES[family ?? 'worldwide'].records[id];
}

/** Every family's spec of one record, for "this is another cloud's value" and cloud-unknown notes. */
export function specsByFamily(id: RecordId): [CloudFamily, RecordSpec][] {
  return (Object.keys(CATALOGUES) as CloudFamily[]).map((f) => [f, CATALOGUES[f].records[id]]);
}

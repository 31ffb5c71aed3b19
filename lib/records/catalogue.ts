/**
 * Every Microsoft 365 DNS record for each cloud family, as data (facts §2). DNS values live here and in
 * message params only, never in the message catalogue. Pure.
 */
import type { EffectiveCloud, RecordType, Requirement } from '@/lib/schema';
import type { CloudFamily, RecordId, RecordService, ServiceFlag } from './schema';

/** TTL Microsoft uses for every record it lists (facts §1.3, §2). */
export const RECORD_TTL = 3600;

/** RFC 7208 §4.6.4: at most 10 DNS-querying terms per SPF evaluation. */
export const SPF_LOOKUP_LIMIT = 10;

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
  | { kind: 'mx'; suffixes: readonly string[] }
  | {
      kind: 'cname';
      target: string;
      /** Old targets that still work but are unsupported (a warning, not an error). */
      deprecated: readonly string[];
      /** False when only a third party documents the value: a mismatch is a notice, not a warning. */
      verified: boolean;
    }
  /** Microsoft does not document a value for this cloud: present is informational, absent is fine. */
  | { kind: 'undocumented' }
  | { kind: 'srv'; priority: number; weight: number; port: number; target: string }
  /** The record must not exist while the service is used (`_autodiscover._tcp`). */
  | { kind: 'absent' }
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
};

export type CloudCatalogue = {
  family: CloudFamily;
  /** Where admins copy tenant-specific values; null when no public address is documented. */
  portal: string | null;
  records: Readonly<Record<RecordId, RecordSpec>>;
};

const LEARN = 'https://learn.microsoft.com/en-us';
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
} as const;

/** The values that differ between cloud families (facts §2.1–2.3). */
type FamilyValues = {
  family: CloudFamily;
  portal: string | null;
  reference: string;
  mxSuffixes: readonly string[];
  autodiscover: string;
  /** 21Vianet lists autodiscover as required; worldwide calls it "optional but highly recommended". */
  autodiscoverRequirement: Requirement;
  spfInclude: string;
  sipfed: string;
  sipdir: string;
  webdir: string;
  /** null: not documented for this cloud. */
  registration: string | null;
  enrollment: { target: string; deprecated: readonly string[]; verified: boolean };
  /** null: DKIM is not documented for this cloud. */
  dkim: readonly DkimFormat[] | null;
  msoidReference: string;
};

function build(v: FamilyValues): CloudCatalogue {
  const rec = (
    id: RecordId,
    service: RecordService,
    gate: ServiceFlag | null,
    host: string,
    type: RecordType,
    expected: Expectation,
    requirement: RecordSpec['requirement'],
    reference: string = v.reference,
  ): RecordSpec => ({ id, service, gate, host, type, expected, requirement, reference });
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
      REFERENCES.verification,
    ),
    msoid: rec('msoid', 'core', null, 'msoid', 'CNAME', { kind: 'msoid' }, optional, v.msoidReference),
    mx: rec(
      'mx',
      'mail',
      'mail',
      '@',
      'MX',
      { kind: 'mx', suffixes: v.mxSuffixes },
      { on: 'required', off: 'optional' },
    ),
    autodiscover: rec(
      'autodiscover',
      'mail',
      'mail',
      'autodiscover',
      'CNAME',
      { kind: 'cname', target: v.autodiscover, deprecated: [], verified: true },
      { on: v.autodiscoverRequirement, off: 'optional' },
    ),
    'autodiscover-srv': rec(
      'autodiscover-srv',
      'mail',
      'mail',
      '_autodiscover._tcp',
      'SRV',
      { kind: 'absent' },
      { on: 'must-not-exist', off: 'optional' },
    ),
    spf: rec(
      'spf',
      'mail',
      'mail',
      '@',
      'TXT',
      { kind: 'spf', include: v.spfInclude },
      { on: 'recommended', off: 'optional' },
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
    ),
    sip: rec(
      'sip',
      'legacy-sfb',
      null,
      'sip',
      'CNAME',
      { kind: 'cname', target: v.sipdir, deprecated: [], verified: true },
      optional,
    ),
    lyncdiscover: rec(
      'lyncdiscover',
      'legacy-sfb',
      null,
      'lyncdiscover',
      'CNAME',
      { kind: 'cname', target: v.webdir, deprecated: [], verified: true },
      optional,
    ),
    'sip-tls': rec(
      'sip-tls',
      'legacy-sfb',
      null,
      '_sip._tls',
      'SRV',
      { kind: 'srv', priority: 100, weight: 1, port: 443, target: v.sipdir },
      optional,
    ),
    enterpriseregistration: rec(
      'enterpriseregistration',
      'intune',
      'intune',
      'enterpriseregistration',
      'CNAME',
      v.registration
        ? { kind: 'cname', target: v.registration, deprecated: [], verified: true }
        : { kind: 'undocumented' },
      v.registration ? { on: 'recommended', off: 'optional' } : optional,
      REFERENCES.intune,
    ),
    enterpriseenrollment: rec(
      'enterpriseenrollment',
      'intune',
      'intune',
      'enterpriseenrollment',
      'CNAME',
      { kind: 'cname', ...v.enrollment },
      { on: 'recommended', off: 'optional' },
      REFERENCES.intune,
    ),
  };
  return { family: v.family, portal: v.portal, records };
}

const GOV_DKIM: readonly DkimFormat[] = [
  // GCC High/DoD initial domains are *.onmicrosoft.us (facts §2.3); the new form is accepted as in worldwide.
  { id: 'onmicrosoft', suffix: 'onmicrosoft.us' },
  { id: 'dkim-mail-microsoft', suffix: 'dkim.mail.microsoft' },
];

const GOV_ENROLLMENT = { target: 'enterpriseenrollment-s.manage.microsoft.us', deprecated: [], verified: true };

/** One catalogue per cloud family. Worldwide and GCC share one. */
export const CATALOGUES: Readonly<Record<CloudFamily, CloudCatalogue>> = {
  worldwide: build({
    family: 'worldwide',
    portal: 'admin.microsoft.com',
    reference: REFERENCES.worldwide,
    mxSuffixes: ['mail.protection.outlook.com', 'mx.microsoft'],
    autodiscover: 'autodiscover.outlook.com',
    autodiscoverRequirement: 'recommended',
    spfInclude: 'spf.protection.outlook.com',
    sipfed: 'sipfed.online.lync.com',
    sipdir: 'sipdir.online.lync.com',
    webdir: 'webdir.online.lync.com',
    registration: 'enterpriseregistration.windows.net',
    enrollment: {
      target: 'enterpriseenrollment-s.manage.microsoft.com',
      deprecated: ['enterpriseenrollment.manage.microsoft.com', 'manage.microsoft.com'],
      verified: true,
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
    autodiscover: 'autodiscover.partner.outlook.cn',
    autodiscoverRequirement: 'required',
    spfInclude: 'spf.protection.partner.outlook.cn',
    sipfed: 'sipfed.online.partner.lync.cn',
    sipdir: 'sipdir.online.partner.lync.cn',
    webdir: 'webdir.online.partner.lync.cn',
    registration: null,
    // Only a third party (dnscontrol) documents this value (facts §2.2).
    enrollment: { target: 'enterpriseenrollment-s.manage.microsoftonline.cn', deprecated: [], verified: false },
    dkim: null,
    msoidReference: REFERENCES['21vianet-msoid'],
  }),
  gcchigh: build({
    family: 'gcchigh',
    portal: null,
    reference: REFERENCES.gcchigh,
    mxSuffixes: ['mail.protection.office365.us'],
    autodiscover: 'autodiscover.office365.us',
    autodiscoverRequirement: 'recommended',
    spfInclude: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.gov.skypeforbusiness.us',
    sipdir: 'sipdir.online.gov.skypeforbusiness.us',
    webdir: 'webdir.online.gov.skypeforbusiness.us',
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
    autodiscover: 'autodiscover-dod.office365.us',
    autodiscoverRequirement: 'recommended',
    spfInclude: 'spf.protection.office365.us',
    sipfed: 'sipfed.online.dod.skypeforbusiness.us',
    sipdir: 'sipdir.online.dod.skypeforbusiness.us',
    webdir: 'webdir.online.dod.skypeforbusiness.us',
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

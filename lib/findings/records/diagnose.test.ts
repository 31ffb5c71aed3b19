import { describe, expect, it } from 'vitest';
import {
  CLOUD_FAMILIES,
  type CloudFamily,
  isAnswered,
  RecordFinding,
  type RecordId,
  type RecordsHealth,
  type Severity,
} from '@/lib/schema';
import {
  aKeyOf,
  answer,
  at,
  autodiscoverChain,
  cname,
  DOMAIN,
  dkimPair,
  dkimTarget,
  emptyZone,
  failedAt,
  healthy,
  KEYS,
  type Lookups,
  lookup,
  msoidFinding,
  mxHost,
  nodata,
  type Run,
  run,
  viaChain,
} from './test-fixtures';

/** `[status.qualifier, severity]` expected for a record. */
type Want = readonly [code: string, severity?: Severity];
type Row = Run & { label: string; want: Partial<Record<RecordId, Want>>; health?: RecordsHealth };

const ww = (over: Lookups = {}): Lookups => ({ ...healthy('worldwide'), ...over });
const spfTxt = (...records: string[]): Lookups => ({ [KEYS.txt]: answer(DOMAIN, 'TXT', ...records) });
const mx = (...data: string[]): Lookups => ({ [KEYS.mx]: answer(DOMAIN, 'MX', ...data) });
const MS_MX = mxHost('worldwide');
const txtAt = (name: string, ...data: string[]) => answer(name, 'TXT', ...data);

/** Include tree for "over 10 lookups": the apex needs 1 + 3 + (1 + 4) + (1 + 4) = 14. */
const OVER_LIMIT: Lookups = {
  'a.contoso.test': txtAt('a.contoso.test', 'v=spf1 include:b.contoso.test include:c.contoso.test a mx -all'),
  'b.contoso.test': txtAt('b.contoso.test', 'v=spf1 a mx ptr exists:x.contoso.test -all'),
  'c.contoso.test': txtAt('c.contoso.test', 'v=spf1 a mx a:y.contoso.test mx:z.contoso.test ~all'),
  'spf.protection.outlook.com': txtAt('spf.protection.outlook.com', 'v=spf1 ip4:40.92.0.0/15 -all'),
};

const ROWS: Row[] = [
  {
    label: 'healthy worldwide domain',
    cloud: 'worldwide',
    lookups: healthy('worldwide'),
    want: {
      verification: ['ok.present', 'ok'],
      mx: ['ok.protection', 'ok'],
      autodiscover: ['ok.direct', 'ok'],
      'autodiscover-srv': ['optional-absent.absent', 'ok'],
      spf: ['ok.hard-fail', 'ok'],
      'dkim-selector1': ['ok.onmicrosoft', 'ok'],
      'dkim-selector2': ['ok.onmicrosoft', 'ok'],
      dmarc: ['ok.reject', 'ok'],
      sipfederation: ['ok.exact', 'ok'],
      sip: ['optional-absent.absent', 'ok'],
      lyncdiscover: ['optional-absent.absent', 'ok'],
      'sip-tls': ['optional-absent.absent', 'ok'],
      enterpriseregistration: ['ok.direct', 'ok'],
      enterpriseenrollment: ['ok.direct', 'ok'],
    },
    health: 'healthy',
  },
  {
    label: 'GCC uses the worldwide values',
    cloud: 'gcc',
    lookups: healthy('worldwide'),
    want: { mx: ['ok.protection'], autodiscover: ['ok.direct'], spf: ['ok.hard-fail'] },
    health: 'healthy',
  },
  {
    label: 'healthy 21Vianet domain (DKIM and registration undocumented, msoid required)',
    cloud: '21vianet',
    lookups: healthy('21vianet'),
    want: {
      mx: ['ok.protection', 'ok'],
      autodiscover: ['ok.direct', 'ok'],
      spf: ['ok.hard-fail'],
      sipfederation: ['ok.exact'],
      enterpriseenrollment: ['ok.direct'],
      enterpriseregistration: ['optional-absent.absent', 'ok'],
      'dkim-selector1': ['optional-absent.undocumented', 'ok'],
      'dkim-selector2': ['optional-absent.undocumented', 'ok'],
    },
    health: 'healthy',
  },
  { label: 'healthy GCC High domain', cloud: 'gcchigh', lookups: healthy('gcchigh'), want: {}, health: 'healthy' },
  { label: 'healthy DoD domain', cloud: 'dod', lookups: healthy('dod'), want: {}, health: 'healthy' },

  // ---- SPF
  {
    label: 'two SPF records',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com -all', 'v=spf1 include:mail.other.test ~all')),
    want: { spf: ['too-many.records', 'critical'] },
    health: 'broken',
  },
  {
    label: 'SPF over 10 lookups through nested includes',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com include:a.contoso.test ip4:192.0.2.0/24 -all')),
    spf: OVER_LIMIT,
    want: { spf: ['wrong-value.lookup-limit', 'critical'] },
    health: 'broken',
  },
  {
    label: 'SPF nested include timed out → could not check, never missing',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com include:a.contoso.test -all')),
    spf: {
      'spf.protection.outlook.com': OVER_LIMIT['spf.protection.outlook.com'] as never,
      'a.contoso.test': lookup('a.contoso.test', 'TXT', 'timeout'),
    },
    want: { spf: ['lookup-failed.nested', 'unchecked'] },
    health: 'could-not-check',
  },
  {
    label: 'SPF nested include not fetched yet → could not check',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com include:a.contoso.test -all')),
    want: { spf: ['lookup-failed.nested', 'unchecked'] },
    health: 'could-not-check',
  },
  {
    label: 'SPF nested include timed out but the count is already over the limit',
    cloud: 'worldwide',
    lookups: ww(
      spfTxt(
        'v=spf1 include:spf.protection.outlook.com a mx ptr exists:e.test a:1.test a:2.test a:3.test a:4.test mx:5.test include:t.test -all',
      ),
    ),
    spf: { 't.test': lookup('t.test', 'TXT', 'timeout') },
    want: { spf: ['wrong-value.lookup-limit', 'critical'] },
  },
  {
    label: 'SPF with ?all',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com ?all')),
    want: { spf: ['wrong-value.neutral-all', 'warning'] },
    health: 'needs-attention',
  },
  {
    label: 'SPF with ~all',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com ~all')),
    want: { spf: ['ok.soft-fail', 'ok'] },
    health: 'healthy',
  },
  {
    label: 'SPF with -all',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com -all')),
    want: { spf: ['ok.hard-fail', 'ok'] },
  },
  {
    label: 'SPF with +all',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com +all')),
    want: { spf: ['wrong-value.pass-all', 'critical'] },
  },
  {
    label: 'SPF without an all term',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com')),
    want: { spf: ['wrong-value.no-all', 'warning'] },
  },
  {
    label: 'SPF without the Microsoft 365 include',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:mail.other.test -all')),
    spf: { 'mail.other.test': txtAt('mail.other.test', 'v=spf1 ip4:192.0.2.1 -all') },
    want: { spf: ['wrong-value.no-include', 'critical'] },
  },
  {
    label: 'SPF reaches the Microsoft 365 include through a nested include',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:_spf.contoso.test -all')),
    spf: {
      '_spf.contoso.test': txtAt('_spf.contoso.test', 'v=spf1 include:spf.protection.outlook.com -all'),
      'spf.protection.outlook.com': OVER_LIMIT['spf.protection.outlook.com'] as never,
    },
    want: { spf: ['ok.hard-fail', 'ok'] },
  },
  {
    label: 'SPF include with no SPF record',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com include:gone.test -all')),
    spf: { 'gone.test': lookup('gone.test', 'TXT', 'nxdomain'), ...OVER_LIMIT },
    want: { spf: ['wrong-value.broken-include.no-record', 'critical'] },
  },
  {
    label: 'SPF missing while mail is used',
    cloud: 'worldwide',
    lookups: ww(spfTxt('MS=ms12345678')),
    want: { spf: ['missing.absent', 'warning'], verification: ['ok.present'] },
  },
  {
    label: 'apex TXT timed out → SPF and verification could not be checked',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.txt]: failedAt('@', 'TXT') }),
    want: { spf: ['lookup-failed.timeout', 'unchecked'], verification: ['lookup-failed.timeout', 'unchecked'] },
    health: 'could-not-check',
  },

  // ---- MX
  {
    label: "old MX at a higher priority than Microsoft's",
    cloud: 'worldwide',
    lookups: ww(mx('0 mail.oldhost.test', `10 ${MS_MX}`)),
    want: { mx: ['wrong-value.priority', 'critical'] },
    health: 'broken',
  },
  {
    label: "other MX at the same priority as Microsoft's",
    cloud: 'worldwide',
    lookups: ww(mx(`10 ${MS_MX}`, '10 mail.oldhost.test')),
    want: { mx: ['wrong-value.shared-priority', 'warning'] },
  },
  {
    label: 'other MX still taking mail as a backup',
    cloud: 'worldwide',
    lookups: ww(mx(`0 ${MS_MX}`, '20 backup.oldhost.test')),
    want: { mx: ['must-remove.extra-mx', 'warning'] },
    health: 'needs-attention',
  },
  {
    label: 'null MX while mail is used (autodiscover present)',
    cloud: 'worldwide',
    lookups: ww(mx('0 .')),
    want: { mx: ['wrong-value.null-mx', 'critical'] },
  },
  {
    label: 'null MX on a domain without mail',
    cloud: 'worldwide',
    lookups: {
      ...emptyZone(),
      ...mx('0 .'),
      ...spfTxt('v=spf1 -all'),
      [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=reject'),
    },
    want: { mx: ['ok.null-mx', 'notice'], spf: ['ok.hard-fail'], autodiscover: ['not-applicable.service-off'] },
    health: 'healthy',
  },
  {
    label: 'legacy Microsoft MX (mail.eo.outlook.com): replace it, not third-party mail',
    cloud: 'worldwide',
    lookups: ww(mx('10 contoso-test.mail.eo.outlook.com')),
    want: { mx: ['deprecated.legacy-microsoft', 'warning'] },
    health: 'needs-attention',
  },
  {
    label: 'new mx.microsoft form',
    cloud: 'worldwide',
    lookups: ww(mx('0 contoso-test.o-v1.mx.microsoft')),
    want: { mx: ['ok.mx-microsoft', 'ok'] },
  },
  {
    label: 'MX of another cloud (21Vianet MX, worldwide tenant)',
    cloud: 'worldwide',
    lookups: ww(mx(`0 ${mxHost('21vianet')}`)),
    want: { mx: ['wrong-value.other-cloud', 'critical'] },
  },
  {
    label: 'MX to a third-party filter while autodiscover says mail is used',
    cloud: 'worldwide',
    lookups: ww(mx('10 contoso-test.mail.filter.test')),
    want: { mx: ['wrong-value.third-party', 'warning'] },
  },
  {
    label: 'no MX while autodiscover says mail is used',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.mx]: nodata(DOMAIN, 'MX') }),
    want: { mx: ['missing.absent', 'critical'] },
  },
  {
    label: 'MX lookup failed → could not check',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.mx]: failedAt('@', 'MX', 'servfail') }),
    want: { mx: ['lookup-failed.servfail', 'unchecked'] },
  },

  // ---- DKIM
  {
    // Microsoft: the two forms "can't coexist for the same selector"; nothing says both selectors must match.
    label: 'DKIM selectors in different forms: each is judged on its own',
    cloud: 'worldwide',
    lookups: ww(dkimPair('worldwide', 'new')),
    want: {
      'dkim-selector1': ['ok.onmicrosoft', 'ok'],
      'dkim-selector2': ['ok.dkim-mail-microsoft', 'ok'],
    },
    health: 'healthy',
  },
  {
    label: 'DKIM selector whose own chain goes through both forms',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.selector1]: cname('selector1._domainkey', dkimTarget(1, 'worldwide'), dkimTarget(1, 'new')),
    }),
    want: { 'dkim-selector1': ['wrong-value.mixed-formats', 'warning'], 'dkim-selector2': ['ok.onmicrosoft', 'ok'] },
  },
  {
    label: 'DKIM both onmicrosoft',
    cloud: 'worldwide',
    lookups: ww(dkimPair('worldwide')),
    want: { 'dkim-selector1': ['ok.onmicrosoft'], 'dkim-selector2': ['ok.onmicrosoft'] },
  },
  {
    label: 'DKIM both dkim.mail.microsoft',
    cloud: 'worldwide',
    lookups: ww(dkimPair('new')),
    want: { 'dkim-selector1': ['ok.dkim-mail-microsoft'], 'dkim-selector2': ['ok.dkim-mail-microsoft'] },
  },
  {
    label: 'DKIM selector2 missing while selector1 is set',
    cloud: 'worldwide',
    lookups: ww({ ...dkimPair('new'), [KEYS.selector2]: failedAt('selector2._domainkey', 'CNAME', 'nxdomain') }),
    want: { 'dkim-selector1': ['ok.dkim-mail-microsoft'], 'dkim-selector2': ['missing.pair-incomplete', 'warning'] },
  },
  {
    label: 'DKIM selectors swapped',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.selector1]: cname('selector1._domainkey', dkimTarget(2, 'worldwide')),
      [KEYS.selector2]: cname('selector2._domainkey', dkimTarget(1, 'worldwide')),
    }),
    want: { 'dkim-selector1': ['wrong-value.swapped'], 'dkim-selector2': ['wrong-value.swapped'] },
  },
  {
    label: 'DKIM absent while mail is used',
    cloud: 'worldwide',
    lookups: ww({ ...Object.fromEntries(Object.entries(emptyZone()).filter(([k]) => k.startsWith('dkim'))) }),
    want: { 'dkim-selector1': ['missing.absent', 'warning'], 'dkim-selector2': ['missing.absent', 'warning'] },
  },
  {
    label: 'DKIM selector publishes its own key',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.selector1]: nodata(at('selector1._domainkey'), 'CNAME'),
      [KEYS.selector1Txt]: txtAt(at('selector1._domainkey'), 'v=DKIM1; k=rsa; p=MIIB'),
    }),
    want: { 'dkim-selector1': ['wrong-value.own-key', 'warning'] },
  },
  {
    label: 'DKIM onmicrosoft.us form in a worldwide tenant',
    cloud: 'worldwide',
    lookups: ww(dkimPair('gcchigh')),
    want: { 'dkim-selector1': ['wrong-value.other-cloud'], 'dkim-selector2': ['wrong-value.other-cloud'] },
  },
  {
    label: 'DKIM CNAME with a TXT beside it → conflict',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.selector1Txt]: txtAt(at('selector1._domainkey'), 'v=DKIM1; p=old') }),
    want: { 'dkim-selector1': ['conflict.beside-cname', 'warning'], 'dkim-selector2': ['ok.onmicrosoft'] },
  },

  // ---- autodiscover
  {
    label: 'CNAME + TXT conflict at autodiscover',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.autodiscoverTxt]: txtAt(at('autodiscover'), 'some-verification=1') }),
    want: { autodiscover: ['conflict.beside-cname', 'critical'] },
    health: 'broken',
  },
  {
    label: 'Cloudflare-proxied autodiscover (A where a CNAME belongs)',
    cloud: 'worldwide',
    cloudflare: true,
    lookups: ww({
      [KEYS.autodiscover]: nodata(at('autodiscover'), 'CNAME'),
      [KEYS.autodiscoverA]: answer(at('autodiscover'), 'A', '104.16.1.1', '104.16.2.2'),
      [KEYS.autodiscoverTxt]: nodata(at('autodiscover'), 'TXT'),
    }),
    want: { autodiscover: ['proxied.cloudflare', 'critical'] },
  },
  {
    label: 'A records at autodiscover without Cloudflare (hybrid or wrong)',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.autodiscover]: nodata(at('autodiscover'), 'CNAME'),
      [KEYS.autodiscoverA]: answer(at('autodiscover'), 'A', '192.0.2.80'),
      [KEYS.autodiscoverTxt]: nodata(at('autodiscover'), 'TXT'),
    }),
    want: { autodiscover: ['wrong-value.not-cname', 'critical'] },
  },
  {
    label: 'autodiscover typo',
    cloud: 'worldwide',
    lookups: ww(autodiscoverChain('autodiscover.outlok.com')),
    want: { autodiscover: ['wrong-value.typo', 'critical'] },
  },
  {
    label: 'autodiscover CNAME of another cloud (21Vianet tenant pointing at worldwide)',
    cloud: '21vianet',
    lookups: { ...healthy('21vianet'), ...autodiscoverChain('autodiscover.outlook.com') },
    want: { autodiscover: ['wrong-value.other-cloud', 'critical'] },
  },
  {
    // One level in every cloud: required for mail (EXT); no page gives 21Vianet a reason to differ.
    label: 'autodiscover missing in 21Vianet: required when mail is on, as in every cloud',
    cloud: '21vianet',
    lookups: {
      ...healthy('21vianet'),
      ...autodiscoverChain(),
      [KEYS.autodiscover]: failedAt('autodiscover', 'CNAME', 'nxdomain'),
    },
    want: { autodiscover: ['missing.absent', 'critical'] },
    health: 'broken',
  },
  {
    label: 'autodiscover missing in worldwide: the same level as in 21Vianet',
    cloud: 'worldwide',
    lookups: ww({ ...autodiscoverChain(), [KEYS.autodiscover]: failedAt('autodiscover', 'CNAME', 'nxdomain') }),
    want: { autodiscover: ['missing.absent', 'critical'] },
  },
  {
    label: 'autodiscover chain broke before Microsoft → could not check',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.autodiscover]: {
        ...cname('autodiscover', 'cdn.other.test'),
        chainEnd: 'failed',
        chainFailure: { name: 'cdn.other.test', outcome: 'timeout' },
      },
    }),
    want: { autodiscover: ['lookup-failed.timeout', 'unchecked'] },
  },
  {
    // No Microsoft page names it; Outlook reaches it only after its other Autodiscover steps fail.
    label: '_autodiscover._tcp SRV beside a correct autodiscover CNAME: a note, never a problem',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.autodiscoverSrv]: answer(at('_autodiscover._tcp'), 'SRV', '0 0 443 mail.contoso.test') }),
    want: { 'autodiscover-srv': ['ok.present', 'notice'], autodiscover: ['ok.direct', 'ok'] },
    health: 'healthy',
  },
  {
    label: '_autodiscover._tcp SRV with the autodiscover CNAME missing: says Outlook may follow it',
    cloud: 'worldwide',
    lookups: ww({
      ...autodiscoverChain(),
      [KEYS.autodiscover]: failedAt('autodiscover', 'CNAME', 'nxdomain'),
      [KEYS.autodiscoverSrv]: answer(at('_autodiscover._tcp'), 'SRV', '0 0 443 mail.contoso.test'),
    }),
    want: { 'autodiscover-srv': ['ok.fallback', 'notice'], autodiscover: ['missing.absent', 'critical'] },
  },

  // ---- Intune
  {
    // Microsoft: the older targets "both work … but require users to acknowledge a confirmation message".
    label: 'older enrollment target manage.microsoft.com: a notice, not unsupported',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'manage.microsoft.com') }),
    want: { enterpriseenrollment: ['deprecated.old-target', 'notice'] },
  },
  {
    label: '21Vianet enrollment with the -s value Microsoft documents: ok',
    cloud: '21vianet',
    lookups: healthy('21vianet'),
    want: { enterpriseenrollment: ['ok.direct', 'ok'] },
  },
  {
    label: '21Vianet enrollment without -s: the older form, a notice, not a typo',
    cloud: '21vianet',
    lookups: {
      ...healthy('21vianet'),
      [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'enterpriseenrollment.manage.microsoftonline.cn'),
    },
    want: { enterpriseenrollment: ['deprecated.old-target', 'notice'] },
  },
  {
    label: 'GCC High enrollment without -s: the older form, a notice',
    cloud: 'gcchigh',
    lookups: {
      ...healthy('gcchigh'),
      [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'enterpriseenrollment.manage.microsoft.us'),
    },
    want: { enterpriseenrollment: ['deprecated.old-target', 'notice'] },
  },
  {
    // Microsoft: "the CNAME configuration is optional"; automatic MDM enrollment doesn't need it.
    label: 'Intune used, enrollment CNAME absent: optional, not missing',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.enterpriseenrollment]: failedAt('enterpriseenrollment', 'CNAME', 'nxdomain') }),
    want: { enterpriseenrollment: ['optional-absent.absent', 'ok'], enterpriseregistration: ['ok.direct', 'ok'] },
    health: 'healthy',
  },
  {
    label: 'deprecated enrollment target (enterpriseenrollment.manage.microsoft.com)',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'enterpriseenrollment.manage.microsoft.com'),
    }),
    want: { enterpriseenrollment: ['deprecated.old-target', 'notice'] },
  },
  {
    label: 'Intune not used: enrollment and registration absent',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.enterpriseenrollment]: failedAt('enterpriseenrollment', 'CNAME', 'nxdomain'),
      [KEYS.enterpriseregistration]: failedAt('enterpriseregistration', 'CNAME', 'nxdomain'),
    }),
    want: {
      enterpriseenrollment: ['not-applicable.service-off', 'ok'],
      enterpriseregistration: ['not-applicable.service-off', 'ok'],
    },
    health: 'healthy',
  },
  {
    label: 'Intune used: registration missing',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.enterpriseregistration]: failedAt('enterpriseregistration', 'CNAME', 'nxdomain') }),
    want: { enterpriseregistration: ['missing.absent', 'warning'] },
  },
  {
    label: 'Cloudflare proxy at enterpriseenrollment (A follow-up)',
    cloud: 'worldwide',
    cloudflare: true,
    lookups: ww({
      [KEYS.enterpriseenrollment]: nodata(at('enterpriseenrollment'), 'CNAME'),
      [aKeyOf(KEYS.enterpriseenrollment)]: answer(at('enterpriseenrollment'), 'A', '104.16.1.1'),
    }),
    want: { enterpriseenrollment: ['proxied.cloudflare'] },
  },

  // ---- Teams and legacy Skype for Business
  {
    label: 'Teams SRV with the wrong port',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', '100 1 443 sipfed.online.lync.com'),
    }),
    want: { sipfederation: ['wrong-value.port', 'critical'] },
    health: 'broken',
  },
  {
    label: 'Teams SRV with the wrong target',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', '100 1 5061 sip.contoso.test') }),
    want: { sipfederation: ['wrong-value.target', 'critical'] },
  },
  {
    label: 'Teams SRV with another priority and weight',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', '0 0 5061 sipfed.online.lync.com'),
    }),
    want: { sipfederation: ['wrong-value.priority-weight', 'notice'] },
    health: 'needs-attention',
  },
  {
    label: 'Teams SRV of the DoD cloud in a GCC High tenant',
    cloud: 'gcchigh',
    lookups: {
      ...healthy('gcchigh'),
      [KEYS.sipfederation]: answer(
        at('_sipfederationtls._tcp'),
        'SRV',
        '100 1 5061 sipfed.online.dod.skypeforbusiness.us',
      ),
    },
    want: { sipfederation: ['wrong-value.other-cloud', 'critical'] },
  },
  {
    label: 'Teams SRV right plus an extra one',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.sipfederation]: answer(
        at('_sipfederationtls._tcp'),
        'SRV',
        '100 1 5061 sipfed.online.lync.com',
        '10 1 5061 sip.contoso.test',
      ),
    }),
    want: { sipfederation: ['too-many.extra', 'warning'] },
  },
  {
    label: 'legacy Skype for Business absent → not an error',
    cloud: 'worldwide',
    lookups: healthy('worldwide'),
    want: {
      sip: ['optional-absent.absent', 'ok'],
      lyncdiscover: ['optional-absent.absent', 'ok'],
      'sip-tls': ['optional-absent.absent', 'ok'],
    },
  },
  {
    label: 'legacy Skype for Business present: sip wrong, lyncdiscover right, _sip._tls wrong port',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.sip]: cname('sip', 'sip.oldpbx.test'),
      [KEYS.lyncdiscover]: cname('lyncdiscover', 'webdir.online.lync.com'),
      [KEYS.sipTls]: answer(at('_sip._tls'), 'SRV', '100 1 5061 sipdir.online.lync.com'),
    }),
    want: {
      sip: ['wrong-value.other-target', 'warning'],
      lyncdiscover: ['ok.direct', 'ok'],
      'sip-tls': ['wrong-value.port', 'warning'],
    },
  },
  {
    label: 'Teams not used: federation SRV absent',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.sipfederation]: failedAt('_sipfederationtls._tcp', 'SRV', 'nxdomain') }),
    want: { sipfederation: ['not-applicable.service-off', 'ok'] },
  },

  // ---- DMARC and verification
  {
    label: 'DMARC p=none',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=none; rua=mailto:d@contoso.test') }),
    want: { dmarc: ['wrong-value.policy-none', 'warning'] },
    health: 'needs-attention',
  },
  {
    label: 'DMARC p=quarantine',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=quarantine; pct=50') }),
    want: { dmarc: ['ok.quarantine', 'ok'] },
  },
  {
    label: 'DMARC missing',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: failedAt('_dmarc', 'TXT', 'nxdomain') }),
    want: { dmarc: ['missing.absent', 'warning'] },
  },
  {
    // Microsoft's DMARC page: the record for a domain covers its subdomains that have none of their own.
    label: 'subdomain without its own DMARC record, covered by the organisational domain: ok',
    cloud: 'worldwide',
    domain: 'sales.contoso.test',
    registrable: 'contoso.test',
    lookups: ww({
      [KEYS.dmarc]: failedAt('_dmarc.sales', 'TXT', 'nxdomain'),
      [KEYS.dmarcOrg]: txtAt('_dmarc.contoso.test', 'v=DMARC1; p=reject; sp=quarantine'),
    }),
    want: { dmarc: ['ok.inherited', 'ok'] },
  },
  {
    label: 'subdomain without DMARC, and none at the organisational domain either: missing',
    cloud: 'worldwide',
    domain: 'sales.contoso.test',
    registrable: 'contoso.test',
    lookups: ww({
      [KEYS.dmarc]: failedAt('_dmarc.sales', 'TXT', 'nxdomain'),
      [KEYS.dmarcOrg]: failedAt('_dmarc', 'TXT', 'nxdomain'),
    }),
    want: { dmarc: ['missing.absent-with-parent', 'warning'] },
  },
  {
    label: "subdomain without DMARC, the organisational domain's lookup timed out: could not check, never missing",
    cloud: 'worldwide',
    domain: 'sales.contoso.test',
    registrable: 'contoso.test',
    lookups: ww({
      [KEYS.dmarc]: failedAt('_dmarc.sales', 'TXT', 'nxdomain'),
      [KEYS.dmarcOrg]: failedAt('_dmarc', 'TXT', 'timeout'),
    }),
    want: { dmarc: ['lookup-failed.timeout', 'unchecked'] },
  },
  {
    label: 'two DMARC records',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=reject', 'v=DMARC1; p=none') }),
    want: { dmarc: ['too-many.records', 'warning'] },
  },
  {
    label: 'DMARC without a policy',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; rua=mailto:d@contoso.test') }),
    want: { dmarc: ['wrong-value.no-policy', 'warning'] },
  },
  {
    label: 'verification value without its MS= prefix',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com -all', 'ms12345678')),
    want: { verification: ['wrong-value.no-prefix', 'warning'] },
  },
  {
    label: 'no verification TXT (fine once verified)',
    cloud: 'worldwide',
    lookups: ww(spfTxt('v=spf1 include:spf.protection.outlook.com -all')),
    want: { verification: ['optional-absent.absent', 'ok'] },
    health: 'healthy',
  },

  // ---- msoid row
  {
    label: 'msoid in a worldwide tenant maps to must-remove',
    cloud: 'worldwide',
    lookups: healthy('worldwide'),
    msoid: msoidFinding('worldwide', {
      msoid: { cname: cname('msoid', 'clientconfig.partner.microsoftonline-p.net.cn') },
    }),
    want: { msoid: ['must-remove.21vianet-target', 'critical'] },
    health: 'broken',
  },
  {
    label: 'msoid CNAME with a TXT beside it in 21Vianet → conflict',
    cloud: '21vianet',
    lookups: { ...healthy('21vianet'), [KEYS.msoidTxt]: txtAt(at('msoid'), 'old=1') },
    want: { msoid: ['conflict.beside-cname', 'critical'] },
  },

  // ---- could-not-check is counted apart
  {
    label: 'one lookup timed out, everything else right → could-not-check',
    cloud: 'worldwide',
    lookups: ww({ [KEYS.dmarc]: failedAt('_dmarc', 'TXT') }),
    want: { dmarc: ['lookup-failed.timeout', 'unchecked'] },
    health: 'could-not-check',
  },
  {
    label: 'a timeout and a warning → needs-attention wins',
    cloud: 'worldwide',
    lookups: ww({
      [KEYS.dmarc]: failedAt('_dmarc', 'TXT'),
      [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'manage.microsoft.com'),
    }),
    want: { dmarc: ['lookup-failed.timeout'], enterpriseenrollment: ['deprecated.old-target'] },
    health: 'needs-attention',
  },

  // ---- cloud unknown
  {
    label: 'cloud unknown: cloud-dependent records need input, the rest are judged',
    cloud: 'unknown',
    lookups: ww({
      ...spfTxt('v=spf1 include:spf.protection.outlook.com -all', 'v=spf1 -all'),
      ...dkimPair('worldwide', 'new'),
      [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=none'),
      [KEYS.autodiscoverTxt]: txtAt(at('autodiscover'), 'x=1'),
      [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', '100 1 443 sipfed.online.lync.com'),
    }),
    want: {
      mx: ['not-applicable.cloud-unknown', 'notice'],
      enterpriseenrollment: ['not-applicable.cloud-unknown', 'notice'],
      spf: ['too-many.records', 'critical'],
      dmarc: ['wrong-value.policy-none', 'warning'],
      'dkim-selector1': ['ok.onmicrosoft'],
      'dkim-selector2': ['ok.dkim-mail-microsoft'],
      autodiscover: ['conflict.beside-cname'],
      sipfederation: ['wrong-value.port'],
      msoid: ['cloud-unknown.absent', 'notice'],
    },
    health: 'broken',
  },
  {
    label: 'cloud unknown, clean records: nothing broken, cloud-dependent rows wait for input',
    cloud: 'unknown',
    lookups: healthy('worldwide'),
    want: {
      mx: ['not-applicable.cloud-unknown'],
      autodiscover: ['not-applicable.cloud-unknown'],
      sipfederation: ['not-applicable.cloud-unknown'],
      spf: ['ok.hard-fail'],
      dmarc: ['ok.reject'],
      'dkim-selector1': ['ok.onmicrosoft'],
    },
    health: 'healthy',
  },

  // ---- each cloud's targets
  ...(['21vianet', 'gcchigh', 'dod'] as const).map(
    (family): Row => ({
      label: `${family}: worldwide values are another cloud's`,
      cloud: family,
      lookups: {
        ...healthy(family),
        ...autodiscoverChain('autodiscover.outlook.com'),
        [KEYS.sipfederation]: answer(at('_sipfederationtls._tcp'), 'SRV', '100 1 5061 sipfed.online.lync.com'),
        [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'enterpriseenrollment-s.manage.microsoft.com'),
      },
      want: {
        autodiscover: ['wrong-value.other-cloud'],
        sipfederation: ['wrong-value.other-cloud'],
        // 21Vianet's value is Microsoft's own (Intune's page), so it is judged like every other cloud's.
        enterpriseenrollment: ['wrong-value.other-cloud', 'warning'],
      },
    }),
  ),

  // ---- the domain does not exist
  {
    label: 'domain does not exist',
    cloud: 'worldwide',
    lookups: emptyZone(),
    msoid: msoidFinding('worldwide', { apex: lookup(DOMAIN, 'SOA', 'nxdomain') }),
    want: { mx: ['not-applicable.domain-not-found'], msoid: ['domain-not-found'] },
    health: 'broken',
  },
];

const codeOf = (f: RecordFinding) => f.code.replace(/^records\.[^.]+\./, '').replace(/^msoid\./, '');

describe('diagnoseRecords', () => {
  it.each(ROWS.map((r) => [r.label, r] as const))('%s', (_label, row) => {
    const result = run(row);
    const byId = new Map(result.records.map((r) => [r.id, r]));
    for (const [id, [code, severity]] of Object.entries(row.want) as [RecordId, Want][]) {
      const f = byId.get(id);
      expect(f, id).toBeDefined();
      expect(`${id}: ${codeOf(f as RecordFinding)}`).toBe(`${id}: ${code}`);
      if (severity) expect(`${id}: ${f?.severity}`).toBe(`${id}: ${severity}`);
    }
    if (row.health) expect(result.summary.health).toBe(row.health);
    for (const f of result.records) expect(() => RecordFinding.parse(f)).not.toThrow();
  });

  it.each(ROWS.map((r) => [r.label, r] as const))('invariants: %s', (_label, row) => {
    const result = run(row);
    const { counts } = result.summary;
    expect(counts.ok + counts.attention + counts.broken + counts.couldNotCheck + counts.notApplicable).toBe(
      result.records.length,
    );
    for (const f of result.records) {
      // "Could not check" is its own outcome, severity and status, never missing.
      expect(f.status === 'lookup-failed').toBe(f.outcome === 'could-not-check');
      expect(f.severity === 'unchecked').toBe(f.outcome === 'could-not-check');
      if (f.status === 'missing') {
        for (const id of f.lookups)
          expect(isAnswered(result.seen.get(id)?.outcome ?? 'skipped'), `${f.id} ${id}`).toBe(true);
      }
      if (f.status === 'ok' || f.status === 'optional-absent') expect(f.fixes).toEqual([]);
    }
    expect(result.fixes).toEqual(
      result.records
        .flatMap((r) => r.fixes)
        .filter((fx, i, all) => all.findIndex((g) => JSON.stringify(g) === JSON.stringify(fx)) === i),
    );
  });

  it('has one row per record, in display order', () => {
    const ids = run({ cloud: 'worldwide', lookups: healthy('worldwide') }).records.map((r) => r.id);
    expect(ids).toEqual([
      'verification',
      'msoid',
      'mx',
      'autodiscover',
      'autodiscover-srv',
      'spf',
      'dkim-selector1',
      'dkim-selector2',
      'dmarc',
      'sipfederation',
      'sip',
      'lyncdiscover',
      'sip-tls',
      'enterpriseregistration',
      'enterpriseenrollment',
    ]);
  });

  it.each(CLOUD_FAMILIES.map((f) => [f] as const))('%s: a healthy domain has no fixes', (family: CloudFamily) => {
    const result = run({ cloud: family, lookups: healthy(family) });
    expect(result.fixes).toEqual([]);
    expect(result.summary.counts.broken + result.summary.counts.attention).toBe(0);
  });

  it('a lookup the shell did not run reads as could-not-check, never missing', () => {
    const lookups = healthy('worldwide');
    delete lookups[KEYS.dmarc];
    const result = run({ cloud: 'worldwide', lookups });
    const dmarc = result.records.find((r) => r.id === 'dmarc');
    expect(dmarc?.status).toBe('lookup-failed');
    expect(result.seen.get(dmarc?.lookups[0] ?? '')?.outcome).toBe('skipped');
  });

  it('every failed lookup of a record makes it could-not-check, never missing', () => {
    const rows: [string, RecordId, string, Parameters<typeof failedAt>[1]][] = [
      [KEYS.mx, 'mx', '@', 'MX'],
      [KEYS.autodiscover, 'autodiscover', 'autodiscover', 'CNAME'],
      [KEYS.autodiscoverSrv, 'autodiscover-srv', '_autodiscover._tcp', 'SRV'],
      [KEYS.sipfederation, 'sipfederation', '_sipfederationtls._tcp', 'SRV'],
      [KEYS.sipTls, 'sip-tls', '_sip._tls', 'SRV'],
      [KEYS.sip, 'sip', 'sip', 'CNAME'],
      [KEYS.lyncdiscover, 'lyncdiscover', 'lyncdiscover', 'CNAME'],
      [KEYS.enterpriseregistration, 'enterpriseregistration', 'enterpriseregistration', 'CNAME'],
      [KEYS.enterpriseenrollment, 'enterpriseenrollment', 'enterpriseenrollment', 'CNAME'],
      [KEYS.selector1, 'dkim-selector1', 'selector1._domainkey', 'CNAME'],
      [KEYS.selector2, 'dkim-selector2', 'selector2._domainkey', 'CNAME'],
      [KEYS.dmarc, 'dmarc', '_dmarc', 'TXT'],
    ];
    for (const [key, id, host, type] of rows) {
      for (const cloud of ['worldwide', '21vianet', 'unknown'] as const) {
        const base = cloud === '21vianet' ? healthy('21vianet') : healthy('worldwide');
        const f = run({ cloud, lookups: { ...base, [key]: failedAt(host, type, 'servfail') } }).records.find(
          (r) => r.id === id,
        );
        expect(`${cloud} ${id}: ${f?.status}`).toBe(`${cloud} ${id}: lookup-failed`);
      }
    }
  });
});

describe('services', () => {
  const rows: [
    string,
    Run,
    { mail: boolean; teams: boolean; intune: boolean; inferred: boolean; uncertain?: string[] },
  ][] = [
    [
      'all three inferred from a healthy zone',
      { cloud: 'worldwide', lookups: healthy('worldwide') },
      { mail: true, teams: true, intune: true, inferred: true },
    ],
    [
      'nothing published',
      { cloud: 'worldwide', lookups: emptyZone() },
      { mail: false, teams: false, intune: false, inferred: true },
    ],
    [
      'mail from the MX alone',
      { cloud: 'worldwide', lookups: { ...emptyZone(), ...mx(`0 ${MS_MX}`) } },
      { mail: true, teams: false, intune: false, inferred: true },
    ],
    [
      'mail from autodiscover alone (third-party MX)',
      {
        cloud: 'worldwide',
        lookups: { ...emptyZone(), ...mx('0 mx.filter.test'), ...autodiscoverChain('autodiscover.outlook.com') },
      },
      { mail: true, teams: false, intune: false, inferred: true },
    ],
    [
      'teams from a legacy lyncdiscover record',
      {
        cloud: 'worldwide',
        lookups: { ...emptyZone(), [KEYS.lyncdiscover]: cname('lyncdiscover', 'webdir.online.lync.com') },
      },
      { mail: false, teams: true, intune: false, inferred: true },
    ],
    [
      'intune from registration alone',
      {
        cloud: 'worldwide',
        lookups: {
          ...emptyZone(),
          [KEYS.enterpriseregistration]: cname('enterpriseregistration', 'enterpriseregistration.windows.net'),
        },
      },
      { mail: false, teams: false, intune: true, inferred: true },
    ],
    [
      'override turns a service off and another on',
      { cloud: 'worldwide', lookups: healthy('worldwide'), services: { teams: false, intune: true } },
      { mail: true, teams: false, intune: true, inferred: false },
    ],
    [
      'failed evidence lookups: mail uncertain, assumed in use',
      { cloud: 'worldwide', lookups: { ...emptyZone(), [KEYS.mx]: failedAt('@', 'MX') } },
      { mail: true, teams: false, intune: false, inferred: true, uncertain: ['mail'] },
    ],
  ];
  it.each(rows)('%s', (_label, input, want) => {
    const s = run(input).services;
    expect({ mail: s.mail, teams: s.teams, intune: s.intune, inferred: s.inferred }).toEqual({
      mail: want.mail,
      teams: want.teams,
      intune: want.intune,
      inferred: want.inferred,
    });
    expect(s.uncertain).toEqual(want.uncertain ?? []);
  });

  it('an override changes the requirement: Teams off makes a missing SRV not applicable', () => {
    const lookups = ww({ [KEYS.sipfederation]: failedAt('_sipfederationtls._tcp', 'SRV', 'nxdomain') });
    const on = run({ cloud: 'worldwide', lookups, services: { teams: true } }).records.find(
      (r) => r.id === 'sipfederation',
    );
    const off = run({ cloud: 'worldwide', lookups, services: { teams: false } }).records.find(
      (r) => r.id === 'sipfederation',
    );
    expect([on?.status, on?.requirement, on?.severity]).toEqual(['missing', 'required', 'critical']);
    expect([off?.status, off?.requirement]).toEqual(['not-applicable', 'optional']);
  });

  it('mail off: a wrong SPF include is not required, but SPF syntax is still judged', () => {
    const lookups = { ...emptyZone(), ...spfTxt('v=spf1 include:mail.other.test ?all') };
    const spf = run({
      cloud: 'worldwide',
      lookups,
      spf: { 'mail.other.test': txtAt('mail.other.test', 'v=spf1 -all') },
    }).records.find((r) => r.id === 'spf');
    expect(spf?.code).toBe('records.spf.wrong-value.neutral-all');
  });
});

describe('fixes', () => {
  const fixesOf = (input: Run, id: RecordId) => run(input).records.find((r) => r.id === id)?.fixes ?? [];

  it('missing MX: a placeholder the admin center fills, and a note saying where', () => {
    const f = run({
      cloud: '21vianet',
      lookups: { ...healthy('21vianet'), [KEYS.mx]: nodata(DOMAIN, 'MX') },
    }).records.find((r) => r.id === 'mx');
    expect(f?.fixes).toEqual([
      { op: 'add', name: DOMAIN, host: '@', type: 'MX', value: '0 <MX value from the admin center>', ttl: 3600 },
    ]);
    expect(f?.messages.notes.map((n) => n.code)).toContain('records.note.copy-from.21vianet');
  });

  it('MX priority: Microsoft first, the old MX deleted', () => {
    expect(fixesOf({ cloud: 'worldwide', lookups: ww(mx('0 mail.oldhost.test', `10 ${MS_MX}`)) }, 'mx')).toEqual([
      { op: 'change', name: DOMAIN, host: '@', type: 'MX', value: `0 ${MS_MX}`, ttl: 3600 },
      { op: 'delete', name: DOMAIN, host: '@', type: 'MX', value: '0 mail.oldhost.test', ttl: 300 },
    ]);
  });

  it('SPF without the include and with ?all: one changed record', () => {
    const lookups = ww(spfTxt('v=spf1 include:mail.other.test ?all'));
    const spf = { 'mail.other.test': txtAt('mail.other.test', 'v=spf1 -all') };
    expect(fixesOf({ cloud: 'worldwide', lookups, spf }, 'spf')).toEqual([
      {
        op: 'change',
        name: DOMAIN,
        host: '@',
        type: 'TXT',
        value: 'v=spf1 include:mail.other.test include:spf.protection.outlook.com -all',
        ttl: 3600,
      },
    ]);
  });

  it('two SPF records: delete both, add one merged record', () => {
    const lookups = ww(spfTxt('v=spf1 include:spf.protection.outlook.com -all', 'v=spf1 include:mail.other.test ~all'));
    expect(fixesOf({ cloud: 'worldwide', lookups }, 'spf').map((f) => [f.op, f.value])).toEqual([
      ['delete', 'v=spf1 include:spf.protection.outlook.com -all'],
      ['delete', 'v=spf1 include:mail.other.test ~all'],
      ['add', 'v=spf1 include:spf.protection.outlook.com include:mail.other.test -all'],
    ]);
  });

  it('DKIM missing: placeholders for both selectors', () => {
    const lookups = ww(Object.fromEntries(Object.entries(emptyZone()).filter(([k]) => k.startsWith('dkim'))));
    const all = run({ cloud: 'worldwide', lookups }).fixes.filter((f) => f.host.endsWith('_domainkey'));
    expect(all.map((f) => [f.op, f.host, f.value])).toEqual([
      ['add', 'selector1._domainkey', '<selector1 CNAME value from the admin center>'],
      ['add', 'selector2._domainkey', '<selector2 CNAME value from the admin center>'],
    ]);
  });

  it('conflict at autodiscover: delete the TXT beside the CNAME', () => {
    const lookups = ww({ [KEYS.autodiscoverTxt]: txtAt(at('autodiscover'), 'x=1') });
    expect(fixesOf({ cloud: 'worldwide', lookups }, 'autodiscover')).toEqual([
      { op: 'delete', name: at('autodiscover'), host: 'autodiscover', type: 'TXT', value: 'x=1', ttl: 300 },
    ]);
  });

  it('DMARC p=none: change to quarantine keeping the other tags', () => {
    const lookups = ww({ [KEYS.dmarc]: txtAt(at('_dmarc'), 'v=DMARC1; p=none; rua=mailto:d@contoso.test') });
    expect(fixesOf({ cloud: 'worldwide', lookups }, 'dmarc').map((f) => [f.op, f.name, f.value])).toEqual([
      ['change', at('_dmarc'), 'v=DMARC1; p=quarantine; rua=mailto:d@contoso.test'],
    ]);
  });

  it('Cloudflare proxy: no DNS value to change, the action says what to switch', () => {
    const f = run({
      cloud: 'worldwide',
      cloudflare: true,
      lookups: ww({
        [KEYS.autodiscover]: nodata(at('autodiscover'), 'CNAME'),
        [KEYS.autodiscoverA]: answer(at('autodiscover'), 'A', '104.16.1.1'),
        [KEYS.autodiscoverTxt]: nodata(at('autodiscover'), 'TXT'),
      }),
    }).records.find((r) => r.id === 'autodiscover');
    expect(f?.fixes).toEqual([]);
    expect(f?.messages.action).toEqual({
      code: 'records.action.unproxy',
      params: { name: at('autodiscover'), host: 'autodiscover', value: 'autodiscover.outlook.com' },
    });
  });

  it('a followed A lookup is not mistaken for data beside the CNAME', () => {
    const lookups = ww({
      [KEYS.autodiscoverA]: viaChain('autodiscover', 'A', ['autodiscover.outlook.com'], ['192.0.2.1']),
    });
    expect(run({ cloud: 'worldwide', lookups }).records.find((r) => r.id === 'autodiscover')?.status).toBe('ok');
  });
});

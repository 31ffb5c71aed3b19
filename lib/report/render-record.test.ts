import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MSOID_TARGET_21V } from '@/lib/findings/msoid/msoid';
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
  KEYS,
  type Lookups,
  lookup,
  msoidFinding,
  mxHost,
  nodata,
  nxdomain,
  run,
  viaChain,
} from '@/lib/findings/records/test-fixtures';
import { msoidCname, ownA } from '@/lib/lookups/test-fixtures';
import { msoidMessages } from '@/lib/messages/en/msoid';
import { recordsMessages } from '@/lib/messages/en/records';
import { type Catalogue, lookupTemplate } from '@/lib/messages/format';
import {
  RECORD_LABEL,
  RECORD_SERVICE_LABEL,
  RECORD_STATUS_PRESENTATION,
  RECORDS_HEALTH_PRESENTATION,
} from '@/lib/presentation';
import { type EffectiveCloud, type Lookup, REQUIREMENTS, ReportRecord } from '@/lib/schema';
import { renderRecord } from './render';

const catalogue = { records: recordsMessages, msoid: msoidMessages } satisfies Catalogue;

/** Every string in a catalogue with its code. */
function leaves(node: Catalogue | string, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
}

const one = (key: string, l: Lookup): Lookups => ({ [key]: l });
const srv = (host: string, ...data: string[]) => answer(at(host), 'SRV', ...data);
const txt = (host: string, ...data: string[]) => answer(at(host), 'TXT', ...data);

/** Per plan key (or group of keys), the situations a zone can be in. */
const POOLS: Lookups[][] = [
  [
    one(KEYS.mx, answer(DOMAIN, 'MX', `0 ${mxHost('worldwide')}`)),
    one(KEYS.mx, answer(DOMAIN, 'MX', `0 ${mxHost('21vianet')}`)),
    one(KEYS.mx, answer(DOMAIN, 'MX', `0 ${mxHost('gcchigh')}`)),
    one(KEYS.mx, answer(DOMAIN, 'MX', '0 contoso-test.o-v1.mx.microsoft')),
    one(KEYS.mx, answer(DOMAIN, 'MX', '0 .')),
    one(KEYS.mx, answer(DOMAIN, 'MX', '0 .', '10 mx.other.test')),
    one(KEYS.mx, answer(DOMAIN, 'MX', '10 mx.other.test')),
    one(KEYS.mx, answer(DOMAIN, 'MX', '0 mx.other.test', `10 ${mxHost('worldwide')}`)),
    one(KEYS.mx, answer(DOMAIN, 'MX', `10 ${mxHost('worldwide')}`, '10 mx.other.test')),
    one(KEYS.mx, answer(DOMAIN, 'MX', `0 ${mxHost('worldwide')}`, '20 mx.other.test')),
    one(KEYS.mx, nodata(DOMAIN, 'MX')),
    one(KEYS.mx, failedAt('@', 'MX')),
  ],
  [
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com -all', 'MS=ms1')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.partner.outlook.cn ~all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.office365.us -all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 -all', 'v=spf1 a ~all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com ?all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com +all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:a.test ?all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com include:a.test -all')),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'v=spf1 include:%{d}.spf.test -all')),
    one(
      KEYS.txt,
      answer(
        DOMAIN,
        'TXT',
        'v=spf1 a mx ptr exists:e.test a:1.test a:2.test a:3.test a:4.test a:5.test a:6.test mx:7.test -all',
      ),
    ),
    one(KEYS.txt, answer(DOMAIN, 'TXT', 'ms12345678')),
    one(KEYS.txt, nodata(DOMAIN, 'TXT')),
    one(KEYS.txt, failedAt('@', 'TXT', 'servfail')),
  ],
  [
    autodiscoverChain('autodiscover.outlook.com'),
    autodiscoverChain('autodiscover.partner.outlook.cn'),
    autodiscoverChain('autodiscover-dod.office365.us'),
    autodiscoverChain('autodiscover.outlok.com'),
    autodiscoverChain('mail.contoso.test'),
    autodiscoverChain('hop.contoso.test', 'autodiscover.outlook.com'),
    { [KEYS.autodiscover]: { ...cname('autodiscover', 'gone.test'), chainEnd: 'nxdomain' } },
    { [KEYS.autodiscover]: { ...cname('autodiscover', 'a.test', 'a.test'), chainEnd: 'loop' } },
    {
      [KEYS.autodiscover]: {
        ...cname('autodiscover', 'cdn.test'),
        chainEnd: 'failed',
        chainFailure: { name: 'cdn.test', outcome: 'timeout' },
      },
    },
    {
      [KEYS.autodiscover]: nodata(at('autodiscover'), 'CNAME'),
      [KEYS.autodiscoverA]: answer(at('autodiscover'), 'A', '192.0.2.1'),
      [KEYS.autodiscoverTxt]: nodata(at('autodiscover'), 'TXT'),
    },
    {
      [KEYS.autodiscover]: nodata(at('autodiscover'), 'CNAME'),
      [KEYS.autodiscoverA]: nodata(at('autodiscover'), 'A'),
      [KEYS.autodiscoverTxt]: txt('autodiscover', 'x=1'),
    },
    { ...autodiscoverChain('autodiscover.outlook.com'), [KEYS.autodiscoverTxt]: txt('autodiscover', 'x=1') },
    one(KEYS.autodiscover, failedAt('autodiscover', 'CNAME', 'refused')),
    {},
  ],
  [
    {},
    one(KEYS.autodiscoverSrv, srv('_autodiscover._tcp', '0 0 443 mail.contoso.test')),
    one(KEYS.autodiscoverSrv, failedAt('_autodiscover._tcp', 'SRV')),
  ],
  [
    {},
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '100 1 5061 sipfed.online.lync.com')),
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '100 1 5061 sipfed.online.partner.lync.cn')),
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '100 1 443 sipfed.online.lync.com')),
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '0 0 5061 sipfed.online.lync.com')),
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '0 0 443 sip.contoso.test')),
    one(KEYS.sipfederation, srv('_sipfederationtls._tcp', '100 1 5061 sipfed.online.lync.com', '1 1 5061 x.test')),
    one(KEYS.sipfederation, failedAt('_sipfederationtls._tcp', 'SRV', 'bad-response')),
  ],
  [
    {},
    one(KEYS.sipTls, srv('_sip._tls', '100 1 443 sipdir.online.lync.com')),
    one(KEYS.sipTls, srv('_sip._tls', '100 1 5061 sipdir.online.gov.skypeforbusiness.us')),
    one(KEYS.sipTls, failedAt('_sip._tls', 'SRV', 'network-error')),
  ],
  ...(['sip', 'lyncdiscover'] as const).map((k) => [
    {},
    one(KEYS[k], cname(k, k === 'sip' ? 'sipdir.online.lync.com' : 'webdir.online.lync.com')),
    one(KEYS[k], cname(k, k === 'sip' ? 'sipdir.online.partner.lync.cn' : 'webdir.online.dod.skypeforbusiness.us')),
    one(KEYS[k], cname(k, 'pbx.contoso.test')),
    { [KEYS[k]]: nodata(at(k), 'CNAME'), [aKeyOf(KEYS[k])]: answer(at(k), 'A', '104.16.0.1') },
    one(KEYS[k], nodata(at(k), 'CNAME')),
    one(KEYS[k], failedAt(k, 'CNAME', 'cancelled')),
  ]),
  [
    {},
    one(KEYS.enterpriseregistration, cname('enterpriseregistration', 'enterpriseregistration.windows.net')),
    one(KEYS.enterpriseregistration, cname('enterpriseregistration', 'enterpriseregistration.windows.com')),
    one(KEYS.enterpriseregistration, failedAt('enterpriseregistration', 'CNAME', 'deadline')),
  ],
  [
    {},
    one(KEYS.enterpriseenrollment, cname('enterpriseenrollment', 'enterpriseenrollment-s.manage.microsoft.com')),
    one(KEYS.enterpriseenrollment, cname('enterpriseenrollment', 'enterpriseenrollment-s.manage.microsoft.us')),
    one(KEYS.enterpriseenrollment, cname('enterpriseenrollment', 'enterpriseenrollment-s.manage.microsoftonline.cn')),
    one(KEYS.enterpriseenrollment, cname('enterpriseenrollment', 'manage.microsoft.com')),
    {
      [KEYS.enterpriseenrollment]: nodata(at('enterpriseenrollment'), 'CNAME'),
      [aKeyOf(KEYS.enterpriseenrollment)]: answer(at('enterpriseenrollment'), 'A', '192.0.2.9'),
    },
    one(KEYS.enterpriseenrollment, failedAt('enterpriseenrollment', 'CNAME', 'skipped')),
  ],
  [
    {},
    dkimPair('worldwide'),
    dkimPair('new'),
    dkimPair('gcchigh'),
    dkimPair('worldwide', 'new'),
    {
      [KEYS.selector1]: cname('selector1._domainkey', dkimTarget(2, 'new')),
      [KEYS.selector2]: cname('selector2._domainkey', 'dkim.other.test'),
    },
    { [KEYS.selector1]: { ...cname('selector1._domainkey', dkimTarget(1, 'new')), chainEnd: 'nxdomain' } },
    {
      [KEYS.selector1]: nodata(at('selector1._domainkey'), 'CNAME'),
      [KEYS.selector1Txt]: txt('selector1._domainkey', 'v=DKIM1; p=x'),
    },
    {
      [KEYS.selector1]: nodata(at('selector1._domainkey'), 'CNAME'),
      [aKeyOf(KEYS.selector1)]: answer(at('selector1._domainkey'), 'A', '192.0.2.3'),
    },
    { ...dkimPair('worldwide'), [KEYS.selector2Txt]: txt('selector2._domainkey', 'v=DKIM1; p=old') },
    { ...dkimPair('new'), [KEYS.selector2Txt]: viaChain('selector2._domainkey', 'TXT', [dkimTarget(2, 'new')]) },
    one(KEYS.selector2, failedAt('selector2._domainkey', 'CNAME')),
  ],
  [
    {},
    one(KEYS.dmarc, txt('_dmarc', 'v=DMARC1; p=reject')),
    one(KEYS.dmarc, txt('_dmarc', 'v=DMARC1; p=quarantine; pct=20')),
    one(KEYS.dmarc, txt('_dmarc', 'v=DMARC1; p=none')),
    one(KEYS.dmarc, txt('_dmarc', 'v=DMARC1; rua=mailto:x@contoso.test')),
    one(KEYS.dmarc, txt('_dmarc', 'v=DMARC1; p=reject', 'v=DMARC1; p=none')),
    one(KEYS.dmarc, failedAt('_dmarc', 'TXT')),
  ],
  [{}, one(KEYS.msoidTxt, txt('msoid', 'x=1'))],
];

const SPF_POOL: Lookups[] = [
  {},
  { 'a.test': answer('a.test', 'TXT', 'v=spf1 include:spf.protection.outlook.com -all') },
  { 'a.test': lookup('a.test', 'TXT', 'timeout') },
  { 'a.test': nxdomain('a.test', 'TXT') },
  { 'a.test': answer('a.test', 'TXT', 'v=spf1 -all', 'v=spf1 ~all') },
  { 'a.test': answer('a.test', 'TXT', 'v=spf1 include:a.test -all') },
];

const CLOUDS: EffectiveCloud[] = ['worldwide', 'gcc', '21vianet', 'gcchigh', 'dod', 'unknown'];
const MSOID_SITUATIONS = [
  undefined,
  { msoid: msoidCname([MSOID_TARGET_21V]) },
  { msoid: msoidCname(['clientconfig.microsoftonline-p.net']) },
  { msoid: ownA('192.0.2.5') },
  { apex: lookup(DOMAIN, 'SOA', 'nxdomain') },
  { apex: lookup(DOMAIN, 'SOA', 'timeout') },
];

const zoneArb = fc
  .tuple(...POOLS.map((pool) => fc.constantFrom(...pool)))
  .map((parts) => Object.assign(emptyZone(), ...parts));
const servicesArb = fc.record({ mail: fc.boolean(), teams: fc.boolean(), intune: fc.boolean() }, { requiredKeys: [] });
const inputArb = fc.record({
  cloud: fc.constantFrom(...CLOUDS),
  lookups: zoneArb,
  spf: fc.constantFrom(...SPF_POOL),
  cloudflare: fc.boolean(),
  services: servicesArb,
  msoid: fc.constantFrom(...MSOID_SITUATIONS),
});

const PLACEHOLDER = /\{(\w+)\}/g;

describe('rendering record findings', () => {
  it('every emitted code has English text with every placeholder filled, for any zone', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = run({ ...input, msoid: msoidFinding(input.cloud, input.msoid) });
        for (const finding of result.records) {
          const r = renderRecord(finding, catalogue);
          const refs = [
            finding.messages.verdict,
            finding.messages.impact,
            finding.messages.action,
            ...finding.messages.notes,
          ];
          const texts = [r.text.verdict, r.text.impact, r.text.action, ...r.text.notes];
          refs.forEach((ref, i) => {
            seen.add(ref.code);
            const text = texts[i] ?? '';
            const template = lookupTemplate(catalogue, ref.code);
            expect(template, ref.code).toBeTypeOf('string');
            expect(text, ref.code).not.toBe(ref.code);
            // Every placeholder of the template has a param (a value may itself contain braces, e.g. SPF macros).
            for (const [, name] of (template ?? '').matchAll(PLACEHOLDER)) {
              expect(ref.params, `${ref.code} {${name}}`).toHaveProperty(name as string);
            }
          });
          expect(() => ReportRecord.parse(r)).not.toThrow();
          // "Could not check" text never calls the record missing.
          if (r.outcome === 'could-not-check')
            expect(r.text.verdict.toLowerCase()).not.toMatch(/\bmissing\b|there is no\b/);
        }
        const { counts } = result.summary;
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(result.records.length);
      }),
      { numRuns: 600, seed: 4242 },
    );
    // The sweep reaches most of the catalogue: a guard against pools that stop exercising the judges.
    expect(seen.size).toBeGreaterThan(150);
  });

  it('renders one finding with text from its refs', () => {
    const [first] = run({ cloud: 'worldwide', lookups: emptyZone() }).records;
    const r = renderRecord(first!, catalogue);
    expect(r.text.verdict).toBe('contoso.test has no domain verification record.');
  });
});

describe('the records catalogue', () => {
  const all = leaves(recordsMessages as unknown as Catalogue);

  it.each(all)('%s holds no DNS literal', (_code, text) => {
    // Names, values and record syntax arrive as params.
    expect(text).not.toMatch(
      /\b[\w-]+\.(com|net|cn|us|microsoft|test)\b|v=spf1|v=DMARC1|[-~?+]all\b|\bp=|MS=|_domainkey/i,
    );
  });

  it('has a label for every status, health, record, service and requirement code used by the UI', () => {
    const codes = [
      ...Object.values(RECORD_STATUS_PRESENTATION).map((p) => p.labelCode),
      ...Object.values(RECORDS_HEALTH_PRESENTATION).map((p) => p.labelCode),
      ...Object.values(RECORD_LABEL),
      ...Object.values(RECORD_SERVICE_LABEL),
      ...REQUIREMENTS.map((r) => `msoid.requirement.${r}`),
    ];
    for (const code of codes) expect(lookupTemplate(catalogue, code), code).toBeTypeOf('string');
  });
});

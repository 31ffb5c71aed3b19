import { describe, expect, it } from 'vitest';
import { MSOID_LEGACY_WORLDWIDE, MSOID_TARGET_21V } from '@/lib/findings/msoid/msoid';
import {
  answer,
  DOMAIN,
  failedAt,
  healthy,
  KEYS,
  type Lookups,
  lookup,
  msoidFinding,
  nodata,
  report,
  run,
} from '@/lib/findings/records/test-fixtures';
import { msoidCname } from '@/lib/lookups/test-fixtures';
import { catalogueFor } from '@/lib/messages';
import { formatRef } from '@/lib/messages/format';
import type { CloudFamily, EffectiveCloud, MsoidFinding, Symptom } from '@/lib/schema';
import { helpdeskText } from './helpdesk';
import { symptomAnswer, symptomAnswers } from './symptoms';

type Row = {
  label: string;
  symptom: Symptom;
  cloud: EffectiveCloud;
  msoid?: Parameters<typeof msoidFinding>[1];
  zone?: (family: CloudFamily) => Lookups;
  answer: 'yes' | 'no' | 'cant-tell';
  reason?: string;
};

const family = (cloud: EffectiveCloud): CloudFamily =>
  cloud === 'gcc' || cloud === 'unknown' ? 'worldwide' : cloud === '21vianet' ? '21vianet' : cloud;

const withMx = (data: string[] | 'timeout') => (f: CloudFamily) => ({
  ...healthy(f),
  [KEYS.mx]: data === 'timeout' ? failedAt('@', 'MX') : answer(DOMAIN, 'MX', ...data),
});

const ROWS: Row[] = [
  {
    label: '21Vianet, msoid missing: slow sign-in is DNS',
    symptom: 'slow-sign-in',
    cloud: '21vianet',
    msoid: { msoid: { cname: lookup(`msoid.${DOMAIN}`, 'CNAME', 'nxdomain') } },
    answer: 'yes',
    reason: 'msoid-missing',
  },
  { label: '21Vianet, msoid right: slow sign-in is not DNS', symptom: 'slow-sign-in', cloud: '21vianet', answer: 'no' },
  { label: 'worldwide, healthy: slow sign-in is not DNS', symptom: 'slow-sign-in', cloud: 'worldwide', answer: 'no' },
  {
    label: '21Vianet, msoid to the wrong place: sign-in fails is DNS',
    symptom: 'sign-in-fails',
    cloud: '21vianet',
    msoid: { msoid: msoidCname(['other.test']) },
    answer: 'yes',
    reason: 'msoid-wrong',
  },
  {
    label: '21Vianet, msoid missing: sign-in fails is not DNS (it is only slow)',
    symptom: 'sign-in-fails',
    cloud: '21vianet',
    msoid: { msoid: { cname: lookup(`msoid.${DOMAIN}`, 'CNAME', 'nxdomain') } },
    answer: 'no',
  },
  {
    label: "worldwide with the 21Vianet msoid: Office won't activate is DNS",
    symptom: 'activation',
    cloud: 'worldwide',
    msoid: { msoid: msoidCname([MSOID_TARGET_21V]) },
    answer: 'yes',
    reason: 'msoid-21vianet',
  },
  {
    label: 'GCC High with the old worldwide msoid: activation is DNS (legacy)',
    symptom: 'activation',
    cloud: 'gcchigh',
    msoid: { msoid: msoidCname([MSOID_LEGACY_WORLDWIDE]) },
    answer: 'yes',
    reason: 'msoid-legacy',
  },
  { label: '21Vianet with its msoid: activation is not DNS', symptom: 'activation', cloud: '21vianet', answer: 'no' },
  {
    label: "msoid lookup failed: can't tell",
    symptom: 'activation',
    cloud: 'worldwide',
    msoid: { msoid: { cname: lookup(`msoid.${DOMAIN}`, 'CNAME', 'timeout') } },
    answer: 'cant-tell',
    reason: 'unchecked',
  },
  {
    label: "cloud unknown: can't tell for sign-in",
    symptom: 'slow-sign-in',
    cloud: 'unknown',
    answer: 'cant-tell',
    reason: 'cloud',
  },
  {
    label: 'no MX: mail is DNS',
    symptom: 'mail',
    cloud: 'worldwide',
    zone: (f) => ({ ...healthy(f), [KEYS.mx]: nodata(DOMAIN, 'MX') }),
    answer: 'yes',
    reason: 'mx-missing',
  },
  {
    label: 'a null MX: mail is DNS',
    symptom: 'mail',
    cloud: 'worldwide',
    zone: withMx(['0 .']),
    answer: 'yes',
    reason: 'mx-null',
  },
  {
    label: 'another MX first: mail is DNS',
    symptom: 'mail',
    cloud: 'worldwide',
    zone: withMx(['0 mx.other.test', '10 contoso-test.mail.protection.outlook.com']),
    answer: 'yes',
    reason: 'mx-shared',
  },
  { label: 'healthy MX: mail is not DNS', symptom: 'mail', cloud: 'worldwide', answer: 'no' },
  {
    label: "MX lookup failed: can't tell",
    symptom: 'mail',
    cloud: 'worldwide',
    zone: withMx('timeout'),
    answer: 'cant-tell',
    reason: 'unchecked',
  },
  {
    label: 'autodiscover missing: Outlook set-up is DNS',
    symptom: 'outlook-setup',
    cloud: 'worldwide',
    zone: (f) => ({
      ...healthy(f),
      [KEYS.autodiscover]: nodata(`autodiscover.${DOMAIN}`, 'CNAME'),
      [KEYS.autodiscoverA]: nodata(`autodiscover.${DOMAIN}`, 'A'),
      [KEYS.autodiscoverTxt]: nodata(`autodiscover.${DOMAIN}`, 'TXT'),
    }),
    answer: 'yes',
    reason: 'autodiscover',
  },
  {
    label: 'healthy autodiscover: Outlook set-up is not DNS',
    symptom: 'outlook-setup',
    cloud: 'worldwide',
    answer: 'no',
  },
];

function input(row: Pick<Row, 'cloud' | 'msoid' | 'zone'>, hostId: string | null = null) {
  const msoid: MsoidFinding = msoidFinding(row.cloud, row.msoid);
  const f = family(row.cloud);
  const result = run({ cloud: row.cloud, lookups: (row.zone ?? healthy)(f), msoid });
  return { display: DOMAIN, zone: DOMAIN, cloud: report(row.cloud), msoid, records: result.records, hostId };
}

describe('the helpdesk answer per symptom', () => {
  it.each(ROWS)('$label', (row) => {
    const got = symptomAnswer(row.symptom, input(row));
    expect(got.answer).toBe(row.answer);
    expect(got.messages[0]?.code).toBe(`helpdesk.symptom.answer.${row.answer}`);
    const codes = got.messages.map((m) => m.code);
    if (row.reason) expect(codes).toContain(`helpdesk.symptom.reason.${row.reason}`);
    // A "yes" names the fix and who makes it; a "no" or "can't tell" asks nobody to change DNS.
    expect(codes.some((c) => c.startsWith('helpdesk.symptom.act.'))).toBe(row.answer === 'yes');
    expect(codes.some((c) => c.startsWith('helpdesk.symptom.who.'))).toBe(row.answer === 'yes');
  });

  it('a domain that does not exist explains every symptom', () => {
    const all = symptomAnswers(input({ cloud: 'worldwide', msoid: { apex: lookup(DOMAIN, 'SOA', 'nxdomain') } }));
    for (const result of Object.values(all)) expect(result.answer).toBe('yes');
  });

  it.each(['en', 'zh-CN'])('every message renders in %s, stands alone (no "below") and uses no jargon', (lang) => {
    const catalogue = catalogueFor(lang);
    for (const row of ROWS) {
      const got = symptomAnswer(row.symptom, input(row, 'cloudflare'));
      for (const ref of got.messages) expect(formatRef(catalogue, ref), ref.code).not.toBe(ref.code);
      const text = helpdeskText(got.messages, catalogue, lang);
      expect(text).not.toMatch(/below|下方|PowerShell|终结点|DMARC|endpoint/i);
      if (row.answer === 'yes') expect(text).toContain('cloudflare');
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  answer,
  autodiscover,
  cnameLookup,
  DOMAIN,
  EVIDENCE,
  type Evidence,
  failed,
  lookup,
  mx,
  snapshot,
  spf,
} from '@/lib/lookups/test-fixtures';
import type { CloudChoice, CloudHint, EffectiveCloud } from '@/lib/schema';
import { cloudNotes, inferCloud, spfIncludes } from './cloud';

type Row = {
  label: string;
  evidence: Evidence;
  selected?: CloudChoice;
  effective: EffectiveCloud;
  inferred?: EffectiveCloud;
  hints: CloudHint[];
  conflicting?: boolean;
  contradicts?: boolean;
  incomplete?: boolean;
  notes: string[];
};

const rows: Row[] = [
  // one kind of evidence at a time
  { label: 'MX 21Vianet', evidence: EVIDENCE['mx 21vianet'], effective: '21vianet', hints: ['21vianet'], notes: [] },
  {
    label: 'autodiscover 21Vianet',
    evidence: EVIDENCE['autodiscover 21vianet'],
    effective: '21vianet',
    hints: ['21vianet'],
    notes: [],
  },
  { label: 'SPF 21Vianet', evidence: EVIDENCE['spf 21vianet'], effective: '21vianet', hints: ['21vianet'], notes: [] },
  {
    label: 'MX outlook.com',
    evidence: EVIDENCE['mx worldwide'],
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'MX mx.microsoft',
    evidence: EVIDENCE['mx worldwide (mx.microsoft)'],
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'autodiscover outlook.com (chain goes on)',
    evidence: EVIDENCE['autodiscover worldwide'],
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'SPF outlook.com',
    evidence: EVIDENCE['spf worldwide'],
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'MX office365.us alone → GCC High, DoD equally possible',
    evidence: EVIDENCE['mx gcchigh-or-dod'],
    effective: 'gcchigh',
    hints: ['gcchigh-or-dod'],
    notes: ['cloud.note.gcchigh-or-dod'],
  },
  {
    label: 'SPF office365.us alone',
    evidence: EVIDENCE['spf gcchigh-or-dod'],
    effective: 'gcchigh',
    hints: ['gcchigh-or-dod'],
    notes: ['cloud.note.gcchigh-or-dod'],
  },
  {
    label: 'autodiscover office365.us',
    evidence: EVIDENCE['autodiscover gcchigh'],
    effective: 'gcchigh',
    hints: ['gcchigh'],
    notes: [],
  },
  { label: 'autodiscover-dod', evidence: EVIDENCE['autodiscover dod'], effective: 'dod', hints: ['dod'], notes: [] },
  {
    label: 'MX outlook.de (Germany, retired)',
    evidence: mx('contoso-test.mail.protection.outlook.de'),
    effective: 'unknown',
    hints: ['germany'],
    notes: ['cloud.note.germany'],
  },
  // combinations
  {
    label: 'office365.us MX + DoD autodiscover → DoD',
    evidence: { ...EVIDENCE['mx gcchigh-or-dod'], ...EVIDENCE['autodiscover dod'] },
    effective: 'dod',
    hints: ['gcchigh-or-dod', 'dod'],
    notes: [],
  },
  {
    label: 'office365.us SPF + GCC High autodiscover → GCC High, no note',
    evidence: { ...EVIDENCE['spf gcchigh-or-dod'], ...EVIDENCE['autodiscover gcchigh'] },
    effective: 'gcchigh',
    hints: ['gcchigh', 'gcchigh-or-dod'],
    notes: [],
  },
  {
    label: 'all three 21Vianet',
    evidence: { ...EVIDENCE['mx 21vianet'], ...EVIDENCE['autodiscover 21vianet'], ...EVIDENCE['spf 21vianet'] },
    effective: '21vianet',
    hints: ['21vianet', '21vianet', '21vianet'],
    notes: [],
  },
  {
    label: 'conflict: MX worldwide, autodiscover 21Vianet',
    evidence: { ...EVIDENCE['mx worldwide'], ...EVIDENCE['autodiscover 21vianet'] },
    effective: 'unknown',
    hints: ['worldwide-or-gcc', '21vianet'],
    conflicting: true,
    notes: ['cloud.note.conflicting'],
  },
  {
    label: 'conflict: GCC High vs DoD autodiscover + worldwide SPF',
    evidence: { ...EVIDENCE['autodiscover gcchigh'], ...EVIDENCE['spf worldwide'] },
    effective: 'unknown',
    hints: ['gcchigh', 'worldwide-or-gcc'],
    conflicting: true,
    notes: ['cloud.note.conflicting'],
  },
  {
    label: 'two MX, two clouds',
    evidence: mx('a.mail.protection.outlook.com', 'a.mail.protection.partner.outlook.cn'),
    effective: 'unknown',
    hints: ['worldwide-or-gcc', '21vianet'],
    conflicting: true,
    notes: ['cloud.note.conflicting'],
  },
  // no evidence / incomplete
  { label: 'no evidence', evidence: {}, effective: 'unknown', hints: [], notes: ['cloud.note.no-evidence'] },
  {
    label: 'third-party MX is no evidence',
    evidence: mx('mx1.mailhost.test'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  {
    label: 'MX lookup failed, nothing else → incomplete',
    evidence: { mx: failed(DOMAIN, 'MX', 'servfail') },
    effective: 'unknown',
    hints: [],
    incomplete: true,
    notes: ['cloud.note.evidence-incomplete'],
  },
  {
    label: 'autodiscover chain failed, nothing else → incomplete',
    evidence: { autodiscover: cnameLookup(`autodiscover.${DOMAIN}`, ['mail.contoso.test'], 'failed', 'timeout') },
    effective: 'unknown',
    hints: [],
    incomplete: true,
    notes: ['cloud.note.evidence-incomplete'],
  },
  {
    label: 'TXT failed but MX says 21Vianet → not incomplete',
    evidence: { ...EVIDENCE['mx 21vianet'], txt: failed(DOMAIN, 'TXT') },
    effective: '21vianet',
    hints: ['21vianet'],
    notes: [],
  },
  {
    label: 'autodiscover hint before a failed hop still counts',
    evidence: {
      autodiscover: cnameLookup(`autodiscover.${DOMAIN}`, ['autodiscover.partner.outlook.cn'], 'failed', 'servfail'),
    },
    effective: '21vianet',
    hints: ['21vianet'],
    notes: [],
  },
  // matching rules
  {
    label: 'suffix in the middle is not evidence',
    evidence: mx('evilmail.protection.outlook.com.attacker.test'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  {
    label: 'partial label is not evidence',
    evidence: mx('evilmail.protection.outlook.com'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  {
    label: 'upper case + trailing dot',
    evidence: mx('CONTOSO-TEST.Mail.Protection.Outlook.COM.'),
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'SPF v=spf1 case-insensitive, qualifier on include',
    evidence: spf('V=SPF1 ~include:SPF.protection.outlook.com. ~all'),
    effective: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: ['cloud.note.worldwide-or-gcc'],
  },
  {
    label: 'include in a non-SPF TXT is not evidence',
    evidence: spf('note include:spf.protection.outlook.com', 'v=spf10 include:spf.protection.outlook.com'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  {
    label: 'autodiscover to an on-premises host is no evidence',
    evidence: autodiscover('mail.contoso.test'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  {
    label: 'autodiscover-dod is not autodiscover (whole labels)',
    evidence: autodiscover('x-autodiscover.office365.us'),
    effective: 'unknown',
    hints: [],
    notes: ['cloud.note.no-evidence'],
  },
  // explicit choice
  {
    label: 'chosen 21Vianet, evidence worldwide → contradiction',
    selected: '21vianet',
    evidence: EVIDENCE['mx worldwide'],
    effective: '21vianet',
    inferred: 'worldwide',
    hints: ['worldwide-or-gcc'],
    contradicts: true,
    notes: ['cloud.note.contradicts.worldwide-or-gcc'],
  },
  {
    label: 'chosen worldwide, evidence 21Vianet → contradiction',
    selected: 'worldwide',
    evidence: EVIDENCE['spf 21vianet'],
    effective: 'worldwide',
    inferred: '21vianet',
    hints: ['21vianet'],
    contradicts: true,
    notes: ['cloud.note.contradicts.21vianet'],
  },
  {
    label: 'chosen GCC, evidence worldwide-or-gcc → no contradiction',
    selected: 'gcc',
    evidence: EVIDENCE['mx worldwide'],
    effective: 'gcc',
    inferred: 'worldwide',
    hints: ['worldwide-or-gcc'],
    notes: [],
  },
  {
    label: 'chosen DoD, evidence gcchigh-or-dod → no contradiction',
    selected: 'dod',
    evidence: EVIDENCE['mx gcchigh-or-dod'],
    effective: 'dod',
    inferred: 'gcchigh',
    hints: ['gcchigh-or-dod'],
    notes: [],
  },
  {
    label: 'chosen GCC High, DoD autodiscover → contradiction',
    selected: 'gcchigh',
    evidence: EVIDENCE['autodiscover dod'],
    effective: 'gcchigh',
    inferred: 'dod',
    hints: ['dod'],
    contradicts: true,
    notes: ['cloud.note.contradicts.dod'],
  },
  {
    label: 'chosen worldwide, evidence GCC High/DoD MX',
    selected: 'worldwide',
    evidence: EVIDENCE['mx gcchigh-or-dod'],
    effective: 'worldwide',
    inferred: 'gcchigh',
    hints: ['gcchigh-or-dod'],
    contradicts: true,
    notes: ['cloud.note.contradicts.gcchigh-or-dod'],
  },
  {
    label: 'chosen GCC, autodiscover GCC High',
    selected: 'gcc',
    evidence: EVIDENCE['autodiscover gcchigh'],
    effective: 'gcc',
    inferred: 'gcchigh',
    hints: ['gcchigh'],
    contradicts: true,
    notes: ['cloud.note.contradicts.gcchigh'],
  },
  {
    label: 'chosen worldwide, Germany MX',
    selected: 'worldwide',
    evidence: mx('x.mail.protection.outlook.de'),
    effective: 'worldwide',
    inferred: 'unknown',
    hints: ['germany'],
    contradicts: true,
    notes: ['cloud.note.contradicts.germany'],
  },
  {
    label: 'chosen 21Vianet with conflicting evidence: one note for the other cloud',
    selected: '21vianet',
    evidence: { ...EVIDENCE['mx worldwide'], ...EVIDENCE['autodiscover 21vianet'] },
    effective: '21vianet',
    inferred: 'unknown',
    hints: ['worldwide-or-gcc', '21vianet'],
    conflicting: true,
    contradicts: true,
    notes: ['cloud.note.contradicts.worldwide-or-gcc'],
  },
  {
    label: 'chosen 21Vianet, no evidence → no note',
    selected: '21vianet',
    evidence: {},
    effective: '21vianet',
    inferred: 'unknown',
    hints: [],
    notes: [],
  },
  {
    label: 'chosen 21Vianet, lookups failed → incomplete but no note',
    selected: '21vianet',
    evidence: { mx: failed(DOMAIN, 'MX') },
    effective: '21vianet',
    inferred: 'unknown',
    hints: [],
    incomplete: true,
    notes: [],
  },
];

describe('inferCloud', () => {
  it.each(rows)('$label', (row) => {
    const snap = snapshot(row.evidence);
    const report = inferCloud(snap, row.selected ?? 'auto');
    expect(report.selected).toBe(row.selected ?? 'auto');
    expect(report.effective).toBe(row.effective);
    expect(report.inferred).toBe(row.inferred ?? row.effective);
    expect(report.evidence.map((e) => e.suggests)).toEqual(row.hints);
    expect(report.conflicting).toBe(row.conflicting ?? false);
    expect(report.contradictsEvidence).toBe(row.contradicts ?? false);
    expect(report.evidenceIncomplete).toBe(row.incomplete ?? false);
    expect(cloudNotes(report, snap).map((n) => n.code)).toEqual(row.notes);
  });

  it('records where each hint came from', () => {
    const report = inferCloud(
      snapshot({ ...mx('contoso-test.mail.protection.outlook.com.'), ...EVIDENCE['autodiscover worldwide'] }),
      'auto',
    );
    expect(report.evidence).toEqual([
      { record: 'mx', name: DOMAIN, value: 'contoso-test.mail.protection.outlook.com', suggests: 'worldwide-or-gcc' },
      {
        record: 'autodiscover',
        name: `autodiscover.${DOMAIN}`,
        value: 'autodiscover.outlook.com',
        suggests: 'worldwide-or-gcc',
      },
    ]);
  });

  it('never reads msoid', () => {
    const snap = snapshot({
      msoid: { cname: cnameLookup(`msoid.${DOMAIN}`, ['clientconfig.partner.microsoftonline-p.net.cn']) },
    });
    expect(inferCloud(snap, 'auto').evidence).toEqual([]);
  });

  it('names the failed lookups in the incomplete note', () => {
    const snap = snapshot({ mx: failed(DOMAIN, 'MX'), txt: failed(DOMAIN, 'TXT', 'refused') });
    expect(cloudNotes(inferCloud(snap, 'auto'), snap)).toEqual([
      { code: 'cloud.note.evidence-incomplete', params: { lookups: `MX ${DOMAIN}, TXT ${DOMAIN}` } },
    ]);
  });
});

describe('spfIncludes', () => {
  it.each([
    ['plain', ['v=spf1 include:a.test include:b.test -all'], ['a.test', 'b.test']],
    ['qualifiers and case', ['V=SPF1 +INCLUDE:A.test. -include:b.test'], ['a.test', 'b.test']],
    ['not SPF', ['google-site-verification=x include:a.test'], []],
    ['two SPF records', ['v=spf1 include:a.test', 'v=spf1 include:b.test'], ['a.test', 'b.test']],
  ])('%s', (_label, records, includes) => {
    expect(spfIncludes(answer(DOMAIN, 'TXT', ...records))).toEqual(includes);
  });

  it('ignores a failed lookup', () => {
    expect(spfIncludes(lookup(DOMAIN, 'TXT', 'servfail', ['v=spf1 include:a.test']))).toEqual([]);
  });
});

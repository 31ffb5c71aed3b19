import { describe, expect, test } from 'vitest';
import { summarize } from '@/lib/findings/summary';
import { Outcome, type RecordId, type RecordStatus, type ReportRecord, Severity } from '@/lib/schema';
import {
  countParts,
  findingLookups,
  groupRecords,
  headlineVerdict,
  lookupsOf,
  placeholderHint,
  recordGroup,
} from './records-view';
import { makeReport } from './test-fixtures';

type R = Pick<ReportRecord, 'id' | 'outcome' | 'status' | 'severity'>;
const r = (id: RecordId, status: RecordStatus, outcome: Outcome, severity: Severity): R => ({
  id,
  status,
  outcome,
  severity,
});

describe('recordGroup', () => {
  const cases: Array<{ label: string; record: R; group: ReturnType<typeof recordGroup> }> = [
    { label: 'ok', record: r('mx', 'ok', 'ok', 'ok'), group: 'fine' },
    { label: 'optional and absent', record: r('sip', 'optional-absent', 'ok', 'ok'), group: 'fine' },
    { label: 'service not used', record: r('mx', 'not-applicable', 'not-applicable', 'ok'), group: 'fine' },
    { label: 'missing', record: r('dmarc', 'missing', 'problem', 'warning'), group: 'problem' },
    { label: 'conflict', record: r('autodiscover', 'conflict', 'problem', 'critical'), group: 'problem' },
    { label: 'needs the cloud', record: r('msoid', 'not-applicable', 'needs-input', 'notice'), group: 'input' },
    {
      label: 'lookup failed is never a problem',
      record: r('spf', 'lookup-failed', 'could-not-check', 'unchecked'),
      group: 'unchecked',
    },
    {
      label: 'unchecked severity wins over a mislabelled outcome',
      record: r('spf', 'lookup-failed', 'problem', 'critical'),
      group: 'unchecked',
    },
  ];
  test.each(cases)('$label', ({ record, group }) => {
    expect(recordGroup(record)).toBe(group);
  });

  test('"To fix (N)" counts exactly the records the health counts call broken or to review', () => {
    // Every outcome × severity pair the judges give (severity `unchecked` only with could-not-check), as one
    // domain's records: the group and the counts must agree.
    const records = Outcome.options.flatMap((outcome) =>
      Severity.options
        .filter((severity) => (severity === 'unchecked') === (outcome === 'could-not-check'))
        .map((severity) => r('mx', 'ok', outcome, severity)),
    );
    const { counts } = summarize(records);
    const toFix = records.filter((x) => recordGroup(x) === 'problem').length;
    expect(toFix).toBe(counts.broken + counts.attention);
  });
});

test('groupRecords puts problems first, worst first, then could-not-check, then fine, in catalogue order', () => {
  const records = [
    r('verification', 'ok', 'ok', 'ok'),
    r('msoid', 'ok', 'ok', 'ok'),
    r('mx', 'lookup-failed', 'could-not-check', 'unchecked'),
    r('spf', 'missing', 'problem', 'warning'),
    r('dmarc', 'missing', 'problem', 'warning'),
    r('autodiscover', 'wrong-value', 'problem', 'critical'),
    r('sip', 'optional-absent', 'ok', 'ok'),
  ];
  expect(groupRecords(records).map((g) => [g.group, g.records.map((x) => x.id)])).toEqual([
    ['problem', ['autodiscover', 'spf', 'dmarc']],
    ['unchecked', ['mx']],
    ['fine', ['verification', 'msoid', 'sip']],
  ]);
  expect(groupRecords([r('mx', 'ok', 'ok', 'ok')]).map((g) => g.group)).toEqual(['fine']);
});

describe('headlineVerdict', () => {
  const withRecords = (msoidSeverity: Severity, spfSeverity: Severity) => {
    const report = makeReport('a.test', msoidSeverity === 'ok' ? 'ok' : 'missing');
    report.msoid.severity = msoidSeverity;
    const [msoid, spf] = report.records;
    if (!msoid || !spf) throw new Error('fixture changed');
    msoid.severity = msoidSeverity;
    spf.severity = spfSeverity;
    return report;
  };
  const cases: Array<{ label: string; msoid: Severity; spf: Severity; id: RecordId }> = [
    { label: 'all fine: msoid', msoid: 'ok', spf: 'ok', id: 'msoid' },
    { label: 'another record is worse', msoid: 'ok', spf: 'critical', id: 'spf' },
    { label: 'a tie goes to msoid', msoid: 'warning', spf: 'warning', id: 'msoid' },
    { label: 'msoid is worse', msoid: 'critical', spf: 'warning', id: 'msoid' },
    { label: 'could not check beats a notice', msoid: 'notice', spf: 'unchecked', id: 'spf' },
  ];
  test.each(cases)('$label', ({ msoid, spf, id }) => {
    const report = withRecords(msoid, spf);
    const headline = headlineVerdict(report);
    expect(headline.id).toBe(id);
    expect(headline.verdict).toBe(id === 'msoid' ? report.msoid.text.verdict : 'spf verdict');
  });

  test('a report without records shows msoid', () => {
    const report = { ...makeReport('a.test', 'missing'), records: [] };
    expect(headlineVerdict(report)).toEqual({ id: 'msoid', verdict: 'verdict missing' });
  });
});

test('countParts lists the non-zero counts, worst first, and never not-applicable', () => {
  expect(countParts({ ok: 12, attention: 1, broken: 2, couldNotCheck: 0, notApplicable: 3 })).toEqual([
    { part: 'broken', count: 2 },
    { part: 'attention', count: 1 },
    { part: 'ok', count: 12 },
  ]);
  expect(countParts({ ok: 0, attention: 0, broken: 0, couldNotCheck: 4, notApplicable: 0 })).toEqual([
    { part: 'couldNotCheck', count: 4 },
  ]);
});

describe('placeholderHint', () => {
  const cases: Array<{
    label: string;
    fix: Parameters<typeof placeholderHint>[0];
    hint: ReturnType<typeof placeholderHint>;
  }> = [
    {
      label: 'the record says where to copy from',
      fix: { record: 'dkim-selector1', copyFrom: ['copy it from the Defender portal'] },
      hint: { kind: 'notes', notes: ['copy it from the Defender portal'] },
    },
    {
      label: 'DMARC: your own mailbox',
      fix: { record: 'dmarc' },
      hint: { kind: 'code', code: 'ui.fixes.placeholder.dmarc' },
    },
    { label: 'no copy-from note', fix: { record: 'mx' }, hint: { kind: 'code', code: 'ui.fixes.placeholder.other' } },
    {
      label: 'an empty copy-from list',
      fix: { record: 'verification', copyFrom: [] },
      hint: { kind: 'code', code: 'ui.fixes.placeholder.other' },
    },
  ];
  test.each(cases)('$label', ({ fix, hint }) => {
    expect(placeholderHint(fix)).toEqual(hint);
  });
});

describe("a report's lookups by id", () => {
  const report = makeReport('contoso.test', 'missing');

  test('lookupsOf gives each id its name and type back, in the order asked, skipping an unknown id', () => {
    const got = lookupsOf(['contoso.test TXT', 'nope.test A', 'msoid.contoso.test CNAME'], report.lookups);
    expect(got.map((l) => [l.name, l.type, l.outcome])).toEqual([
      ['contoso.test', 'TXT', 'answer'],
      ['msoid.contoso.test', 'CNAME', 'nxdomain'],
    ]);
    // Defaults the report leaves out read back.
    expect(got[1]).toMatchObject({ answers: [], chain: [], chainEnd: 'none', attempts: 1 });
  });

  test('findingLookups lists each lookup a finding names once, msoid first; unnamed ones (NS) are left out', () => {
    expect(findingLookups(report).map((l) => `${l.name} ${l.type}`)).toEqual([
      'msoid.contoso.test CNAME',
      'contoso.test TXT',
    ]);
  });
});

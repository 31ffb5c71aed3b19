import { describe, expect, test } from 'vitest';
import type { MsoidFinding, MsoidStatus, Outcome, Severity } from '@/lib/schema';
import { bucketOf, type Row, type SummaryBucket, sortRows, summarize } from './rank';

type F = Pick<MsoidFinding, 'status' | 'outcome' | 'severity'>;
const f = (status: MsoidStatus, outcome: Outcome, severity: Severity): F => ({ status, outcome, severity });

describe('bucketOf', () => {
  const cases: Array<{ label: string; finding: F; bucket: SummaryBucket }> = [
    { label: 'ok', finding: f('ok', 'ok', 'ok'), bucket: 'ok' },
    { label: 'not applicable counts as ok', finding: f('ok', 'not-applicable', 'ok'), bucket: 'ok' },
    { label: 'missing on 21vianet is a problem', finding: f('missing', 'problem', 'warning'), bucket: 'problems' },
    { label: 'must remove is a problem', finding: f('must-remove', 'problem', 'critical'), bucket: 'problems' },
    {
      label: 'lookup failed is could not check',
      finding: f('lookup-failed', 'could-not-check', 'unchecked'),
      bucket: 'unchecked',
    },
    {
      label: 'lookup failed stays unchecked even if mislabelled as a problem',
      finding: f('lookup-failed', 'problem', 'critical'),
      bucket: 'unchecked',
    },
    { label: 'unchecked severity is never healthy', finding: f('ok', 'ok', 'unchecked'), bucket: 'unchecked' },
    { label: 'cloud unknown needs input', finding: f('cloud-unknown', 'needs-input', 'notice'), bucket: 'needsInput' },
  ];
  test.each(cases)('$label', ({ finding, bucket }) => {
    expect(bucketOf(finding)).toBe(bucket);
  });
});

test('summarize keeps could-not-check apart from ok and problems', () => {
  const reports = [
    f('ok', 'ok', 'ok'),
    f('lookup-failed', 'could-not-check', 'unchecked'),
    f('lookup-failed', 'could-not-check', 'unchecked'),
    f('missing', 'problem', 'warning'),
    f('cloud-unknown', 'needs-input', 'notice'),
  ].map((msoid) => ({ msoid: msoid as MsoidFinding }));
  expect(summarize(reports)).toEqual({ ok: 1, problems: 1, unchecked: 2, needsInput: 1, total: 5 });
});

describe('sortRows', () => {
  const row = (domain: string, order: number, severity: Severity): Row => ({
    domain,
    order,
    report: { msoid: { severity } as MsoidFinding },
  });
  const rows = [
    row('ok.test', 0, 'ok'),
    row('fail.test', 1, 'unchecked'),
    row('bad.test', 2, 'critical'),
    row('warn.test', 3, 'warning'),
    row('bad2.test', 4, 'critical'),
    row('note.test', 5, 'notice'),
  ];
  const cases = [
    {
      label: 'input order',
      mode: 'input' as const,
      expected: ['ok.test', 'fail.test', 'bad.test', 'warn.test', 'bad2.test', 'note.test'],
    },
    {
      label: 'worst first, ties in input order',
      mode: 'severity' as const,
      expected: ['bad.test', 'bad2.test', 'warn.test', 'fail.test', 'note.test', 'ok.test'],
    },
  ];
  test.each(cases)('$label', ({ mode, expected }) => {
    expect(sortRows([...rows].reverse(), mode).map((r) => r.domain)).toEqual(expected);
  });

  test('does not mutate its input', () => {
    const input = [...rows].reverse();
    const before = input.map((r) => r.domain);
    sortRows(input, 'severity');
    expect(input.map((r) => r.domain)).toEqual(before);
  });
});

import { describe, expect, test } from 'vitest';
import type { RecordsHealth, Severity } from '@/lib/schema';
import { type Row, type SummaryBucket, sortRows, summarize } from './rank';

const report = (health: RecordsHealth, severity: Severity = 'ok'): Row['report'] => ({
  summary: { health, counts: { ok: 0, attention: 0, broken: 0, couldNotCheck: 0, notApplicable: 0 } },
  msoid: { severity },
});

describe('summarize', () => {
  const cases: Array<{ label: string; health: RecordsHealth; bucket: SummaryBucket }> = [
    { label: 'healthy', health: 'healthy', bucket: 'healthy' },
    { label: 'needs attention', health: 'needs-attention', bucket: 'attention' },
    { label: 'broken', health: 'broken', bucket: 'broken' },
    { label: 'could not check is its own bucket', health: 'could-not-check', bucket: 'unchecked' },
  ];
  test.each(cases)('$label', ({ health, bucket }) => {
    const summary = summarize([report(health)]);
    expect(summary[bucket]).toBe(1);
    expect(summary.total).toBe(1);
    expect(summary.healthy + summary.attention + summary.broken + summary.unchecked).toBe(1);
  });

  test('counts follow the domain health, not the msoid finding', () => {
    const reports = [
      report('broken', 'ok'),
      report('could-not-check', 'ok'),
      report('could-not-check', 'unchecked'),
      report('healthy', 'ok'),
      report('needs-attention', 'warning'),
    ];
    expect(summarize(reports)).toEqual({ healthy: 1, attention: 1, broken: 1, unchecked: 2, total: 5 });
  });
});

describe('sortRows', () => {
  const row = (domain: string, order: number, health: RecordsHealth, severity: Severity = 'ok'): Row => ({
    domain,
    order,
    report: report(health, severity),
  });
  const rows = [
    row('ok.test', 0, 'healthy'),
    row('fail.test', 1, 'could-not-check', 'unchecked'),
    row('spf.test', 2, 'broken', 'ok'),
    row('warn.test', 3, 'needs-attention', 'warning'),
    row('msoid.test', 4, 'broken', 'critical'),
    row('dkim.test', 5, 'needs-attention', 'ok'),
    row('bad2.test', 6, 'broken', 'critical'),
  ];
  const cases = [
    {
      label: 'input order',
      mode: 'input' as const,
      expected: ['ok.test', 'fail.test', 'spf.test', 'warn.test', 'msoid.test', 'dkim.test', 'bad2.test'],
    },
    {
      label: 'worst health first, then the worst msoid, ties in input order',
      mode: 'severity' as const,
      expected: ['msoid.test', 'bad2.test', 'spf.test', 'warn.test', 'dkim.test', 'fail.test', 'ok.test'],
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

import { describe, expect, it } from 'vitest';
import type { Outcome, RecordsCounts, RecordsHealth, Severity } from '@/lib/schema';
import { bucketOf, summarize } from './summary';

type Row = [outcome: Outcome, severity: Severity];
const rows = (...r: Row[]) => r.map(([outcome, severity]) => ({ outcome, severity }));

describe('bucketOf', () => {
  it.each([
    ['ok', 'ok', 'ok'],
    ['ok', 'notice', 'ok'],
    ['problem', 'critical', 'broken'],
    ['problem', 'warning', 'attention'],
    ['problem', 'notice', 'attention'],
    ['could-not-check', 'unchecked', 'couldNotCheck'],
    ['not-applicable', 'ok', 'notApplicable'],
    ['needs-input', 'notice', 'notApplicable'],
  ] as const)('%s + %s → %s', (outcome, severity, want) => {
    expect(bucketOf({ outcome, severity })).toBe(want);
  });
});

describe('summarize', () => {
  const table: [string, ReturnType<typeof rows>, boolean, RecordsHealth, Partial<RecordsCounts>][] = [
    ['all ok', rows(['ok', 'ok'], ['ok', 'notice']), false, 'healthy', { ok: 2 }],
    [
      'not applicable rows do not spoil health',
      rows(['ok', 'ok'], ['not-applicable', 'ok']),
      false,
      'healthy',
      { notApplicable: 1 },
    ],
    [
      'could not check is kept apart',
      rows(['ok', 'ok'], ['could-not-check', 'unchecked']),
      false,
      'could-not-check',
      { couldNotCheck: 1, ok: 1 },
    ],
    [
      'a warning outranks could not check',
      rows(['could-not-check', 'unchecked'], ['problem', 'warning']),
      false,
      'needs-attention',
      { attention: 1 },
    ],
    [
      'a critical problem is broken',
      rows(['problem', 'warning'], ['problem', 'critical']),
      false,
      'broken',
      { broken: 1, attention: 1 },
    ],
    ['the domain does not exist', rows(['not-applicable', 'warning']), true, 'broken', { notApplicable: 1 }],
    ['nothing at all', rows(), false, 'healthy', { ok: 0 }],
  ];
  it.each(table)('%s', (_label, input, domainNotFound, health, counts) => {
    const s = summarize(input, domainNotFound);
    expect(s.health).toBe(health);
    expect(s.counts).toMatchObject(counts);
    expect(Object.values(s.counts).reduce((a, b) => a + b, 0)).toBe(input.length);
  });
});

import { expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import type { RecordId, Report, Severity } from '@/lib/schema';
import { problemRecords } from './row-summary';

/** A report whose records have these ids and severities (the rest of each record copied from a fixture). */
function withRecords(list: Array<[RecordId, Severity]>): Report {
  const report = makeReport('a.test', 'ok');
  const template = report.records[0];
  if (!template) throw new Error('fixture has no record');
  report.records = list.map(([id, severity]) => ({ ...template, id, severity }));
  return report;
}

test.each<{ label: string; records: Array<[RecordId, Severity]>; max?: number; want: string[]; more: number }>([
  {
    label: 'all fine: nothing named',
    records: [
      ['msoid', 'ok'],
      ['spf', 'notice'],
    ],
    want: [],
    more: 0,
  },
  {
    label: 'worst first, then in report order',
    records: [
      ['mx', 'warning'],
      ['spf', 'unchecked'],
      ['msoid', 'critical'],
      ['dmarc', 'warning'],
    ],
    want: ['msoid:critical', 'mx:warning', 'dmarc:warning'],
    more: 1,
  },
  {
    label: 'a record listed twice is named once (its first severity)',
    records: [
      ['mx', 'critical'],
      ['mx', 'warning'],
    ],
    want: ['mx:critical'],
    more: 0,
  },
  {
    label: 'max 1',
    records: [
      ['mx', 'critical'],
      ['spf', 'critical'],
    ],
    max: 1,
    want: ['mx:critical'],
    more: 1,
  },
  { label: 'max 0 names none', records: [['mx', 'critical']], max: 0, want: [], more: 1 },
])('$label', ({ records, max, want, more }) => {
  const got = problemRecords(withRecords(records), max);
  expect(got.shown.map((r) => `${r.id}:${r.severity}`)).toEqual(want);
  expect(got.more).toBe(more);
});

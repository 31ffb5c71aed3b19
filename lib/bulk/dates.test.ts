import { expect, test } from 'vitest';
import { makeTranslator } from '@/lib/client/translator';
import { rowsNeedDates } from './dates';

const now = new Date('2026-03-04T10:00:00Z');
const utc = makeTranslator('en', { timeZone: 'UTC' }).day;
const shanghai = makeTranslator('en', { timeZone: 'Asia/Shanghai' }).day;

test.each([
  { label: 'all today', rows: ['2026-03-04T09:00:00Z', '2026-03-04T09:59:00Z'], day: utc, expected: false },
  {
    label: 'a run that spans midnight',
    rows: ['2026-03-03T23:59:00Z', '2026-03-04T00:01:00Z'],
    day: utc,
    expected: true,
  },
  { label: 'all yesterday', rows: ['2026-03-03T09:00:00Z'], day: utc, expected: true },
  // 17:00Z on 4 March is 5 March in Shanghai, where "now" (10:00Z) is still 4 March.
  {
    label: 'days are the reader’s',
    rows: ['2026-03-04T09:00:00Z', '2026-03-04T17:00:00Z'],
    day: shanghai,
    expected: true,
  },
  { label: 'no rows', rows: [], day: utc, expected: false },
])('$label', ({ rows, day, expected }) => {
  expect(rowsNeedDates(rows, day, now)).toBe(expected);
});

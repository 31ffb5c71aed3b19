import { describe, expect, test } from 'vitest';
import { ageOf, staleness } from './stale';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('ageOf', () => {
  test.each([
    { label: 'seconds count as a minute', ms: 5_000, want: { value: 1, unit: 'minute' } },
    { label: '59 minutes', ms: 59 * MIN + 59_000, want: { value: 59, unit: 'minute' } },
    { label: 'an hour', ms: HOUR, want: { value: 1, unit: 'hour' } },
    { label: '47 hours stay hours', ms: 47 * HOUR + 30 * MIN, want: { value: 47, unit: 'hour' } },
    { label: 'two days', ms: 2 * DAY, want: { value: 2, unit: 'day' } },
    { label: '9.9 days round down', ms: 9.9 * DAY, want: { value: 9, unit: 'day' } },
  ])('$label', ({ ms, want }) => {
    expect(ageOf(ms)).toEqual(want);
  });
});

describe('staleness', () => {
  const now = new Date('2026-01-03T12:00:00.000Z');
  test.each([
    {
      label: 'fresh rows: nothing stale, age of the oldest',
      rows: ['2026-01-03T11:00:00.000Z', '2026-01-03T11:30:00.000Z'],
      maxAgeMs: 24 * HOUR,
      want: { stale: 0, oldest: '2026-01-03T11:00:00.000Z', age: { value: 1, unit: 'hour' } },
    },
    {
      label: 'one row past the limit',
      rows: ['2026-01-01T06:00:00.000Z', '2026-01-03T11:30:00.000Z'],
      maxAgeMs: 24 * HOUR,
      want: { stale: 1, oldest: '2026-01-01T06:00:00.000Z', age: { value: 2, unit: 'day' } },
    },
    {
      label: 'an unreadable time is stale but never the oldest',
      rows: ['garbage', '2026-01-03T11:59:00.000Z'],
      maxAgeMs: HOUR,
      want: { stale: 1, oldest: '2026-01-03T11:59:00.000Z', age: { value: 1, unit: 'minute' } },
    },
    { label: 'no rows', rows: [], maxAgeMs: HOUR, want: { stale: 0, oldest: null, age: null } },
  ])('$label', ({ rows, maxAgeMs, want }) => {
    expect(
      staleness(
        rows.map((checkedAt) => ({ checkedAt })),
        now,
        maxAgeMs,
      ),
    ).toEqual(want);
  });
});

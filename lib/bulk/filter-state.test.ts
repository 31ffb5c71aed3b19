import { describe, expect, test } from 'vitest';
import { type FilterState, hasFilters, NO_FILTERS, toTableFilter, withFilter } from './filter-state';

describe('toTableFilter', () => {
  test.each<{ label: string; state: FilterState; want: object }>([
    {
      label: 'no filters: empty lists, no record',
      state: NO_FILTERS,
      want: { health: [], severity: [], cloud: [], host: [], record: undefined, text: '' },
    },
    {
      label: 'every control set',
      state: {
        health: 'broken',
        severity: 'critical',
        cloud: '21vianet',
        host: 'alibaba',
        record: 'msoid',
        recordStatus: 'missing',
        text: 'contoso',
      },
      want: {
        health: ['broken'],
        severity: ['critical'],
        cloud: ['21vianet'],
        host: ['alibaba'],
        record: { id: 'msoid', status: ['missing'] },
        text: 'contoso',
      },
    },
    {
      label: 'a record with any status',
      state: { ...NO_FILTERS, record: 'spf' },
      want: { health: [], severity: [], cloud: [], host: [], record: { id: 'spf', status: [] }, text: '' },
    },
  ])('$label', ({ state, want }) => {
    expect(toTableFilter(state)).toEqual(want);
  });

  test('the deferred text replaces the typed one', () => {
    expect(toTableFilter({ ...NO_FILTERS, text: 'abc' }, 'ab').text).toBe('ab');
  });
});

describe('hasFilters', () => {
  test.each<{ label: string; state: FilterState; want: boolean }>([
    { label: 'nothing', state: NO_FILTERS, want: false },
    { label: 'blank text', state: { ...NO_FILTERS, text: '  ' }, want: false },
    { label: 'text', state: { ...NO_FILTERS, text: 'x' }, want: true },
    { label: 'host', state: { ...NO_FILTERS, host: 'cloudflare' }, want: true },
    { label: 'record', state: { ...NO_FILTERS, record: 'mx' }, want: true },
    { label: 'health', state: { ...NO_FILTERS, health: 'healthy' }, want: true },
  ])('$label', ({ state, want }) => {
    expect(hasFilters(state)).toBe(want);
  });
});

describe('withFilter', () => {
  const withStatus: FilterState = { ...NO_FILTERS, record: 'msoid', recordStatus: 'missing' };
  test.each<{ label: string; next: FilterState; want: Partial<FilterState> }>([
    {
      label: 'another record resets the status',
      next: withFilter(withStatus, 'record', 'spf'),
      want: { record: 'spf', recordStatus: '' },
    },
    {
      label: 'no record resets the status',
      next: withFilter(withStatus, 'record', ''),
      want: { record: '', recordStatus: '' },
    },
    {
      label: 'the same record keeps it',
      next: withFilter(withStatus, 'record', 'msoid'),
      want: { record: 'msoid', recordStatus: 'missing' },
    },
    {
      label: 'another control keeps it',
      next: withFilter(withStatus, 'cloud', 'gcc'),
      want: { cloud: 'gcc', recordStatus: 'missing' },
    },
  ])('$label', ({ next, want }) => {
    expect(next).toMatchObject(want);
  });
});

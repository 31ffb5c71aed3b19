import { describe, expect, test } from 'vitest';
import { NO_FILTERS } from './filter-state';
import { type BulkView, DEFAULT_VIEW, MAX_VIEW_TEXT, readView, sameView, writeView } from './view-query';

const view = (
  over: Partial<Omit<BulkView, 'filters'>> & { filters?: Partial<BulkView['filters']> } = {},
): BulkView => ({
  ...DEFAULT_VIEW,
  ...over,
  filters: { ...NO_FILTERS, ...over.filters },
});

describe('a view survives the round trip through the address', () => {
  test.each<[string, BulkView]>([
    ['the default view writes nothing', DEFAULT_VIEW],
    ['health', view({ filters: { health: 'broken' } })],
    [
      'every filter',
      view({
        filters: {
          severity: 'critical',
          cloud: '21vianet',
          host: 'dnspod',
          record: 'msoid',
          recordStatus: 'missing',
          text: 'contoso 北京',
        },
      }),
    ],
    ['sort, order, page size and page', view({ sort: 'domain', dir: 'desc', pageSize: '500', page: 2 })],
  ])('%s', (_label, v) => {
    const query = writeView('run=abc&lang=zh-CN', v);
    expect(readView(new URLSearchParams(query))).toEqual(v);
    const params = new URLSearchParams(query);
    expect(params.get('run')).toBe('abc');
    expect(params.get('lang')).toBe('zh-CN');
  });
});

test('only what differs from the default is written', () => {
  expect(writeView('run=abc', DEFAULT_VIEW)).toBe('run=abc');
  expect(writeView('run=abc&health=broken&page=3', DEFAULT_VIEW)).toBe('run=abc');
  expect(writeView('', view({ filters: { health: 'healthy' }, page: 1 }))).toBe('health=healthy&page=2');
  // The input link's cloud is not the cloud filter.
  expect(writeView('cloud=gcc', view({ filters: { cloud: 'worldwide' } }))).toBe('cloud=gcc&in=worldwide');
});

describe('what the address holds is checked, never trusted', () => {
  test.each([
    ['unknown health', 'health=fine', DEFAULT_VIEW],
    ['unknown sort', 'sort=__proto__', DEFAULT_VIEW],
    ['status without record', 'status=missing', DEFAULT_VIEW],
    ['host that is not an id', 'host=%3Cscript%3E', DEFAULT_VIEW],
    ['page 0 and negative', 'page=0', DEFAULT_VIEW],
    ['page not a number', 'page=abc', DEFAULT_VIEW],
    ['page size unknown', 'rows=10000000', DEFAULT_VIEW],
    ['dir anything else', 'dir=sideways', DEFAULT_VIEW],
  ])('%s', (_label, query, expected) => {
    expect(readView(new URLSearchParams(query))).toEqual(expected);
  });
  test('search text is bounded', () => {
    expect(readView(new URLSearchParams(`q=${'a'.repeat(10_000)}`)).filters.text).toHaveLength(MAX_VIEW_TEXT);
  });
});

test('sameView compares what the address would show', () => {
  expect(sameView(DEFAULT_VIEW, view())).toBe(true);
  expect(sameView(DEFAULT_VIEW, view({ page: 1 }))).toBe(false);
});

import { describe, expect, test } from 'vitest';
import { isPageSize, type PageSize, pageOf } from './paging';

const rows = Array.from({ length: 250 }, (_, i) => i);

describe('pageOf', () => {
  test.each<{
    label: string;
    size: PageSize;
    page: number;
    first: number | undefined;
    count: number;
    at: number;
    pages: number;
  }>([
    { label: '100: first page', size: '100', page: 0, first: 0, count: 100, at: 0, pages: 3 },
    { label: '100: last page is short', size: '100', page: 2, first: 200, count: 50, at: 2, pages: 3 },
    { label: '100: past the end shows the last page', size: '100', page: 9, first: 200, count: 50, at: 2, pages: 3 },
    { label: '100: a negative page is the first', size: '100', page: -3, first: 0, count: 100, at: 0, pages: 3 },
    { label: '500: one page', size: '500', page: 1, first: 0, count: 250, at: 0, pages: 1 },
    { label: 'all: every row on one page', size: 'all', page: 2, first: 0, count: 250, at: 0, pages: 1 },
  ])('$label', ({ size, page, first, count, at, pages }) => {
    const got = pageOf(rows, size, page);
    expect(got.rows[0]).toBe(first);
    expect(got.rows).toHaveLength(count);
    expect(got.page).toBe(at);
    expect(got.pages).toBe(pages);
  });

  test('no rows: one empty page', () => {
    expect(pageOf([], '100', 4)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

test.each([
  ['100', true],
  ['500', true],
  ['all', true],
  ['50', false],
  ['', false],
])('isPageSize(%j) is %s', (value, want) => {
  expect(isPageSize(value)).toBe(want);
});

/**
 * Pages of the bulk table. The table is paginated, not virtualised, so every row of the page is in the document:
 * the browser's find and printing see them all. "All" puts every shown row on one page. Pure.
 */

export const PAGE_SIZES = ['100', '500', 'all'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = '100';

/** True when `value` is one of PAGE_SIZES (for a <select>'s string value). */
export function isPageSize(value: string): value is PageSize {
  return (PAGE_SIZES as readonly string[]).includes(value);
}

export type Page<R> = {
  rows: R[];
  /** The page shown, 0-based, clamped to the pages there are. */
  page: number;
  /** At least 1, also for no rows. */
  pages: number;
};

/** The rows of page `page` at `size` rows a page; a page past the end shows the last one. */
export function pageOf<R>(rows: readonly R[], size: PageSize, page: number): Page<R> {
  if (size === 'all') return { rows: [...rows], page: 0, pages: 1 };
  const perPage = Number(size);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const current = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  return { rows: rows.slice(current * perPage, (current + 1) * perPage), page: current, pages };
}

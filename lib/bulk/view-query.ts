/**
 * The bulk table's view in the address: filters, search, sort, order, page size and page, so Back restores the
 * view the user left and a filtered view can be shared. Only what differs from the default is written; every
 * value read is checked against what the controls can hold (anything else means the default), and bounded.
 * Other params (`run`, `lang`, the input link's) are kept as they are. Pure.
 */

import type { RecordsHealth } from '@/lib/schema';
import {
  EffectiveCloud,
  RECORD_STATUSES,
  type RecordId,
  type RecordStatus,
  SEVERITIES,
  type Severity,
} from '@/lib/schema';
import { RECORD_IDS, RECORDS_HEALTH } from '@/lib/schema-values';
import { type FilterState, NO_FILTERS } from './filter-state';
import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from './paging';
import { SORT_KEYS, type SortDir, type SortKey } from './table-model';

export type BulkView = { filters: FilterState; sort: SortKey; dir: SortDir; pageSize: PageSize; page: number };

export const DEFAULT_VIEW: BulkView = {
  filters: NO_FILTERS,
  sort: 'health',
  dir: 'asc',
  pageSize: DEFAULT_PAGE_SIZE,
  page: 0,
};

/** The address params of the view (the cloud filter is `in`, apart from the input link's `cloud`). */
const P = {
  health: 'health',
  severity: 'severity',
  cloud: 'in',
  host: 'host',
  record: 'record',
  recordStatus: 'status',
  text: 'q',
  sort: 'sort',
  dir: 'dir',
  pageSize: 'rows',
  page: 'page',
} as const;

export const VIEW_PARAMS: readonly string[] = Object.values(P);

/** The longest search text kept from an address. */
export const MAX_VIEW_TEXT = 200;
const HOST_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_PAGE = 100_000;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/** The view the address holds (defaults for anything absent or not a value its control can hold). */
export function readView(params: URLSearchParams): BulkView {
  const record = oneOf<RecordId>(RECORD_IDS, params.get(P.record));
  const host = params.get(P.host) ?? '';
  const page = Number(params.get(P.page) ?? '1');
  const size = params.get(P.pageSize) ?? '';
  return {
    filters: {
      health: oneOf<RecordsHealth>(RECORDS_HEALTH, params.get(P.health)),
      severity: oneOf<Severity>(SEVERITIES, params.get(P.severity)),
      cloud: oneOf(EffectiveCloud.options, params.get(P.cloud)),
      host: HOST_ID.test(host) ? host : '',
      record,
      // A status means something only with its record.
      recordStatus: record === '' ? '' : oneOf<RecordStatus>(RECORD_STATUSES, params.get(P.recordStatus)),
      text: (params.get(P.text) ?? '').slice(0, MAX_VIEW_TEXT),
    },
    sort: oneOf<SortKey>(SORT_KEYS, params.get(P.sort)) || DEFAULT_VIEW.sort,
    dir: params.get(P.dir) === 'desc' ? 'desc' : 'asc',
    pageSize: isPageSize(size) ? size : DEFAULT_PAGE_SIZE,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page - 1 : 0,
  };
}

/**
 * `search` (with or without `?`) with the view's params replaced by `view`'s, written only where they differ from
 * the default (the page as 1-based). Returns the query without `?` (empty when nothing is left).
 */
export function writeView(search: string, view: BulkView): string {
  const params = new URLSearchParams(search);
  for (const name of VIEW_PARAMS) params.delete(name);
  const set = (name: string, value: string, fallback: string) => {
    if (value !== fallback) params.set(name, value);
  };
  const f = view.filters;
  set(P.health, f.health, '');
  set(P.severity, f.severity, '');
  set(P.cloud, f.cloud, '');
  set(P.host, f.host, '');
  set(P.record, f.record, '');
  if (f.record !== '') set(P.recordStatus, f.recordStatus, '');
  set(P.text, f.text.slice(0, MAX_VIEW_TEXT), '');
  set(P.sort, view.sort, DEFAULT_VIEW.sort);
  set(P.dir, view.dir, DEFAULT_VIEW.dir);
  set(P.pageSize, view.pageSize, DEFAULT_VIEW.pageSize);
  set(P.page, String(view.page + 1), '1');
  return params.toString();
}

/** True when the two views show the same thing (the address need not change). */
export function sameView(a: BulkView, b: BulkView): boolean {
  return writeView('', a) === writeView('', b);
}

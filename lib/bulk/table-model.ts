/**
 * The pure model of the bulk results table: filters, sort, health counts, stale rows and free-text search.
 * Searching 5,000 rows uses a precomputed index (`buildIndex`). Pure and browser-safe.
 */
import { HEALTH_ORDER } from '@/lib/client/rank';
import { SEVERITY_ORDER } from '@/lib/presentation';
import {
  type EffectiveCloud,
  RECORDS_HEALTH,
  type RecordId,
  type RecordStatus,
  type RecordsHealth,
  type Report,
  type Severity,
} from '@/lib/schema';

export type TableFilter = {
  /** Domain health, any of. */
  health?: readonly RecordsHealth[];
  /** Rows with at least one record of one of these severities. */
  severity?: readonly Severity[];
  /** Effective cloud, any of. */
  cloud?: readonly EffectiveCloud[];
  /** DNS host ids (`dnsHost.id`), any of. */
  host?: readonly string[];
  /** Rows that report this record, in one of these statuses when given. */
  record?: { id: RecordId; status?: readonly RecordStatus[] };
  /** Free text: every word must occur in the row's domain, display name, host, verdicts or found values. */
  text?: string;
};

export const SORT_KEYS = ['domain', 'health', 'msoid', 'cloud', 'host', 'checkedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** Search text per report, normalised once. */
export type SearchIndex = WeakMap<Report, string>;

/** Case-folded NFKC form used on both sides of a search (full-width letters match ASCII ones). */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function searchText(report: Report): string {
  const parts = [report.domain, report.display, report.dnsHost.name, report.dnsHost.id, report.msoid.text.verdict];
  for (const record of report.records) {
    parts.push(record.text.verdict);
    for (const found of record.found) parts.push(found);
  }
  return normalizeSearch(parts.join('\n'));
}

/** Precomputes the search text of every row; pass it to `filterRows` so typing stays fast at 5,000 rows. */
export function buildIndex(rows: readonly Report[]): SearchIndex {
  const index: SearchIndex = new WeakMap();
  for (const row of rows) index.set(row, searchText(row));
  return index;
}

function has<T>(list: readonly T[] | undefined, value: T): boolean {
  return list === undefined || list.length === 0 || list.includes(value);
}

/**
 * The rows that pass every given filter (an absent or empty list does not filter), in their original order.
 * Rows missing from `index` are indexed on the fly.
 */
export function filterRows(rows: readonly Report[], filter: TableFilter, index?: SearchIndex): Report[] {
  const words = normalizeSearch(filter.text ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const severities = filter.severity;
  const record = filter.record;
  return rows.filter((row) => {
    if (!has(filter.health, row.summary.health)) return false;
    if (!has(filter.cloud, row.cloud.effective)) return false;
    if (!has(filter.host, row.dnsHost.id)) return false;
    if (severities !== undefined && severities.length > 0) {
      if (!row.records.some((r) => severities.includes(r.severity))) return false;
    }
    if (record !== undefined) {
      if (!row.records.some((r) => r.id === record.id && has(record.status, r.status))) return false;
    }
    if (words.length > 0) {
      let text = index?.get(row);
      if (text === undefined) {
        text = searchText(row);
        index?.set(row, text);
      }
      for (const word of words) if (!text.includes(word)) return false;
    }
    return true;
  });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARE: Readonly<Record<SortKey, (a: Report, b: Report) => number>> = {
  domain: () => 0,
  health: (a, b) => HEALTH_ORDER[a.summary.health] - HEALTH_ORDER[b.summary.health],
  msoid: (a, b) => SEVERITY_ORDER[a.msoid.severity] - SEVERITY_ORDER[b.msoid.severity],
  cloud: (a, b) => compareText(a.cloud.effective, b.cloud.effective),
  host: (a, b) => compareText(normalizeSearch(a.dnsHost.name), normalizeSearch(b.dnsHost.name)),
  checkedAt: (a, b) => compareText(a.checkedAt, b.checkedAt),
};

/**
 * Sorts by a column, ties broken by domain (ASCII, in the same direction) so the order is total and `desc` is
 * the exact reverse of `asc`.
 * `health` and `msoid` ascending put the worst first. Returns a new array.
 */
export function sortTableRows(rows: readonly Report[], key: SortKey, dir: SortDir): Report[] {
  const sign = dir === 'asc' ? 1 : -1;
  const compare = COMPARE[key];
  return [...rows].sort((a, b) => sign * compare(a, b) || sign * compareText(a.domain, b.domain));
}

export type HealthCounts = Record<RecordsHealth, number> & { total: number };

/** Rows per domain health; "could not check" is its own count, never healthy and never broken. */
export function countByHealth(rows: readonly Pick<Report, 'summary'>[]): HealthCounts {
  const counts = Object.fromEntries(RECORDS_HEALTH.map((health) => [health, 0])) as Record<RecordsHealth, number>;
  for (const row of rows) counts[row.summary.health] += 1;
  return { ...counts, total: rows.length };
}

/** Rows checked more than `maxAgeMs` before `now`; a row whose `checkedAt` cannot be read counts as stale. */
export function staleRows<R extends Pick<Report, 'checkedAt'>>(rows: readonly R[], now: Date, maxAgeMs: number): R[] {
  const limit = now.getTime() - maxAgeMs;
  return rows.filter((row) => {
    const at = Date.parse(row.checkedAt);
    return Number.isNaN(at) || at < limit;
  });
}

'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import { buildIndex, countByHealth, filterRows, SORT_KEYS, type SortKey, sortTableRows } from '@/lib/bulk/table-model';
import { RECORDS_HEALTH_PRESENTATION } from '@/lib/records/presentation';
import { type CloudChoice, RECORDS_HEALTH, type RecordsHealth, type Report, type RunResult } from '@/lib/schema';
import { CopyButton } from '../copy-button';
import { useT } from '../i18n-provider';
import { HealthBadge, StatusBadge } from '../status-badge';

/** Rows per page: paginated (not virtualised) so printing and the browser's find still see every shown row. */
export const PAGE_SIZE = 100;
/** Results older than this get a banner. */
const STALE_MS = 24 * 60 * 60 * 1000;

type Props = {
  runId: string;
  cloud: CloudChoice;
  rows: readonly RunResult[];
  onRecheck: (body: { domains?: string[]; filter?: 'could-not-check' }) => void;
};

/** Downloads `text` as a file through a Blob URL (no inline script, allowed by the CSP). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The results: clickable summary counts, filters, search, sort, pages of 100 rows, re-check and exports. */
export function BulkResults({ runId, cloud, rows, onRecheck }: Props) {
  const { t, num, time, lang } = useT();
  const [health, setHealth] = useState<RecordsHealth | ''>('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('health');
  const [page, setPage] = useState(0);
  const text = useDeferredValue(search);
  const index = useMemo(() => buildIndex(rows), [rows]);
  const counts = useMemo(() => countByHealth(rows), [rows]);
  const shown = useMemo(
    () => sortTableRows(filterRows(rows, { health: health ? [health] : [], text }, index), sort, 'asc'),
    [rows, health, text, index, sort],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const oldest = shown.reduce<string | null>((min, r) => (min === null || r.checkedAt < min ? r.checkedAt : min), null);
  const stale = oldest !== null && Date.now() - Date.parse(oldest) > STALE_MS;
  const stamp = new Date().toISOString().slice(0, 10);
  const link = typeof window === 'undefined' ? '' : window.location.href;

  const pick = (value: RecordsHealth | '') => {
    setHealth(value);
    setPage(0);
  };

  return (
    <section className="space-y-4" data-testid="bulk-results" aria-label={t('bulk.table.heading')}>
      <ul className="flex flex-wrap gap-2" aria-label={t('bulk.table.countsLabel')}>
        {RECORDS_HEALTH.map((h) => (
          <li key={h}>
            <button
              type="button"
              data-testid={`bulk-count-${h}`}
              aria-pressed={health === h}
              onClick={() => pick(health === h ? '' : h)}
              className={`rounded border px-3 py-1 text-sm ${health === h ? 'border-blue-600 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 dark:border-slate-700'}`}
            >
              {t(RECORDS_HEALTH_PRESENTATION[h].labelCode)}:{' '}
              <span className="font-bold tabular-nums">{num(counts[h])}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <label className="text-sm">
          <span className="block font-semibold">{t('bulk.table.health')}</span>
          <select
            data-testid="bulk-health-filter"
            value={health}
            onChange={(event) => pick(event.target.value as RecordsHealth | '')}
            className="rounded border border-slate-300 p-1 dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">{t('bulk.table.all', { count: num(counts.total) })}</option>
            {RECORDS_HEALTH.map((h) => (
              <option key={h} value={h}>
                {t(RECORDS_HEALTH_PRESENTATION[h].labelCode)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">{t('bulk.table.search')}</span>
          <input
            type="search"
            data-testid="bulk-search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(0);
            }}
            className="rounded border border-slate-300 p-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">{t('bulk.table.sort')}</span>
          <select
            data-testid="bulk-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as SortKey)}
            className="rounded border border-slate-300 p-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`bulk.table.sortBy.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="bulk-recheck-unchecked"
          disabled={counts['could-not-check'] === 0}
          onClick={() => onRecheck({ filter: 'could-not-check' })}
          className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50 dark:border-slate-700"
        >
          {t('bulk.table.recheckUnchecked')}
        </button>
        <button
          type="button"
          data-testid="bulk-export-csv"
          onClick={() =>
            download(reportsToCsv(shown, { lang }), `bulk-${runId}-${stamp}.csv`, 'text/csv;charset=utf-8')
          }
          className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
        >
          {t('bulk.export.csv')}
        </button>
        <button
          type="button"
          data-testid="bulk-export-json"
          onClick={() => download(reportsToJson(shown), `bulk-${runId}-${stamp}.json`, 'application/json')}
          className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
        >
          {t('bulk.export.json')}
        </button>
        <CopyButton
          value={link}
          label={t('bulk.export.linkLabel')}
          text={t('bulk.export.copyLink')}
          testId="bulk-copy-link"
        />
      </div>
      {stale && oldest ? (
        <p
          role="status"
          data-testid="bulk-stale"
          className="rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {t('bulk.table.stale', { time: time(oldest) })}
        </p>
      ) : null}
      {shown.length === 0 ? <p data-testid="bulk-none">{t('bulk.table.none')}</p> : null}
      <table className="w-full text-left text-sm" data-testid="bulk-table">
        <thead>
          <tr>
            <th className="p-2">{t('bulk.table.domain')}</th>
            <th className="p-2">{t('bulk.table.health')}</th>
            <th className="p-2">{t('bulk.table.msoid')}</th>
            <th className="p-2">{t('bulk.table.verdict')}</th>
            <th className="p-2">{t('bulk.table.checkedAt')}</th>
            <th className="p-2 print:hidden">{t('bulk.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {pageRows.map((row) => (
            <BulkRow key={row.domain} row={row} cloud={cloud} onRecheck={onRecheck} />
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="flex items-center gap-3 text-sm print:hidden" data-testid="bulk-pages">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('bulk.table.previous')}
          </button>
          <span>{t('bulk.table.page', { page: current + 1, pages, count: num(shown.length) })}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('bulk.table.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

function BulkRow({
  row,
  cloud,
  onRecheck,
}: {
  row: Report;
  cloud: CloudChoice;
  onRecheck: (body: { domains: string[] }) => void;
}) {
  const { t, time } = useT();
  return (
    <tr data-testid="bulk-row" data-domain={row.domain} className="border-t border-slate-200 dark:border-slate-800">
      <td className="p-2 font-mono">{row.display}</td>
      <td className="p-2">
        <HealthBadge health={row.summary.health} />
      </td>
      <td className="p-2">
        <StatusBadge status={row.msoid.status} />
      </td>
      <td className="p-2">{row.msoid.text.verdict}</td>
      <td className="p-2">
        <time data-testid="bulk-checked-at" dateTime={row.checkedAt}>
          {time(row.checkedAt)}
        </time>
      </td>
      <td className="space-x-2 p-2 whitespace-nowrap print:hidden">
        <button
          type="button"
          data-testid="bulk-recheck"
          onClick={() => onRecheck({ domains: [row.domain] })}
          className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700"
        >
          {t('bulk.table.recheck')}
        </button>
        <a
          data-testid="bulk-open"
          href={`/d/${encodeURIComponent(row.domain)}?cloud=${cloud}`}
          className="text-blue-700 underline dark:text-blue-300"
        >
          {t('bulk.table.open')}
        </a>
      </td>
    </tr>
  );
}

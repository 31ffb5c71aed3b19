'use client';

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '@/components/ui/i18n-provider';
import { filterOptions } from '@/lib/bulk/filter-options';
import { type FilterState, NO_FILTERS, toTableFilter, withFilter } from '@/lib/bulk/filter-state';
import { DEFAULT_PAGE_SIZE, type PageSize, pageOf } from '@/lib/bulk/paging';
import { type Selection, setShown, summarizeSelection, toggleDomain } from '@/lib/bulk/selection';
import {
  buildIndex,
  countByHealth,
  filterRows,
  type SortDir,
  type SortKey,
  sortTableRows,
} from '@/lib/bulk/table-model';
import { RECORDS_HEALTH_PRESENTATION } from '@/lib/presentation';
import type { RunRecheckRequest } from '@/lib/schema';
import { RECORDS_HEALTH } from '@/lib/schema-values';
import { BulkTable } from './bulk-table';
import { ResultsActions } from './results-actions';
import { ResultsFilters } from './results-filters';
import { ShareLinks } from './share-links';
import { StaleBanner } from './stale-banner';
import type { BulkRunState } from './use-bulk-run';

type Props = {
  run: BulkRunState & { id: string };
  staleAfterMs: number;
  onRecheck: (body: RunRecheckRequest) => void;
};

/**
 * The results: the banner for old results, clickable health counts, the share links, filters (health, severity,
 * cloud, DNS host, record and its status, search), sort and order, selection with "re-check selected", exports,
 * and pages of 100, 500 or all rows. Printing always shows every row that passes the filters. Every re-check
 * button is disabled unless this browser started the run (`run.owner`; the page says why).
 */
export function BulkResults({ run, staleAfterMs, onRecheck }: Props) {
  const { t, num } = useT();
  const { rows } = run;
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('health');
  const [dir, setDir] = useState<SortDir>('asc');
  const [pageSize, setPageSize] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Selection>(() => new Set());
  const [printing, setPrinting] = useState(false);
  const text = useDeferredValue(filters.text);
  // Stable callbacks for the memoised rows; the latest onRecheck is read through a ref.
  const recheckRef = useRef(onRecheck);
  recheckRef.current = onRecheck;
  const recheckOne = useCallback((domain: string) => recheckRef.current({ domains: [domain] }), []);
  const toggle = useCallback((domain: string) => setSelected((s) => toggleDomain(s, domain)), []);

  const index = useMemo(() => buildIndex(rows), [rows]);
  const counts = useMemo(() => countByHealth(rows), [rows]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const shown = useMemo(
    () => sortTableRows(filterRows(rows, toTableFilter(filters, text), index), sort, dir),
    [rows, filters, text, index, sort, dir],
  );
  const shownDomains = useMemo(() => shown.map((r) => r.domain), [shown]);
  const selection = useMemo(() => summarizeSelection(selected, shownDomains), [selected, shownDomains]);
  const current = pageOf(shown, printing ? 'all' : pageSize, page);

  // Printing shows every row that passes the filters, whatever the page size: the rows must be in the document
  // before the browser lays out the printout, so the switch is flushed synchronously in `beforeprint`.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const change = useCallback(<K extends keyof FilterState>(key: K, value: FilterState[K]) => {
    setFilters((f) => withFilter(f, key, value));
    setPage(0);
  }, []);
  const clear = useCallback(() => {
    setFilters(NO_FILTERS);
    setPage(0);
  }, []);

  return (
    <section className="space-y-4" data-testid="bulk-results" aria-label={t('bulk.table.heading')}>
      <StaleBanner
        rows={rows}
        staleAfterMs={staleAfterMs}
        canRecheck={run.owner}
        onRecheckAll={() => onRecheck({ domains: rows.map((r) => r.domain) })}
      />
      <ul className="flex flex-wrap gap-2" aria-label={t('bulk.table.countsLabel')}>
        {RECORDS_HEALTH.map((h) => (
          <li key={h}>
            <button
              type="button"
              data-testid={`bulk-count-${h}`}
              aria-pressed={filters.health === h}
              onClick={() => change('health', filters.health === h ? '' : h)}
              className={`rounded border px-3 py-1 text-sm ${filters.health === h ? 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950' : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'}`}
            >
              {t(RECORDS_HEALTH_PRESENTATION[h].labelCode)}:{' '}
              <span className="font-bold tabular-nums">{num(counts[h])}</span>
            </button>
          </li>
        ))}
      </ul>
      <ShareLinks run={run} />
      <ResultsFilters
        filters={filters}
        counts={counts}
        options={options}
        rows={rows}
        sort={sort}
        dir={dir}
        pageSize={pageSize}
        onChange={change}
        onClear={clear}
        onSort={(key) => setSort(key)}
        onDir={() => setDir((d) => (d === 'asc' ? 'desc' : 'asc'))}
        onPageSize={(size) => {
          setPageSize(size);
          setPage(0);
        }}
      />
      <ResultsActions
        runId={run.id}
        shown={shown}
        total={rows.length}
        selection={selection}
        unchecked={counts['could-not-check']}
        canRecheck={run.owner}
        onRecheckSelected={() =>
          onRecheck({ domains: rows.filter((r) => selected.has(r.domain)).map((r) => r.domain) })
        }
        onClearSelection={() => setSelected(new Set())}
        onRecheckUnchecked={() => onRecheck({ filter: 'could-not-check' })}
      />
      {shown.length === 0 ? <p data-testid="bulk-none">{t('bulk.table.none')}</p> : null}
      <BulkTable
        rows={current.rows}
        cloud={run.cloud}
        selected={selected}
        rechecking={run.rechecking}
        canRecheck={run.owner}
        shownCount={shown.length}
        allShown={selection.all}
        someShown={selection.some}
        onToggle={toggle}
        onToggleShown={(on) => setSelected((s) => setShown(s, shownDomains, on))}
        onRecheck={recheckOne}
      />
      {current.pages > 1 ? (
        <nav className="flex items-center gap-3 text-sm print:hidden" data-testid="bulk-pages">
          <button
            type="button"
            disabled={current.page === 0}
            onClick={() => setPage(current.page - 1)}
            className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50 dark:border-slate-700"
          >
            {t('bulk.table.previous')}
          </button>
          <span data-testid="bulk-page">
            {t('bulk.table.page', { page: current.page + 1, pages: current.pages, count: num(shown.length) })}
          </span>
          <button
            type="button"
            disabled={current.page >= current.pages - 1}
            onClick={() => setPage(current.page + 1)}
            className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50 dark:border-slate-700"
          >
            {t('bulk.table.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

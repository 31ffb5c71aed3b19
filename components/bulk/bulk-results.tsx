'use client';

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { SaveAsList } from '@/components/lists/save-as-list';
import { useT } from '@/components/ui/i18n-provider';
import { rowsNeedDates } from '@/lib/bulk/dates';
import { filterOptions } from '@/lib/bulk/filter-options';
import { type FilterState, NO_FILTERS, toTableFilter, withFilter } from '@/lib/bulk/filter-state';
import { type PageSize, pageOf } from '@/lib/bulk/paging';
import { type Selection, setShown, summarizeSelection, toggleDomain } from '@/lib/bulk/selection';
import { buildIndex, countByHealth, filterRows, sortTableRows } from '@/lib/bulk/table-model';
import { type BulkView, DEFAULT_VIEW, readView, writeView } from '@/lib/bulk/view-query';
import { RECORDS_HEALTH_PRESENTATION } from '@/lib/presentation';
import type { Report, RunRecheckRequest, RunResult } from '@/lib/schema';
import { RECORDS_HEALTH } from '@/lib/schema-values';
import { BulkTable } from './bulk-table';
import { BulkUntilLive } from './bulk-until-live';
import { ResultsActions } from './results-actions';
import { ResultsFilters } from './results-filters';
import { describedBy, ProblemBeside, problemId } from './run-problem';
import { ShareLinks } from './share-links';
import { StaleBanner } from './stale-banner';
import type { BulkRunState, ProblemPlace, RunProblem } from './use-bulk-run';

type Props = {
  run: BulkRunState & { id: string };
  staleAfterMs: number;
  /** `place`: the button that asked, beside which a failure is said. */
  onRecheck: (body: RunRecheckRequest, place: ProblemPlace) => void;
  problem?: RunProblem | null;
  /** How long "check until live" may keep re-checking a selection (LIVE_WATCH_MAX_MIN). */
  liveWatchMaxMin?: number;
};

/**
 * The run's rows with the newer reports of "check until live" in their place (a re-check of the run that arrives
 * later is newer again, and wins). The run itself is not changed: its exports and links keep what it stored.
 */
function withNewer(rows: readonly RunResult[], newer: ReadonlyMap<string, Report>): readonly RunResult[] {
  if (newer.size === 0) return rows;
  return rows.map((row) => {
    const report = newer.get(row.domain);
    return report && report.checkedAt > row.checkedAt ? { ...report, index: row.index, revision: row.revision } : row;
  });
}

/**
 * The results: the banner for old results, clickable health counts, the share links, filters (health, severity,
 * cloud, DNS host, record and its status, search), sort and order, selection with "re-check selected", exports,
 * and pages of 100, 500 or all rows. Printing always shows every row that passes the filters. Every re-check
 * button is disabled unless this browser started the run (`run.owner`; the page says why).
 */
export function BulkResults({ run, staleAfterMs, onRecheck, problem = null, liveWatchMaxMin = 60 }: Props) {
  const { t, num, day } = useT();
  const [newer, setNewer] = useState<ReadonlyMap<string, Report>>(() => new Map());
  const rows = useMemo(() => withNewer(run.rows, newer), [run.rows, newer]);
  const onWatchReports = useCallback(
    (reports: Report[]) =>
      setNewer((held) => {
        const next = new Map(held);
        for (const r of reports) next.set(r.domain, r);
        return next;
      }),
    [],
  );
  // A run that spans days (or was checked before today) shows the date on every row, not only on some.
  const withDates = useMemo(
    () =>
      rowsNeedDates(
        rows.map((r) => r.checkedAt),
        day,
      ),
    [rows, day],
  );
  // The view (filters, search, sort, order, page size, page) lives in the address: Back restores it, and the
  // address shares it. Each change but typing in the search box makes a history entry.
  const [view, setView] = useState<BulkView>(() =>
    typeof window === 'undefined' ? DEFAULT_VIEW : readView(new URLSearchParams(window.location.search)),
  );
  const history = useRef<'push' | 'replace' | 'none'>('none');
  /** The last change was typing in the search box: the table may follow it a little later (deferred). */
  const [typing, setTyping] = useState(false);
  const { filters, sort, dir, pageSize, page } = view;
  const updateView = useCallback((change: (v: BulkView) => BulkView, mode: 'push' | 'replace' = 'push') => {
    history.current = mode;
    setTyping(mode === 'replace');
    setView(change);
  }, []);
  useEffect(() => {
    const mode = history.current;
    history.current = 'none';
    if (mode === 'none') return;
    const url = new URL(window.location.href);
    const query = writeView(url.search, view);
    if (query === url.search.replace(/^\?/, '')) return;
    url.search = query;
    if (mode === 'push') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }, [view]);
  useEffect(() => {
    const back = () => {
      history.current = 'none';
      setTyping(false);
      setView(readView(new URLSearchParams(window.location.search)));
    };
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const setPage = useCallback((n: number) => updateView((v) => ({ ...v, page: n })), [updateView]);
  const [selected, setSelected] = useState<Selection>(() => new Set());
  const [printing, setPrinting] = useState(false);
  // Typing is deferred so the box stays quick with 5,000 rows; anything else (Back among them) applies at once.
  const deferredText = useDeferredValue(filters.text);
  const text = typing ? deferredText : filters.text;
  // Stable callbacks for the memoised rows; the latest onRecheck is read through a ref.
  const recheckRef = useRef(onRecheck);
  recheckRef.current = onRecheck;
  const recheckOne = useCallback(
    (domain: string) => recheckRef.current({ domains: [domain] }, `recheck-row:${domain}`),
    [],
  );
  // A failed re-check of one row is said in that row, beside its button.
  const rowProblem =
    problem?.place.startsWith('recheck-row:') === true
      ? {
          domain: problem.place.slice('recheck-row:'.length),
          node: <ProblemBeside problem={problem} place={problem.place} />,
        }
      : null;
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

  const change = useCallback(
    <K extends keyof FilterState>(key: K, value: FilterState[K]) =>
      // Typing in the search box replaces the entry (one entry per search, not one per keystroke).
      updateView(
        (v) => ({ ...v, filters: withFilter(v.filters, key, value), page: 0 }),
        key === 'text' ? 'replace' : 'push',
      ),
    [updateView],
  );
  const clear = useCallback(() => updateView((v) => ({ ...v, filters: NO_FILTERS, page: 0 })), [updateView]);

  return (
    <section className="space-y-4" data-testid="bulk-results" aria-labelledby="bulk-results-heading">
      <h2 id="bulk-results-heading" className="text-lg font-semibold">
        {t('bulk.table.heading')}
      </h2>
      <StaleBanner
        rows={rows}
        staleAfterMs={staleAfterMs}
        canRecheck={run.owner}
        onRecheckAll={() => onRecheck({ domains: rows.map((r) => r.domain) }, 'recheck-stale')}
        describedBy={describedBy(problem, 'recheck-stale')}
        problem={<ProblemBeside problem={problem} place="recheck-stale" />}
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
      {run.status === 'done' ? <SaveAsList runId={run.id} /> : null}
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
        onSort={(key) => updateView((v) => ({ ...v, sort: key }))}
        onDir={() => updateView((v) => ({ ...v, dir: v.dir === 'asc' ? 'desc' : 'asc' }))}
        onPageSize={(size: PageSize) => updateView((v) => ({ ...v, pageSize: size, page: 0 }))}
      />
      <ResultsActions
        runId={run.id}
        shown={shown}
        total={rows.length}
        selection={selection}
        unchecked={counts['could-not-check']}
        canRecheck={run.owner}
        onRecheckSelected={() =>
          onRecheck({ domains: rows.filter((r) => selected.has(r.domain)).map((r) => r.domain) }, 'recheck-selected')
        }
        onClearSelection={() => setSelected(new Set())}
        onRecheckUnchecked={() => onRecheck({ filter: 'could-not-check' }, 'recheck-unchecked')}
        problem={problem}
      />
      <BulkUntilLive
        rows={rows}
        selected={rows.filter((r) => selected.has(r.domain)).map((r) => r.domain)}
        maxMinutes={liveWatchMaxMin}
        onReports={onWatchReports}
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
        rowProblem={rowProblem ? { ...rowProblem, id: problemId(`recheck-row:${rowProblem.domain}`) } : null}
        withDates={withDates}
        runId={run.id}
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

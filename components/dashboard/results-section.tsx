import { useEffect, useId, useRef } from 'react';
import { SWRConfig } from 'swr';
import { useT } from '@/components/ui/i18n-provider';
import { RefreshIcon, SpinnerIcon } from '@/components/ui/icons';
import { RequestError } from '@/components/ui/request-error';
import type { Row, SortMode, Summary } from '@/lib/client/rank';
import type { RunState } from '@/lib/client/run-state';
import type { InvalidEntry, Report } from '@/lib/schema';
import { ResultsTable } from './results-table';
import { RunErrorBody } from './run-error';
import { RunStatus } from './run-status';
import { SkippedLines } from './skipped-lines';
import { SortControl } from './sort-control';
import { SummaryCounts } from './summary-counts';

type Props = {
  state: RunState;
  summary: Summary;
  rows: ReadonlyArray<Row & { report: Report }>;
  pending: ReadonlySet<string>;
  sort: SortMode;
  onSort: (mode: SortMode) => void;
  onReport: (report: Report) => void;
  unchecked: readonly string[];
  onRecheckUnchecked: () => void;
  skipped: readonly InvalidEntry[];
  /** Move the keyboard focus to the heading when the section appears (after "Try again" removed the button). */
  focusOnMount?: boolean;
  /** Changes with each check started: the page scrolls to the results and the heading takes the focus. */
  focusKey?: number;
};

/** DNS data must not be re-fetched behind the user's back: no revalidation on focus or reconnect. */
const SWR_OPTIONS = { revalidateOnFocus: false, revalidateOnReconnect: false, shouldRetryOnError: false } as const;

/**
 * Progress, summary counts, the table and its tools. Rows appear as the stream delivers them. The page loads
 * this module with the first check (components/dashboard/page-modules.ts), and SWR with it.
 */
export function ResultsSection(props: Props) {
  return (
    <SWRConfig value={SWR_OPTIONS}>
      <Results {...props} />
    </SWRConfig>
  );
}

function Results(props: Props) {
  const { state, summary, rows, pending, sort, onSort, onReport, unchecked, onRecheckUnchecked, skipped } = props;
  const { t, num } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnMount = useRef(props.focusOnMount).current;
  useEffect(() => {
    // Only when the focus went nowhere (the pressed button is gone): a user who moved on meanwhile keeps theirs.
    const active = document.activeElement;
    if (focusOnMount && (active === null || active === document.body)) heading.current?.focus();
  }, [focusOnMount]);
  const focusKey = props.focusKey ?? 0;
  useEffect(() => {
    // After Check the eyes go to the results, with the progress just under the heading.
    if (focusKey === 0) return;
    const section = heading.current?.closest('section');
    section?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [focusKey]);
  const busy = state.active !== null;
  const rechecking = state.active?.kind === 'recheck';
  // A failed re-check of the rows that could not be checked is said under its button (a 429 too: no retry by itself).
  const recheckError =
    state.errorFrom === 'recheck' && state.error && state.error.code !== 'aborted' ? state.error : null;
  const recheckErrorId = `${useId()}-recheck-error`;
  return (
    <section id="results" aria-labelledby="results-heading" className="scroll-mt-4 space-y-4" data-testid="results">
      <h2 id="results-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {t('ui.table.heading')}
      </h2>
      <RunStatus state={state} summary={summary} />
      {rows.length > 0 ? (
        <>
          <SummaryCounts summary={summary} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SortControl value={sort} onChange={onSort} />
            {unchecked.length > 0 ? (
              <button
                type="button"
                onClick={() => {
                  if (!busy) onRecheckUnchecked();
                }}
                aria-disabled={busy}
                aria-describedby={recheckError ? recheckErrorId : undefined}
                data-testid="recheck-unchecked"
                className="inline-flex items-center gap-2 rounded-lg border border-slate-400 bg-slate-100 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-200 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
              >
                {rechecking ? <SpinnerIcon /> : <RefreshIcon />}
                {t('ui.table.recheckAllUnchecked', { count: num(unchecked.length) })}
              </button>
            ) : null}
          </div>
          {recheckError && unchecked.length > 0 ? (
            <RequestError id={recheckErrorId} testId="recheck-unchecked-error" show={recheckError}>
              <RunErrorBody error={recheckError} heading={t('ui.errors.recheckHeading')} />
            </RequestError>
          ) : null}
          <ResultsTable
            rows={rows}
            sort={sort}
            cloud={state.cloud}
            services={state.services}
            pending={pending}
            onReport={onReport}
          />
        </>
      ) : state.phase === 'running' ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('ui.table.empty')}</p>
      ) : null}
      <SkippedLines entries={skipped} />
    </section>
  );
}

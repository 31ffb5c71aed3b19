'use client';

import { useT } from '@/components/ui/i18n-provider';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import type { SelectionSummary } from '@/lib/bulk/selection';
import { exportUrl } from '@/lib/client/runs';
import type { Report } from '@/lib/schema';

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

const BUTTON =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900';

type Props = {
  runId: string;
  /** The rows that pass the filters, in table order (what the exports hold). */
  shown: readonly Report[];
  total: number;
  selection: SelectionSummary;
  unchecked: number;
  /** False where the run was not started (re-check needs its owner token). */
  canRecheck: boolean;
  onRecheckSelected: () => void;
  onClearSelection: () => void;
  onRecheckUnchecked: () => void;
};

/**
 * What can be done with the rows: how many are shown, re-check the selected ones or every could-not-check one,
 * export the shown rows (CSV, JSON) and print them all.
 */
export function ResultsActions(props: Props) {
  const { runId, shown, total, selection } = props;
  const { t, num, time, lang } = useT();
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-2">
      {/* On paper: how many rows, and when it was printed (each row keeps its own checked-at time). */}
      <p className="hidden text-sm print:block">
        {t('bulk.table.shown', { shown: num(shown.length), total: num(total) })} ·{' '}
        {t('bulk.table.printedAt', { time: time(new Date().toISOString()) })}
      </p>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <span data-testid="bulk-shown" className="mr-2 text-sm font-semibold tabular-nums">
          {t('bulk.table.shown', { shown: num(shown.length), total: num(total) })}
        </span>
        {selection.selected > 0 ? (
          <span data-testid="bulk-selected" className="text-sm text-slate-700 dark:text-slate-300">
            {selection.hidden > 0
              ? t('bulk.table.selectedHidden', { count: num(selection.selected), hidden: num(selection.hidden) })
              : t('bulk.table.selected', { count: num(selection.selected) })}
          </span>
        ) : null}
        <button
          type="button"
          data-testid="bulk-recheck-selected"
          disabled={selection.selected === 0 || !props.canRecheck}
          onClick={props.onRecheckSelected}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-semibold text-white disabled:bg-slate-400 dark:disabled:bg-slate-600"
        >
          {t('bulk.table.recheckSelected', { count: num(selection.selected) })}
        </button>
        {selection.selected > 0 ? (
          <button type="button" data-testid="bulk-clear-selection" onClick={props.onClearSelection} className={BUTTON}>
            {t('bulk.table.clearSelection')}
          </button>
        ) : null}
        <button
          type="button"
          data-testid="bulk-recheck-unchecked"
          disabled={props.unchecked === 0 || !props.canRecheck}
          onClick={props.onRecheckUnchecked}
          className={BUTTON}
        >
          {t('bulk.table.recheckUnchecked')}
        </button>
        <span className="flex flex-wrap gap-2 sm:ml-auto">
          <button
            type="button"
            data-testid="bulk-export-csv"
            onClick={() =>
              download(reportsToCsv(shown, { lang }), `bulk-${runId}-${stamp}.csv`, 'text/csv;charset=utf-8')
            }
            className={BUTTON}
          >
            {t('bulk.export.csv')}
          </button>
          <button
            type="button"
            data-testid="bulk-export-json"
            onClick={() => download(reportsToJson(shown), `bulk-${runId}-${stamp}.json`, 'application/json')}
            className={BUTTON}
          >
            {t('bulk.export.json')}
          </button>
          <button
            type="button"
            data-testid="bulk-print"
            title={t('bulk.table.printHint')}
            onClick={() => window.print()}
            className={BUTTON}
          >
            {t('bulk.table.print')}
          </button>
        </span>
      </div>
      <p className="text-xs text-slate-600 print:hidden dark:text-slate-400">{t('bulk.table.printHint')}</p>
      {/* The whole list for the customer, in this page's language: the server builds them from the stored run. */}
      <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="bulk-handover">
        <span className="mr-2 text-sm font-semibold">{t('bulk.export.heading')}</span>
        <a data-testid="bulk-export-summary" href={exportUrl(runId, 'summary', lang)} download className={BUTTON}>
          {t('bulk.export.summary')}
        </a>
        <a data-testid="bulk-export-xlsx" href={exportUrl(runId, 'xlsx', lang)} download className={BUTTON}>
          {t('bulk.export.xlsx')}
        </a>
        <a
          data-testid="bulk-report"
          href={`/bulk/report?run=${encodeURIComponent(runId)}&lang=${encodeURIComponent(lang)}`}
          target="_blank"
          rel="noopener"
          className={BUTTON}
        >
          {t('bulk.export.report')}
        </a>
        <p className="w-full text-xs text-slate-600 dark:text-slate-400">{t('bulk.export.help')}</p>
      </div>
    </div>
  );
}

'use client';

import { type MouseEvent, useState } from 'react';
import { errorText } from '@/components/ui/error-text';
import { useT } from '@/components/ui/i18n-provider';
import { RequestError } from '@/components/ui/request-error';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import type { SelectionSummary } from '@/lib/bulk/selection';
import { toClientError } from '@/lib/client/api-error';
import { type RunError, runErrorFrom } from '@/lib/client/run-state';
import { exportUrl, fetchExport } from '@/lib/client/runs';
import type { Report } from '@/lib/schema';
import { describedBy, ProblemBeside } from './run-problem';
import type { RunProblem } from './use-bulk-run';

/** Downloads `text` as a file through a Blob URL (no inline script, allowed by the CSP). */
function download(text: string | Blob, name: string, type: string): void {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
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
  /** The problem of the last request sent from here (a re-check), shown beside its button. */
  problem?: RunProblem | null;
};

/**
 * What can be done with the rows: how many are shown, re-check the selected ones or every could-not-check one,
 * export the shown rows (CSV, JSON) and print them all.
 */
export function ResultsActions(props: Props) {
  const { runId, shown, total, selection } = props;
  const problem = props.problem ?? null;
  const { t, num, time, lang } = useT();
  const stamp = new Date().toISOString().slice(0, 10);
  // The server-built exports are fetched by the page, so a refusal is said here, beside them (a plain link would
  // only show a failed download in the browser's list); the links stay links for a new tab or "save link as".
  const [exportError, setExportError] = useState<{ error: RunError; at: number } | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const exportClick = (format: 'summary' | 'xlsx') => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (exporting) return;
    setExporting(format);
    setExportError(null);
    fetchExport(exportUrl(runId, format, lang))
      .then(({ blob, name }) => download(blob, name, blob.type))
      .catch((err: unknown) => {
        const e = toClientError(err);
        if (e.code !== 'aborted') setExportError({ error: runErrorFrom(e), at: Date.now() });
      })
      .finally(() => setExporting(null));
  };
  const exportErrorId = `bulk-export-error-${runId}`;
  return (
    <div className="space-y-2" data-testid="bulk-actions">
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
          aria-describedby={describedBy(problem, 'recheck-selected')}
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
          aria-describedby={describedBy(problem, 'recheck-unchecked')}
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
      <ProblemBeside problem={problem} place="recheck-selected" />
      <ProblemBeside problem={problem} place="recheck-unchecked" />
      <p className="text-xs text-slate-600 print:hidden dark:text-slate-400">{t('bulk.table.printHint')}</p>
      {/* The whole list for the customer, in this page's language: the server builds them from the stored run. */}
      <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="bulk-handover">
        <span className="mr-2 text-sm font-semibold">{t('bulk.export.heading')}</span>
        <a
          data-testid="bulk-export-summary"
          href={exportUrl(runId, 'summary', lang)}
          download
          onClick={exportClick('summary')}
          aria-busy={exporting === 'summary'}
          aria-describedby={exportError ? exportErrorId : undefined}
          className={BUTTON}
        >
          {t('bulk.export.summary')}
        </a>
        <a
          data-testid="bulk-export-xlsx"
          href={exportUrl(runId, 'xlsx', lang)}
          download
          onClick={exportClick('xlsx')}
          aria-busy={exporting === 'xlsx'}
          aria-describedby={exportError ? exportErrorId : undefined}
          className={BUTTON}
        >
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
        {exportError ? (
          <RequestError id={exportErrorId} testId="bulk-error-export" show={exportError.at} className="w-full">
            <p className="font-semibold">{t('bulk.export.failed')}</p>
            <p>{errorText(t, exportError.error)}</p>
          </RequestError>
        ) : null}
      </div>
    </div>
  );
}

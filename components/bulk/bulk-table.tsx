'use client';

import { Fragment, memo, type ReactNode, useEffect, useRef } from 'react';
import { HealthBadge, StatusBadge } from '@/components/report/status-badge';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { problemRecords } from '@/lib/bulk/row-summary';
import { RECORD_LABEL } from '@/lib/presentation';
import type { CloudChoice, Report, Severity } from '@/lib/schema';
import { fullCloudCode, hostLabel, shortCloudCode } from './labels';

type Props = {
  /** The rows of the page (every shown row while printing). */
  rows: readonly Report[];
  cloud: CloudChoice;
  selected: ReadonlySet<string>;
  rechecking: ReadonlySet<string>;
  /** False where the run was not started (re-check needs its owner token). */
  canRecheck: boolean;
  /** Rows that pass the filters (all pages), for the header checkbox's name. */
  shownCount: number;
  allShown: boolean;
  someShown: boolean;
  onToggle: (domain: string) => void;
  onToggleShown: (on: boolean) => void;
  onRecheck: (domain: string) => void;
  /** A failed re-check of one row: said in that row under its button (`id` for the button's description). */
  rowProblem?: { domain: string; id: string; node: ReactNode } | null;
  /** Every row shows its date (the run's rows were checked on more than one day, or not today). */
  withDates?: boolean;
  /** The run: "Full report" opens the result it stored (`/d/<domain>?run=<id>`), not a fresh check. */
  runId?: string;
};

// Secondary columns give way as the window narrows (cloud and host move under the domain) and come back in print.
// Below `sm` each row is a small grid: checkbox | domain, health badge, cloud · host · time | actions.
const TH = 'sticky top-0 z-10 bg-slate-100 px-1.5 py-2 text-xs font-semibold sm:px-2 print:static dark:bg-slate-800';
const TD = 'px-1.5 py-2 sm:px-2';
const TIME_COL = 'hidden sm:table-cell print:table-cell';
const WIDE_COL = 'hidden md:table-cell print:table-cell';
const MSOID_COL = 'hidden lg:table-cell print:table-cell';
/** The msoid verdict under its badge, once the window is wide enough for the sentence. */
const VERDICT = 'hidden xl:block print:block';

/** A domain with break chances after its dots and hyphens only, so a narrow column never splits a label mid-way. */
function breakable(domain: string) {
  const parts = domain.split(/(?<=[.-])/);
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, positional
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

/** The results table: a checkbox per row and one for every shown row, then the columns an admin scans. */
export function BulkTable(props: Props) {
  const { t, num } = useT();
  const header = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (header.current) header.current.indeterminate = props.someShown;
  }, [props.someShown]);
  return (
    <table className="w-full border-collapse text-left text-sm max-sm:block" data-testid="bulk-table">
      <thead className="max-sm:block">
        <tr className="max-sm:grid max-sm:grid-cols-[1.75rem_minmax(0,1fr)]">
          <th className={`${TH} w-8 print:hidden`}>
            <input
              ref={header}
              type="checkbox"
              data-testid="bulk-select-shown"
              aria-label={t('bulk.table.selectAllShown', { count: num(props.shownCount) })}
              title={t('bulk.table.selectAllShown', { count: num(props.shownCount) })}
              checked={props.allShown}
              disabled={props.shownCount === 0}
              onChange={(event) => props.onToggleShown(event.target.checked)}
              className="size-4"
            />
          </th>
          <th className={TH}>{t('bulk.table.domain')}</th>
          <th className={`${TH} max-sm:hidden`}>{t('bulk.table.health')}</th>
          <th className={`${TH} ${MSOID_COL}`}>
            {t('bulk.table.msoid')}
            <span className={`font-normal ${VERDICT}`}>{t('bulk.table.verdict')}</span>
          </th>
          <th className={`${TH} ${WIDE_COL}`}>{t('bulk.table.cloud')}</th>
          <th className={`${TH} ${WIDE_COL}`}>{t('bulk.table.host')}</th>
          <th className={`${TH} ${TIME_COL}`}>{t('bulk.table.checkedAt')}</th>
          <th className={`${TH} max-sm:hidden print:hidden`}>{t('bulk.table.actions')}</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {props.rows.map((row) => (
          <BulkRow
            key={row.domain}
            row={row}
            cloud={props.cloud}
            selected={props.selected.has(row.domain)}
            rechecking={props.rechecking.has(row.domain)}
            canRecheck={props.canRecheck}
            onToggle={props.onToggle}
            onRecheck={props.onRecheck}
            problem={props.rowProblem?.domain === row.domain ? props.rowProblem : null}
            withDate={props.withDates ?? false}
            runId={props.runId}
          />
        ))}
      </tbody>
    </table>
  );
}

type RowProps = {
  row: Report;
  cloud: CloudChoice;
  selected: boolean;
  rechecking: boolean;
  canRecheck: boolean;
  onToggle: (domain: string) => void;
  onRecheck: (domain: string) => void;
  problem: { id: string; node: ReactNode } | null;
  withDate: boolean;
  runId: string | undefined;
};

const BulkRow = memo(function BulkRow({
  row,
  cloud,
  selected,
  rechecking,
  canRecheck,
  onToggle,
  onRecheck,
  problem,
  withDate,
  runId,
}: RowProps) {
  const { t, time } = useT();
  const cloudShort = t(shortCloudCode(row.cloud));
  const cloudFull = t(fullCloudCode(row.cloud));
  const host = hostLabel(row.dnsHost, t);
  return (
    <tr
      data-testid="bulk-row"
      data-domain={row.domain}
      data-cloud={row.cloud.effective}
      data-host={row.dnsHost.id}
      aria-selected={selected}
      className={`border-t border-slate-200 align-top max-sm:grid max-sm:grid-cols-[1.75rem_minmax(0,1fr)_auto] dark:border-slate-800 ${selected ? 'bg-blue-50 dark:bg-blue-950/60' : ''}`}
    >
      <td className={`${TD} max-sm:col-start-1 max-sm:row-span-3 max-sm:row-start-1 print:hidden`}>
        <input
          type="checkbox"
          data-testid="bulk-select"
          aria-label={t('bulk.table.select', { domain: row.display })}
          checked={selected}
          onChange={() => onToggle(row.domain)}
          className="size-4"
        />
      </td>
      <td className={`${TD} max-sm:col-start-2 max-sm:row-start-1 max-sm:pb-1 sm:min-w-40`}>
        <span className="break-words font-mono">{breakable(row.display)}</span>
        {row.entered !== undefined ? (
          <span className="block text-xs wrap-anywhere text-slate-600 dark:text-slate-400" data-testid="row-entered">
            {t('ui.table.entered', { domain: row.display, entered: row.entered })}
          </span>
        ) : null}
        {/* Between sm and md the cloud and host columns are hidden: their values sit under the domain. */}
        <span className="hidden text-xs text-slate-600 sm:block md:hidden print:hidden dark:text-slate-400">
          <span title={cloudFull}>{cloudShort}</span> · {host}
        </span>
      </td>
      <td className={`${TD} max-sm:col-start-2 max-sm:row-start-2 max-sm:py-0`}>
        <HealthBadge health={row.summary.health} />
        <ProblemLine row={row} />
      </td>
      {/* Below sm: cloud, host and time on one line under the badge. */}
      <td className="hidden px-1.5 pt-1 pb-2 text-xs text-slate-600 max-sm:col-start-2 max-sm:row-start-3 max-sm:block print:hidden dark:text-slate-400">
        <span title={cloudFull}>{cloudShort}</span> · {host} ·{' '}
        <span className="whitespace-nowrap">{time(row.checkedAt, undefined, { date: withDate })}</span>
      </td>
      {/* Verdicts quote DNS values with no spaces; they may break anywhere rather than push the table wider. */}
      <td className={`${TD} ${MSOID_COL} xl:min-w-64 print:min-w-48`}>
        <StatusBadge status={row.msoid.status} />
        {/* The sentence quotes DNS data: DnsText shows bidi and invisible characters as escapes, as elsewhere. */}
        <span className={`mt-1 ${VERDICT}`}>
          <DnsText value={row.msoid.text.verdict} mono={false} wrap="anywhere" />
        </span>
      </td>
      <td className={`whitespace-nowrap ${TD} ${WIDE_COL}`} data-testid="bulk-cloud" title={cloudFull}>
        {cloudShort}
      </td>
      <td className={`break-words ${TD} ${WIDE_COL}`} data-testid="bulk-host">
        {host}
      </td>
      <td className={`whitespace-nowrap tabular-nums ${TD} ${TIME_COL}`}>
        <time data-testid="bulk-checked-at" dateTime={row.checkedAt}>
          {time(row.checkedAt, undefined, { date: withDate })}
        </time>
        {rechecking ? (
          <span data-testid="bulk-rechecking" className="block text-xs text-blue-700 dark:text-blue-300">
            {t('bulk.table.rechecking')}
          </span>
        ) : null}
      </td>
      <td className={`${TD} max-sm:col-start-3 max-sm:row-span-3 max-sm:row-start-1 print:hidden`}>
        <div className="flex flex-col items-start gap-1">
          <button
            type="button"
            data-testid="bulk-recheck"
            disabled={rechecking || !canRecheck}
            onClick={() => onRecheck(row.domain)}
            aria-describedby={problem?.id}
            className="whitespace-nowrap rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-700"
          >
            {rechecking ? t('bulk.table.rechecking') : t('bulk.table.recheck')}
          </button>
          <a
            data-testid="bulk-open"
            href={`/d/${encodeURIComponent(row.domain)}?cloud=${cloud}${runId ? `&run=${encodeURIComponent(runId)}` : ''}`}
            className="whitespace-nowrap text-blue-700 underline dark:text-blue-300"
          >
            {t('bulk.table.open')}
          </a>
          {problem ? <div className="max-w-56 text-xs">{problem.node}</div> : null}
        </div>
      </td>
    </tr>
  );
});

const PROBLEM_TEXT: Readonly<Record<Severity, string>> = {
  critical: 'font-semibold text-red-800 dark:text-red-300',
  warning: 'text-amber-900 dark:text-amber-200',
  unchecked: 'text-slate-600 dark:text-slate-400',
  notice: '',
  ok: '',
};

/** Under the health badge: the records that need attention, worst first ("msoid (CNAME) · SPF (TXT) +2 more"). */
function ProblemLine({ row }: { row: Report }) {
  const { t, num } = useT();
  const { shown, more } = problemRecords(row);
  if (shown.length === 0) return null;
  const separator = t('ui.health.separator');
  return (
    <p className="mt-1 text-xs" data-testid="bulk-problems">
      <span className="sr-only">{t('bulk.table.problemRecords')}: </span>
      {shown.map((record, i) => (
        <Fragment key={record.id}>
          {i > 0 ? separator : null}
          <span className={PROBLEM_TEXT[record.severity]}>{t(RECORD_LABEL[record.id])}</span>
        </Fragment>
      ))}
      {more > 0 ? (
        <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">
          {' '}
          {t('bulk.table.moreRecords', { count: num(more) })}
        </span>
      ) : null}
    </p>
  );
}

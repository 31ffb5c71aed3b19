'use client';

import { memo, useEffect, useRef } from 'react';
import type { CloudChoice, Report } from '@/lib/schema';
import { useT } from '../i18n-provider';
import { HealthBadge, StatusBadge } from '../status-badge';
import { fullCloudCode, shortCloudCode } from './cloud-label';

type Props = {
  /** The rows of the page (every shown row while printing). */
  rows: readonly Report[];
  cloud: CloudChoice;
  selected: ReadonlySet<string>;
  rechecking: ReadonlySet<string>;
  /** Rows that pass the filters (all pages), for the header checkbox's name. */
  shownCount: number;
  allShown: boolean;
  someShown: boolean;
  onToggle: (domain: string) => void;
  onToggleShown: (on: boolean) => void;
  onRecheck: (domain: string) => void;
};

// Secondary columns give way on a narrow window (their values move under the domain) and come back in print.
const TH = 'sticky top-0 z-10 bg-slate-100 p-2 text-xs font-semibold uppercase tracking-wide dark:bg-slate-800';
const MSOID_COL = 'hidden sm:table-cell print:table-cell';
const WIDE_COL = 'hidden md:table-cell print:table-cell';
const VERDICT_COL = 'hidden lg:table-cell print:table-cell';

/** The results table: a checkbox per row and one for every shown row, then the columns an admin scans. */
export function BulkTable(props: Props) {
  const { t, num } = useT();
  const header = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (header.current) header.current.indeterminate = props.someShown;
  }, [props.someShown]);
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid="bulk-table">
      <thead>
        <tr>
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
          <th className={TH}>{t('bulk.table.health')}</th>
          <th className={`${TH} ${MSOID_COL}`}>{t('bulk.table.msoid')}</th>
          <th className={`${TH} ${WIDE_COL}`}>{t('bulk.table.cloud')}</th>
          <th className={`${TH} ${WIDE_COL}`}>{t('bulk.table.host')}</th>
          <th className={`${TH} ${VERDICT_COL}`}>{t('bulk.table.verdict')}</th>
          <th className={`${TH} ${MSOID_COL}`}>{t('bulk.table.checkedAt')}</th>
          <th className={`${TH} print:hidden`}>
            <span className="sr-only sm:not-sr-only">{t('bulk.table.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <BulkRow
            key={row.domain}
            row={row}
            cloud={props.cloud}
            selected={props.selected.has(row.domain)}
            rechecking={props.rechecking.has(row.domain)}
            onToggle={props.onToggle}
            onRecheck={props.onRecheck}
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
  onToggle: (domain: string) => void;
  onRecheck: (domain: string) => void;
};

const BulkRow = memo(function BulkRow({ row, cloud, selected, rechecking, onToggle, onRecheck }: RowProps) {
  const { t, time } = useT();
  const cloudShort = t(shortCloudCode(row.cloud));
  const cloudFull = t(fullCloudCode(row.cloud));
  return (
    <tr
      data-testid="bulk-row"
      data-domain={row.domain}
      data-cloud={row.cloud.effective}
      data-host={row.dnsHost.id}
      aria-selected={selected}
      className={`border-t border-slate-200 align-top dark:border-slate-800 ${selected ? 'bg-blue-50 dark:bg-blue-950/60' : ''}`}
    >
      <td className="p-2 print:hidden">
        <input
          type="checkbox"
          data-testid="bulk-select"
          aria-label={t('bulk.table.select', { domain: row.display })}
          checked={selected}
          onChange={() => onToggle(row.domain)}
          className="size-4"
        />
      </td>
      <td className="p-2">
        <span className="break-all font-mono">{row.display}</span>
        {/* On a narrow window the hidden columns' values sit under the domain. */}
        <span className="block text-xs text-slate-600 md:hidden print:hidden dark:text-slate-400">
          <span title={cloudFull}>{cloudShort}</span> · {row.dnsHost.name}
          <span className="sm:hidden">
            {' · '}
            {time(row.checkedAt)}
          </span>
        </span>
      </td>
      <td className="p-2">
        <HealthBadge health={row.summary.health} />
      </td>
      <td className={`p-2 ${MSOID_COL}`}>
        <StatusBadge status={row.msoid.status} />
      </td>
      <td className={`whitespace-nowrap p-2 ${WIDE_COL}`} data-testid="bulk-cloud" title={cloudFull}>
        {cloudShort}
      </td>
      <td className={`p-2 ${WIDE_COL}`} data-testid="bulk-host">
        {row.dnsHost.name}
      </td>
      <td className={`p-2 ${VERDICT_COL}`}>{row.msoid.text.verdict}</td>
      <td className={`whitespace-nowrap p-2 tabular-nums ${MSOID_COL}`}>
        <time data-testid="bulk-checked-at" dateTime={row.checkedAt}>
          {time(row.checkedAt)}
        </time>
        {rechecking ? (
          <span data-testid="bulk-rechecking" className="block text-xs text-blue-700 dark:text-blue-300">
            {t('bulk.table.rechecking')}
          </span>
        ) : null}
      </td>
      <td className="p-2 print:hidden">
        <div className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-3">
          <button
            type="button"
            data-testid="bulk-recheck"
            disabled={rechecking}
            onClick={() => onRecheck(row.domain)}
            className="whitespace-nowrap rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-700"
          >
            {rechecking ? t('bulk.table.rechecking') : t('bulk.table.recheck')}
          </button>
          <a
            data-testid="bulk-open"
            href={`/d/${encodeURIComponent(row.domain)}?cloud=${cloud}`}
            className="whitespace-nowrap text-blue-700 underline dark:text-blue-300"
          >
            {t('bulk.table.open')}
          </a>
        </div>
      </td>
    </tr>
  );
});

'use client';

import { memo, useId, useState } from 'react';
import useSWRMutation from 'swr/mutation';
import type { ApiClientError } from '@/lib/client/api-error';
import { toClientError } from '@/lib/client/api-error';
import { fetchReport } from '@/lib/client/fetcher';
import { recheckKey } from '@/lib/client/keys';
import { runErrorFrom } from '@/lib/client/run-state';
import { MSOID_STATUS_PRESENTATION } from '@/lib/diagnosis/presentation';
import type { CloudChoice, Report } from '@/lib/schema';
import { CloudCell } from './cloud-cell';
import { DnsText } from './dns-text';
import { errorText } from './error-text';
import { useT } from './i18n-provider';
import { ChevronIcon, RefreshIcon, SpinnerIcon } from './icons';
import { RowDetails } from './row-details';
import { StatusBadge } from './status-badge';
import { TONE_BORDER } from './status-presentation';

export const COLUMN_COUNT = 6;

type Props = {
  report: Report;
  /** The cloud the run used; a re-check asks with the same choice. */
  cloud: CloudChoice;
  /** True while the bulk re-check is working on this row. */
  pending: boolean;
  onReport: (report: Report) => void;
};

const CELL = 'px-3 py-3 align-top';

/** One domain: summary cells, a re-check of its own, and an expandable three-layer explanation. */
export const ResultRow = memo(function ResultRow({ report, cloud, pending, onReport }: Props) {
  const { t, time, lang } = useT();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const { trigger, isMutating, error } = useSWRMutation<Report, ApiClientError, string>(
    recheckKey(report.domain, cloud, lang),
    (url: string) => fetchReport(url),
    { throwOnError: false, onSuccess: onReport },
  );
  const busy = isMutating || pending;
  const { status } = report.msoid;
  const tone = MSOID_STATUS_PRESENTATION[status].tone;
  const showAscii = report.display !== report.domain;

  return (
    <>
      <tr
        data-testid="result-row"
        data-domain={report.domain}
        data-status={status}
        aria-busy={busy}
        className="border-t border-slate-200 dark:border-slate-700"
      >
        <th
          scope="row"
          className={`sticky left-0 z-10 border-l-4 bg-white text-left font-normal dark:bg-slate-900 ${TONE_BORDER[tone]} ${CELL} min-w-36 sm:min-w-52`}
        >
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => setExpanded((v) => !v)}
            className="group flex items-start gap-1.5 rounded text-left font-semibold text-slate-900 hover:text-sky-800 dark:text-slate-50 dark:hover:text-sky-200"
          >
            <ChevronIcon
              className={`mt-0.5 size-4 transition-transform motion-reduce:transition-none ${expanded ? 'rotate-90' : ''}`}
            />
            <span data-testid="row-domain">
              <DnsText value={report.display} mono={false} wrap="anywhere" />
            </span>
            <span className="sr-only">
              {expanded
                ? t('ui.table.hideDetails', { domain: report.display })
                : t('ui.table.showDetails', { domain: report.display })}
            </span>
          </button>
          {showAscii ? (
            <span
              className="mt-0.5 block pl-5 text-xs wrap-anywhere text-slate-600 dark:text-slate-400"
              data-testid="row-ascii"
            >
              {/* The ASCII form comes from our own normaliser (letters, digits, hyphens, dots only). */}
              {t('ui.table.asciiForm', { ascii: report.domain })}
            </span>
          ) : null}
        </th>
        <td className={CELL}>
          <CloudCell cloud={report.cloud} />
        </td>
        <td className={CELL} data-testid="row-status">
          <StatusBadge status={status} />
        </td>
        <td className={`${CELL} min-w-64 max-w-md`} data-testid="row-verdict">
          <span className="line-clamp-3">
            <DnsText value={report.msoid.text.verdict} mono={false} />
          </span>
        </td>
        <td className={`${CELL} whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-300`}>
          <time dateTime={report.checkedAt} data-testid="checked-at">
            {time(report.checkedAt)}
          </time>
        </td>
        <td className={CELL}>
          <button
            type="button"
            onClick={() => {
              if (!busy) void trigger();
            }}
            // aria-disabled keeps keyboard focus on the button while the re-check runs.
            aria-disabled={busy}
            aria-label={t('ui.table.recheckAria', { domain: report.display })}
            className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            {busy ? <SpinnerIcon className="size-3.5" /> : <RefreshIcon className="size-3.5" />}
            <span aria-hidden="true">{busy ? t('ui.table.rechecking') : t('ui.table.recheck')}</span>
          </button>
          <span role="status" className="sr-only">
            {busy ? t('ui.progress.recheckingOne', { domain: report.display }) : ''}
          </span>
          {error && !busy ? (
            <p
              role="alert"
              className="mt-1 max-w-48 text-xs text-red-800 dark:text-red-300"
              data-testid="recheck-error"
            >
              {t('ui.table.recheckFailed', { message: errorText(t, runErrorFrom(toClientError(error))) })}
            </p>
          ) : null}
        </td>
      </tr>
      <tr hidden={!expanded} className="bg-slate-50 dark:bg-slate-950">
        <td colSpan={COLUMN_COUNT} className="p-0">
          {expanded ? (
            <div className="sticky left-0 max-w-[calc(100vw-2.5rem)] p-4 sm:max-w-none">
              <RowDetails report={report} id={detailsId} />
            </div>
          ) : (
            <div id={detailsId} />
          )}
        </td>
      </tr>
    </>
  );
});

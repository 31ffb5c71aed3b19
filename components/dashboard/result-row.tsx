'use client';

import { memo, useId, useState } from 'react';
import useSWRMutation from 'swr/mutation';
import { CloudCell } from '@/components/report/cloud-cell';
import { HealthCell } from '@/components/report/health-cell';
import { RowDetails } from '@/components/report/row-details';
import { StatusBadge } from '@/components/report/status-badge';
import { DnsText } from '@/components/ui/dns-text';
import { errorText } from '@/components/ui/error-text';
import { useT } from '@/components/ui/i18n-provider';
import { ChevronIcon, RefreshIcon, SpinnerIcon } from '@/components/ui/icons';
import type { ApiClientError } from '@/lib/client/api-error';
import { toClientError } from '@/lib/client/api-error';
import { fetchReport } from '@/lib/client/fetcher';
import { recheckKey } from '@/lib/client/keys';
import { headlineVerdict } from '@/lib/client/records-view';
import { runErrorFrom } from '@/lib/client/run-state';
import { type ServiceChoices, servicesParam } from '@/lib/client/services';
import { RECORDS_HEALTH_PRESENTATION, TONE_BORDER } from '@/lib/presentation';
import type { CloudChoice, Report } from '@/lib/schema';

export const COLUMN_COUNT = 6;

type Props = {
  report: Report;
  /** The cloud the run used; a re-check asks with the same choice. */
  cloud: CloudChoice;
  /** The services the run used; a re-check asks with the same. */
  services: ServiceChoices;
  /** True while the bulk re-check is working on this row. */
  pending: boolean;
  onReport: (report: Report) => void;
};

/**
 * Cells: a table cell on a wide window; below 640 px the row becomes a card (domain; health and msoid side by
 * side; the main finding; cloud; time and re-check), so the status is never scrolled out of view.
 */
const CELL = 'px-3 py-3 align-top max-sm:px-0 max-sm:py-1';

/** One domain: health, msoid, the main finding, a re-check of its own, and the expandable details. */
export const ResultRow = memo(function ResultRow({ report, cloud, services, pending, onReport }: Props) {
  const { t, time, lang } = useT();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const { trigger, isMutating, error } = useSWRMutation<Report, ApiClientError, string>(
    recheckKey(report.domain, cloud, lang, servicesParam(services)),
    (url: string) => fetchReport(url),
    { throwOnError: false, onSuccess: onReport },
  );
  const busy = isMutating || pending;
  const { status } = report.msoid;
  const { health } = report.summary;
  const tone = RECORDS_HEALTH_PRESENTATION[health].tone;
  const showAscii = report.display !== report.domain;
  const headline = headlineVerdict(report);

  return (
    <>
      <tr
        data-testid="result-row"
        data-domain={report.domain}
        data-status={status}
        data-health={health}
        aria-busy={busy}
        className={`border-t border-slate-200 max-sm:flex max-sm:flex-wrap max-sm:items-start max-sm:gap-x-3 max-sm:border-l-4 max-sm:px-3 max-sm:py-2 dark:border-slate-700 ${TONE_BORDER[tone]}`}
      >
        <th
          scope="row"
          className={`sticky left-0 z-10 border-l-4 bg-white text-left font-normal max-sm:static max-sm:w-full max-sm:border-l-0 dark:bg-slate-900 ${TONE_BORDER[tone]} ${CELL} min-w-36 lg:min-w-48`}
        >
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
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
          {report.entered !== undefined ? (
            <span
              className="mt-0.5 block pl-5 text-xs wrap-anywhere text-slate-600 dark:text-slate-400"
              data-testid="row-entered"
            >
              <DnsText
                value={t('ui.table.entered', { domain: report.display, entered: report.entered })}
                mono={false}
              />
            </span>
          ) : null}
        </th>
        <td className={`${CELL} max-sm:pl-5`} data-testid="row-health">
          <HealthCell summary={report.summary} />
        </td>
        <td className={`${CELL} max-sm:pl-5`} data-testid="row-status">
          <span className="flex items-center gap-1.5">
            <span className="text-xs font-medium text-slate-600 sm:sr-only dark:text-slate-400">
              {t('ui.table.msoidLabel')}
            </span>
            <StatusBadge status={status} />
          </span>
        </td>
        <td
          className={`${CELL} min-w-56 max-sm:w-full max-sm:min-w-0 max-sm:pl-5 lg:w-2/5`}
          data-testid="row-verdict"
          data-record={headline.id}
        >
          <span className="line-clamp-3">
            <DnsText value={headline.verdict} mono={false} />
          </span>
        </td>
        <td className={`${CELL} max-sm:w-full max-sm:pl-5`}>
          <CloudCell cloud={report.cloud} services={report.services} />
        </td>
        <td
          className={`${CELL} max-sm:flex max-sm:w-full max-sm:flex-row-reverse max-sm:items-center max-sm:justify-end max-sm:gap-3 max-sm:pl-5`}
        >
          <time
            dateTime={report.checkedAt}
            data-testid="checked-at"
            className="mb-1.5 block whitespace-nowrap text-xs text-slate-700 tabular-nums max-sm:mb-0 dark:text-slate-300"
          >
            {time(report.checkedAt)}
          </time>
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
      {/* Rendered only while open: the details (every record, fixes, lookups) are the heavy part of a row. */}
      {expanded ? (
        <tr className="bg-slate-50 max-sm:block dark:bg-slate-950">
          <td colSpan={COLUMN_COUNT} className="p-0 max-sm:block">
            {/* As wide as the scroller (a container, see ResultsTable), however wide the table scrolls. */}
            <div className="sticky left-0 max-w-[100cqw] p-4 max-sm:px-2">
              <RowDetails report={report} id={detailsId} />
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
});

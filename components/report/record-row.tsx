'use client';

import { useId, useState } from 'react';
import { DnsText } from '@/components/ui/dns-text';
import { useFullReport } from '@/components/ui/full-report';
import { useT } from '@/components/ui/i18n-provider';
import { ChevronIcon } from '@/components/ui/icons';
import { recordGroup } from '@/lib/client/records-view';
import { RECORD_LABEL, RECORD_SERVICE_LABEL, REQUIREMENT_LABEL } from '@/lib/presentation';
import type { Report, ReportRecord } from '@/lib/schema';
import { ExpectedSource } from './expected-source';
import { PropagationBadge, PropagationValues } from './propagation';
import { RecordDetails } from './record-details';
import { RecordStatusBadge } from './status-badge';

/** Columns of the records table: record, needed, status, found, expected. */
export const RECORD_COLUMNS = 5;

const CELL = 'px-2 py-2 align-top max-sm:block max-sm:px-3 max-sm:py-1';
/** Labels that the table header gives on a wide window; on a narrow one the header is hidden, so they show. */
const NARROW_LABEL = 'block text-xs font-medium text-slate-500 sm:hidden dark:text-slate-400';

function Values({ values }: { values: readonly string[] }) {
  const { t } = useT();
  if (values.length === 0) return <span className="text-slate-500 dark:text-slate-400">{t('ui.records.none')}</span>;
  return (
    <ul className="space-y-0.5">
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values of one finding never reorder
        <li key={i}>
          <DnsText value={v} wrap="anywhere" />
        </li>
      ))}
    </ul>
  );
}

/** One record: name, what is needed, status, found and expected values; its explanation opens below it. */
export function RecordRow({ record, lookups }: { record: ReportRecord; lookups: Report['lookups'] }) {
  const { t } = useT();
  const group = recordGroup(record);
  const full = useFullReport();
  // In a full report the records that need attention start open (msoid has its own section above the table).
  const [expanded, setExpanded] = useState(full && group !== 'fine' && record.id !== 'msoid');
  const detailsId = useId();
  const label = t(RECORD_LABEL[record.id]);
  const legacy = record.service === 'legacy-sfb';
  return (
    <>
      <tr
        data-testid="record-row"
        data-record={record.id}
        data-status={record.status}
        className="border-t border-slate-200 max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:pb-2 dark:border-slate-700"
      >
        <th scope="row" className={`${CELL} min-w-44 pl-3 text-left font-normal max-sm:pt-2 sm:w-[32%]`}>
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => setExpanded((v) => !v)}
            className="group flex items-start gap-1 rounded text-left font-medium text-slate-900 hover:text-sky-800 dark:text-slate-50 dark:hover:text-sky-200"
          >
            <ChevronIcon
              className={`mt-0.5 size-4 transition-transform print:hidden motion-reduce:transition-none ${expanded ? 'rotate-90' : ''}`}
            />
            <span>
              <span data-testid="record-label">{label}</span>
              <span className="sr-only">
                {expanded
                  ? t('ui.records.hideDetails', { record: label })
                  : t('ui.records.showDetails', { record: label })}
              </span>
            </span>
          </button>
          <span className="mt-0.5 block pl-5 text-xs text-slate-600 dark:text-slate-400">
            <DnsText value={record.host} wrap="anywhere" /> <span className="font-mono">{record.type}</span>
          </span>
          {group !== 'fine' ? (
            <p className="mt-1 pl-5 text-xs text-slate-800 dark:text-slate-200" data-testid="record-verdict">
              <DnsText value={record.text.verdict} mono={false} />
            </p>
          ) : null}
        </th>
        <td className={`${CELL} whitespace-nowrap max-sm:col-start-1 max-sm:pl-8`}>
          <span className="text-xs">{t(REQUIREMENT_LABEL[record.requirement])}</span>
          {legacy ? (
            <span
              data-testid="legacy-badge"
              className="ml-1.5 rounded border border-slate-400 px-1 text-[0.65rem] font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-500 dark:text-slate-300"
            >
              {t('ui.records.legacy')}
            </span>
          ) : record.service === 'core' ? null : (
            <span className="block text-xs text-slate-500 max-sm:ml-1.5 max-sm:inline dark:text-slate-400">
              {t('ui.records.requirementService', { service: t(RECORD_SERVICE_LABEL[record.service]) })}
            </span>
          )}
        </td>
        <td className={`${CELL} max-sm:col-start-2 max-sm:row-start-1 max-sm:pt-2`}>
          <RecordStatusBadge status={record.status} />
          {record.propagation ? (
            <span className="block">
              <PropagationBadge propagation={record.propagation} />
            </span>
          ) : null}
        </td>
        <td className={`${CELL} min-w-56 max-sm:col-span-2 max-sm:min-w-0 max-sm:pl-8`}>
          <span className={NARROW_LABEL}>{t('ui.records.found')}</span>
          <Values values={record.found} />
          {record.propagation ? <PropagationValues propagation={record.propagation} /> : null}
        </td>
        <td className={`${CELL} min-w-56 max-sm:col-span-2 max-sm:min-w-0 max-sm:pl-8`}>
          <span className={NARROW_LABEL}>{t('ui.records.expected')}</span>
          <Values values={record.expected === null ? [] : [record.expected]} />
          <ExpectedSource source={record.source} />
        </td>
      </tr>
      {expanded ? (
        <tr className="bg-slate-50 max-sm:block dark:bg-slate-950">
          <td colSpan={RECORD_COLUMNS} className="px-3 py-3 max-sm:block sm:pl-8">
            <RecordDetails record={record} lookups={lookups} id={detailsId} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

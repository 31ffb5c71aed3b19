import { useT } from '@/components/ui/i18n-provider';
import { type Row, type SortMode, sortRows } from '@/lib/client/rank';
import type { ServiceChoices } from '@/lib/client/services';
import type { CloudChoice, Report } from '@/lib/schema';
import { ResultRow } from './result-row';

const HEAD = 'px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300';

/**
 * The per-domain health table. On a wide window it scrolls sideways with the Domain column kept in view;
 * below 640 px each row is a card, so health and msoid status never leave the screen.
 */
export function ResultsTable({
  rows,
  sort,
  cloud,
  services,
  pending,
  onReport,
}: {
  rows: ReadonlyArray<Row & { report: Report }>;
  sort: SortMode;
  cloud: CloudChoice;
  services: ServiceChoices;
  pending: ReadonlySet<string>;
  onReport: (report: Report) => void;
}) {
  const { t } = useT();
  const sorted = sortRows(rows, sort);
  return (
    // `relative` keeps screen-reader-only text inside the scroller, so it cannot widen the page.
    // `@container`: an open row's details are as wide as this scroller, not as the table.
    <div className="@container relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <table className="min-w-full border-collapse text-sm max-sm:block" data-testid="results-table">
        <caption className="sr-only">{t('ui.table.caption')}</caption>
        <thead className="bg-slate-50 max-sm:hidden dark:bg-slate-800">
          <tr>
            <th
              scope="col"
              className={`sticky left-0 z-20 border-l-4 border-l-transparent bg-slate-50 dark:bg-slate-800 ${HEAD}`}
            >
              {t('ui.table.domain')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.health')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.status')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.verdict')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.cloud')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.checkedAt')}
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {sorted.map((row) => (
            <ResultRow
              key={row.domain}
              report={row.report}
              cloud={cloud}
              services={services}
              pending={pending.has(row.domain)}
              onReport={onReport}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

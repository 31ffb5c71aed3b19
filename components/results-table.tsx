import { type Row, type SortMode, sortRows } from '@/lib/client/rank';
import type { CloudChoice, Report } from '@/lib/schema';
import { useT } from './i18n-provider';
import { ResultRow } from './result-row';

const HEAD = 'px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300';

/**
 * The per-domain health table. Scrolls sideways on a narrow window with the Domain column kept in view.
 */
export function ResultsTable({
  rows,
  sort,
  cloud,
  pending,
  onReport,
}: {
  rows: ReadonlyArray<Row & { report: Report }>;
  sort: SortMode;
  cloud: CloudChoice;
  pending: ReadonlySet<string>;
  onReport: (report: Report) => void;
}) {
  const { t } = useT();
  const sorted = sortRows(rows, sort);
  return (
    // `relative` keeps screen-reader-only text inside the scroller, so it cannot widen the page.
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <table className="min-w-full border-collapse text-sm" data-testid="results-table">
        <caption className="sr-only">{t('ui.table.caption')}</caption>
        <thead className="bg-slate-50 dark:bg-slate-800">
          <tr>
            <th
              scope="col"
              className={`sticky left-0 z-20 border-l-4 border-l-transparent bg-slate-50 dark:bg-slate-800 ${HEAD}`}
            >
              {t('ui.table.domain')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.cloud')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.status')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.verdict')}
            </th>
            <th scope="col" className={HEAD}>
              {t('ui.table.checkedAt')}
            </th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">{t('ui.table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <ResultRow
              key={row.domain}
              report={row.report}
              cloud={cloud}
              pending={pending.has(row.domain)}
              onReport={onReport}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

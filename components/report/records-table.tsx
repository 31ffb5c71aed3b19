import { useT } from '@/components/ui/i18n-provider';
import { groupRecords, type RecordGroup } from '@/lib/client/records-view';
import type { Report, ReportRecord } from '@/lib/schema';
import { RECORD_COLUMNS, RecordRow } from './record-row';

const HEAD = 'px-2 py-2 text-left text-xs font-semibold text-slate-600 dark:text-slate-300';
const GROUP_CLASS: Record<RecordGroup, string> = {
  problem: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  input: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  unchecked: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  fine: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
};

/**
 * Every Microsoft 365 record of the domain, one row each: what is to fix first, then what could not be
 * checked, then what is fine or not needed. Each row opens its own explanation and lookups.
 * Below 640 px the rows stack as cards, so the status never scrolls out of view.
 */
export function RecordsTable({
  records,
  lookups,
  domain,
  id,
}: {
  records: readonly ReportRecord[];
  /** The report's lookup map, which each record's ids are read from. */
  lookups: Report['lookups'];
  domain: string;
  id: string;
}) {
  const { t, tp } = useT();
  const groups = groupRecords(records);
  if (records.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid="records">
      <h3 id={id} className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {t('ui.records.heading')}
      </h3>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table className="w-full border-collapse text-sm" data-testid="records-table">
          <caption className="sr-only">{t('ui.records.caption', { domain })}</caption>
          <thead className="bg-slate-50 max-sm:hidden dark:bg-slate-800">
            <tr>
              <th scope="col" className={`${HEAD} pl-3`}>
                {t('ui.records.record')}
              </th>
              <th scope="col" className={HEAD}>
                {t('ui.records.requirement')}
              </th>
              <th scope="col" className={HEAD}>
                {t('ui.records.status')}
              </th>
              <th scope="col" className={HEAD}>
                {t('ui.records.found')}
              </th>
              <th scope="col" className={HEAD}>
                {t('ui.records.expected')}
              </th>
            </tr>
          </thead>
          {groups.map(({ group, records: rows }) => (
            <tbody key={group} data-testid="record-group" data-group={group} className="max-sm:block">
              <tr className="max-sm:block">
                <th
                  scope="colgroup"
                  colSpan={RECORD_COLUMNS}
                  className={`px-3 py-1.5 text-left text-xs font-semibold max-sm:block ${GROUP_CLASS[group]}`}
                >
                  {tp(`ui.records.group.${group}`, rows.length)}
                </th>
              </tr>
              {rows.map((record) => (
                <RecordRow key={record.id} record={record} lookups={lookups} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

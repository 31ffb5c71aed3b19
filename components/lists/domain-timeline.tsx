import Link from 'next/link';
import { CellLabel } from '@/components/ui/cell-label';
import type { Translator } from '@/lib/client/translator-core';
import type { DomainHistory } from '@/lib/schema-lists';
import { ReaderTime } from './reader-time';
import { stateText } from './state-text';

/**
 * The detail page's timeline of a listed domain: each record's status changes in the lists that contain it, with
 * the values before and after, newest first, and the findings accepted as intended (who and when). Rendered on the
 * server; nothing when the domain is in no list.
 */
export function DomainTimeline({ history, tr }: { history: DomainHistory; tr: Translator }) {
  const { t } = tr;
  if (history.lists.length === 0) return null;
  return (
    <section
      aria-labelledby="timeline-heading"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 print:hidden"
      data-testid="domain-timeline"
    >
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t('lists.timeline.heading')}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('lists.timeline.intro')}</p>
      {history.acceptances.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm" data-testid="timeline-acceptances">
          {history.acceptances.map((a) => (
            <li key={`${a.listId}-${a.record}`}>
              <span className="font-medium">{t(`records.label.${a.record}`)}</span>:{' '}
              {a.acceptedBy
                ? t('lists.accept.acceptedBy', { who: a.acceptedBy, date: tr.day(a.acceptedAt), note: a.note })
                : t('lists.accept.accepted', { date: tr.day(a.acceptedAt), note: a.note })}
              {a.expiresAt ? ` (${t('lists.accept.until', { date: tr.day(a.expiresAt) })})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {history.timeline.length === 0 ? (
        <p className="mt-2 text-sm">{t('lists.timeline.empty')}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm" data-testid="timeline-table">
          {/* On a phone each step is a card: the header row goes and every cell names its column. */}
          <thead className="hidden text-xs uppercase text-slate-500 sm:table-header-group">
            <tr>
              <th className="py-1 pr-3">{t('lists.timeline.when')}</th>
              <th className="py-1 pr-3">{t('lists.timeline.record')}</th>
              <th className="py-1 pr-3">{t('lists.changes.before')}</th>
              <th className="py-1 pr-3">{t('lists.changes.after')}</th>
              <th className="py-1">{t('lists.timeline.list')}</th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {history.timeline.map((s) => (
              <tr
                key={`${s.listId}-${s.runId}-${s.record}`}
                className="block border-t border-slate-100 py-2 align-top sm:table-row sm:py-0 dark:border-slate-800"
                data-testid="timeline-step"
              >
                <td className="block py-0.5 sm:table-cell sm:py-1 sm:pr-3 sm:whitespace-nowrap">
                  <CellLabel text={t('lists.timeline.when')} />
                  <ReaderTime iso={s.at} />
                </td>
                <td className="block py-0.5 font-medium sm:table-cell sm:py-1 sm:pr-3 sm:font-normal">
                  {t(`records.label.${s.record}`)}
                </td>
                <td className="block py-0.5 wrap-anywhere sm:table-cell sm:py-1 sm:pr-3">
                  <CellLabel text={t('lists.changes.before')} />
                  {s.before ? stateText(t, s.before) : '—'}
                </td>
                <td className="block py-0.5 wrap-anywhere sm:table-cell sm:py-1 sm:pr-3">
                  <CellLabel text={t('lists.changes.after')} />
                  {stateText(t, s.after)}
                  {s.accepted ? ` · ${t('lists.changes.accepted')}` : ''}
                </td>
                <td className="block py-0.5 sm:table-cell sm:py-1">
                  <CellLabel text={t('lists.timeline.list')} />
                  <Link href={`/lists/${s.listId}`} className="underline">
                    {s.listName}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

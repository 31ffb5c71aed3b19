import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { HealthCountsLine } from '@/components/lists/health-counts';
import { ReaderTime } from '@/components/lists/reader-time';
import { Trend } from '@/components/lists/trend';
import { CellLabel } from '@/components/ui/cell-label';
import { makeTranslator } from '@/lib/client/translator';
import { listsSignIn, loadLists } from '@/lib/data/lists';
import { pageLanguage } from '@/lib/data/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage());
  return { title: `${t('lists.page.title')} · ${t('ui.app.title')}` };
}

/** `/lists`: every list with its last run's health counts, a trend of its last runs and its next scheduled run. */
export default async function ListsPage(props: PageProps<'/lists'>) {
  const search = await props.searchParams;
  const lang = await pageLanguage(typeof search.lang === 'string' ? search.lang : undefined);
  const tr = makeTranslator(lang);
  const { t } = tr;
  const signin = await listsSignIn('/lists');
  if (signin) redirect(signin);
  const lists = await loadLists();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('lists.page.title')}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t('lists.page.intro')}</p>
        </div>
        <Link
          href="/lists/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          {t('lists.page.new')}
        </Link>
      </header>
      <main id="main" className="mt-6">
        {lists.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">{t('lists.page.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="lists-table">
              {/* On a phone each list is a card: the header row goes and every cell names its column. */}
              <thead className="hidden border-b border-slate-200 text-xs uppercase text-slate-500 sm:table-header-group dark:border-slate-800">
                <tr>
                  <th className="py-2 pr-4">{t('lists.table.name')}</th>
                  <th className="py-2 pr-4">{t('lists.table.domains')}</th>
                  <th className="py-2 pr-4">{t('lists.table.health')}</th>
                  <th className="py-2 pr-4">{t('lists.table.trend')}</th>
                  <th className="py-2 pr-4">{t('lists.table.nextRun')}</th>
                </tr>
              </thead>
              <tbody className="block sm:table-row-group">
                {lists.map((list) => {
                  const last = list.recentRuns[0];
                  return (
                    <tr
                      key={list.id}
                      className="block border-b border-slate-100 py-2 align-top sm:table-row sm:py-0 dark:border-slate-900"
                    >
                      <td className="block py-1 sm:table-cell sm:py-2 sm:pr-4">
                        <Link
                          href={`/lists/${list.id}`}
                          className="font-medium text-blue-700 underline dark:text-blue-300"
                        >
                          {list.name}
                        </Link>
                      </td>
                      <td className="block py-1 tabular-nums sm:table-cell sm:py-2 sm:pr-4">
                        <CellLabel text={t('lists.table.domains')} />
                        {tr.num(list.domainCount)}
                      </td>
                      <td className="block py-1 sm:table-cell sm:py-2 sm:pr-4">
                        <CellLabel text={t('lists.table.health')} />
                        {last ? (
                          <>
                            <HealthCountsLine counts={last.counts} t={t} />
                            <span className="text-xs text-slate-500">
                              <ReaderTime iso={last.startedAt} />
                            </span>
                          </>
                        ) : (
                          <span className="text-slate-500">{t('lists.table.never')}</span>
                        )}
                      </td>
                      <td className="block py-1 sm:table-cell sm:py-2 sm:pr-4">
                        <CellLabel text={t('lists.table.trend')} />
                        <Trend
                          runs={list.recentRuns}
                          label={t('lists.trendLabel', { count: list.recentRuns.length })}
                        />
                      </td>
                      <td
                        className="block py-1 text-slate-600 sm:table-cell sm:py-2 sm:pr-4 dark:text-slate-400"
                        data-testid="next-run"
                      >
                        <CellLabel text={t('lists.table.nextRun')} />
                        {list.nextRunAt && list.nextRunTz
                          ? tr.inZone(list.nextRunAt, list.nextRunTz)
                          : t('lists.table.notScheduled')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </div>
  );
}

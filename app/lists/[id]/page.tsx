import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { DeliveryLog } from '@/components/alerts/DeliveryLog';
import { HealthCountsLine } from '@/components/lists/health-counts';
import { ListActions } from '@/components/lists/list-actions';
import { ListAlerts } from '@/components/lists/list-alerts';
import { ListSchedule } from '@/components/lists/list-schedule';
import { ReaderTime } from '@/components/lists/reader-time';
import { makeTranslator } from '@/lib/client/translator';
import { listsEditable, listsSignIn, loadList } from '@/lib/data/lists';
import { pageLanguage } from '@/lib/data/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: PageProps<'/lists/[id]'>): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage());
  const loaded = await loadList((await props.params).id);
  return { title: `${loaded?.list.name ?? t('lists.page.title')} · ${t('ui.app.title')}` };
}

/** `/lists/[id]`: the list's domains with tags (filter by tag), run now, its run history, delete. */
export default async function ListPage(props: PageProps<'/lists/[id]'>) {
  const [{ id }, search] = await Promise.all([props.params, props.searchParams]);
  const tr = makeTranslator(await pageLanguage(typeof search.lang === 'string' ? search.lang : undefined));
  const { t } = tr;
  const signin = await listsSignIn(`/lists/${encodeURIComponent(id)}`);
  if (signin) redirect(signin);
  const [loaded, editable] = await Promise.all([loadList(id), listsEditable()]);
  if (!loaded) notFound();
  const { list, runs } = loaded;
  const tag = typeof search.tag === 'string' ? search.tag : null;
  const domains = tag ? list.domains.filter((d) => d.tags.includes(tag)) : list.domains;
  const chip = 'rounded-full border px-2 py-0.5 text-xs';
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl" data-testid="list-name">
            {list.name}
          </h1>
          <Link href="/lists" className="text-sm text-blue-700 underline dark:text-blue-300">
            {t('lists.page.back')}
          </Link>
        </div>
        <ListActions id={list.id} name={list.name} />
      </header>
      <main id="main" className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="domains-heading">
          <h2 id="domains-heading" className="text-lg font-semibold">
            {t('lists.detail.domainsHeading')} ({tr.num(domains.length)})
          </h2>
          {list.tags.length > 0 ? (
            <nav aria-label={t('lists.detail.tagFilter')} className="mt-2 flex flex-wrap gap-2">
              <Link href={`/lists/${list.id}`} className={`${chip} ${tag ? '' : 'bg-slate-200 dark:bg-slate-800'}`}>
                {t('lists.detail.allTags')}
              </Link>
              {list.tags.map((x) => (
                <Link
                  key={x}
                  href={`/lists/${list.id}?tag=${encodeURIComponent(x)}`}
                  className={`${chip} ${tag === x ? 'bg-slate-200 dark:bg-slate-800' : ''}`}
                >
                  {x}
                </Link>
              ))}
            </nav>
          ) : null}
          <ul className="mt-3 divide-y divide-slate-100 text-sm dark:divide-slate-900" data-testid="list-domains">
            {domains.map((d) => (
              <li key={d.domain} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <Link href={`/d/${encodeURIComponent(d.domain)}?cloud=${list.cloud}`} className="font-mono underline">
                  {d.display}
                </Link>
                <span className="flex gap-1">
                  {d.tags.map((x) => (
                    <span key={x} className={`${chip} border-slate-300 dark:border-slate-700`}>
                      {x}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t('lists.detail.historyHeading')}
          </h2>
          {runs.length === 0 ? (
            <p className="mt-2 text-slate-600 dark:text-slate-400">{t('lists.table.never')}</p>
          ) : (
            <table className="mt-2 w-full text-left text-sm" data-testid="run-history">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-1 pr-3">{t('lists.detail.started')}</th>
                  <th className="py-1 pr-3">{t('lists.detail.health')}</th>
                  <th className="py-1">{t('lists.detail.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.runId} className="border-t border-slate-100 align-top dark:border-slate-900">
                    <td className="py-1.5 pr-3">
                      <ReaderTime iso={run.startedAt} />
                      <div className="text-xs text-slate-500">
                        {t(`lists.detail.${run.trigger === 'schedule' ? 'schedule' : 'manual'}`)} ·{' '}
                        {t(`lists.detail.status.${run.status}`)}
                      </div>
                    </td>
                    <td className="py-1.5 pr-3">
                      <HealthCountsLine counts={run.counts} t={t} />
                    </td>
                    <td className="py-1.5">
                      <Link
                        href={`/lists/${list.id}/changes?to=${run.runId}`}
                        className="text-blue-700 underline dark:text-blue-300"
                      >
                        {t('lists.detail.showChanges')}
                      </Link>{' '}
                      <a
                        href={`/api/lists/${list.id}/export?run=${run.runId}`}
                        className="text-blue-700 underline dark:text-blue-300"
                      >
                        {t('lists.changes.export')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <ListSchedule listId={list.id} editable={editable} />
        <ListAlerts listId={list.id} editable={editable} />
        <div className="min-w-0 lg:col-span-2">
          <DeliveryLog listId={list.id} />
        </div>
      </main>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkPage } from '@/components/bulk/bulk-page';
import { makeTranslator } from '@/lib/client/translator';
import { bulkLink, currentUser, liveWatchMaxMin, pageLanguage, pageSettings } from '@/lib/data/page';

/**
 * The bulk check. The server hands the client its input policy, `MAX_DOMAINS_PER_RUN` and `STALE_AFTER_H`, so the
 * parsed list, the limit and the "old results" banner match the server's configuration. It decodes the address
 * (bounded, never throwing): `?run=<id>` resumes or reloads a run (the result link); `?d=`/`?z=`, `cloud`, `s` fill
 * the form and start the run (the input link; bounded, charged to the caller's rate limit, and not started on
 * arrival when another site opened the page: lib/data/page.ts). Reading searchParams makes the page render per
 * request, so the configuration is read at run time.
 */
/** The page's own title (a tab or a history entry says "Bulk check", not the single check's name). */
export async function generateMetadata(props: PageProps<'/bulk'>): Promise<Metadata> {
  const lang = await pageLanguage((await props.searchParams).lang);
  const { t } = makeTranslator(lang);
  return { title: `${t('bulk.page.title')} · ${t('ui.app.title')}` };
}

export default async function Page(props: PageProps<'/bulk'>) {
  const searchParams = await props.searchParams;
  const lang = await pageLanguage(searchParams.lang);
  const { t } = makeTranslator(lang);
  const link = await bulkLink(searchParams);
  const params = link.value;
  const settings = pageSettings();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('bulk.page.title')}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('bulk.page.intro')}</p>
        <Link href="/" className="text-sm text-blue-700 underline print:hidden dark:text-blue-300">
          {t('bulk.page.back')}
        </Link>
      </header>
      <main id="main" className="mt-6">
        <BulkPage
          policy={settings.policy}
          maxDomainsPerRun={settings.maxDomainsPerRun}
          runId={params.run}
          badRun={params.badRun}
          initial={params.input}
          notices={link.notices}
          limits={link.limits}
          autoRun={link.autoRun}
          staleAfterMs={settings.staleAfterMs}
          liveWatchMaxMin={liveWatchMaxMin()}
          canStartRuns={(await currentUser())?.role !== 'viewer'}
        />
      </main>
    </div>
  );
}

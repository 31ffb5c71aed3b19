import Link from 'next/link';
import { BulkPage } from '@/components/bulk/bulk-page';
import { makeTranslator } from '@/lib/client/translator';
import { getConfig } from '@/lib/server/env';
import { inputPolicy } from '@/lib/server/policy';
import { requestLanguage } from '@/lib/server/request-language';

/**
 * The bulk check. The server hands the client its input policy and `MAX_DOMAINS_PER_RUN`, so the parsed list
 * and the limit match what POST /api/runs enforces; `?run=<id>` resumes or reloads a run. Reading searchParams
 * makes the page render per request, so the configuration is read at run time.
 */
export default async function Page(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const searchParams = await props.searchParams;
  const lang = await requestLanguage(searchParams.lang);
  const { t } = makeTranslator(lang);
  const run = typeof searchParams.run === 'string' && searchParams.run !== '' ? searchParams.run : null;
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
        <BulkPage policy={inputPolicy()} maxDomainsPerRun={getConfig().maxDomainsPerRun} runId={run} />
      </main>
    </div>
  );
}

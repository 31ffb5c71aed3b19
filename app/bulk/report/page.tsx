import type { Metadata } from 'next';
import { RunReportView } from '@/components/bulk/run-report';
import { decodeBulkParams } from '@/lib/bulk/bulk-link';
import { makeTranslator } from '@/lib/client/translator';
import { pageLanguage } from '@/lib/data/page';
import { loadRunReport } from '@/lib/data/run-report';

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(props: PageProps<'/bulk/report'>): Promise<Metadata> {
  const lang = await pageLanguage(first((await props.searchParams).lang));
  return { title: makeTranslator(lang).t('bulk.report.title') };
}

/**
 * `/bulk/report?run=<id>&lang=<l>`: the printable report of a whole run in the reader's language, for the
 * customer (print it, or save it as PDF). The run id is a read capability, as for the result link.
 */
export default async function RunReportPage(props: PageProps<'/bulk/report'>) {
  const searchParams = await props.searchParams;
  const lang = await pageLanguage(first(searchParams.lang));
  const tr = makeTranslator(lang);
  const { run } = decodeBulkParams(searchParams);
  const data = run === null ? ({ kind: 'missing', reason: 'not-found' } as const) : await loadRunReport(run, lang);
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      {data.kind === 'missing' ? (
        <div className="space-y-3">
          <p role="alert" data-testid="report-missing" className="font-semibold">
            {data.reason === 'expired' ? tr.t('bulk.report.expired') : tr.t('bulk.report.notFound')}
          </p>
          {/* Not a dead end: the way to a new bulk check, in the report's language. */}
          <a
            href={`/bulk?lang=${encodeURIComponent(lang)}`}
            data-testid="report-missing-back"
            className="text-sm text-blue-700 underline dark:text-blue-300"
          >
            {tr.t('bulk.page.link')}
          </a>
        </div>
      ) : (
        <RunReportView
          report={data.report}
          tr={tr}
          backHref={`/bulk?run=${encodeURIComponent(run ?? '')}&lang=${encodeURIComponent(lang)}`}
        />
      )}
    </main>
  );
}

import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { DetailReport } from '@/components/detail/detail-report';
import { DomainTimeline } from '@/components/lists/domain-timeline';
import { DnsText } from '@/components/ui/dns-text';
import { makeTranslator } from '@/lib/client/translator';
import { detailTarget, loadDetail, type Query } from '@/lib/data/detail';
import { loadDomainHistory } from '@/lib/data/lists';
import { liveWatchMaxMin, pageLanguage } from '@/lib/data/page';

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The tab (and printed page) title names the domain. */
export async function generateMetadata(props: PageProps<'/d/[domain]'>): Promise<Metadata> {
  const { domain } = await props.params;
  const lang = await pageLanguage(first((await props.searchParams).lang));
  const { t } = makeTranslator(lang);
  const one = detailTarget(domain, lang);
  return { title: one.ok ? t('ui.detail.title', { domain: one.domain.display }) : t('ui.detail.notFoundHeading') };
}

/**
 * `/d/<domain>?cloud=<c>&s=<services>&lang=<l>[&fresh=…]`: one domain's full, printable report, checked on the
 * server (first paint is the whole report; nothing needs hydrating to print). Access control as for the API:
 * without a valid session the page sends the reader to /signin. An unusable domain gets a plain message. Opened
 * from another site, it checks nothing and offers "Check now" (a plain GET form, so it works before scripts run).
 */
export default async function DetailPage(props: PageProps<'/d/[domain]'>) {
  const [{ domain }, query] = await Promise.all([props.params, props.searchParams as Promise<Query>]);
  const lang = await pageLanguage(first(query.lang));
  const { t } = makeTranslator(lang);
  const data = await loadDetail(domain, query, lang);
  if (data.kind === 'signin') redirect(data.location);
  if (data.kind === 'not-found') notFound();
  if (data.kind === 'invalid') {
    const { invalid } = data;
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <div
          role="alert"
          data-testid="detail-invalid"
          className="rounded-xl border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950"
        >
          <h1 className="text-xl font-semibold">{t('ui.detail.invalidHeading')}</h1>
          <p className="mt-2 wrap-anywhere">
            {/* The address is the user's (or a crafted link's): bidi and invisible characters shown as escapes. */}
            <DnsText
              value={t('ui.detail.invalidBody', { input: invalid.input, reason: invalid.reason })}
              mono={false}
              wrap="anywhere"
            />
          </p>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.detail.invalidHint')}</p>
          <p className="mt-4">
            <a
              href={`/?lang=${lang}`}
              className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300"
            >
              {t('ui.detail.back')}
            </a>
          </p>
        </div>
      </main>
    );
  }

  if (data.kind === 'confirm') {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <div
          data-testid="detail-confirm"
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <h1 className="text-xl font-semibold wrap-anywhere" data-testid="detail-confirm-heading">
            <DnsText value={t('ui.detail.crossSiteHeading', { domain: data.display })} mono={false} wrap="anywhere" />
          </h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            <DnsText value={t('ui.detail.crossSiteBody', { domain: data.display })} mono={false} wrap="anywhere" />
          </p>
          <form method="get" action={data.action} className="mt-4">
            {data.fields.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button
              type="submit"
              data-testid="detail-check-now"
              className="rounded-lg bg-sky-700 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
            >
              {t('ui.detail.checkNow')}
            </button>
          </form>
        </div>
      </main>
    );
  }

  if (data.kind === 'rate-limited') {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-16">
        <p role="alert" data-testid="detail-rate-limited" className="rounded-xl border border-amber-300 p-6">
          {t('ui.errors.rate-limited', { seconds: data.retryAfterSeconds })}
        </p>
      </main>
    );
  }
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8 print:max-w-none print:p-0">
      <main id="main">
        <DetailReport
          report={data.report}
          recheckHref={data.recheckHref}
          dashboardHref={data.dashboardHref}
          liveWatchMaxMin={liveWatchMaxMin()}
          fromRun={data.fromRun}
          runGone={data.runGone}
        />
        <DomainTimeline history={await loadDomainHistory(data.report.domain)} tr={makeTranslator(lang)} />
      </main>
    </div>
  );
}

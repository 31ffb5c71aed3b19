'use client';

import { type MouseEvent, useState } from 'react';
import { cloudBasisText } from '@/components/report/cloud-cell';
import { DnsServersCard } from '@/components/report/dns-servers-card';
import { HealthCell } from '@/components/report/health-cell';
import { LookupTable } from '@/components/report/lookup-table';
import { RowDetails } from '@/components/report/row-details';
import { ServicesLine } from '@/components/report/services-line';
import { DnsText } from '@/components/ui/dns-text';
import { FullReportContext } from '@/components/ui/full-report';
import { useT } from '@/components/ui/i18n-provider';
import { RefreshIcon, SpinnerIcon, WarningIcon } from '@/components/ui/icons';
import { RequestError } from '@/components/ui/request-error';
import { useHydrated } from '@/components/ui/use-hydrated';
import { toClientError } from '@/lib/client/api-error';
import { cloudWarnings, inferredCloudCode } from '@/lib/client/cloud-view';
import { errorMessageRef } from '@/lib/client/error-message';
import { fetchReport } from '@/lib/client/fetcher';
import { reportRecheckKey } from '@/lib/client/keys';
import { findingLookups } from '@/lib/client/records-view';
import { runErrorFrom } from '@/lib/client/run-state';
import { CLOUD_CHOICE_LABEL, cloudLabelCode } from '@/lib/presentation';
import type { CloudReport, Report } from '@/lib/schema';
import { CheckUntilLive } from './check-until-live';
import { usePrintFooter } from './print-footer';
import { PrintReport } from './print-report';

const LINK =
  'inline-flex items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/**
 * A check time with its date and named zone, in the reader's time zone: the server (which knows only its own
 * zone) renders it in UTC, said so; the browser then shows the reader's, as every other time on every page.
 */
function useCheckedAtText(iso: string): string {
  const { lang, time } = useT();
  const hydrated = useHydrated();
  if (hydrated) return time(iso, undefined, { date: true });
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    dateStyle: 'medium',
    timeStyle: 'long',
  }).format(date);
}

/** The check time with date, time and time zone, in the reader's locale and time zone. */
function CheckedAt({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} data-testid="detail-checked-at">
      {useCheckedAtText(iso)}
    </time>
  );
}

/** How the cloud was decided (chosen, or the records it was worked out from) and any warning about it. */
function CloudBasis({ cloud }: { cloud: CloudReport }) {
  const { t } = useT();
  const basis = cloudBasisText(cloud, t);
  return (
    <>
      {basis ? (
        <span className="block text-xs text-slate-600 dark:text-slate-400" data-testid="detail-cloud-basis">
          {basis}
        </span>
      ) : null}
      {cloudWarnings(cloud).map((w) => (
        <span key={w} className="mt-0.5 flex items-start gap-1 text-xs font-medium text-amber-900 dark:text-amber-200">
          <WarningIcon className="mt-px size-3.5 shrink-0" />
          <span>
            {w === 'contradicts'
              ? t('ui.cloud.contradicts', {
                  selected: t(`ui.cloudChoice.${cloud.selected}`),
                  inferred: t(inferredCloudCode(cloud)),
                })
              : t(`ui.cloud.${w}`)}
          </span>
        </span>
      ))}
    </>
  );
}

/** Opens the browser's print dialog (where "Save as PDF" lives). A click handler, so the CSP allows it. */
function PrintButton() {
  const { t } = useT();
  return (
    <button
      type="button"
      onClick={() => window.print()}
      data-testid="detail-print"
      className="inline-flex items-center gap-1 rounded-lg bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
    >
      {t('ui.detail.print')}
    </button>
  );
}

/**
 * One domain's full report for `/d/<domain>`. On screen: a header (domain, check time, resolvers, cloud and how
 * it was decided, health, actions), the dashboard's row details with every value whole and the problem records
 * open, then every lookup behind it. On paper (print media) the header stays, the screen body gives way to
 * compact tables (print-report.tsx), and the lookups become a small appendix.
 * `recheckHref` and `dashboardHref` are built by the page from its own URL.
 */
export function DetailReport({
  report: initial,
  recheckHref,
  dashboardHref,
  liveWatchMaxMin = 60,
  fromRun,
  runGone,
}: {
  report: Report;
  recheckHref: string;
  dashboardHref: string;
  /** How long "check until live" may keep re-checking (LIVE_WATCH_MAX_MIN). */
  liveWatchMaxMin?: number;
  /** The report is a bulk run's stored result: say so, and lead back to the run. */
  fromRun?: { id: string; href: string } | undefined;
  /** The run named in the address is no longer kept: this report is a fresh check. */
  runGone?: boolean | undefined;
}) {
  const { t, lang } = useT();
  // "Check until live" replaces the report with each re-check's, and so does Re-check.
  const [report, setReport] = useState(initial);
  /** Re-check replaced the stored (or first) result: the notes about where it came from no longer apply. */
  const [rechecked, setRechecked] = useState(false);
  const [recheck, setRecheck] = useState<{ busy: boolean; error: { text: string; at: number } | null }>({
    busy: false,
    error: null,
  });
  /**
   * Re-check in place: the page asks the API for a fresh check and shows it, so a refusal (a 429, a 503, no
   * connection) is said beside the button while the report stays. Without scripts (or in a new tab) the link
   * loads the page with a fresh check, as before.
   */
  const onRecheck = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (recheck.busy) return;
    setRecheck({ busy: true, error: null });
    fetchReport(reportRecheckKey(report, lang)).then(
      (next) => {
        setReport(next);
        setRechecked(true);
        setRecheck({ busy: false, error: null });
        // A reload shows a check of the domain, not the run's stored result the address named.
        const url = new URL(recheckHref, window.location.href);
        url.searchParams.delete('fresh');
        window.history.replaceState(window.history.state, '', url);
      },
      (err: unknown) => {
        const ref = errorMessageRef(runErrorFrom(toClientError(err)));
        setRecheck({ busy: false, error: { text: t(ref.code, ref.params), at: Date.now() } });
      },
    );
  };
  const recheckErrorId = 'detail-recheck-error';
  usePrintFooter(t('ui.detail.printout.footer', { domain: report.display, date: useCheckedAtText(report.checkedAt) }));
  const cloudText = t('ui.detail.cloudValue', {
    effective: t(cloudLabelCode(report.cloud)),
    selected: t(CLOUD_CHOICE_LABEL[report.cloud.selected]),
  });
  const lookups = findingLookups(report);
  const LABEL = 'text-slate-600 dark:text-slate-400 print:text-slate-700';
  return (
    <FullReportContext.Provider value={true}>
      <article data-testid="detail-report" className="space-y-6 print:space-y-3">
        <header className="space-y-3 border-b border-slate-200 pb-4 print:space-y-1 print:border-slate-400 print:pb-2 dark:border-slate-700">
          <p className="text-sm font-medium text-slate-600 dark:text-slate-400 print:text-slate-700">
            {t('ui.detail.heading')}
          </p>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl print:text-2xl" data-testid="detail-domain">
            <DnsText value={report.display} mono={false} wrap="anywhere" />
          </h1>
          {report.display !== report.domain ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t('ui.table.asciiForm', { ascii: report.domain })}
            </p>
          ) : null}
          <dl
            className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm print:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)] print:gap-y-0.5"
            data-testid="detail-meta"
          >
            <dt className={LABEL}>{t('ui.detail.checkedAt')}</dt>
            <dd>
              <CheckedAt iso={report.checkedAt} />
            </dd>
            <dt className={LABEL}>{t('ui.detail.resolvers')}</dt>
            <dd className="font-mono" data-testid="detail-resolvers">
              {report.resolvers.join(t('ui.details.serverSeparator'))}
            </dd>
            <dt className={LABEL}>{t('ui.detail.cloud')}</dt>
            <dd>
              <span data-testid="detail-cloud">{cloudText}</span>
              <CloudBasis cloud={report.cloud} />
              <ServicesLine services={report.services} />
            </dd>
            <dt className={LABEL}>{t('ui.table.health')}</dt>
            <dd data-testid="detail-health">
              <HealthCell summary={report.summary} />
            </dd>
          </dl>
          {fromRun && !rechecked ? (
            <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="detail-from-run">
              {t('ui.detail.fromRun')}
            </p>
          ) : null}
          {runGone && !rechecked ? (
            <p className="text-sm text-amber-900 dark:text-amber-200" data-testid="detail-run-gone" role="status">
              {t('ui.detail.runGone')}
            </p>
          ) : null}
          <nav className="flex flex-wrap gap-2 print:hidden" data-testid="detail-actions">
            <PrintButton />
            <a
              href={recheckHref}
              className={LINK}
              data-testid="detail-recheck"
              onClick={onRecheck}
              aria-busy={recheck.busy}
              aria-describedby={recheck.error ? recheckErrorId : undefined}
            >
              {recheck.busy ? <SpinnerIcon className="size-4" /> : <RefreshIcon className="size-4" />}
              {t('ui.detail.recheck')}
            </a>
            {fromRun ? (
              <a href={fromRun.href} className={LINK} data-testid="detail-back-to-run">
                {t('ui.detail.backToRun')}
              </a>
            ) : null}
            <a href={dashboardHref} className={LINK} data-testid="detail-back">
              {t('ui.detail.back')}
            </a>
            <CheckUntilLive report={report} onReport={setReport} maxMinutes={liveWatchMaxMin} />
          </nav>
          {recheck.error ? (
            <RequestError
              id={recheckErrorId}
              testId="detail-recheck-error"
              show={recheck.error.at}
              className="print:hidden"
            >
              <p className="font-semibold">{t('ui.errors.recheckHeading')}</p>
              <p>{recheck.error.text}</p>
            </RequestError>
          ) : null}
        </header>
        <div className="print:hidden">
          <RowDetails report={report} id="detail" />
        </div>
        {report.authority ? (
          <div className="print:hidden">
            <DnsServersCard authority={report.authority} resolvers={report.resolvers} id="detail-dns-servers" />
          </div>
        ) : null}
        <section
          aria-labelledby="detail-lookups"
          className="space-y-2 text-sm print:hidden"
          data-testid="detail-lookups"
        >
          <h2
            id="detail-lookups"
            className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
          >
            {t('ui.detail.lookupsHeading')}
          </h2>
          <LookupTable lookups={lookups} />
        </section>
        <PrintReport report={report} lookups={lookups} />
      </article>
    </FullReportContext.Provider>
  );
}

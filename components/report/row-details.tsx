import { DnsText } from '@/components/ui/dns-text';
import { useFullReport } from '@/components/ui/full-report';
import { useT } from '@/components/ui/i18n-provider';
import { lookupsOf } from '@/lib/client/records-view';
import type { Report } from '@/lib/schema';
import { CloudEvidence } from './cloud-evidence';
import { DnsHostCard } from './dns-host-card';
import { FixList } from './fix-list';
import { HelpdeskCallout } from './helpdesk-callout';
import { HostFixCard, HostFixList } from './host-fix-list';
import { LookupTable } from './lookup-table';
import { RecordsTable } from './records-table';
import { ReferenceLink } from './reference-link';
import { StatusBadge } from './status-badge';
import { TypoDiff } from './typo-diff';

const HEADING = 'text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';

/** The msoid finding (the headline record) in three layers: verdict, why and what to do, technical details. */
function MsoidSection({ report, id }: { report: Report; id: string }) {
  const { t, num } = useT();
  const { msoid } = report;
  const notes = [...msoid.text.notes, ...report.notes];
  const hostFixes = report.fixes.filter((f) => f.record === 'msoid');
  return (
    <section
      aria-labelledby={`${id}-msoid`}
      data-testid="msoid-section"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-msoid`} className={HEADING}>
          {t('ui.details.msoidHeading')}
        </h3>
        <StatusBadge status={msoid.status} testId="details-msoid-badge" />
      </div>
      <div>
        <h4 id={`${id}-verdict`} className="sr-only">
          {t('ui.details.verdictHeading')}
        </h4>
        <p className="text-base font-medium" data-testid="details-verdict">
          <DnsText value={msoid.text.verdict} mono={false} />
        </p>
        {msoid.found.length > 0 || msoid.expected ? (
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            {msoid.found.length > 0 ? (
              <>
                <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.found')}</dt>
                <dd>
                  {msoid.found.map((f, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: values of one finding never reorder
                    <div key={i}>
                      <DnsText value={f} wrap="anywhere" />
                    </div>
                  ))}
                </dd>
              </>
            ) : null}
            {msoid.expected ? (
              <>
                <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.expected')}</dt>
                <dd>
                  <DnsText value={msoid.expected} wrap="anywhere" />
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {msoid.wildcard ? <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.details.wildcard')}</p> : null}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <div>
            <h4 className={HEADING}>{t('ui.details.impactHeading')}</h4>
            <p className="mt-1" data-testid="details-impact">
              <DnsText value={msoid.text.impact} mono={false} />
            </p>
          </div>
          <div>
            <h4 className={HEADING}>{t('ui.details.actionHeading')}</h4>
            <p className="mt-1" data-testid="details-action">
              <DnsText value={msoid.text.action} mono={false} />
            </p>
          </div>
          {msoid.typo ? <TypoDiff typo={msoid.typo} /> : null}
          {notes.length > 0 ? (
            <div>
              <h4 className={HEADING}>{t('ui.details.notesHeading')}</h4>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes of one report never reorder
                  <li key={i}>
                    <DnsText value={n} mono={false} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div className="space-y-3">
          {hostFixes.length > 0 ? (
            <div>
              <h4 className={`${HEADING} mb-2`}>{t('ui.details.fixesHeading')}</h4>
              <ul className="space-y-3">
                {hostFixes.map((fix) => (
                  <HostFixCard key={`${fix.canonical.op}:${fix.canonical.name}:${fix.canonical.value}`} fix={fix} />
                ))}
              </ul>
            </div>
          ) : (
            <FixList fixes={msoid.fixes} />
          )}
          <CloudEvidence cloud={report.cloud} perCloud={msoid.perCloud} />
        </div>
      </div>

      <details className="rounded-lg border border-slate-200 dark:border-slate-700" data-testid="technical-details">
        <summary className="cursor-pointer select-none rounded-lg px-3 py-2 font-semibold hover:bg-slate-50 dark:hover:bg-slate-800">
          {t('ui.details.technicalHeading')}
        </summary>
        <div className="space-y-2 p-3 pt-0">
          <LookupTable lookups={lookupsOf(msoid.lookups, report.lookups)} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t('ui.details.meta', {
              resolvers: t('ui.details.resolvers', { servers: report.resolvers.join(t('ui.details.serverSeparator')) }),
              elapsed: t('ui.details.elapsed', { ms: num(Math.round(report.elapsedMs)) }),
            })}
          </p>
        </div>
      </details>

      <ReferenceLink url={msoid.reference} />
    </section>
  );
}

/**
 * The expanded row, in the order a person on the phone needs it: (a) the helpdesk paragraph, (b) the msoid
 * finding, (c) every record, (d) the DNS host, (e) the records to add, change and delete at that host.
 * Rendered only while the row is open. Every DNS-derived string is rendered as text.
 */
export function RowDetails({ report, id }: { report: Report; id: string }) {
  return (
    <div id={id} data-testid="row-details" className="space-y-5 text-sm">
      <HelpdeskCallout report={report} id={`${id}-helpdesk`} />
      <MsoidSection report={report} id={id} />
      <RecordsTable records={report.records} lookups={report.lookups} domain={report.display} id={`${id}-records`} />
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <DnsHostCard host={report.dnsHost} id={`${id}-host`} />
        <HostFixList fixes={report.fixes} zoneSnippet={report.zoneSnippet} domain={report.display} id={`${id}-fixes`} />
      </div>
      <FullReportLink report={report} />
    </div>
  );
}

/** The link from a dashboard row to its printable full report (`/d/<domain>`); not shown inside that report. */
function FullReportLink({ report }: { report: Report }) {
  const { t, lang } = useT();
  if (useFullReport()) return null;
  const query = new URLSearchParams({ cloud: report.cloud.selected, lang });
  return (
    <p className="print:hidden">
      <a
        href={`/d/${encodeURIComponent(report.domain)}?${query.toString()}`}
        aria-label={t('ui.detail.openReportAria', { domain: report.display })}
        data-testid="open-full-report"
        className="inline-flex items-center gap-1 font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100"
      >
        {t('ui.detail.openReport')}
      </a>
    </p>
  );
}

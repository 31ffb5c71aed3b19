import { safeHttpsUrl } from '@/lib/client/safe-link';
import type { Report } from '@/lib/schema';
import { CloudEvidence } from './cloud-evidence';
import { DnsText } from './dns-text';
import { FixList } from './fix-list';
import { useT } from './i18n-provider';
import { ExternalIcon } from './icons';
import { LookupTable } from './lookup-table';
import { TypoDiff } from './typo-diff';

/**
 * The expanded row, in three layers: (1) the verdict, (2) why it matters and what to do, with the exact
 * records to copy, (3) the technical details behind it. Every DNS-derived string is rendered as text.
 */
export function RowDetails({ report, id }: { report: Report; id: string }) {
  const { t, num } = useT();
  const { msoid } = report;
  const reference = safeHttpsUrl(msoid.reference);
  const notes = [...msoid.text.notes, ...report.notesText];
  return (
    <div id={id} data-testid="row-details" className="space-y-5 text-sm">
      <section aria-labelledby={`${id}-verdict`}>
        <h3
          id={`${id}-verdict`}
          className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
        >
          {t('ui.details.verdictHeading')}
        </h3>
        <p className="mt-1 text-base font-medium" data-testid="details-verdict">
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
                      <DnsText value={f} />
                    </div>
                  ))}
                </dd>
              </>
            ) : null}
            {msoid.expected ? (
              <>
                <dt className="text-slate-600 dark:text-slate-400">{t('ui.details.expected')}</dt>
                <dd>
                  <DnsText value={msoid.expected} />
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {msoid.wildcard ? <p className="mt-2 text-slate-700 dark:text-slate-300">{t('ui.details.wildcard')}</p> : null}
      </section>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <section aria-labelledby={`${id}-impact`} className="space-y-3">
          <div>
            <h3
              id={`${id}-impact`}
              className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
            >
              {t('ui.details.impactHeading')}
            </h3>
            <p className="mt-1" data-testid="details-impact">
              <DnsText value={msoid.text.impact} mono={false} />
            </p>
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {t('ui.details.actionHeading')}
            </h3>
            <p className="mt-1" data-testid="details-action">
              <DnsText value={msoid.text.action} mono={false} />
            </p>
          </div>
          {msoid.typo ? <TypoDiff typo={msoid.typo} /> : null}
        </section>
        <section className="space-y-3">
          <FixList fixes={msoid.fixes} />
          <CloudEvidence cloud={report.cloud} perCloud={msoid.perCloud} />
        </section>
      </div>

      {notes.length > 0 ? (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {t('ui.details.notesHeading')}
          </h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes of one report never reorder
              <li key={i}>
                <DnsText value={n} mono={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <details
        className="group rounded-lg border border-slate-200 dark:border-slate-700"
        data-testid="technical-details"
      >
        <summary className="cursor-pointer select-none rounded-lg px-3 py-2 font-semibold hover:bg-slate-50 dark:hover:bg-slate-800">
          {t('ui.details.technicalHeading')}
        </summary>
        <div className="space-y-2 p-3 pt-0">
          <LookupTable lookups={msoid.lookups} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t('ui.details.resolvers', { servers: report.resolvers.join(', ') })} ·{' '}
            {t('ui.details.elapsed', { ms: num(Math.round(report.elapsedMs)) })}
          </p>
        </div>
      </details>

      {reference ? (
        <p>
          <a
            href={reference}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100"
          >
            {t('ui.details.reference')}
            <ExternalIcon className="size-3.5" />
            <span className="sr-only">{t('ui.details.referenceNewTab')}</span>
          </a>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The printable report of a whole run, for the customer (a server component: the page is the whole document on
 * first paint, so printing needs no script): a cover with the counts, a section per domain that needs work (its
 * problems in words, its fixes in the DNS host's own fields), the healthy domains listed, the lines not checked.
 * Times are UTC, named, as in the exports.
 */
import { DnsText } from '@/components/ui/dns-text';
import { fixText, type SummaryItem, utcText } from '@/lib/bulk/summary';
import type { Translator } from '@/lib/client/translator';
import type { RunReport } from '@/lib/data/run-report';
import { RECORDS_HEALTH_PRESENTATION } from '@/lib/presentation';
import { RECORDS_HEALTH } from '@/lib/schema';
import { PrintButton } from './print-button';

type Props = { report: RunReport; tr: Translator; backHref: string };

function Cells({ item, columns }: { item: SummaryItem; columns: readonly string[] }) {
  const shown = columns.map((name, i) => ({ name, value: item.cells[i] ?? '' })).filter((c) => c.value.trim() !== '');
  if (shown.length === 0) return null;
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {shown.map((cell, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
        <span key={i} className="mr-3">
          {cell.name ? `${cell.name}: ` : ''}
          <DnsText value={cell.value} mono={false} />
        </span>
      ))}
    </p>
  );
}

function DomainSection({ item, columns, tr }: { item: SummaryItem; columns: readonly string[]; tr: Translator }) {
  const { t, num } = tr;
  // Lookups not run because an earlier one failed are one line after the failure that stopped them, not a line each
  // (a domain whose DNS server did not answer had fourteen near-identical lines).
  const skipped = item.problems.filter((p) => p.skipped);
  const collapse = skipped.length > 1 && skipped.length < item.problems.length;
  const shownProblems = collapse ? item.problems.filter((p) => !p.skipped) : item.problems;
  const notRun = collapse ? skipped.length : 0;
  return (
    <section
      data-testid="report-domain"
      data-domain={item.domain}
      className="break-inside-avoid border-t border-slate-300 py-3 dark:border-slate-700"
    >
      <h3 className="text-lg font-semibold">
        <DnsText value={item.domain} mono={false} /> — {item.statusLabel}
      </h3>
      <Cells item={item} columns={columns} />
      <p className="text-sm">
        {item.line === null ? null : `${t('bulk.report.line', { line: item.line })} · `}
        {t('bulk.report.cloud', { cloud: item.cloud })} · {t('bulk.report.host', { host: item.host })} ·{' '}
        {t('bulk.report.checkedAt', { time: utcText(item.checkedAt) })}
      </p>
      <h4 className="mt-2 text-sm font-semibold">{t('bulk.report.problems')}</h4>
      <ul className="list-disc pl-5 text-sm">
        {shownProblems.map((problem, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems are positional
          <li key={i}>
            <DnsText value={problem.text} mono={false} />
          </li>
        ))}
        {notRun > 0 ? <li data-testid="report-not-run">{t('bulk.report.notRun', { count: num(notRun) })}</li> : null}
      </ul>
      <h4 className="mt-2 text-sm font-semibold">
        {item.genericHost ? t('bulk.report.fixesGeneric') : t('bulk.report.fixes', { host: item.host })}
      </h4>
      {item.fixes.length === 0 && item.actions.length === 0 ? (
        <p className="text-sm">{t('bulk.report.noFixes')}</p>
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {item.fixes.map((fix, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixes are positional
            <li key={i} className="wrap-anywhere">
              <DnsText value={fixText(fix, t)} mono={false} wrap="anywhere" />
            </li>
          ))}
          {/* What no ready-made record covers (an SPF record over its lookup limit), in the finding's own words. */}
          {item.actions.map((action, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions are positional
            <li key={`action-${i}`} data-testid="report-action">
              <DnsText value={action} mono={false} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RunReportView({ report, tr, backHref }: Props) {
  const { t, num } = tr;
  const checked = RECORDS_HEALTH.reduce((n, h) => n + report.counts[h], 0);
  // Every health is counted, even at 0; lines not checked and pending ones only when there are some.
  const counts = [
    ...RECORDS_HEALTH.map((h) => ({ key: h, label: t(RECORDS_HEALTH_PRESENTATION[h].labelCode), n: report.counts[h] })),
    ...[
      { key: 'rejected', label: t('bulk.report.rejected'), n: report.counts.rejected + report.counts.duplicate },
      { key: 'pending', label: t('bulk.report.pending'), n: report.counts.pending },
    ].filter((c) => c.n > 0),
  ];
  return (
    <article data-testid="run-report" className="space-y-6">
      <header data-testid="report-cover" className="space-y-3 break-after-page">
        <h1 className="text-2xl font-bold">{t('bulk.report.title')}</h1>
        <p>
          {checked === 0
            ? t('bulk.report.none')
            : checked === 1
              ? t('bulk.report.introOne', { first: utcText(report.first) })
              : t('bulk.report.intro', {
                  count: num(checked),
                  first: utcText(report.first),
                  last: utcText(report.last),
                })}
        </p>
        <h2 className="text-lg font-semibold">{t('bulk.report.counts')}</h2>
        <dl data-testid="report-counts" className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1">
          {counts.map((c) => (
            <div key={c.key} className="contents" data-count={c.key}>
              <dt>{c.label}</dt>
              <dd className="text-right tabular-nums">{num(c.n)}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('bulk.report.generated', { time: utcText(new Date().toISOString()) })}
        </p>
        <p className="flex gap-3 print:hidden">
          <PrintButton label={t('bulk.report.print')} testId="report-print" />
          <a href={backHref} className="self-center text-sm text-blue-700 underline dark:text-blue-300">
            {t('bulk.report.back')}
          </a>
        </p>
      </header>

      <section aria-labelledby="report-needs-work" className="space-y-2">
        <h2 id="report-needs-work" className="text-xl font-semibold">
          {t('bulk.report.needsWork', { count: num(report.needsWorkCount) })}
        </h2>
        {report.needsWorkCount === 0 ? <p>{t('bulk.report.needsWorkNone')}</p> : null}
        {report.needsWork.length < report.needsWorkCount ? (
          <p data-testid="report-more">
            {t('bulk.report.more', { shown: num(report.needsWork.length), count: num(report.needsWorkCount) })}
          </p>
        ) : null}
        {report.needsWork.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one section per input line
          <DomainSection key={i} item={item} columns={report.columns} tr={tr} />
        ))}
      </section>

      <section aria-labelledby="report-healthy" className="space-y-2">
        <h2 id="report-healthy" className="text-xl font-semibold">
          {t('bulk.report.healthy', { count: num(report.healthy.length) })}
        </h2>
        {report.healthy.length === 0 ? (
          <p>{t('bulk.report.healthyNone')}</p>
        ) : (
          <ul data-testid="report-healthy" className="columns-2 text-sm sm:columns-3">
            {report.healthy.map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one per input line
              <li key={i}>
                <DnsText value={name} mono={false} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {report.notChecked.length > 0 ? (
        <section aria-labelledby="report-not-checked" className="space-y-2">
          <h2 id="report-not-checked" className="text-xl font-semibold">
            {t('bulk.report.notChecked', { count: num(report.notChecked.length) })}
          </h2>
          <ul data-testid="report-not-checked" className="list-disc pl-5 text-sm">
            {report.notChecked.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one per input line
              <li key={i}>
                {/* The colon in the reader's language (full-width in Chinese, with no space after it). */}
                {item.line === null ? null : `${t('bulk.report.line', { line: item.line })}${t('bulk.report.colon')}`}
                <DnsText value={item.domain} mono={false} /> — {item.statusLabel}
                {t('bulk.report.colon')}
                <DnsText value={item.problems.map((p) => p.text).join(' ')} mono={false} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

import { Fragment } from 'react';
import { TypoDiff } from '@/components/report/typo-diff';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { groupRecords, placeholderHint, recordGroup } from '@/lib/client/records-view';
import { safeHttpsUrl } from '@/lib/client/safe-link';
import { RECORD_LABEL } from '@/lib/presentation';
import type { Report, ReportRecord, SpfDetails } from '@/lib/schema';
import { Labelled, PrintLink } from './print-link';
import { PrintMsoidStatus, PrintRecordStatus } from './print-status';
import { PRINT_HEADING, PRINT_TABLE, PRINT_TD, PRINT_TH } from './print-table';

/** The SPF facts in one line: lookups used, how many SPF records, and the "all" term. */
function SpfLine({ spf }: { spf: SpfDetails }) {
  const { t, tp, num } = useT();
  const parts = [
    t(spf.complete ? 'ui.records.spf.lookups' : 'ui.records.spf.lookupsAtLeast', {
      count: num(spf.lookups),
      limit: num(spf.limit),
    }),
    tp('ui.records.spf.records', spf.records),
    t(`ui.records.spf.allMeaning.${spf.all}`),
  ];
  return (
    <p>
      <Labelled label={t('ui.records.spf.heading')}>{parts.join(t('ui.list.separator'))}</Labelled>
    </p>
  );
}

/** One finding: what is wrong, what DNS holds and should hold, why it matters, what to do, and the facts behind it. */
function FindingRow({
  record,
  previous,
  report,
}: {
  record: ReportRecord;
  /** The row above, whose "why" and "what to do" are not printed again word for word (could-not-check rows). */
  previous: ReportRecord | undefined;
  report: Report;
}) {
  const { t } = useT();
  const same = t('ui.detail.printout.sameAsAbove');
  const impact = previous?.text.impact === record.text.impact ? null : record.text.impact;
  const action = previous?.text.action === record.text.action ? null : record.text.action;
  // Nothing found is worth saying for a record to fix; for one that could not be checked it would mislead.
  const showFound = record.found.length > 0 || recordGroup(record) !== 'unchecked';
  // msoid carries more than its row in the record list: the verdict per cloud and the wildcard flag.
  const msoid = record.id === 'msoid' ? report.msoid : null;
  const perCloud = Object.entries(msoid?.perCloud ?? {});
  // "Copy the value from the admin center" is printed with the fix that needs it (print-fixes.tsx), not twice.
  const withFix = new Set(
    report.fixes
      .filter((f) => f.record === record.id && f.placeholder)
      .flatMap((f) => {
        const hint = placeholderHint(f);
        return hint.kind === 'notes' ? hint.notes : [];
      }),
  );
  const notes = [...record.text.notes, ...(msoid ? msoid.text.notes : [])].filter(
    (n, i, all) => all.indexOf(n) === i && !withFix.has(n),
  );
  const found = record.found.length > 0 ? record.found : [t('ui.records.none')];
  return (
    <tr data-testid="print-finding" data-record={record.id} className="break-inside-avoid">
      <th scope="row" className={`${PRINT_TD} w-[24%] font-semibold`}>
        {t(RECORD_LABEL[record.id])}
        <DnsText value={record.host} wrap="anywhere" className="block font-normal text-slate-700" />
        {msoid ? <PrintMsoidStatus status={msoid.status} /> : <PrintRecordStatus status={record.status} />}
      </th>
      <td className={`${PRINT_TD} space-y-0.5`}>
        <p className="font-semibold">
          <DnsText value={record.text.verdict} mono={false} />
        </p>
        {showFound || record.expected !== null ? (
          <p className="text-[0.95em]">
            {showFound ? (
              <Labelled label={t('ui.records.found')}>
                {found.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: values of one finding never reorder
                  <Fragment key={i}>
                    {i > 0 ? t('ui.list.separator') : null}
                    <DnsText value={v} wrap="anywhere" />
                  </Fragment>
                ))}
              </Labelled>
            ) : null}
            {showFound && record.expected !== null ? t('ui.health.separator') : null}
            {record.expected === null ? null : (
              <Labelled label={t('ui.records.expected')}>
                <DnsText value={record.expected} wrap="anywhere" />
              </Labelled>
            )}
          </p>
        ) : null}
        <p>
          <Labelled label={t('ui.details.impactHeading')}>
            {impact === null ? same : <DnsText value={impact} mono={false} />}
          </Labelled>
        </p>
        <p>
          <Labelled label={t('ui.details.actionHeading')}>
            {action === null ? same : <DnsText value={action} mono={false} />}
          </Labelled>
        </p>
        {notes.map((note) => (
          <p key={note}>
            <Labelled label={t('ui.details.notesHeading')}>
              <DnsText value={note} mono={false} />
            </Labelled>
          </p>
        ))}
        {msoid?.wildcard ? <p>{t('ui.details.wildcard')}</p> : null}
        {perCloud.length > 0 ? (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className="font-semibold text-slate-700">{t('ui.cloud.perCloudHeading')}</span>
            {perCloud.map(([cloud, status]) => (
              <span key={cloud} className="inline-flex items-center gap-1">
                {t('ui.cloud.perCloudItem', { cloud: t(`ui.cloudChoice.${cloud}`) })}
                <PrintMsoidStatus status={status} />
              </span>
            ))}
          </p>
        ) : null}
        {record.typo ? <TypoDiff typo={record.typo} /> : null}
        {record.spf ? <SpfLine spf={record.spf} /> : null}
      </td>
    </tr>
  );
}

/** Microsoft's documentation behind the findings, each page once with the records it covers, URLs written out. */
function References({ records }: { records: readonly ReportRecord[] }) {
  const { t, lang } = useT();
  const pages = new Map<string, string[]>();
  for (const record of records) {
    const url = safeHttpsUrl(record.reference, lang);
    if (url) pages.set(url, [...(pages.get(url) ?? []), t(RECORD_LABEL[record.id])]);
  }
  if (pages.size === 0) return null;
  return (
    <div className="mt-1" data-testid="print-references">
      <p className="font-semibold">{t('ui.details.reference')}</p>
      {[...pages].map(([url, labels]) => (
        <PrintLink key={url} label={labels.join(t('ui.list.separator'))} url={url} />
      ))}
    </div>
  );
}

/**
 * What needs attention, worst first: every record to fix, then every record that could not be checked, each
 * with its verdict, found and expected values, why it matters and what to do. A healthy domain gets one
 * sentence instead of a table.
 */
export function PrintFindings({ report }: { report: Report }) {
  const { t, tp } = useT();
  const groups = groupRecords(report.records).filter((g) => g.group !== 'fine');
  const listed = groups.flatMap((g) => g.records);
  // The headline record is printed whenever its verdict is not plain OK (the domain does not exist, the cloud is
  // unknown…), as the screen's msoid section always shows it, even when its row counts as "not needed".
  const msoidRow = report.records.find((r) => r.id === 'msoid');
  const headline =
    report.msoid.status !== 'ok' && msoidRow && !listed.some((r) => r.id === 'msoid') ? msoidRow : undefined;
  return (
    <section aria-labelledby="print-findings" data-testid="print-findings">
      <h2 id="print-findings" className={PRINT_HEADING}>
        {t('ui.detail.printout.findings')}
      </h2>
      {groups.length === 0 && !headline ? (
        <p data-testid="print-no-findings">{t('ui.detail.printout.noFindings')}</p>
      ) : (
        <table className={PRINT_TABLE}>
          <thead>
            <tr>
              <th scope="col" className={PRINT_TH}>
                {t('ui.records.record')}
              </th>
              <th scope="col" className={PRINT_TH}>
                {t('ui.records.details')}
              </th>
            </tr>
          </thead>
          <tbody>
            {headline ? <FindingRow record={headline} previous={undefined} report={report} /> : null}
            {groups.map(({ group, records }) => (
              <Fragment key={group}>
                {/* The group line is only worth its space when both groups are there. */}
                {groups.length > 1 ? (
                  <tr className="break-after-avoid">
                    <th scope="colgroup" colSpan={2} className={`${PRINT_TD} pt-1.5 font-semibold`}>
                      {tp(`ui.records.group.${group}`, records.length)}
                    </th>
                  </tr>
                ) : null}
                {records.map((record, i) => (
                  <FindingRow key={record.id} record={record} previous={records[i - 1]} report={report} />
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <References records={headline ? [headline, ...listed] : listed} />
    </section>
  );
}

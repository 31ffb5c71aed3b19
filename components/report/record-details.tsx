import { Fragment } from 'react';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import { lookupsOf } from '@/lib/client/records-view';
import type { Report, ReportRecord, SpfDetails } from '@/lib/schema';
import { LookupTable } from './lookup-table';
import { ReferenceLink } from './reference-link';
import { TypoDiff } from './typo-diff';

const LABEL = 'text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
const QUALIFIERS: ReadonlySet<SpfDetails['all']> = new Set(['-all', '~all', '?all', '+all']);

/** SPF facts: how many of the 10 DNS lookups it needs, how many SPF records, its "all" term, what it includes. */
function SpfFacts({ spf }: { spf: SpfDetails }) {
  const { t, tp, num } = useT();
  const meaning = t(`ui.records.spf.allMeaning.${spf.all}`);
  return (
    <div data-testid="spf-details">
      <h4 className={LABEL}>{t('ui.records.spf.heading')}</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li
          data-testid="spf-lookups"
          className={spf.lookups > spf.limit ? 'font-semibold text-red-800 dark:text-red-300' : undefined}
        >
          {t(spf.complete ? 'ui.records.spf.lookups' : 'ui.records.spf.lookupsAtLeast', {
            count: num(spf.lookups),
            limit: num(spf.limit),
          })}
        </li>
        <li>{tp('ui.records.spf.records', spf.records)}</li>
        <li data-testid="spf-all">
          {QUALIFIERS.has(spf.all) ? (
            <Trans
              code="ui.records.spf.all"
              params={{ all: <span className="font-mono font-semibold">{spf.all}</span>, meaning }}
            />
          ) : (
            meaning
          )}
        </li>
        {spf.includes.length > 0 ? (
          <li>
            <Trans
              code="ui.records.spf.includes"
              params={{
                list: spf.includes.map((inc, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: includes of one record never reorder
                  <Fragment key={i}>
                    {i > 0 ? t('ui.list.separator') : null}
                    <DnsText value={inc} wrap="anywhere" />
                  </Fragment>
                )),
              }}
            />
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** One record's explanation: verdict, why it matters, what to do, notes, SPF facts, and the lookups behind it. */
export function RecordDetails({
  record,
  lookups,
  id,
}: {
  record: ReportRecord;
  lookups: Report['lookups'];
  id: string;
}) {
  const { t } = useT();
  return (
    <div id={id} className="space-y-3 text-sm" data-testid="record-details">
      <p className="font-medium" data-testid="record-details-verdict">
        <DnsText value={record.text.verdict} mono={false} />
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <h4 className={LABEL}>{t('ui.details.impactHeading')}</h4>
          <p className="mt-0.5">
            <DnsText value={record.text.impact} mono={false} />
          </p>
        </div>
        <div>
          <h4 className={LABEL}>{t('ui.details.actionHeading')}</h4>
          <p className="mt-0.5">
            <DnsText value={record.text.action} mono={false} />
          </p>
        </div>
      </div>
      {record.text.notes.length > 0 ? (
        <div>
          <h4 className={LABEL}>{t('ui.details.notesHeading')}</h4>
          <ul className="mt-0.5 list-disc space-y-0.5 pl-5">
            {record.text.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes of one finding never reorder
              <li key={i}>
                <DnsText value={n} mono={false} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {record.typo ? <TypoDiff typo={record.typo} /> : null}
      {record.spf ? <SpfFacts spf={record.spf} /> : null}
      {record.lookups.length > 0 ? (
        <div>
          <h4 className={`${LABEL} mb-1`}>{t('ui.records.lookupsHeading')}</h4>
          <LookupTable lookups={lookupsOf(record.lookups, lookups)} />
        </div>
      ) : null}
      <ReferenceLink url={record.reference} small />
    </div>
  );
}

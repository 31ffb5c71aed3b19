import { OP_CLASS } from '@/components/report/host-fix-list';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { placeholderHint } from '@/lib/client/records-view';
import { placeholderText } from '@/lib/fixes/placeholder-text';
import { RECORD_LABEL } from '@/lib/presentation';
import { type DnsHost, type HostFix, isAnswered, type Report } from '@/lib/schema';
import { Labelled, PrintLink } from './print-link';
import { PRINT_HEADING, PRINT_TABLE, PRINT_TD, PRINT_TH } from './print-table';

/** Who hosts the DNS, the name servers it was recognised by, and where its instructions are (URL written out). */
function PrintHost({ host }: { host: DnsHost }) {
  const { t } = useT();
  const failed = !isAnswered(host.lookup);
  const known = !failed && host.confidence !== 'none';
  const headline = failed
    ? t('ui.host.lookupFailed', { outcome: t(`ui.lookup.outcomes.${host.lookup}`) })
    : known
      ? t(`hosts.detected.${host.confidence}`, { host: host.name })
      : t(host.ns.length > 0 ? 'hosts.generic.detected' : 'hosts.generic.no-name-servers');
  return (
    <div className="space-y-0.5" data-testid="print-host">
      <p>
        <span className="font-semibold">{t('ui.host.heading')}</span>
        {' · '}
        <DnsText value={headline} mono={false} />
      </p>
      {host.managedByMicrosoft ? (
        <p>
          {t('ui.host.managed', {
            message: t(host.id === '21vianet-managed' ? 'hosts.managed-by-21vianet' : 'hosts.managed-by-microsoft'),
          })}
        </p>
      ) : null}
      {host.mixed ? <p>{t('hosts.mixed')}</p> : null}
      {host.ns.length > 0 ? (
        <p>
          <Labelled label={t('ui.host.ns')}>
            {host.ns.map((ns, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: name servers of one lookup never reorder
              <span key={i}>
                {i > 0 ? t('ui.list.separator') : null}
                <DnsText value={ns} wrap="anywhere" />
              </span>
            ))}
          </Labelled>
        </p>
      ) : null}
      {failed ? null : (
        <PrintLink
          label={t(`hosts.instructions.${host.instructionsKind}`, { host: host.name })}
          url={host.instructionsUrl}
          testId="print-host-link"
        />
      )}
      {failed || !host.hostHelpUrl || !host.hostHelpKind ? null : (
        <>
          <PrintLink
            label={t(`hosts.instructions.${host.hostHelpKind}`, { host: host.name })}
            url={host.hostHelpUrl}
            testId="print-host-help-link"
          />
          <p>{t('hosts.commercial-examples')}</p>
        </>
      )}
    </div>
  );
}

/**
 * One change as the DNS host's form wants it: its own field names and order on one flowing line (the
 * tenant-specific value framed), then where that value comes from and the host's pitfalls.
 */
function FixRow({ fix }: { fix: HostFix }) {
  const { t } = useT();
  const { canonical } = fix;
  const hint = fix.placeholder ? placeholderHint(fix) : null;
  return (
    <tr data-testid="print-fix" data-record={fix.record} className="break-inside-avoid">
      <td className={`${PRINT_TD} w-[8%]`}>
        <span className={`rounded px-1 font-bold uppercase ${OP_CLASS[canonical.op]}`}>
          {t(`ui.details.fixOp.${canonical.op}`)}
        </span>
      </td>
      <th scope="row" className={`${PRINT_TD} w-[17%] font-semibold`}>
        {t(RECORD_LABEL[fix.record])}
      </th>
      <td className={`${PRINT_TD} space-y-0.5`}>
        <p className="flex flex-wrap gap-x-3">
          {fix.fields.map((field) => (
            <span key={field.key} data-testid="print-fix-field" data-key={field.key}>
              <span className="mr-1 text-slate-700">
                <DnsText value={field.label} mono={false} />
              </span>
              {field.value === '' ? (
                t('ui.records.none')
              ) : (
                <DnsText
                  value={fix.placeholder ? placeholderText(field.value, t) : field.value}
                  wrap="anywhere"
                  className={`font-semibold ${field.key === 'value' && fix.placeholder ? 'border border-dashed border-slate-600 px-0.5' : ''}`}
                />
              )}
            </span>
          ))}
        </p>
        {fix.placeholder ? (
          <p>
            <Labelled label={t('ui.fixes.placeholderTag')}>
              {hint?.kind === 'notes'
                ? hint.notes.map((n) => <DnsText key={n} value={n} mono={false} />)
                : hint
                  ? t(hint.code)
                  : null}
            </Labelled>
          </p>
        ) : null}
        {fix.notes.map((note, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes of one fix never reorder
          <p key={i}>
            <DnsText value={note} mono={false} />
          </p>
        ))}
      </td>
    </tr>
  );
}

/** The DNS host and the records to add, change or delete there, as one compact table. */
export function PrintFixes({ report }: { report: Report }) {
  const { t } = useT();
  return (
    <section aria-labelledby="print-fixes" data-testid="print-fixes" className="space-y-1">
      <h2 id="print-fixes" className={PRINT_HEADING}>
        {t('ui.fixes.heading')}
      </h2>
      <PrintHost host={report.dnsHost} />
      {report.fixes.length === 0 ? (
        <p data-testid="print-no-fixes">{t('ui.fixes.none')}</p>
      ) : (
        <table className={PRINT_TABLE}>
          <thead>
            <tr>
              <th scope="col" className={PRINT_TH}>
                {t('ui.detail.printout.change')}
              </th>
              <th scope="col" className={PRINT_TH}>
                {t('ui.records.record')}
              </th>
              <th scope="col" className={PRINT_TH}>
                {t('ui.detail.printout.atHost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.fixes.map((fix) => (
              <FixRow
                key={`${fix.canonical.op}:${fix.canonical.name}:${fix.canonical.type}:${fix.canonical.value}`}
                fix={fix}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

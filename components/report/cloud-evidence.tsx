import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { Trans } from '@/components/ui/trans';
import { CLOUD_HINT_LABEL, EVIDENCE_RECORD_LABEL } from '@/lib/presentation';
import type { CloudReport, MsoidStatus } from '@/lib/schema';
import { StatusBadge } from './status-badge';

/** The DNS records the cloud was worked out from, and (when the cloud is unknown) the verdict per cloud. */
export function CloudEvidence({
  cloud,
  perCloud,
}: {
  cloud: CloudReport;
  perCloud?: Readonly<Record<string, MsoidStatus>> | undefined;
}) {
  const { t } = useT();
  const perCloudEntries = Object.entries(perCloud ?? {});
  if (cloud.evidence.length === 0 && perCloudEntries.length === 0) return null;
  return (
    <div className="space-y-3">
      {cloud.evidence.length > 0 ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {t('ui.cloud.evidenceHeading')}
          </h4>
          <ul className="space-y-1 text-sm">
            {cloud.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence of one report never reorders
              <li key={i}>
                <Trans
                  code="ui.cloud.evidenceLine"
                  params={{
                    record: <span className="font-medium">{t(EVIDENCE_RECORD_LABEL[e.record])}</span>,
                    name: <DnsText value={e.name} className="text-slate-600 dark:text-slate-400" />,
                    value: <DnsText value={e.value} />,
                    hint: t(CLOUD_HINT_LABEL[e.suggests]),
                  }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {perCloudEntries.length > 0 ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {t('ui.cloud.perCloudHeading')}
          </h4>
          <ul className="flex flex-wrap gap-3 text-sm">
            {perCloudEntries.map(([name, status]) => (
              <li key={name} className="flex items-center gap-2">
                <span>{t('ui.cloud.perCloudItem', { cloud: t(`ui.cloudChoice.${name}`) })}</span>
                <StatusBadge status={status} testId="per-cloud-badge" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

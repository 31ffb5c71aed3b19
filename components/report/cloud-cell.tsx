import { useT } from '@/components/ui/i18n-provider';
import { WarningIcon } from '@/components/ui/icons';
import { cloudSource, cloudWarnings, inferredCloudCode } from '@/lib/client/cloud-view';
import { cloudLabelCode, EVIDENCE_RECORD_LABEL } from '@/lib/presentation';
import type { CloudReport, Services } from '@/lib/schema';
import { ServicesLine } from './services-line';

/**
 * The Cloud column: the cloud the verdict assumed, a hint of where it came from, visible warnings, and the
 * services the record requirements assumed.
 */
/**
 * How the cloud was decided, as text: chosen, no evidence, or the records it was worked out from. Null when the
 * lookups failed: the "incomplete" warning says that, and there is no source to name.
 */
export function cloudBasisText(cloud: CloudReport, t: (code: string, params?: Record<string, string>) => string) {
  const source = cloudSource(cloud);
  return source.kind === 'chosen'
    ? t('ui.cloud.chosen')
    : source.kind === 'none'
      ? t('ui.cloud.noEvidence')
      : source.kind === 'failed'
        ? null
        : t('ui.cloud.fromEvidence', {
            records: source.records.map((r) => t(EVIDENCE_RECORD_LABEL[r])).join(t('ui.list.separator')),
          });
}

export function CloudCell({ cloud, services }: { cloud: CloudReport; services: Services }) {
  const { t } = useT();
  const warnings = cloudWarnings(cloud);
  const hint = cloudBasisText(cloud, t);
  return (
    <div className="min-w-36" data-testid="cloud-cell" data-effective={cloud.effective}>
      <p className="font-medium">{t(cloudLabelCode(cloud))}</p>
      {hint ? <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {warnings.map((w) => (
        <p
          key={w}
          data-testid="cloud-warning"
          className="mt-1 flex items-start gap-1 text-xs font-medium text-amber-900 dark:text-amber-200"
        >
          <WarningIcon className="mt-px size-3.5" />
          <span>
            {w === 'contradicts'
              ? t('ui.cloud.contradicts', {
                  selected: t(`ui.cloudChoice.${cloud.selected}`),
                  inferred: t(inferredCloudCode(cloud)),
                })
              : t(`ui.cloud.${w}`)}
          </span>
        </p>
      ))}
      <ServicesLine services={services} />
    </div>
  );
}

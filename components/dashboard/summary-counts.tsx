import { useT } from '@/components/ui/i18n-provider';
import { ICON } from '@/components/ui/icons';
import { SUMMARY_BUCKETS, type Summary, type SummaryBucket } from '@/lib/client/rank';
import { RECORDS_HEALTH_PRESENTATION, TONE_BADGE } from '@/lib/presentation';
import type { RecordsHealth } from '@/lib/schema';

const BUCKET_HEALTH: Record<SummaryBucket, RecordsHealth> = {
  healthy: 'healthy',
  attention: 'needs-attention',
  broken: 'broken',
  unchecked: 'could-not-check',
};

/**
 * Domains per health above the table, with the same words, icons and colours as the health badges.
 * "Could not check" has its own tile: never healthy, never broken.
 */
export function SummaryCounts({ summary }: { summary: Summary }) {
  const { t, num } = useT();
  return (
    <section aria-label={t('ui.summary.heading')}>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {SUMMARY_BUCKETS.map((bucket) => {
          const { tone, icon, labelCode } = RECORDS_HEALTH_PRESENTATION[BUCKET_HEALTH[bucket]];
          const Icon = ICON[icon];
          return (
            <div
              key={bucket}
              data-testid={`summary-${bucket}`}
              className={`flex items-center justify-between gap-2 rounded-lg px-3 py-2 ring-1 ring-inset ${TONE_BADGE[tone]}`}
            >
              <dt className="flex items-center gap-1.5 text-sm font-medium">
                <Icon className="size-4" />
                {t(labelCode)}
              </dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="summary-count">
                {num(summary[bucket])}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

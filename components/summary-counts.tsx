import { SUMMARY_BUCKETS, type Summary, type SummaryBucket } from '@/lib/client/rank';
import { useT } from './i18n-provider';
import { TONE_ICON } from './icons';
import { TONE_BADGE, type Tone } from './status-presentation';

const BUCKET_TONE: Record<SummaryBucket, Tone> = {
  ok: 'ok',
  problems: 'critical',
  unchecked: 'unchecked',
  needsInput: 'notice',
};

/** Counts above the table. "Could not check" has its own tile: never healthy, never broken. */
export function SummaryCounts({ summary }: { summary: Summary }) {
  const { t, num } = useT();
  return (
    <section aria-label={t('ui.summary.heading')}>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {SUMMARY_BUCKETS.map((bucket) => {
          const tone = BUCKET_TONE[bucket];
          const Icon = TONE_ICON[tone];
          return (
            <div
              key={bucket}
              data-testid={`summary-${bucket}`}
              className={`flex items-center justify-between gap-2 rounded-lg px-3 py-2 ring-1 ring-inset ${TONE_BADGE[tone]}`}
            >
              <dt className="flex items-center gap-1.5 text-sm font-medium">
                <Icon className="size-4" />
                {t(`ui.summary.${bucket}`)}
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

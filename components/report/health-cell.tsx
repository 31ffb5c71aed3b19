import { Fragment } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { countParts } from '@/lib/client/records-view';
import type { RecordsSummary } from '@/lib/schema';
import { HealthBadge } from './status-badge';

/** The domain's health over every record, and the compact counts behind it ("2 broken · 1 to review · 12 OK"). */
export function HealthCell({ summary }: { summary: RecordsSummary }) {
  const { t, tp } = useT();
  const parts = countParts(summary.counts);
  const separator = t('ui.health.separator');
  const text = parts.map((p) => tp(`ui.health.counts.${p.part}`, p.count)).join(separator);
  return (
    <div className="flex flex-col items-start gap-1" data-testid="health-cell">
      <HealthBadge health={summary.health} />
      {parts.length > 0 ? (
        <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="health-counts">
          <span className="sr-only">{t('ui.health.countsLabel', { counts: text })}</span>
          <span aria-hidden="true">
            {parts.map((p, i) => (
              <Fragment key={p.part}>
                {i > 0 ? separator : null}
                <span className={p.part === 'broken' ? 'font-semibold text-red-800 dark:text-red-300' : ''}>
                  {tp(`ui.health.counts.${p.part}`, p.count)}
                </span>
              </Fragment>
            ))}
          </span>
        </p>
      ) : null}
    </div>
  );
}

import type { Translator } from '@/lib/client/translator-core';
import type { HealthCounts } from '@/lib/schema-lists';

const ORDER = ['broken', 'needs-attention', 'could-not-check', 'healthy'] as const;
const TONE: Record<(typeof ORDER)[number], string> = {
  broken: 'text-red-700 dark:text-red-300',
  'needs-attention': 'text-amber-700 dark:text-amber-300',
  'could-not-check': 'text-slate-600 dark:text-slate-400',
  healthy: 'text-green-700 dark:text-green-300',
};

/** A run's domains per health, the non-zero ones, worst first. */
export function HealthCountsLine({ counts, t }: { counts: HealthCounts; t: Translator['t'] }) {
  const shown = ORDER.filter((h) => (counts[h] ?? 0) > 0);
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {shown.map((h) => (
        <span key={h} className={TONE[h]} data-health={h}>
          {t(`lists.health.${h}`, { count: counts[h] ?? 0 })}
        </span>
      ))}
    </span>
  );
}

'use client';

import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { type AgeUnit, staleness } from '@/lib/bulk/stale';

/** "3 days", "5 hours": a number with its unit, spelled out in the page's language. */
function formatAge(lang: string, value: number, unit: AgeUnit): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  } catch {
    return `${value} ${unit}`;
  }
}

/** Re-evaluated every minute, so a page left open shows the banner once its results pass the age. */
const TICK_MS = 60_000;

/**
 * The banner for results older than `staleAfterMs` (`STALE_AFTER_H`): how many, how old the oldest is (with its
 * time), and a button that re-checks every row.
 */
export function StaleBanner({
  rows,
  staleAfterMs,
  canRecheck,
  onRecheckAll,
  problem,
  describedBy,
}: {
  rows: readonly { checkedAt: string }[];
  staleAfterMs: number;
  /** False where the run was not started (re-check needs its owner token). */
  canRecheck: boolean;
  onRecheckAll: () => void;
  /** Why the last "re-check all" failed, shown in the banner beside its button, and its id. */
  problem?: ReactNode;
  describedBy?: string | undefined;
}) {
  const { t, tp, time, lang } = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const state = useMemo(() => staleness(rows, now, staleAfterMs), [rows, now, staleAfterMs]);
  if (state.stale === 0) return null;
  const limitHours = Math.round(staleAfterMs / 3_600_000);
  return (
    <div
      role="status"
      data-testid="bulk-stale"
      className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1">
        {tp('bulk.table.stale', state.stale, {
          limit: formatAge(lang, limitHours, 'hour'),
          age: state.age ? formatAge(lang, state.age.value, state.age.unit) : '',
          time: state.oldest ? time(state.oldest, now) : '',
        })}
      </p>
      <button
        type="button"
        data-testid="bulk-stale-recheck"
        disabled={!canRecheck}
        onClick={onRecheckAll}
        aria-describedby={describedBy}
        className="rounded bg-amber-800 px-3 py-1 text-sm font-semibold text-white hover:bg-amber-900 disabled:opacity-50 print:hidden dark:bg-amber-300 dark:text-amber-950 dark:hover:bg-amber-200"
      >
        {t('bulk.table.staleRecheck')}
      </button>
      {problem ? <div className="w-full">{problem}</div> : null}
    </div>
  );
}

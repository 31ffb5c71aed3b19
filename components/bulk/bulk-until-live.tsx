'use client';

import { useMemo, useState } from 'react';
import { useLiveWatch } from '@/components/report/use-live-watch';
import { useT } from '@/components/ui/i18n-provider';
import { RefreshIcon } from '@/components/ui/icons';
import { domainStep, liveByOf, MAX_WATCHED_DOMAINS } from '@/lib/client/live-watch';
import { clockTime } from '@/lib/client/propagation-view';
import type { Report } from '@/lib/schema';

const BUTTON =
  'inline-flex items-center gap-1 rounded border border-emerald-600 bg-white px-3 py-1 text-sm font-medium text-emerald-800 hover:bg-emerald-50 disabled:opacity-50 dark:border-emerald-500 dark:bg-slate-900 dark:text-emerald-200 dark:hover:bg-slate-800';

const STEP_CODE = {
  live: 'propagation.state.live',
  pending: 'propagation.state.pending',
  unchanged: 'bulk.watch.unchanged',
  'not-compared': 'bulk.watch.notCompared',
} as const;

type Props = {
  /** Every row the table shows data for (the run's rows, with the watch's newer reports in their place). */
  rows: readonly Report[];
  /** The selected domains, in the rows' order. */
  selected: readonly string[];
  /** How long the watch may keep re-checking (LIVE_WATCH_MAX_MIN). */
  maxMinutes: number;
  /** The watch's newer reports, for the table to show. */
  onReports: (reports: Report[]) => void;
};

/**
 * "Check until live" for a selection on /bulk (issue 14 item 4): the detail page's watch (useLiveWatch, the schedule
 * of lib/client/live-watch.ts) over the selected rows, re-checked as interactive checks (each compared with every
 * resolver, which runs don't do). It stops when the watch would have stopped for each row on its own, and lists
 * each row's state. At most MAX_WATCHED_DOMAINS rows: each round costs one request per row.
 */
export function BulkUntilLive({ rows, selected, maxMinutes, onReports }: Props) {
  const { t, tp, num, lang } = useT();
  const [domains, setDomains] = useState<readonly string[]>([]);
  const byDomain = useMemo(() => new Map(rows.map((r) => [r.domain, r])), [rows]);
  const reports = useMemo(
    () => domains.map((d) => byDomain.get(d)).filter((r): r is Report => r !== undefined),
    [domains, byDomain],
  );
  const label = tp('bulk.watch.label', domains.length, { count: num(domains.length) });
  const { phase, running, status, watched, start, cancel } = useLiveWatch({ reports, onReports, maxMinutes, label });
  const tooMany = selected.length > MAX_WATCHED_DOMAINS;

  return (
    <div className="space-y-2 print:hidden" data-testid="bulk-until-live">
      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <button type="button" className={BUTTON} data-testid="bulk-until-live-stop" onClick={cancel}>
            {t('propagation.watch.stop')}
          </button>
        ) : (
          <button
            type="button"
            className={BUTTON}
            data-testid="bulk-until-live-start"
            disabled={selected.length === 0 || tooMany}
            onClick={() => {
              const chosen = selected.map((d) => byDomain.get(d)).filter((r): r is Report => r !== undefined);
              setDomains(chosen.map((r) => r.domain));
              start(chosen);
            }}
          >
            <RefreshIcon className="size-4" />
            {t('bulk.watch.start', { count: num(selected.length) })}
          </button>
        )}
        <span
          role="status"
          aria-live="polite"
          className="text-sm"
          data-testid="bulk-until-live-status"
          data-phase={phase.kind}
        >
          {tooMany && !running ? t('bulk.watch.tooMany', { max: num(MAX_WATCHED_DOMAINS) }) : status}
        </span>
      </div>
      {phase.kind === 'idle' ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('bulk.watch.help')}</p>
      ) : (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('bulk.watch.heading')}>
          {reports.map((r) => {
            const step = domainStep(r, watched);
            const liveBy = step === 'pending' ? liveByOf(r) : null;
            return (
              <li key={r.domain} data-testid="bulk-until-live-domain" data-domain={r.domain} data-step={step}>
                <span className="font-mono">{r.display}</span>: {t(STEP_CODE[step])}
                {liveBy !== null
                  ? ` · ${t('propagation.pendingBy', { time: clockTime(new Date(liveBy).toISOString(), lang) })}`
                  : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

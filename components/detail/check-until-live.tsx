'use client';

import { useCallback, useMemo } from 'react';
import { useLiveWatch } from '@/components/report/use-live-watch';
import { useT } from '@/components/ui/i18n-provider';
import { RefreshIcon } from '@/components/ui/icons';
import { hasPropagation } from '@/lib/client/live-watch';
import type { Report } from '@/lib/schema';
import { ServerWatch } from './server-watch';

const BUTTON =
  'inline-flex items-center gap-1 rounded-lg border border-emerald-600 bg-white px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 dark:border-emerald-500 dark:bg-slate-800 dark:text-emerald-200 dark:hover:bg-slate-700';

/**
 * "Check until live" (issue 14 item 4): re-checks the domain at the next TTL expiry of what is pending (never more
 * often than every 15 s, backing off when there is no expiry to wait for) until every record compared is live or
 * `maxMinutes` have passed, showing a countdown. The tab title says what it is doing; a browser notification says
 * when it is live, if the reader allowed it (asked only on this click). The loop is useLiveWatch, which /bulk's
 * selection shares; the schedule is lib/client/live-watch.ts, which a server-side watch can share.
 */
export function CheckUntilLive({
  report,
  onReport,
  maxMinutes,
}: {
  report: Report;
  onReport: (report: Report) => void;
  maxMinutes: number;
}) {
  const { t } = useT();
  const reports = useMemo(() => [report], [report]);
  const onReports = useCallback(
    (next: Report[]) => {
      if (next[0]) onReport(next[0]);
    },
    [onReport],
  );
  const { phase, running, status, start, cancel } = useLiveWatch({
    reports,
    onReports,
    maxMinutes,
    label: report.display,
  });

  if (!hasPropagation(report) && phase.kind === 'idle') return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="check-until-live">
      {running ? (
        <button type="button" className={BUTTON} data-testid="check-until-live-stop" onClick={cancel}>
          {t('propagation.watch.stop')}
        </button>
      ) : (
        <button type="button" className={BUTTON} data-testid="check-until-live-start" onClick={() => start()}>
          <RefreshIcon className="size-4" />
          {t('propagation.watch.start')}
        </button>
      )}
      <span
        role="status"
        aria-live="polite"
        className="text-sm"
        data-testid="check-until-live-status"
        data-phase={phase.kind}
      >
        {status}
      </span>
      {running ? null : <ServerWatch domain={report.domain} />}
    </div>
  );
}

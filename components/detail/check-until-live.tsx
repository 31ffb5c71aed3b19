'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { RefreshIcon } from '@/components/ui/icons';
import { toClientError } from '@/lib/client/api-error';
import { errorMessageRef } from '@/lib/client/error-message';
import { fetchReport } from '@/lib/client/fetcher';
import { reportRecheckKey } from '@/lib/client/keys';
import { hasPropagation, nextStep, publishedBaseline, watchedRecords } from '@/lib/client/live-watch';
import { clockTime } from '@/lib/client/propagation-view';
import type { Report } from '@/lib/schema';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'waiting'; at: number; liveBy: number | null; idle: boolean }
  | { kind: 'live' }
  | { kind: 'gave-up' }
  | { kind: 'failed'; message: string; at: number };

const BUTTON =
  'inline-flex items-center gap-1 rounded-lg border border-emerald-600 bg-white px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 dark:border-emerald-500 dark:bg-slate-800 dark:text-emerald-200 dark:hover:bg-slate-700';

/**
 * "Check until live" (issue 14 item 4): re-checks the domain at the next TTL expiry of what is pending (never more
 * often than every 15 s, backing off when there is no expiry to wait for) until every record compared is live or
 * `maxMinutes` have passed, showing a countdown. The tab title says what it is doing; a browser notification says
 * when it is live, if the reader allowed it (asked only on this click). The schedule is lib/client/live-watch.ts,
 * which a server-side watch can share.
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
  const { t, lang } = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  const [checks, setChecks] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const watch = useRef({
    startedAt: 0,
    misses: 0,
    running: false,
    baseline: new Map<string, string>() as ReadonlyMap<string, string>,
    watched: new Set<string>() as ReadonlySet<string>,
  });
  const originalTitle = useRef<string | null>(null);
  const latest = useRef(report);
  latest.current = report;

  const stop = useCallback(() => {
    clearTimeout(timer.current);
    watch.current.running = false;
  }, []);

  const check = useCallback(async () => {
    if (!watch.current.running) return;
    setPhase({ kind: 'checking' });
    let next: Report;
    try {
      next = await fetchReport(reportRecheckKey(latest.current, lang));
    } catch (err) {
      if (!watch.current.running) return;
      // A failed check counts as a miss; the schedule backs off and tries again.
      watch.current.misses++;
      const step = nextStep(latest.current, { ...watch.current, now: Date.now(), maxMs: maxMinutes * 60_000 });
      if (step.kind !== 'wait') {
        stop();
        setPhase({ kind: 'gave-up' });
        return;
      }
      const ref = errorMessageRef(toClientError(err));
      setPhase({ kind: 'failed', message: t(ref.code, ref.params), at: Date.now() + step.delayMs });
      timer.current = setTimeout(check, step.delayMs);
      return;
    }
    if (!watch.current.running) return;
    setChecks((n) => n + 1);
    onReport(next);
    watch.current.watched = watchedRecords(watch.current.watched, watch.current.baseline, next);
    const step = nextStep(next, { ...watch.current, now: Date.now(), maxMs: maxMinutes * 60_000 });
    if (step.kind === 'wait') {
      watch.current.misses++;
      setPhase({ kind: 'waiting', at: Date.now() + step.delayMs, liveBy: step.liveBy, idle: step.idle === true });
      timer.current = setTimeout(check, step.delayMs);
      return;
    }
    stop();
    setPhase({ kind: step.kind });
    if (step.kind === 'live' && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      try {
        new Notification(t('propagation.watch.notifyTitle', { domain: next.display }), {
          body: t('propagation.watch.notifyBody'),
        });
      } catch {
        // Some browsers allow notifications only from a service worker; the page and its title still say it.
      }
    }
  }, [lang, maxMinutes, onReport, stop, t]);

  const start = () => {
    // The permission is asked only here, on the reader's click.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined);
    }
    // The records "the user changed": not live at some check, or published otherwise than when the button was pressed.
    watch.current = {
      startedAt: Date.now(),
      misses: 0,
      running: true,
      baseline: publishedBaseline(latest.current),
      watched: new Set(),
    };
    setChecks(0);
    void check();
  };

  // The countdown ticks once a second while waiting.
  const waiting = phase.kind === 'waiting' || phase.kind === 'failed';
  useEffect(() => {
    if (!waiting) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [waiting]);

  // The tab title says what the watch is doing; it comes back when the reader stops it.
  useEffect(() => {
    if (phase.kind === 'idle') return;
    originalTitle.current ??= document.title;
    if (phase.kind === 'live') document.title = t('propagation.watch.titleLive', { domain: report.display });
    else if (phase.kind === 'gave-up') document.title = originalTitle.current;
    else document.title = t('propagation.watch.titleWatching', { domain: report.display });
  }, [phase.kind, report.display, t]);

  useEffect(() => stop, [stop]);

  if (!hasPropagation(report) && phase.kind === 'idle') return null;
  const running = phase.kind === 'checking' || phase.kind === 'waiting' || phase.kind === 'failed';
  const seconds = (at: number) => Math.max(0, Math.ceil((at - now) / 1000));
  let status = '';
  if (phase.kind === 'checking') status = t('propagation.watch.checking');
  else if (phase.kind === 'waiting') {
    status = phase.idle
      ? t('propagation.watch.idle', { seconds: seconds(phase.at) })
      : phase.liveBy !== null
        ? t('propagation.watch.countdown', {
            time: clockTime(new Date(phase.liveBy).toISOString(), lang),
            seconds: seconds(phase.at),
          })
        : t('propagation.watch.waiting', { seconds: seconds(phase.at) });
  } else if (phase.kind === 'failed') {
    status = `${t('propagation.watch.failed', { message: phase.message })} ${t('propagation.watch.waiting', { seconds: seconds(phase.at) })}`;
  } else if (phase.kind === 'live') status = t('propagation.watch.live', { count: checks });
  else if (phase.kind === 'gave-up') status = t('propagation.watch.gaveUp', { minutes: maxMinutes });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="check-until-live">
      {running ? (
        <button
          type="button"
          className={BUTTON}
          data-testid="check-until-live-stop"
          onClick={() => {
            stop();
            setPhase({ kind: 'idle' });
            if (originalTitle.current !== null) document.title = originalTitle.current;
          }}
        >
          {t('propagation.watch.stop')}
        </button>
      ) : (
        <button type="button" className={BUTTON} data-testid="check-until-live-start" onClick={start}>
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
    </div>
  );
}

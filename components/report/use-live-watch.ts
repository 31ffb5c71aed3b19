'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { toClientError } from '@/lib/client/api-error';
import { errorMessageRef } from '@/lib/client/error-message';
import { fetchReport } from '@/lib/client/fetcher';
import { reportRecheckKey } from '@/lib/client/keys';
import {
  type Baseline,
  combined,
  extendBaseline,
  nextStep,
  publishedBaseline,
  watchedRecords,
} from '@/lib/client/live-watch';
import { clockTime } from '@/lib/client/propagation-view';
import type { Report } from '@/lib/schema';

export type WatchPhase =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'waiting'; at: number; liveBy: number | null; idle: boolean }
  | { kind: 'live' }
  | { kind: 'gave-up' }
  | { kind: 'failed'; message: string; at: number };

/** Re-checks of a selection run this many at a time (each is one GET /api/check, counted by the rate limit). */
const PARALLEL = 2;

/**
 * Re-checks every report, PARALLEL at a time: the new reports (a failed one keeps its last report) and the first
 * error, if any.
 */
async function recheckAll(reports: readonly Report[], lang: string): Promise<{ reports: Report[]; error?: unknown }> {
  const out = [...reports];
  let error: unknown;
  let next = 0;
  const worker = async () => {
    while (next < reports.length) {
      const i = next++;
      const report = reports[i];
      if (!report) continue;
      try {
        out[i] = await fetchReport(reportRecheckKey(report, lang));
      } catch (err) {
        error ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, reports.length) }, worker));
  return error === undefined ? { reports: out } : { reports: out, error };
}

/**
 * "Check until live" (issue 14 item 4) for one report (the detail page) or several (a selection on /bulk): the
 * loop around the pure schedule of lib/client/live-watch.ts. Each round re-checks every report, hands the new ones
 * to `onReports`, and waits as `nextStep` says: the next TTL expiry of what is pending, never less than 15 s,
 * backing off when there is nothing to wait for, stopping after `maxMinutes`. The tab title says what it is doing
 * (`label` names the domain or the selection); a browser notification says when it is live, if the reader allowed
 * it (asked only on the click that starts it).
 */
export function useLiveWatch({
  reports,
  onReports,
  maxMinutes,
  label,
}: {
  reports: readonly Report[];
  onReports: (reports: Report[]) => void;
  maxMinutes: number;
  label: string;
}) {
  const { t, lang } = useT();
  const [phase, setPhase] = useState<WatchPhase>({ kind: 'idle' });
  const [now, setNow] = useState(() => Date.now());
  const [checks, setChecks] = useState(0);
  const [watched, setWatched] = useState<ReadonlySet<string>>(() => new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const watch = useRef({
    startedAt: 0,
    misses: 0,
    running: false,
    baseline: new Map() as Baseline,
    watched: new Set<string>() as ReadonlySet<string>,
  });
  const originalTitle = useRef<string | null>(null);
  const latest = useRef(reports);
  latest.current = reports;
  const labelRef = useRef(label);
  labelRef.current = label;

  const stop = useCallback(() => {
    clearTimeout(timer.current);
    watch.current.running = false;
  }, []);

  const check = useCallback(async () => {
    if (!watch.current.running) return;
    setPhase({ kind: 'checking' });
    const round = await recheckAll(latest.current, lang);
    if (!watch.current.running) return;
    if (round.reports.some((r, i) => r !== latest.current[i])) {
      latest.current = round.reports;
      onReports(round.reports);
    }
    if (round.error !== undefined) {
      // A failed check counts as a miss; the schedule backs off and tries again.
      watch.current.misses++;
      const step = nextStep(latest.current, { ...watch.current, now: Date.now(), maxMs: maxMinutes * 60_000 });
      if (step.kind !== 'wait') {
        stop();
        setPhase({ kind: 'gave-up' });
        return;
      }
      const ref = errorMessageRef(toClientError(round.error));
      setPhase({ kind: 'failed', message: t(ref.code, ref.params), at: Date.now() + step.delayMs });
      timer.current = setTimeout(check, step.delayMs);
      return;
    }
    setChecks((n) => n + 1);
    const next = round.reports;
    watch.current.baseline = extendBaseline(watch.current.baseline, combined(next));
    watch.current.watched = watchedRecords(watch.current.watched, watch.current.baseline, combined(next));
    setWatched(watch.current.watched);
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
        new Notification(t('propagation.watch.notifyTitle', { domain: labelRef.current }), {
          body: t('propagation.watch.notifyBody'),
        });
      } catch {
        // Some browsers allow notifications only from a service worker; the page and its title still say it.
      }
    }
  }, [lang, maxMinutes, onReports, stop, t]);

  /** Starts watching `reports` (the selection on /bulk), or the reports the hook was given. */
  const start = useCallback(
    (reports?: readonly Report[]) => {
      if (reports) latest.current = reports;
      // The permission is asked only here, on the reader's click.
      if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
        void Notification.requestPermission().catch(() => undefined);
      }
      // The records "the user changed": not live at some check, or published otherwise than when the button was pressed.
      watch.current = {
        startedAt: Date.now(),
        misses: 0,
        running: true,
        baseline: publishedBaseline(combined(latest.current)),
        watched: new Set(),
      };
      setWatched(watch.current.watched);
      setChecks(0);
      void check();
    },
    [check],
  );

  const cancel = useCallback(() => {
    stop();
    setPhase({ kind: 'idle' });
    if (originalTitle.current !== null) document.title = originalTitle.current;
  }, [stop]);

  // The countdown ticks once a second while waiting.
  const ticking = phase.kind === 'waiting' || phase.kind === 'failed';
  useEffect(() => {
    if (!ticking) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [ticking]);

  // The tab title says what the watch is doing; it comes back when the reader stops it.
  useEffect(() => {
    if (phase.kind === 'idle') return;
    originalTitle.current ??= document.title;
    if (phase.kind === 'live') document.title = t('propagation.watch.titleLive', { domain: label });
    else if (phase.kind === 'gave-up') document.title = originalTitle.current;
    else document.title = t('propagation.watch.titleWatching', { domain: label });
  }, [phase.kind, label, t]);

  useEffect(() => stop, [stop]);

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

  return { phase, running, status, watched, start, cancel };
}

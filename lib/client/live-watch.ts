/**
 * "Check until live" (issue 14 item 4), the schedule as pure functions of the last report: when to check again,
 * and when to stop. The page runs it today; a server-side watch (with stored runs) can run the same functions on
 * the same reports, so the page and a server watch never disagree about when a record will be live.
 */
import type { Propagation, Report, ReportRecord } from '@/lib/schema';

/** Never re-check more often than this. */
export const MIN_RECHECK_MS = 15_000;
/** Longest wait between two checks once backing off. */
export const MAX_RECHECK_MS = 5 * 60_000;
/** After a resolver's copy runs out, a little slack (TTLs are whole seconds). */
export const EXPIRY_SLACK_MS = 1_000;

type WithPropagation = ReportRecord & { propagation: Propagation };

/** The records compared with the resolvers that are not live yet. */
export function notLive(report: Pick<Report, 'records'>): WithPropagation[] {
  return report.records.filter(
    (r): r is WithPropagation => r.propagation !== undefined && r.propagation.state !== 'live',
  );
}

/** True when the report compared its records with the resolvers at all (propagation on, an interactive check). */
export function hasPropagation(report: Pick<Report, 'records'>): boolean {
  return report.records.some((r) => r.propagation !== undefined);
}

/** The latest `liveBy` of the pending records (when the last resolver should have it), epoch ms; null when none. */
export function liveByOf(report: Pick<Report, 'records'>): number | null {
  const times = notLive(report)
    .map((r) => (r.propagation.liveBy ? Date.parse(r.propagation.liveBy) : Number.NaN))
    .filter((t) => Number.isFinite(t));
  return times.length > 0 ? Math.max(...times) : null;
}

/** The earliest moment a pending resolver's copy runs out after `now`, epoch ms; null when none is known. */
function nextExpiry(report: Pick<Report, 'records'>, now: number): number | null {
  let next: number | null = null;
  for (const r of notLive(report)) {
    for (const seen of r.propagation.resolvers) {
      if (seen.view !== 'old' || !seen.liveBy) continue;
      const t = Date.parse(seen.liveBy);
      if (Number.isFinite(t) && t > now - EXPIRY_SLACK_MS && (next === null || t < next)) next = t;
    }
  }
  return next;
}

export type WatchStep =
  | { kind: 'live' }
  | { kind: 'gave-up' }
  | { kind: 'wait'; delayMs: number; liveBy: number | null };

/**
 * What to do after a check: stop when every record compared is live, or when `maxMs` since `startedAt` has passed
 * (or would pass before the next check); else wait until the next TTL expiry of what is pending, at least
 * MIN_RECHECK_MS, and with no expiry to wait for (a copy of its own, a resolver that failed) back off: 15 s, 30 s,
 * 60 s… up to MAX_RECHECK_MS. `misses` counts the checks so far that were not live.
 */
export function nextStep(
  report: Pick<Report, 'records'>,
  watch: { now: number; startedAt: number; maxMs: number; misses: number },
): WatchStep {
  if (notLive(report).length === 0) return { kind: 'live' };
  const { now, startedAt, maxMs, misses } = watch;
  const expiry = nextExpiry(report, now);
  const backoff = Math.min(MAX_RECHECK_MS, MIN_RECHECK_MS * 2 ** Math.max(0, misses - 1));
  const delayMs =
    expiry !== null ? Math.max(MIN_RECHECK_MS, expiry + EXPIRY_SLACK_MS - now) : Math.max(MIN_RECHECK_MS, backoff);
  if (now + delayMs > startedAt + maxMs) return { kind: 'gave-up' };
  return { kind: 'wait', delayMs, liveBy: liveByOf(report) };
}

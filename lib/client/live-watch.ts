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

/** A record's key in a watch: the same record in every re-check's report. */
export function recordKey(r: Pick<ReportRecord, 'id' | 'name' | 'type'>): string {
  return `${r.id} ${r.name} ${r.type}`;
}

/** What the zone publishes for each record compared, by key: the watch's starting point. */
export function publishedBaseline(report: Pick<Report, 'records'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of report.records) {
    if (r.propagation)
      out.set(recordKey(r), JSON.stringify([r.propagation.published.answer, r.propagation.published.values]));
  }
  return out;
}

/**
 * The records the watch waits for ("every record the user changed"): those seen not live during the watch, and
 * those whose published answer changed since it started (a change published after the click). `watched` grows.
 */
export function watchedRecords(
  watched: ReadonlySet<string>,
  baseline: ReadonlyMap<string, string>,
  report: Pick<Report, 'records'>,
): Set<string> {
  const out = new Set(watched);
  for (const r of notLive(report)) out.add(recordKey(r));
  for (const [key, published] of publishedBaseline(report)) {
    const before = baseline.get(key);
    if (before !== undefined && before !== published) out.add(key);
  }
  return out;
}

export type WatchStep =
  | { kind: 'live' }
  | { kind: 'gave-up' }
  /** `idle`: every record is live and nothing changed yet; waiting for a change to be published. */
  | { kind: 'wait'; delayMs: number; liveBy: number | null; idle?: boolean };

/**
 * What to do after a check: stop when every watched record (see `watchedRecords`) is live, or when `maxMs` since
 * `startedAt` has passed (or would pass before the next check); else wait until the next TTL expiry of what is
 * pending, at least MIN_RECHECK_MS, and with no expiry to wait for (a copy of its own, a resolver that failed, or
 * nothing changed yet) back off: 15 s, 30 s, 60 s… up to MAX_RECHECK_MS. `misses` counts the checks so far that
 * did not end the watch. Without `watched`, every record compared is watched.
 */
export function nextStep(
  report: Pick<Report, 'records'>,
  watch: { now: number; startedAt: number; maxMs: number; misses: number; watched?: ReadonlySet<string> },
): WatchStep {
  const { now, startedAt, maxMs, misses, watched } = watch;
  const waiting = notLive(report).filter((r) => watched === undefined || watched.has(recordKey(r)));
  // Every record live, and none changed since the click: the change may not be published yet.
  const idle = watched !== undefined && watched.size === 0 && hasPropagation(report);
  if (waiting.length === 0 && !idle) return { kind: 'live' };
  const expiry = nextExpiry(report, now);
  const backoff = Math.min(MAX_RECHECK_MS, MIN_RECHECK_MS * 2 ** Math.max(0, misses - 1));
  const delayMs =
    expiry !== null ? Math.max(MIN_RECHECK_MS, expiry + EXPIRY_SLACK_MS - now) : Math.max(MIN_RECHECK_MS, backoff);
  if (now + delayMs > startedAt + maxMs) return { kind: 'gave-up' };
  return { kind: 'wait', delayMs, liveBy: liveByOf(report), ...(idle ? { idle: true } : {}) };
}

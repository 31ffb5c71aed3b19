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
/** A selection on /bulk: at most this many rows (each round asks GET /api/check once per row, counted by the rate limit). */
export const MAX_WATCHED_DOMAINS = 10;

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

/**
 * A record at the start of a watch: what the zone publishes (`published`, when the report compared it with the
 * resolvers) and its status. A report without the comparison (a stored bulk row: runs don't compare) gives only the
 * status (`fromStatus`); the first re-check then adds what is published.
 */
export type BaselineEntry = { published?: string; status: string; fromStatus?: true };
export type Baseline = ReadonlyMap<string, BaselineEntry>;

function publishedOf(r: ReportRecord): string | undefined {
  return r.propagation ? JSON.stringify([r.propagation.published.answer, r.propagation.published.values]) : undefined;
}

/** Each record of the report by key: the watch's starting point. */
export function publishedBaseline(report: Pick<Report, 'records'>): Map<string, BaselineEntry> {
  const out = new Map<string, BaselineEntry>();
  for (const r of report.records) {
    const published = publishedOf(r);
    out.set(
      recordKey(r),
      published !== undefined ? { published, status: r.status } : { status: r.status, fromStatus: true },
    );
  }
  return out;
}

/** The baseline with what `report` publishes added where the baseline did not know it yet (first sight counts). */
export function extendBaseline(baseline: Baseline, report: Pick<Report, 'records'>): Baseline {
  let out: Map<string, BaselineEntry> | null = null;
  for (const r of report.records) {
    const key = recordKey(r);
    const before = baseline.get(key);
    const published = publishedOf(r);
    if (published === undefined || before?.published !== undefined) continue;
    out ??= new Map(baseline);
    out.set(key, before ? { ...before, published } : { published, status: r.status });
  }
  return out ?? baseline;
}

/**
 * The records the watch waits for ("every record the user changed"): those seen not live during the watch, and
 * those whose published answer changed since it started (a change published after the click) or, from a stored
 * bulk row, whose status differs from the row's (a change made before the click). `watched` grows.
 */
export function watchedRecords(
  watched: ReadonlySet<string>,
  baseline: Baseline,
  report: Pick<Report, 'records'>,
): Set<string> {
  const out = new Set(watched);
  for (const r of notLive(report)) out.add(recordKey(r));
  for (const r of report.records) {
    const before = baseline.get(recordKey(r));
    if (before === undefined) continue;
    const published = publishedOf(r);
    const republished = before.published !== undefined && published !== undefined && before.published !== published;
    if (republished || (before.fromStatus && before.status !== r.status)) out.add(recordKey(r));
  }
  return out;
}

export type WatchStep =
  | { kind: 'live' }
  | { kind: 'gave-up' }
  /** `idle`: every record is live and nothing changed yet; waiting for a change to be published. */
  | { kind: 'wait'; delayMs: number; liveBy: number | null; idle?: boolean };

/** One report, or the reports of every domain a watch follows (a selection on /bulk). */
export type Watched = Pick<Report, 'records'> | readonly Pick<Report, 'records'>[];

function reportsOf(watched: Watched): readonly Pick<Report, 'records'>[] {
  return Array.isArray(watched) ? watched : [watched as Pick<Report, 'records'>];
}

/** Every record of the reports together (record keys hold the full name, so they never clash across domains). */
export function combined(watched: Watched): Pick<Report, 'records'> {
  const reports = reportsOf(watched);
  return reports.length === 1 && reports[0] ? reports[0] : { records: reports.flatMap((r) => r.records) };
}

/**
 * What to do after a check: stop when every watched record (see `watchedRecords`) is live, or when `maxMs` since
 * `startedAt` has passed (or would pass before the next check); else wait until the next TTL expiry of what is
 * pending, at least MIN_RECHECK_MS, and with no expiry to wait for (a copy of its own, a resolver that failed, or
 * nothing changed yet) back off: 15 s, 30 s, 60 s… up to MAX_RECHECK_MS. `misses` counts the checks so far that
 * did not end the watch. Without `watched`, every record compared is watched.
 *
 * With several reports (a selection on /bulk) the watch ends when it would have ended for each one on its own: a
 * domain whose records are all live and none of which changed yet keeps the watch waiting for its change.
 */
export function nextStep(
  reports: Watched,
  watch: { now: number; startedAt: number; maxMs: number; misses: number; watched?: ReadonlySet<string> },
): WatchStep {
  const { now, startedAt, maxMs, misses, watched } = watch;
  const report = combined(reports);
  const waiting = notLive(report).filter((r) => watched === undefined || watched.has(recordKey(r)));
  // Every record of a domain live, and none changed since the click: its change may not be published yet.
  const idle =
    watched !== undefined &&
    reportsOf(reports).some((r) => hasPropagation(r) && !r.records.some((x) => watched.has(recordKey(x))));
  if (waiting.length === 0 && !idle) return { kind: 'live' };
  const expiry = nextExpiry(report, now);
  const backoff = Math.min(MAX_RECHECK_MS, MIN_RECHECK_MS * 2 ** Math.max(0, misses - 1));
  const delayMs =
    expiry !== null ? Math.max(MIN_RECHECK_MS, expiry + EXPIRY_SLACK_MS - now) : Math.max(MIN_RECHECK_MS, backoff);
  if (now + delayMs > startedAt + maxMs) return { kind: 'gave-up' };
  // `idle` only when nothing at all is pending: one domain still waiting for its change while another's is pending
  // shows the pending countdown.
  return { kind: 'wait', delayMs, liveBy: liveByOf(report), ...(idle && waiting.length === 0 ? { idle: true } : {}) };
}

/** One domain's own state in a watch of several: live, not live yet, or waiting for its change to be published. */
export function domainStep(
  report: Pick<Report, 'records'>,
  watched: ReadonlySet<string>,
): 'live' | 'pending' | 'unchanged' | 'not-compared' {
  if (!hasPropagation(report)) return 'not-compared';
  if (notLive(report).some((r) => watched.has(recordKey(r)))) return 'pending';
  return report.records.some((r) => watched.has(recordKey(r))) ? 'live' : 'unchanged';
}

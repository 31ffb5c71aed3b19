/**
 * A domain's timeline in a list, and a run's health counts with accepted findings left out. Pure.
 */
import type { RecordsHealth } from '@/lib/schema';
import { type Acceptance, covers, type RecordRow, type RecordState } from './changes';

export type TimelineStep = {
  record: string;
  runId: string;
  at: string;
  before: { status: RecordState; value: string } | null;
  after: { status: RecordState; value: string };
  accepted: boolean;
};

const QUIET: ReadonlySet<RecordState> = new Set(['ok', 'notApplicable']);

/**
 * The steps of a domain's records over runs (oldest first): each time a record's state or value changed, with the
 * values before and after. A record's first appearance is a step only when it is not quiet (ok, not applicable).
 * Newest step first.
 */
export function timelineOf(
  runs: ReadonlyArray<{ runId: string; at: string; records: readonly RecordRow[] }>,
  acceptances: readonly Acceptance[] = [],
): TimelineStep[] {
  const last = new Map<string, RecordRow>();
  const steps: TimelineStep[] = [];
  for (const run of runs) {
    for (const row of run.records) {
      const was = last.get(row.record);
      last.set(row.record, row);
      const changed = was ? was.status !== row.status || was.valueHash !== row.valueHash : !QUIET.has(row.status);
      if (!changed) continue;
      const acceptance = acceptances.find((a) => a.domain === row.domain && a.record === row.record);
      steps.push({
        record: row.record,
        runId: run.runId,
        at: run.at,
        before: was ? { status: was.status, value: was.value } : null,
        after: { status: row.status, value: row.value },
        accepted: covers(acceptance, row.valueHash, run.at),
      });
    }
  }
  return steps.reverse();
}

export type HealthCounts = Record<RecordsHealth, number>;

/**
 * Domains per health in a run, where a domain whose only problems are accepted counts by its other records:
 * an accepted finding counts neither as broken nor as needs-attention. `stored` is each domain's health as
 * checked (a domain that does not exist stays broken).
 */
export function healthCounts(
  stored: ReadonlyMap<string, RecordsHealth>,
  records: readonly RecordRow[],
  acceptances: readonly Acceptance[],
  at: string,
): HealthCounts {
  const counts: HealthCounts = { healthy: 0, 'needs-attention': 0, broken: 0, 'could-not-check': 0 };
  const byDomain = new Map<string, RecordRow[]>();
  for (const r of records) {
    const list = byDomain.get(r.domain);
    if (list) list.push(r);
    else byDomain.set(r.domain, [r]);
  }
  const keyed = new Map(acceptances.map((a) => [`${a.domain}\u0000${a.record}`, a]));
  for (const [domain, health] of stored) {
    const rows = byDomain.get(domain) ?? [];
    const hasAccepted = rows.some(
      (r) =>
        (r.status === 'broken' || r.status === 'attention') &&
        covers(keyed.get(`${domain}\u0000${r.record}`), r.valueHash, at),
    );
    if (!hasAccepted) {
      counts[health]++;
      continue;
    }
    const live = rows.filter(
      (r) => !covers(keyed.get(`${domain}\u0000${r.record}`), r.valueHash, at) || r.status === 'ok',
    );
    const has = (s: RecordState) => live.some((r) => r.status === s);
    const anyBroken = has('broken') || (health === 'broken' && !rows.some((r) => r.status === 'broken'));
    counts[
      anyBroken ? 'broken' : has('attention') ? 'needs-attention' : has('couldNotCheck') ? 'could-not-check' : 'healthy'
    ]++;
  }
  return counts;
}

/**
 * What the run API shows of a stored run: links, progress (rate, ETA), counts by health and the summary.
 */
import type { Report, RunLinks, RunProgress, RunResult, RunSummary } from '@/lib/schema';
import { isFinished, type RunRecord } from './store';

/** The links of a run, relative to the site root. */
export function runLinks(id: string): RunLinks {
  const base = `/api/runs/${encodeURIComponent(id)}`;
  return { self: base, events: `${base}/events?from=0`, results: `${base}?from=0`, export: `${base}/export` };
}

/** Checked/total, the rate of the latest batch (domains/s) and the seconds left at that rate. */
export function runProgress(run: RunRecord, now = Date.now()): RunProgress {
  const checked = run.results.length;
  const total = run.targets.length;
  const end = isFinished(run) && run.finishedAt !== null ? run.finishedAt : now;
  const seconds = run.batchStartedAt === null ? 0 : Math.max(0.001, (end - run.batchStartedAt) / 1000);
  const rate = seconds > 0 ? Math.round((run.batchDone / seconds) * 100) / 100 : 0;
  const left = isFinished(run) ? 0 : run.pending;
  const etaSeconds = left === 0 ? 0 : rate > 0 ? Math.ceil(left / rate) : null;
  return { checked, total, rate, etaSeconds };
}

/** One stored result as the API shows it. */
export function runResult(run: Pick<RunRecord, 'revisions'>, report: Report, index: number): RunResult {
  return { ...report, index, revision: run.revisions[index] ?? 1 };
}

/** The run summary with the results from `from` (at most `limit`). */
export function runSummary(run: RunRecord, from: number, limit?: number, now = Date.now()): RunSummary {
  const counts = { healthy: 0, 'needs-attention': 0, broken: 0, 'could-not-check': 0 };
  for (const report of run.results) counts[report.summary.health]++;
  const slice = run.results.slice(from, limit === undefined ? undefined : from + limit);
  return {
    id: run.id,
    status: run.status,
    cloud: run.cloud,
    ...(run.services ? { services: run.services } : {}),
    createdAt: new Date(run.createdAt).toISOString(),
    startedAt: run.startedAt === null ? null : new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
    expiresAt: new Date(run.expiresAt).toISOString(),
    ...runProgress(run, now),
    counts,
    invalid: run.invalid,
    duplicates: run.duplicates,
    pending: run.pending,
    revision: run.revision,
    links: runLinks(run.id),
    from,
    results: slice.map((report, i) => runResult(run, report, from + i)),
  };
}

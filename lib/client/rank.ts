/**
 * How results are counted and ordered on the page. "Could not check" is its own bucket: it is never
 * counted as healthy and never as broken.
 */
import { SEVERITY_ORDER } from '@/lib/diagnosis/presentation';
import type { MsoidFinding, Outcome, Report } from '@/lib/schema';

export const SUMMARY_BUCKETS = ['ok', 'problems', 'unchecked', 'needsInput'] as const;
export type SummaryBucket = (typeof SUMMARY_BUCKETS)[number];
export type Summary = Record<SummaryBucket, number> & { total: number };

const OUTCOME_BUCKET: Record<Outcome, SummaryBucket> = {
  ok: 'ok',
  'not-applicable': 'ok',
  problem: 'problems',
  'could-not-check': 'unchecked',
  'needs-input': 'needsInput',
};

/** The summary bucket of a finding. A failed lookup is `unchecked` whatever else the finding says. */
export function bucketOf(finding: Pick<MsoidFinding, 'status' | 'outcome' | 'severity'>): SummaryBucket {
  if (finding.status === 'lookup-failed' || finding.severity === 'unchecked') return 'unchecked';
  if (finding.status === 'cloud-unknown') return 'needsInput';
  return OUTCOME_BUCKET[finding.outcome];
}

/** Counts reports per bucket. */
export function summarize(reports: readonly Pick<Report, 'msoid'>[]): Summary {
  const summary: Summary = { ok: 0, problems: 0, unchecked: 0, needsInput: 0, total: 0 };
  for (const r of reports) {
    summary[bucketOf(r.msoid)] += 1;
    summary.total += 1;
  }
  return summary;
}

export const SORT_MODES = ['input', 'severity'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export type Row = { domain: string; order: number; report: Pick<Report, 'msoid'> };

/**
 * Orders rows by input order, or worst first by SEVERITY_ORDER (unchecked rows sit between problems and healthy
 * ones; ties keep input order). Returns a new array.
 */
export function sortRows<R extends Row>(rows: readonly R[], mode: SortMode): R[] {
  const copy = [...rows];
  if (mode === 'input') return copy.sort((a, b) => a.order - b.order);
  return copy.sort(
    (a, b) => SEVERITY_ORDER[a.report.msoid.severity] - SEVERITY_ORDER[b.report.msoid.severity] || a.order - b.order,
  );
}

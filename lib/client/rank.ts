/**
 * How results are counted and ordered on the page, by each domain's health (every record, not only msoid).
 * "Could not check" is its own bucket: it is never counted as healthy and never as broken.
 */
import { SEVERITY_ORDER } from '@/lib/presentation';
import type { RecordsHealth, Report } from '@/lib/schema';

export const SUMMARY_BUCKETS = ['healthy', 'attention', 'broken', 'unchecked'] as const;
export type SummaryBucket = (typeof SUMMARY_BUCKETS)[number];
export type Summary = Record<SummaryBucket, number> & { total: number };

/** The summary bucket of each domain health. */
export const HEALTH_BUCKET: Readonly<Record<RecordsHealth, SummaryBucket>> = {
  healthy: 'healthy',
  'needs-attention': 'attention',
  broken: 'broken',
  'could-not-check': 'unchecked',
};

/** Domain health from worst to best; "could not check" sits between the problems and the healthy ones. */
export const HEALTH_ORDER: Readonly<Record<RecordsHealth, number>> = {
  broken: 0,
  'needs-attention': 1,
  'could-not-check': 2,
  healthy: 3,
};

type Ranked = Pick<Report, 'summary'> & { msoid: Pick<Report['msoid'], 'severity'> };

/** Counts reports per bucket of their domain health. */
export function summarize(reports: readonly Pick<Report, 'summary'>[]): Summary {
  const summary: Summary = { healthy: 0, attention: 0, broken: 0, unchecked: 0, total: 0 };
  for (const r of reports) {
    summary[HEALTH_BUCKET[r.summary.health]] += 1;
    summary.total += 1;
  }
  return summary;
}

export const SORT_MODES = ['input', 'severity'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export type Row = { domain: string; order: number; report: Ranked };

/**
 * Orders rows by input order, or worst first: by domain health (HEALTH_ORDER), then by the msoid finding's
 * severity (msoid is the headline record), then input order. Returns a new array.
 */
export function sortRows<R extends Row>(rows: readonly R[], mode: SortMode): R[] {
  const copy = [...rows];
  if (mode === 'input') return copy.sort((a, b) => a.order - b.order);
  return copy.sort(
    (a, b) =>
      HEALTH_ORDER[a.report.summary.health] - HEALTH_ORDER[b.report.summary.health] ||
      SEVERITY_ORDER[a.report.msoid.severity] - SEVERITY_ORDER[b.report.msoid.severity] ||
      a.order - b.order,
  );
}

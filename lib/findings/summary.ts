/**
 * The one-line health of a domain's records, and the counts behind it. Pure.
 *
 * Each row lands in exactly one count:
 * - `couldNotCheck`: outcome `could-not-check` (a failed lookup; never healthy, never broken);
 * - `notApplicable`: outcome `not-applicable` or `needs-input` (service not used, cloud unknown, no domain);
 * - `broken`: outcome `problem` with severity `critical`;
 * - `attention`: outcome `problem` with severity `warning` or `notice`;
 * - `ok`: outcome `ok` (severity `ok`, or `notice` for informational rows).
 *
 * Health, in this order: the domain does not exist → `broken`; any broken → `broken`; else any attention
 * → `needs-attention`; else any could-not-check → `could-not-check`; else `healthy`.
 */
import type { RecordFinding, RecordsCounts, RecordsHealth, RecordsSummary } from '@/lib/schema';

type Bucket = keyof RecordsCounts;

/** The count a row belongs to. */
export function bucketOf(row: Pick<RecordFinding, 'outcome' | 'severity'>): Bucket {
  switch (row.outcome) {
    case 'could-not-check':
      return 'couldNotCheck';
    case 'not-applicable':
    case 'needs-input':
      return 'notApplicable';
    case 'problem':
      return row.severity === 'critical' ? 'broken' : 'attention';
    case 'ok':
      return 'ok';
  }
}

/** Counts the rows and derives the health (see the module comment for the rules). */
export function summarize(
  records: readonly Pick<RecordFinding, 'outcome' | 'severity'>[],
  domainNotFound = false,
): RecordsSummary {
  const counts: RecordsCounts = { ok: 0, attention: 0, broken: 0, couldNotCheck: 0, notApplicable: 0 };
  for (const r of records) counts[bucketOf(r)]++;
  const health: RecordsHealth =
    domainNotFound || counts.broken > 0
      ? 'broken'
      : counts.attention > 0
        ? 'needs-attention'
        : counts.couldNotCheck > 0
          ? 'could-not-check'
          : 'healthy';
  return { health, counts };
}

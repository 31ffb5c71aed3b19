/**
 * How the page lays out a report's records: problems first, grouped; the one finding the table row shows;
 * the compact counts next to the domain's health; where a tenant-specific fix value comes from. Pure.
 */
import { SEVERITY_ORDER } from '@/lib/presentation';
import {
  fromReportLookup,
  type HostFix,
  type Lookup,
  type LookupId,
  type RecordId,
  type RecordsCounts,
  type Report,
  type ReportRecord,
} from '@/lib/schema';
import { RECORD_IDS } from '@/lib/schema-values';

const RECORD_INDEX = Object.fromEntries(RECORD_IDS.map((id, i) => [id, i])) as Record<RecordId, number>;

export const RECORD_GROUPS = ['problem', 'input', 'unchecked', 'fine'] as const;
export type RecordGroup = (typeof RECORD_GROUPS)[number];

/**
 * The group a record is listed under: something to fix (exactly the records the health counts call broken or to
 * review, so "To fix (3)" agrees with "2 broken · 1 to review"), something that waits for the reader's answer (the
 * cloud, when DNS does not tell it), something we could not check (never counted as a problem or as fine), or fine
 * (right, optional and absent, or not needed for the services in use).
 */
export function recordGroup(record: Pick<ReportRecord, 'outcome' | 'status' | 'severity'>): RecordGroup {
  if (record.status === 'lookup-failed' || record.outcome === 'could-not-check' || record.severity === 'unchecked')
    return 'unchecked';
  if (record.outcome === 'problem') return 'problem';
  if (record.outcome === 'needs-input') return 'input';
  return 'fine';
}

type Sortable = Pick<ReportRecord, 'id' | 'outcome' | 'status' | 'severity'>;

function compareRecords(a: Sortable, b: Sortable): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || RECORD_INDEX[a.id] - RECORD_INDEX[b.id];
}

/** The records in their groups (problems, could not check, fine), worst first inside each; empty groups left out. */
export function groupRecords<R extends Sortable>(records: readonly R[]): Array<{ group: RecordGroup; records: R[] }> {
  return RECORD_GROUPS.map((group) => ({
    group,
    records: records.filter((r) => recordGroup(r) === group).sort(compareRecords),
  })).filter((g) => g.records.length > 0);
}

/**
 * The finding the table row shows: the worst record (msoid wins a tie, as the headline record), or msoid
 * itself when the report carries no record list.
 */
export function headlineVerdict(report: Pick<Report, 'msoid' | 'records'>): { id: RecordId; verdict: string } {
  const worst = [...report.records].sort(compareRecords)[0];
  if (!worst || SEVERITY_ORDER[worst.severity] >= SEVERITY_ORDER[report.msoid.severity]) {
    return { id: 'msoid', verdict: report.msoid.text.verdict };
  }
  return { id: worst.id, verdict: worst.text.verdict };
}

export const COUNT_PARTS = ['broken', 'attention', 'couldNotCheck', 'ok'] as const;
export type CountPart = (typeof COUNT_PARTS)[number];

/** The non-zero counts in reading order (broken, needs attention, could not check, ok); not-applicable is left out. */
export function countParts(counts: RecordsCounts): Array<{ part: CountPart; count: number }> {
  return COUNT_PARTS.map((part) => ({ part, count: counts[part] })).filter((p) => p.count > 0);
}

export type PlaceholderHint = { kind: 'notes'; notes: string[] } | { kind: 'code'; code: string };

/**
 * Where a tenant-specific value comes from: the record's own "copy it from the admin center" notes when it has
 * them (the fix's `copyFrom`), else a catalogue code for the record (`ui.fixes.placeholder.dmarc`, or `.other`).
 */
export function placeholderHint(fix: Pick<HostFix, 'record' | 'copyFrom'>): PlaceholderHint {
  if (fix.copyFrom && fix.copyFrom.length > 0) return { kind: 'notes', notes: fix.copyFrom };
  return { kind: 'code', code: fix.record === 'dmarc' ? 'ui.fixes.placeholder.dmarc' : 'ui.fixes.placeholder.other' };
}

/** The lookups behind `ids`, in that order, from a report's lookup map (an id the map lacks is skipped). */
export function lookupsOf(ids: readonly LookupId[], lookups: Report['lookups']): Lookup[] {
  return ids.flatMap((id) => {
    const lookup = lookups[id];
    return lookup ? [fromReportLookup(id, lookup)] : [];
  });
}

/** Every lookup the findings rest on, once, msoid's first and then each record's, in the order first named. */
export function findingLookups(report: Pick<Report, 'msoid' | 'records' | 'lookups'>): Lookup[] {
  const ids = new Set([...report.msoid.lookups, ...report.records.flatMap((r) => r.lookups)]);
  return lookupsOf([...ids], report.lookups);
}

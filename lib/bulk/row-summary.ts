/**
 * What a bulk row says under its health badge: the records that need someone's attention, worst first, so a
 * "Broken" row names what is broken without opening the full report. Pure.
 */
import { SEVERITY_ORDER } from '@/lib/presentation';
import type { RecordId, Report, Severity } from '@/lib/schema';

/** Severities worth naming in the table: problems and lookups that failed (never "ok" or "notice"). */
const NAMED: ReadonlySet<Severity> = new Set(['critical', 'warning', 'unchecked']);

export type ProblemRecords = {
  /** At most `max` records, worst first (catalogue order within a severity), each once. */
  shown: { id: RecordId; severity: Severity }[];
  /** How many more there are. */
  more: number;
};

/** The records of `report` with a problem or a failed lookup, worst first, cut at `max`. */
export function problemRecords(report: Pick<Report, 'records'>, max = 3): ProblemRecords {
  const seen = new Set<RecordId>();
  const all: { id: RecordId; severity: Severity; at: number }[] = [];
  report.records.forEach((record, at) => {
    if (!NAMED.has(record.severity) || seen.has(record.id)) return;
    seen.add(record.id);
    all.push({ id: record.id, severity: record.severity, at });
  });
  all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.at - b.at);
  const limit = Math.max(0, max);
  return {
    shown: all.slice(0, limit).map(({ id, severity }) => ({ id, severity })),
    more: Math.max(0, all.length - limit),
  };
}

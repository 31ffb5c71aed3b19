/**
 * The changes between two runs as CSV (GET /api/lists/:id/changes?format=csv): one row per changed record of a
 * domain (a domain that stayed as it was: each of its records), with the domain's and the record's change kind, the state and value before and after, and whether the
 * finding is accepted. Pure.
 */
import { csvLine } from '@/lib/bulk/csv-export';
import { type Acceptance, type ChangeKind, type Changes, covers, type RunSnapshot } from './changes';

export const CHANGES_CSV_HEADER = [
  'domain',
  'domain_change',
  'record',
  'record_change',
  'status_before',
  'value_before',
  'status_after',
  'value_after',
  'accepted',
] as const;

/** The CSV text (BOM, CRLF) of `changes`, only domains of `kind` when given. Unchanged records are left out. */
export function changesToCsv(changes: Changes, kind?: ChangeKind): string {
  const lines = [csvLine([...CHANGES_CSV_HEADER])];
  for (const d of changes.domains) {
    if (kind && d.kind !== kind) continue;
    for (const r of d.records) {
      // A changed domain's rows are its changes: records that stayed as they were are left out.
      const stayed = r.kind === 'unchanged' || r.kind === 'still-broken' || r.kind === 'still-could-not-check';
      if (stayed && r.kind !== d.kind) continue;
      lines.push(
        csvLine([
          d.domain,
          d.kind,
          r.record,
          r.kind,
          r.before?.status ?? '',
          r.before?.value ?? '',
          r.after?.status ?? '',
          r.after?.value ?? '',
          r.after?.accepted ? 'accepted' : '',
        ]),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const RUN_CSV_HEADER = [
  'domain',
  'record',
  'status',
  'value',
  'accepted',
  'accepted_note',
  'accepted_until',
] as const;

/**
 * One run of a list as CSV (GET /api/lists/:id/export?run=): one row per domain × record in the list's order, with
 * the record's state and value and, where its finding is accepted at that value, `accepted` and the note.
 */
export function runToCsv(run: RunSnapshot, acceptances: readonly Acceptance[] = []): string {
  const byKey = new Map(acceptances.map((a) => [`${a.domain}\u0000${a.record}`, a]));
  const order = new Map(run.domains.map((d, i) => [d, i]));
  const rows = [...run.records].sort(
    (a, b) => (order.get(a.domain) ?? 0) - (order.get(b.domain) ?? 0) || a.record.localeCompare(b.record),
  );
  const lines = [csvLine([...RUN_CSV_HEADER])];
  for (const r of rows) {
    const a = byKey.get(`${r.domain}\u0000${r.record}`);
    const accepted = (r.status === 'broken' || r.status === 'attention') && covers(a, r.valueHash, run.at);
    lines.push(
      csvLine([
        r.domain,
        r.record,
        r.status,
        r.value,
        accepted ? 'accepted' : '',
        accepted ? (a?.note ?? '') : '',
        accepted ? (a?.expiresAt ?? '') : '',
      ]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

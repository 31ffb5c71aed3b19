/**
 * The changes between two runs as CSV (GET /api/lists/:id/changes?format=csv): one row per changed record of a
 * domain (a domain that stayed as it was: each of its records), with the domain's and the record's change kind, the state and value before and after, and whether the
 * finding is accepted. Pure.
 */
import { csvLine } from '@/lib/bulk/csv-export';
import type { ChangeKind, Changes } from './changes';

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

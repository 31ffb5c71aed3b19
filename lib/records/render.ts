/** The language step for record findings: message refs → text, with a catalogue. Pure. */
import { type Catalogue, formatRef } from '@/lib/messages/format';
import type { RecordFinding, RecordsDiagnosis, RenderedRecordFinding } from './schema';

/** Fills `text` from `messages` with a catalogue that holds both `records` and `msoid` messages. */
export function renderRecordFinding(finding: RecordFinding, catalogue: Catalogue): RenderedRecordFinding {
  const { verdict, impact, action, notes } = finding.messages;
  return {
    ...finding,
    text: {
      verdict: formatRef(catalogue, verdict),
      impact: formatRef(catalogue, impact),
      action: formatRef(catalogue, action),
      notes: notes.map((n) => formatRef(catalogue, n)),
    },
  };
}

/** Renders every row of a diagnosis. */
export function renderRecords(
  diagnosis: RecordsDiagnosis,
  catalogue: Catalogue,
): Omit<RecordsDiagnosis, 'records'> & { records: RenderedRecordFinding[] } {
  return { ...diagnosis, records: diagnosis.records.map((r) => renderRecordFinding(r, catalogue)) };
}

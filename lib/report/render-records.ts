/** The language step for record findings: message refs → text, with a catalogue. Pure. */

import type { Catalogue } from '@/lib/messages/format';
import { renderText } from '@/lib/report/render';
import type { RecordFinding, RecordsDiagnosis, RenderedRecordFinding } from '@/lib/schema';

/** Fills `text` from `messages` with a catalogue that holds both `records` and `msoid` messages. */
export function renderRecordFinding(finding: RecordFinding, catalogue: Catalogue): RenderedRecordFinding {
  return { ...finding, text: renderText(finding.messages, catalogue) };
}

/** Renders every row of a diagnosis. */
export function renderRecords(
  diagnosis: RecordsDiagnosis,
  catalogue: Catalogue,
): Omit<RecordsDiagnosis, 'records'> & { records: RenderedRecordFinding[] } {
  return { ...diagnosis, records: diagnosis.records.map((r) => renderRecordFinding(r, catalogue)) };
}

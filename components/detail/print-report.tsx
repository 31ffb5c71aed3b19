import { DnsText } from '@/components/ui/dns-text';
import type { Lookup, Report } from '@/lib/schema';
import { PrintFindings } from './print-findings';
import { PrintFixes } from './print-fixes';
import { PrintLookups } from './print-lookups';
import { PrintRecords } from './print-records';

/**
 * Domain-level notes (a subdomain, a cloud that DNS contradicts…). The helpdesk paragraph is left out on paper:
 * it is the findings' own sentences read aloud, and the findings table below has them.
 */
function PrintNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <div data-testid="print-notes">
      {notes.map((note) => (
        <p key={note}>
          <DnsText value={note} mono={false} />
        </p>
      ))}
    </div>
  );
}

/**
 * The body of the printed report (print media only; the screen shows the interactive row details instead):
 * domain notes, what needs attention, the DNS host with the changes to make there, the records that are fine,
 * and every lookup in a small appendix. The header is shared with the screen (detail-report.tsx).
 */
export function PrintReport({ report, lookups }: { report: Report; lookups: readonly Lookup[] }) {
  return (
    <div className="hidden space-y-2.5 text-[0.85rem] leading-tight print:block" data-testid="print-report">
      <PrintNotes notes={report.notes} />
      <PrintFindings report={report} />
      <PrintFixes report={report} />
      <PrintRecords records={report.records} />
      <PrintLookups lookups={lookups} />
    </div>
  );
}

/**
 * The rejected lines of a list as a CSV file to download (issue 15 item 7): one row per rejected entry with its
 * line, what was entered and why it cannot be checked, headers in the page's language. BOM and CRLF (Excel opens
 * it as UTF-8), RFC 4180 quoting, and formula cells neutralised: the entries are whatever was pasted.
 */
import { neutralizeCell } from '@/lib/bulk/csv-export';
import { quoteCsvField } from '@/lib/bulk/csv-parse';
import type { InvalidEntry } from '@/lib/schema';

export function rejectedToCsv(
  invalid: readonly InvalidEntry[],
  headers: { line: string; input: string; reason: string },
): string {
  const rows = [
    [headers.line, headers.input, headers.reason],
    ...invalid.map((e) => [String(e.line), e.input, e.reason]),
  ];
  return `\uFEFF${rows.map((row) => row.map((cell) => quoteCsvField(neutralizeCell(cell))).join(',')).join('\r\n')}\r\n`;
}

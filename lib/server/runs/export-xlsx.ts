/**
 * GET /api/runs/:id/export?format=xlsx: a workbook (exceljs) with a summary sheet (one row per input line, as the
 * summary CSV, headers and text in the reader's language) and a details sheet (one row per domain × record, the full
 * CSV export's columns). It is written with exceljs's streaming writer, a chunk of reports at a time, and the next
 * chunk waits until the client has read what came before, so a 5,000-domain run (75,000 detail rows) never sits in
 * memory as a workbook: the server holds a few chunks of XML and the zip's buffers (docs/performance.md).
 *
 * Cells are typed: text is a string cell, which a spreadsheet shows and never evaluates, so no formula guard is
 * needed; the line is a number and the check time a date. Characters that XML cannot carry (C0 controls from hostile
 * DNS data) are written as `\xHH`.
 */
import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_COLUMNS, reportsToRows } from '@/lib/bulk/csv-export';
import { SUMMARY_FIELDS, summaryCells, summaryHeader, summaryItem } from '@/lib/bulk/summary';
import type { Report } from '@/lib/schema';
import { exportText, type RunView, runSummaryEntries, summaryChunk } from './export';
import type { RunStore } from './store';
import { reportOf } from './stored-result';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Entries (or reports) laid out per chunk; each chunk then waits for the client. */
const PER_CHUNK = 32;
/** Bytes of finished workbook waiting for the client before the writer pauses. */
const OUT_HIGH_WATER = 256 * 1024;
/** Characters of a cell, at most (Excel's limit is 32,767). */
const CELL_MAX = 32_000;

// C0 controls other than tab, line feed and carriage return, and the two non-characters XML forbids.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** `text` as an XML-safe cell: forbidden characters as `\xHH`, cut at CELL_MAX. */
export function cellText(text: string): string {
  const safe = text.replace(NOT_XML, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
  return safe.length > CELL_MAX ? `${safe.slice(0, CELL_MAX)}…` : safe;
}

/** Resolves once the event loop has turned (zlib and the zip get their turn). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits until the client has taken the workbook's bytes down to OUT_HIGH_WATER (or the stream is gone). */
async function drained(out: PassThrough): Promise<void> {
  await turn();
  while (out.readableLength > OUT_HIGH_WATER && !out.destroyed) {
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
  }
}

const HEADER_FONT = { bold: true };
const WRAP = { wrapText: true, vertical: 'top' } as const;

/** Writes the workbook of `run` in `lang` to `out`, chunk by chunk. */
async function writeWorkbook(store: RunStore, run: RunView, lang: string, out: PassThrough): Promise<void> {
  const t = exportText(lang);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'm365-dns-health';
  book.created = new Date();

  // Summary: the uploaded columns, then the summary's own.
  const columns = run.source?.columns ?? [];
  const summary = book.addWorksheet(t('bulk.summary.sheet.summary'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths: Record<(typeof SUMMARY_FIELDS)[number], number> = {
    line: 7,
    domain: 30,
    health: 16,
    cloud: 22,
    host: 18,
    problems: 60,
    fixes: 70,
    checkedAt: 22,
  };
  summary.columns = [
    ...columns.map(() => ({ width: 20 })),
    ...SUMMARY_FIELDS.map((field) => ({
      width: widths[field],
      style: field === 'problems' || field === 'fixes' ? { alignment: WRAP } : {},
    })),
  ];
  const head = summary.addRow(summaryHeader(columns, t).map(cellText));
  head.font = HEADER_FONT;
  head.commit();
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + SUMMARY_FIELDS.length } };
  const entries = runSummaryEntries(run, lang);
  const lineAt = columns.length;
  const checkedAt = columns.length + SUMMARY_FIELDS.indexOf('checkedAt');
  for (let at = 0; at < entries.length && !out.destroyed; at += PER_CHUNK) {
    for (const entry of await summaryChunk(store, run.id, entries.slice(at, at + PER_CHUNK))) {
      const item = summaryItem(entry, t);
      const values: (string | number | Date | null)[] = summaryCells(item, columns.length, t).map(cellText);
      values[lineAt] = item.line;
      values[checkedAt] = item.checkedAt === null ? null : new Date(item.checkedAt);
      const row = summary.addRow(values);
      row.getCell(checkedAt + 1).numFmt = 'yyyy-mm-dd hh:mm:ss "UTC"';
      row.commit();
    }
    await drained(out);
  }
  summary.commit();

  // Details: the full export's rows, one per domain × record.
  const details = book.addWorksheet(t('bulk.summary.sheet.details'), { views: [{ state: 'frozen', ySplit: 1 }] });
  details.columns = CSV_COLUMNS.map((column) => ({ width: column === 'verdict' || column === 'action' ? 60 : 18 }));
  const detailHead = details.addRow([...CSV_COLUMNS]);
  detailHead.font = HEADER_FONT;
  detailHead.commit();
  details.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  // The results the run had when it was read, a chunk at a time from the store.
  for (let at = 0; at < run.checked && !out.destroyed; at += PER_CHUNK) {
    const page = await store.results(run.id, at, Math.min(PER_CHUNK, run.checked - at));
    if (page.length === 0) break;
    const reports: Report[] = page.map((result) => reportOf(result, lang));
    for (const cells of reportsToRows(reports).slice(1)) details.addRow(cells.map(cellText)).commit();
    await drained(out);
  }
  details.commit();
  await book.commit();
}

/** The workbook of `run` in `lang` as a byte stream; the writer pauses while the client is behind. */
export function xlsxExportStream(store: RunStore, run: RunView, lang: string): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: OUT_HIGH_WATER });
  writeWorkbook(store, run, lang, out).catch((err: unknown) => {
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/**
 * Reading an uploaded domain list (.txt or .csv) in the browser: decoding, binary and spreadsheet detection,
 * CSV parsing with delimiter and header detection, the suggested column, and the entries of the picked column.
 * Every failure is a clear catalogue message; a file is never imported in part. Pure and browser-safe.
 */

import { normalizeDomain } from '@/lib/input/normalize';
import { catalogueFor, formatMessage } from '@/lib/messages';
import { RUN_COLUMNS_LIMITS, type RunColumns } from '@/lib/schema';
import { type CsvDelimiter, detectDelimiter, parseCsvRecords } from './csv-parse';

export const IMPORT_ERROR_CODES = [
  'empty',
  'binary',
  'spreadsheet',
  'encoding',
  'unsupported-type',
  'bad-quoting',
  'bad-field',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type CsvImport = {
  kind: 'csv';
  delimiter: CsvDelimiter;
  /** The first record when it reads as column names (no cell looks like a domain), else null. */
  header: string[] | null;
  /** Every record after the header, blank ones included (as `['']`) so row numbers match the spreadsheet. */
  rows: string[][];
  /** The column whose values look most like domains, e-mail or web addresses (a `domain`/`域名` header counts). */
  suggestedColumn: number | null;
  /** The first 5 non-blank rows after the header. */
  preview: string[][];
};
export type FileImport =
  | { kind: 'text'; text: string }
  | CsvImport
  | { kind: 'error'; code: ImportErrorCode; message: string; line?: number };

export type ImportOptions = { lang?: string };

const TEXT_EXTENSIONS = ['.txt', '.text', '.list'];
const CSV_EXTENSIONS = ['.csv', '.tsv'];
/** Share of control characters (besides tab and line breaks) above which a file is treated as binary. */
const CONTROL_RATIO = 0.05;
const PREVIEW_ROWS = 5;
/** How many rows are sampled to suggest a column. */
const SAMPLE_ROWS = 200;
/** Below this share of domain-like cells, a picked column is reported as probably wrong. */
export const WRONG_COLUMN_RATIO = 0.2;
const HEADER_NAMES =
  /^(?:domains?|domain ?names?|fqdn|host ?names?|hosts?|websites?|urls?|sites?|域名|網域|主机名|网站)$/u;

function error(code: ImportErrorCode, name: string, options: ImportOptions, line?: number): FileImport {
  const params: Record<string, string | number> = line === undefined ? { file: name } : { file: name, line };
  const message = formatMessage(catalogueFor(options.lang), `bulk.import.${code}`, params);
  return line === undefined ? { kind: 'error', code, message } : { kind: 'error', code, message, line };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Decodes by BOM (UTF-8, UTF-16 LE/BE), else as strict UTF-8, else as strict GB18030 (a superset of GBK: what
 * Chinese Excel saves a "CSV" in); null when the bytes are neither. Valid UTF-8 is tried first: GB18030 would read
 * almost any bytes, UTF-8 text included, as something.
 */
function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not UTF-8: GB18030/GBK, else unreadable.
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the text holds a NUL or too many other control characters to be a list someone typed. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) control += 1;
  }
  return control > text.length * CONTROL_RATIO;
}

/** True when a cell normalises to a domain (a bare name, an e-mail address or a web address). */
export function looksLikeDomain(cell: string): boolean {
  const trimmed = cell.trim();
  if (trimmed === '' || !trimmed.includes('.')) return false;
  return normalizeDomain(trimmed, { allowTestDomains: true }).ok;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function suggestColumn(header: readonly string[] | null, rows: readonly string[][]): number | null {
  const width = Math.max(header?.length ?? 0, ...rows.slice(0, SAMPLE_ROWS).map((row) => row.length));
  let best: number | null = null;
  let bestScore = 0;
  for (let column = 0; column < width; column += 1) {
    let filled = 0;
    let matching = 0;
    for (const row of rows.slice(0, SAMPLE_ROWS)) {
      const cell = row[column] ?? '';
      if (cell.trim() === '') continue;
      filled += 1;
      if (looksLikeDomain(cell)) matching += 1;
    }
    const named = HEADER_NAMES.test((header?.[column] ?? '').trim().toLowerCase()) ? 1 : 0;
    const score = (filled === 0 ? 0 : matching / filled) + named;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

function readCsv(name: string, text: string, options: ImportOptions): FileImport {
  const delimiter = extensionOf(name) === '.tsv' ? '\t' : detectDelimiter(text);
  const parsed = parseCsvRecords(text, delimiter);
  if (!parsed.ok) return error(parsed.code, name, options, parsed.line);
  const records = parsed.rows;
  if (records.every(isBlank)) return error('empty', name, options);
  const first = records[0] ?? [];
  const namedHeader = first.some((cell) => HEADER_NAMES.test(cell.trim().toLowerCase()));
  const hasHeader =
    records.length > 1 &&
    (namedHeader ||
      (!first.some(looksLikeDomain) && records.slice(1, SAMPLE_ROWS).some((r) => r.some(looksLikeDomain))));
  const header = hasHeader ? first : null;
  const rows = hasHeader ? records.slice(1) : records;
  return {
    kind: 'csv',
    delimiter,
    header,
    rows,
    suggestedColumn: suggestColumn(header, rows),
    preview: rows.filter((row) => !isBlank(row)).slice(0, PREVIEW_ROWS),
  };
}

/**
 * Reads an uploaded file. `.txt` becomes text for `parseDomainList` (the same separators as the text box);
 * `.csv` / `.tsv` become parsed rows for the user to pick a column from. Decodes UTF-8 (with or without BOM)
 * and UTF-16 LE/BE with a BOM. An empty, binary, Excel-workbook, wrongly encoded or badly quoted file is an
 * error with a message in `options.lang`; nothing is imported from it.
 */
export function readDomainFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): FileImport {
  const extension = extensionOf(name);
  const isCsv = CSV_EXTENSIONS.includes(extension);
  // An .xlsx (zip) renamed or picked by mistake: say what to do rather than "binary".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return error('spreadsheet', name, options);
  }
  if (!isCsv && !TEXT_EXTENSIONS.includes(extension)) return error('unsupported-type', name, options);
  const hasUtf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasUtf16Bom && bytes.includes(0)) return error('binary', name, options);
  const text = decode(bytes);
  if (text === null) return error('encoding', name, options);
  if (looksBinary(text)) return error('binary', name, options);
  if (text.replace(/^\uFEFF/, '').trim() === '') return error('empty', name, options);
  return isCsv ? readCsv(name, text, options) : { kind: 'text', text: text.replace(/^\uFEFF/, '') };
}

/** Spreadsheet row number of `rows[0]`: 2 below a header row, else 1. */
export function firstRowNumber(file: Pick<CsvImport, 'header'>): number {
  return file.header === null ? 1 : 2;
}

/**
 * The picked column's cells as `parseDomainList` array input, aligned so that an entry's `line` (array index
 * + 1) is the spreadsheet row the user sees: a header row is kept as an empty first entry (which the parser
 * drops), blank rows stay as empty entries. A CSV record with a line break inside a quoted cell counts as one
 * row, as in a spreadsheet. A missing cell is an empty entry.
 */
export function columnToEntries(file: Pick<CsvImport, 'header' | 'rows'>, column: number): string[] {
  const cells = file.rows.map((row) => row[column] ?? '');
  return file.header === null ? cells : ['', ...cells];
}

/**
 * The other columns of an uploaded file, for a run (POST /api/runs `columns`): every column but the domain column,
 * named by the header (or "" when there is none), and one list of cells per item of `columnToEntries` (the header's
 * own item has none). Cut to RUN_COLUMNS_LIMITS (columns, characters of a name and a cell); null when the file has
 * no other column.
 */
export function otherColumns(file: Pick<CsvImport, 'header' | 'rows'>, column: number): RunColumns | null {
  const width = Math.max(file.header?.length ?? 0, ...file.rows.map((row) => row.length));
  const kept = Array.from({ length: width }, (_, i) => i)
    .filter((i) => i !== column)
    .slice(0, RUN_COLUMNS_LIMITS.columns);
  if (kept.length === 0) return null;
  const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
  const values = file.rows.map((row) => kept.map((i) => cut(row[i] ?? '', RUN_COLUMNS_LIMITS.cell)));
  return {
    names: kept.map((i) => cut(file.header?.[i] ?? '', RUN_COLUMNS_LIMITS.name)),
    values: file.header === null ? values : [[], ...values],
  };
}

/**
 * `columns` when a run's body with them stays `room` bytes under `limit` (the run body limit), else null: the run
 * is then started without them rather than refused. `input` is what the body's `domains` holds.
 */
export function columnsWithin(
  input: readonly string[],
  columns: RunColumns | null,
  limit: number,
  room = 4096,
): RunColumns | null {
  if (columns === null) return null;
  const bytes = new TextEncoder().encode(JSON.stringify({ domains: input, columns })).length;
  return bytes + room <= limit ? columns : null;
}

export type ColumnWarning = {
  code: 'wrong-column' | 'no-column';
  message: string;
  matching: number;
  total: number;
};

/**
 * Checks a picked column before import: `no-column` when no row has that column; `wrong-column` when fewer than
 * 20% of its filled cells look like domains, e-mail or web addresses. Null when the column looks right.
 */
export function checkColumn(
  file: Pick<CsvImport, 'header' | 'rows'>,
  column: number,
  options: ImportOptions = {},
): ColumnWarning | null {
  const catalogue = catalogueFor(options.lang);
  const label = file.header?.[column]?.trim() || String(column + 1);
  let width = file.header?.length ?? 0;
  for (const row of file.rows) width = Math.max(width, row.length);
  if (column < 0 || column >= width) {
    return {
      code: 'no-column',
      message: formatMessage(catalogue, 'bulk.import.no-column', { column: column + 1 }),
      matching: 0,
      total: 0,
    };
  }
  let total = 0;
  let matching = 0;
  for (const row of file.rows) {
    const cell = row[column] ?? '';
    if (cell.trim() === '') continue;
    total += 1;
    if (looksLikeDomain(cell)) matching += 1;
  }
  if (total > 0 && matching >= total * WRONG_COLUMN_RATIO) return null;
  return {
    code: 'wrong-column',
    message: formatMessage(catalogue, 'bulk.import.wrong-column', { column: label, matching, total }),
    matching,
    total,
  };
}

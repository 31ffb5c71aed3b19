/**
 * RFC 4180 CSV reading and writing, shared by the importer and the exporter. Pure and browser-safe.
 * Quoted fields may hold the delimiter, doubled quotes and line breaks; records end at CRLF, LF or CR.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type CsvParseResult =
  | { ok: true; rows: string[][] }
  /** `line` is the 1-based physical line where the problem starts (the opening quote, or the stray text). */
  | { ok: false; code: 'bad-quoting' | 'bad-field'; line: number };

/**
 * Parses CSV text into records. A quote that is never closed, or text between a closing quote and the next
 * delimiter, is an error naming its line: never a silent partial result. A quote inside an unquoted field is
 * kept as text (as spreadsheets do). A final line break does not start a record; blank lines are kept as `['']`
 * so record numbers match spreadsheet rows. A leading BOM is dropped.
 */
export function parseCsvRecords(input: string, delimiter: CsvDelimiter = ','): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;
  if (n === 0) return { ok: true, rows };
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // Quoted field: read to the closing quote.
      const openLine = line;
      i += 1;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line += 1;
        field += q;
        i += 1;
      }
      if (!closed) return { ok: false, code: 'bad-quoting', line: openLine };
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return { ok: false, code: 'bad-field', line };
      }
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    field += c;
    i += 1;
  }
  const last = text[n - 1];
  if (last !== '\n' && last !== '\r') {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}

/** Quotes a CSV field when it holds the delimiter, a quote, or a line break (RFC 4180 §2.6–2.7). */
export function quoteCsvField(value: string, delimiter: CsvDelimiter = ','): string {
  if (value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** Counts the delimiter outside quotes on each of the first `maxLines` lines (quotes may span lines). */
function delimiterCounts(text: string, delimiter: CsvDelimiter, maxLines: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) count += 1;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length < maxLines && count > 0) counts.push(count);
  return counts;
}

/**
 * Picks the delimiter from the first lines: the candidate that appears on the most lines with the same count
 * as on the first line (a consistent column count), ties going to the higher count. A file with none of them
 * (a one-column CSV) gets `,`.
 */
export function detectDelimiter(text: string, maxLines = 10): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  let bestCount = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = delimiterCounts(text, delimiter, maxLines);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((count) => count === first).length;
    if (score > bestScore || (score === bestScore && first > bestCount)) {
      best = delimiter;
      bestScore = score;
      bestCount = first;
    }
  }
  return best;
}

/**
 * CSV and JSON exports of bulk results. The CSV has one row per domain × record with every machine field,
 * a UTF-8 BOM and CRLF line ends (Excel opens it correctly), and neutralised formula cells: DNS data is
 * hostile text. The JSON keeps the original values. Pure and browser-safe.
 */
import type { Report } from '@/lib/schema';
import { parseCsvRecords, quoteCsvField } from './csv-parse';

/** The CSV columns, in order. Stable names for scripts; never translated. */
export const CSV_COLUMNS = [
  'domain',
  'display',
  'entered',
  'registrable',
  'isSubdomain',
  'checkedAt',
  'cloudSelected',
  'cloudEffective',
  'cloudInferred',
  'health',
  'msoidStatus',
  'recordId',
  'recordCode',
  'service',
  'name',
  'host',
  'type',
  'requirement',
  'status',
  'severity',
  'outcome',
  'found',
  'expected',
  'fixes',
  'dnsHostId',
  'dnsHostName',
  'dnsHostConfidence',
  'resolvers',
  'verdict',
  'action',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Joins list values (found, fixes, resolvers) in one cell. */
export const LIST_SEPARATOR = ' | ';
/**
 * Schema version of the JSON export; bump it when its shape changes. 2: each lookup once in the report's `lookups`
 * map by id (`<name> <type>`), findings list ids; `helpdesk` and `notes` are text only (docs/api.md).
 */
export const JSON_EXPORT_VERSION = 2;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Prefixes `'` to a cell that a spreadsheet would run as a formula; any other cell is returned as is. A cell that is
 * exactly `@` (the host field of the zone apex, in every DNS host's notation) is a name, not a formula: it stays `@`.
 */
export function neutralizeCell(value: string): string {
  if (value === APEX_HOST) return value;
  return FORMULA_TRIGGERS.some((trigger) => value.startsWith(trigger)) ? `'${value}` : value;
}

/** The host field of the zone apex. */
const APEX_HOST = '@';

/** The export's cells before neutralising and quoting: the header, then one row per domain × record. */
export function reportsToRows(reports: readonly Report[]): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const report of reports) {
    for (const record of report.records) {
      const cells: Record<CsvColumn, string> = {
        domain: report.domain,
        display: report.display,
        // What was entered beside what was checked: the web or e-mail address, else the name itself.
        entered: report.entered ?? report.display,
        registrable: report.registrable,
        isSubdomain: String(report.isSubdomain),
        checkedAt: report.checkedAt,
        cloudSelected: report.cloud.selected,
        cloudEffective: report.cloud.effective,
        cloudInferred: report.cloud.inferred,
        health: report.summary.health,
        msoidStatus: report.msoid.status,
        recordId: record.id,
        recordCode: record.code,
        service: record.service,
        name: record.name,
        host: record.host,
        type: record.type,
        requirement: record.requirement,
        status: record.status,
        severity: record.severity,
        outcome: record.outcome,
        found: record.found.join(LIST_SEPARATOR),
        expected: record.expected ?? '',
        fixes: record.fixes.map((fix) => `${fix.op} ${fix.type} ${fix.name} ${fix.value}`).join(LIST_SEPARATOR),
        dnsHostId: report.dnsHost.id,
        dnsHostName: report.dnsHost.name,
        dnsHostConfidence: report.dnsHost.confidence,
        resolvers: report.resolvers.join(LIST_SEPARATOR),
        verdict: record.text.verdict,
        action: record.text.action,
      };
      rows.push(CSV_COLUMNS.map((column) => cells[column]));
    }
  }
  return rows;
}

/**
 * The CSV export: BOM, CRLF, RFC 4180 quoting, formula cells neutralised (`'` prefixed). Verdict and action
 * are the report's own text, in the language it was checked in; the column names are stable machine names, so
 * `_options.lang` is accepted for the callers' sake but changes nothing.
 */
export function reportsToCsv(reports: readonly Report[], _options: { lang?: string } = {}): string {
  const lines = reportsToRows(reports).map(csvLine);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV line (no line end) of `cells`: each neutralised, then quoted where needed. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => quoteCsvField(neutralizeCell(cell))).join(',');
}

/** Parses CSV text (the importer's RFC 4180 parser, `,` delimiter, BOM dropped); throws on bad quoting. */
export function parseCsv(text: string): string[][] {
  const parsed = parseCsvRecords(text, ',');
  if (!parsed.ok) throw new Error(`CSV ${parsed.code} on line ${parsed.line}`);
  return parsed.rows;
}

/** The JSON export: the reports with their original values, pretty-printed, with a schema version and date. */
export function reportsToJson(reports: readonly Report[], generatedAt: Date = new Date()): string {
  return `${JSON.stringify(
    {
      schema: 'm365-dns-health/bulk-export',
      version: JSON_EXPORT_VERSION,
      generatedAt: generatedAt.toISOString(),
      count: reports.length,
      reports,
    },
    null,
    2,
  )}\n`;
}

/**
 * The summary of a list, for the customer: one item per input line (a checked domain, a rejected line, a duplicate,
 * a domain not checked yet) with the uploaded spreadsheet's other cells kept, the health, cloud and DNS host, the
 * problems in words and the fixes in the host's own fields, in the reader's language. The summary CSV, the
 * workbook's summary sheet and the printed report are all laid out from these items. Pure and browser-safe.
 */

import { placeholderText } from '@/lib/fixes/placeholder-text';
import type { Params } from '@/lib/messages/template';
import { cloudLabelCode, RECORD_LABEL, RECORDS_HEALTH_PRESENTATION, SEVERITY_ORDER } from '@/lib/presentation';
import type { FixOp, RecordsHealth, Report, Severity } from '@/lib/schema';
import { csvLine } from './csv-export';

/** Text in one language (a translator's `t`). */
export type Text = (code: string, params?: Params) => string;

/** What a summary row says of its line: a health, or why the line was not checked. */
export type SummaryStatus = RecordsHealth | 'rejected' | 'duplicate' | 'pending';

/** One input line as the summary lists it, before its text is rendered. */
export type SummaryEntry = {
  /** The input line (the spreadsheet's row number), when known. */
  line: number | null;
  /** The uploaded file's other cells on that line, in the order of its columns. */
  cells: readonly string[];
} & (
  | { kind: 'checked'; report: Report }
  | { kind: 'pending'; display: string }
  | { kind: 'rejected'; input: string; reason: string }
  | { kind: 'duplicate'; input: string; firstLine: number }
);

export type SummaryFix = {
  op: FixOp;
  /** "Add", "Change", "Delete" in the reader's language. */
  opLabel: string;
  record: string;
  /** The host's own fields, in its order. */
  fields: { label: string; value: string }[];
  /** The value is the tenant's own (copy it from the admin center). */
  placeholder: boolean;
};

/** One line of the summary, its text in the reader's language. */
export type SummaryItem = {
  line: number | null;
  cells: readonly string[];
  status: SummaryStatus;
  statusLabel: string;
  /** The name as shown (Unicode), or the line's text when it is not a domain. */
  domain: string;
  cloud: string;
  host: string;
  /** No DNS host was recognised from the name servers (`host` then says so). */
  genericHost: boolean;
  /** Problems and failed lookups, worst first, in words (a rejected line's reason, a duplicate's first line). */
  problems: {
    severity: Severity | null;
    text: string;
    /** A lookup that was not run because of an earlier failure (its text repeats the cause's consequence). */
    skipped?: boolean;
  }[];
  fixes: SummaryFix[];
  /**
   * What to do about the problems no record change in `fixes` covers (an SPF record over its lookup limit: the
   * change depends on the domain's own senders), in the findings' own words, each once.
   */
  actions: string[];
  /** ISO time of the check; null when not checked. */
  checkedAt: string | null;
};

/** Severities a summary names: problems and lookups that failed. */
const NAMED: ReadonlySet<Severity> = new Set(['critical', 'warning', 'unchecked']);

/** The DNS host catalogue's fallback: no host matched the name servers. */
const GENERIC_HOST = 'generic';

/** The problems of a report, worst first (catalogue order within a severity), each verdict once. */
function problemsOf(report: Report): SummaryItem['problems'] {
  const found = report.records
    .map((record, at) => ({ record, at }))
    .filter(({ record }) => NAMED.has(record.severity))
    .sort((a, b) => SEVERITY_ORDER[a.record.severity] - SEVERITY_ORDER[b.record.severity] || a.at - b.at);
  const seen = new Set<string>();
  const out: SummaryItem['problems'] = [];
  for (const { record } of found) {
    const text = record.text.verdict;
    if (seen.has(text)) continue;
    seen.add(text);
    const notRun = record.lookups.length > 0 && record.lookups.every((id) => report.lookups[id]?.outcome === 'skipped');
    out.push({ severity: record.severity, text, ...(notRun ? { skipped: true } : {}) });
  }
  return out;
}

/** Problems (not lookups that failed) that a record change would fix. */
const FIXABLE: ReadonlySet<Severity> = new Set(['critical', 'warning']);

/** The actions of the problems that no fix of the report covers, worst first, each once. */
function actionsOf(report: Report): string[] {
  const fixed = new Set<string>(report.fixes.map((fix) => fix.record));
  const found = report.records
    .map((record, at) => ({ record, at }))
    .filter(({ record }) => FIXABLE.has(record.severity) && !fixed.has(record.id) && record.text.action !== '')
    .sort((a, b) => SEVERITY_ORDER[a.record.severity] - SEVERITY_ORDER[b.record.severity] || a.at - b.at);
  return [...new Set(found.map(({ record }) => record.text.action))];
}

function fixesOf(report: Report, t: Text): SummaryFix[] {
  return report.fixes.map((fix) => ({
    op: fix.canonical.op,
    opLabel: t(`ui.details.fixOp.${fix.canonical.op}`),
    record: t(RECORD_LABEL[fix.record]),
    // The tenant's own value to fill in is said in the reader's language (the rest is DNS data, as found).
    fields: fix.fields.map((field) => ({
      label: field.label,
      value: fix.placeholder ? placeholderText(field.value, t) : field.value,
    })),
    placeholder: fix.placeholder,
  }));
}

/** The item of an entry, its text in `t`'s language. */
export function summaryItem(entry: SummaryEntry, t: Text): SummaryItem {
  const base = { line: entry.line, cells: entry.cells };
  const statusLabel = (status: Exclude<SummaryStatus, RecordsHealth>) => t(`bulk.summary.status.${status}`);
  const none = { cloud: '', host: '', genericHost: false, fixes: [], actions: [], checkedAt: null };
  switch (entry.kind) {
    case 'checked': {
      const { report } = entry;
      const health = report.summary.health;
      return {
        ...base,
        status: health,
        statusLabel: t(RECORDS_HEALTH_PRESENTATION[health].labelCode),
        domain: report.display,
        cloud: t(cloudLabelCode(report.cloud)),
        host: report.dnsHost.id === GENERIC_HOST ? t('bulk.table.hostGeneric') : report.dnsHost.name,
        genericHost: report.dnsHost.id === GENERIC_HOST,
        problems: problemsOf(report),
        fixes: fixesOf(report, t),
        actions: actionsOf(report),
        checkedAt: report.checkedAt,
      };
    }
    case 'pending':
      return {
        ...base,
        ...none,
        status: 'pending',
        statusLabel: statusLabel('pending'),
        domain: entry.display,
        problems: [],
      };
    case 'rejected':
      return {
        ...base,
        ...none,
        status: 'rejected',
        statusLabel: statusLabel('rejected'),
        domain: entry.input,
        problems: [{ severity: null, text: entry.reason }],
      };
    case 'duplicate':
      return {
        ...base,
        ...none,
        status: 'duplicate',
        statusLabel: statusLabel('duplicate'),
        domain: entry.input,
        problems: [{ severity: null, text: t('bulk.summary.duplicateOf', { line: entry.firstLine }) }],
      };
  }
}

/** A fix on one line, in the host's own notation: "Add msoid (CNAME): Host record: msoid · Value: …". */
export function fixText(fix: SummaryFix, t: Text): string {
  const fields = fix.fields
    .map((field) => t('bulk.summary.field', { label: field.label, value: field.value || t('ui.records.none') }))
    .join(t('bulk.summary.fieldSeparator'));
  const text = t('bulk.summary.fix', { op: fix.opLabel, record: fix.record, fields });
  return fix.placeholder ? t('bulk.summary.placeholder', { fix: text }) : text;
}

/** An ISO time as `YYYY-MM-DD HH:MM:SS UTC`: one unambiguous zone for a file read anywhere. */
export function utcText(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The summary's own columns, after the uploaded ones. */
export const SUMMARY_FIELDS = ['line', 'domain', 'health', 'cloud', 'host', 'problems', 'fixes', 'checkedAt'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Column headers: the uploaded file's (an unnamed one as "Column N"), then the summary's, in `t`'s language. */
export function summaryHeader(columns: readonly string[], t: Text): string[] {
  return [
    ...columns.map((name, i) => (name.trim() === '' ? t('bulk.summary.column', { n: i + 1 }) : name)),
    ...SUMMARY_FIELDS.map((field) => t(`bulk.summary.header.${field}`)),
  ];
}

/** The cells of an item's row, in `summaryHeader` order; several problems or fixes are one line each in their cell. */
export function summaryCells(item: SummaryItem, columns: number, t: Text): string[] {
  const fields: Record<SummaryField, string> = {
    line: item.line === null ? '' : String(item.line),
    domain: item.domain,
    health: item.statusLabel,
    cloud: item.cloud,
    host: item.host,
    problems: item.problems.map((p) => p.text).join('\n'),
    fixes: item.fixes.map((fix) => fixText(fix, t)).join('\n'),
    checkedAt: utcText(item.checkedAt),
  };
  return [...Array.from({ length: columns }, (_, i) => item.cells[i] ?? ''), ...SUMMARY_FIELDS.map((f) => fields[f])];
}

/**
 * The summary CSV's header line (with the UTF-8 BOM) and the lines of `items`: each line ends in CRLF, formula cells
 * are neutralised as in the full export.
 */
export function summaryCsvHead(columns: readonly string[], t: Text): string {
  return `\uFEFF${csvLine(summaryHeader(columns, t))}\r\n`;
}

export function summaryCsvLines(items: readonly SummaryItem[], columns: number, t: Text): string {
  return items.map((item) => `${csvLine(summaryCells(item, columns, t))}\r\n`).join('');
}

/**
 * The entries of a list in input order: checked (or still pending) domains at their lines, rejected lines and
 * duplicates between them. `report` is looked up only when the item is laid out, so a caller can stream.
 */
export function orderEntries<T extends { line: number | null }>(groups: readonly (readonly T[])[]): T[] {
  const all = groups.flat();
  // Stable: entries without a line keep their place after those with one.
  return all
    .map((entry, at) => ({ entry, at }))
    .sort(
      (a, b) => (a.entry.line ?? Number.MAX_SAFE_INTEGER) - (b.entry.line ?? Number.MAX_SAFE_INTEGER) || a.at - b.at,
    )
    .map(({ entry }) => entry);
}

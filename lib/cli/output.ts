/**
 * What the CLI prints: the terminal table (verdict, what it does to users, the fix in the host's notation), the
 * API's JSON report and NDJSON stream lines, the bulk summary CSV and the full CSV export. Every text that can
 * carry DNS data is escaped for the terminal (./escape.ts). Pure.
 */
import { reportsToCsv } from '@/lib/bulk/csv-export';
import {
  fixText,
  orderEntries,
  type SummaryEntry,
  summaryCsvHead,
  summaryCsvLines,
  summaryItem,
} from '@/lib/bulk/summary';
import type { Translator } from '@/lib/client/translator';
import type { DomainList } from '@/lib/report/domain-list';
import { compactReport } from '@/lib/report/render';
import type { Report, Severity } from '@/lib/schema';
import { jsonSafe, terminalSafe } from './escape';

const MARK: Partial<Record<Severity, string>> = { critical: '✗', warning: '!', unchecked: '?' };

/** One domain as the terminal table shows it: a heading line, then its problems, impacts and fixes, indented. */
export function tableBlock(report: Report, t: Translator['t']): string {
  const item = summaryItem({ kind: 'checked', line: null, cells: [], report }, t);
  const lines = [`${item.domain}  ${item.statusLabel}`, `  ${t('cli.where', { cloud: item.cloud, host: item.host })}`];
  const seen = new Set<string>();
  for (const finding of [report.msoid, ...report.records]) {
    const mark = MARK[finding.severity];
    if (!mark || seen.has(finding.text.verdict)) continue;
    seen.add(finding.text.verdict);
    lines.push(`  ${mark} ${finding.text.verdict}`);
    if (finding.text.impact) lines.push(`      ${t('cli.impact', { text: finding.text.impact })}`);
  }
  if (seen.size === 0) lines.push(`  ${t('cli.noProblems')}`);
  for (const fix of item.fixes) lines.push(`  → ${t('cli.fix', { text: fixText(fix, t) })}`);
  return `${lines.map(terminalSafe).join('\n')}\n\n`;
}

/** The stream line of a report, as POST /api/check writes it. */
export function ndjsonReport(report: Report): string {
  return `${jsonSafe(JSON.stringify({ type: 'report', ...compactReport(report) }))}\n`;
}

/** The stream's first lines (rejected entries) and last line (`done`), as POST /api/check writes them. */
export function ndjsonInvalid(list: DomainList): string {
  return list.invalid.map((entry) => `${jsonSafe(JSON.stringify({ type: 'invalid', ...entry }))}\n`).join('');
}
export function ndjsonDone(list: DomainList, checked: number): string {
  const done = { type: 'done', checked, invalid: list.invalid.length, duplicates: list.duplicates.length };
  return `${JSON.stringify(done)}\n`;
}

/** `--json`: the API's report for one domain (GET /api/check), an array of them for a list. */
export function jsonOutput(reports: readonly Report[], single: boolean): string {
  const value = single && reports.length === 1 ? compactReport(reports[0] as Report) : reports.map(compactReport);
  return `${jsonSafe(JSON.stringify(value, null, 2))}\n`;
}

/** `--csv`: the bulk summary export, one row per input line (checked domains, rejected lines, duplicates). */
export function summaryCsv(list: DomainList, reports: readonly Report[], t: Translator['t']): string {
  const byDomain = new Map(reports.map((r) => [r.domain, r]));
  const checked = list.domains.flatMap((d): SummaryEntry[] => {
    const report = byDomain.get(d.ascii);
    return report ? [{ kind: 'checked', line: d.line, cells: [], report }] : [];
  });
  const rejected = list.invalid.map((i): SummaryEntry => ({ kind: 'rejected', ...i, cells: [] }));
  const duplicates = list.duplicates.map(
    (d): SummaryEntry => ({ kind: 'duplicate', line: d.line, input: d.input, firstLine: d.firstLine, cells: [] }),
  );
  const items = orderEntries([checked, rejected, duplicates]).map((entry) => summaryItem(entry, t));
  return summaryCsvHead([], t) + summaryCsvLines(items, 0, t);
}

/** `--csv=records`: the full CSV export (one row per record of each domain). */
export function recordsCsv(reports: readonly Report[], lang: string): string {
  return reportsToCsv(reports, { lang });
}

/** CSV shown on a terminal: each line escaped (a CR would let a cell rewrite the line). Files and pipes get it as is. */
export function csvForTerminal(csv: string): string {
  return csv
    .split('\r\n')
    .map((line) => terminalSafe(line))
    .join('\n');
}

/**
 * GET /api/runs/:id/export as a stream: the bytes of lib/bulk's `reportsToCsv` / `reportsToJson` for every
 * stored result, read from the run store and written a chunk of reports at a time as the client reads, so
 * exporting a 10,000-domain run never holds all its reports (or one string of hundreds of MB) in memory.
 */
import 'server-only';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import {
  orderEntries,
  type SummaryEntry,
  summaryCsvHead,
  summaryCsvLines,
  summaryItem,
  type Text,
} from '@/lib/bulk/summary';
import { makeTranslator } from '@/lib/client/translator';
import { normalizeDomain } from '@/lib/input/normalize';
import type { InvalidEntry } from '@/lib/schema';
import { inputPolicy } from '../policy';
import type { RunRecord, RunStore } from './store';
import { reportOf, type StoredResult } from './stored-result';

/** What an export reads of a run: its list and settings, and its results through `store`. */
export type RunView = Pick<RunRecord, 'id' | 'lang' | 'targets' | 'checked' | 'invalid' | 'duplicates' | 'source'>;

export type ExportFormat = 'csv' | 'json';

/** Reports unpacked and written per chunk. */
const REPORTS_PER_CHUNK = 32;

/** The pieces of one export: what comes first, each chunk of reports, what comes last. */
type Layout = { head: string; chunk: (results: readonly StoredResult[], first: number) => string; tail: string };

function csvLayout(lang: string): Layout {
  // reportsToCsv([]) is the BOM and the header line; every chunk's own copy of them is cut off.
  const head = reportsToCsv([], { lang });
  return {
    head,
    chunk: (results) =>
      reportsToCsv(
        results.map((r) => reportOf(r, lang)),
        { lang },
      ).slice(head.length),
    tail: '',
  };
}

const EMPTY_REPORTS = '"reports": []\n}\n';

function jsonLayout(count: number, generatedAt: Date, lang: string): Layout {
  // reportsToJson([]) up to its (empty) reports array, with the real count; then each report as
  // JSON.stringify(…, null, 2) would indent it inside that array.
  const empty = reportsToJson([], generatedAt);
  if (!empty.endsWith(EMPTY_REPORTS))
    throw new Error('reportsToJson changed its layout: update lib/server/runs/export.ts');
  const head = `${empty.slice(0, -EMPTY_REPORTS.length).replace('"count": 0,', `"count": ${count},`)}"reports": [`;
  return {
    head,
    chunk: (results, first) =>
      results
        .map(
          (result, i) =>
            `${first + i === 0 ? '' : ','}\n    ${JSON.stringify(reportOf(result, lang), null, 2).replaceAll('\n', '\n    ')}`,
        )
        .join(''),
    tail: count === 0 ? ']\n}\n' : '\n  ]\n}\n',
  };
}

/**
 * The export body of the run's results in `format`, streamed: the `run.checked` results the run had when it was
 * read, a chunk at a time from `store`.
 */
export function exportStream(
  store: RunStore,
  run: Pick<RunRecord, 'id' | 'checked'>,
  format: ExportFormat,
  options: { lang: string; generatedAt?: Date },
): ReadableStream<Uint8Array> {
  let count = run.checked;
  const layout =
    format === 'csv' ? csvLayout(options.lang) : jsonLayout(count, options.generatedAt ?? new Date(), options.lang);
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next === -1) {
        next = 0;
        controller.enqueue(encoder.encode(layout.head));
        if (count > 0) return;
      }
      const page = count > next ? await store.results(run.id, next, Math.min(REPORTS_PER_CHUNK, count - next)) : [];
      // A run dropped meanwhile: the export ends with what was written.
      if (page.length < Math.min(REPORTS_PER_CHUNK, count - next)) count = next + page.length;
      const end = next + page.length;
      const text = layout.chunk(page, next) + (end >= count ? layout.tail : '');
      next = end;
      if (text !== '') controller.enqueue(encoder.encode(text));
      if (next >= count) controller.close();
    },
  });
}

/** The text of `lang` for exports (times are written in UTC by the summary itself). */
export function exportText(lang: string): Text {
  return makeTranslator(lang, { timeZone: 'UTC' }).t;
}

/**
 * A rejected line's reason in the reader's language: the run kept it in the run's, without the message's values,
 * so the line is read again under this server's rules; when it is still rejected for the same reason, the reason
 * is written in `lang`, else (a cut-short line, changed rules) the stored text is kept.
 */
function rejectReason(runLang: string, lang: string): (invalid: InvalidEntry) => string {
  if (runLang === lang) return (invalid) => invalid.reason;
  const t = exportText(lang);
  const { allowTestDomains, maxLineLength } = inputPolicy();
  return (invalid) => {
    const again = normalizeDomain(invalid.input, { allowTestDomains, maxLineLength });
    return !again.ok && again.code === invalid.code ? t(`input.reject.${again.code}`, again.params) : invalid.reason;
  };
}

/**
 * One input line of a run: a target's `domain` (null for other lines), and the entry, given the target's stored
 * result (its report is unpacked only then).
 */
export type LazyEntry = { line: number | null; domain: string | null; entry: (stored?: StoredResult) => SummaryEntry };

/**
 * Every input line of `run` in input order: each target with its result (or "not checked yet"), each rejected line
 * with its reason, each duplicate. Results are read with `summaryChunk`, a chunk of lines at a time, and unpacked and
 * rendered in `lang` one at a time.
 */
export function runSummaryEntries(
  run: Pick<RunRecord, 'lang' | 'targets' | 'invalid' | 'duplicates' | 'source'>,
  lang: string,
): LazyEntry[] {
  const cells = (line: number | null) => (line === null ? [] : (run.source?.cells.get(line) ?? []));
  const targets = run.targets.map((target, i): LazyEntry => {
    const line = run.source?.lines[i] ?? null;
    return {
      line,
      domain: target.ascii,
      entry: (stored) =>
        stored
          ? { kind: 'checked', line, cells: cells(line), report: reportOf(stored, lang) }
          : { kind: 'pending', line, cells: cells(line), display: target.display },
    };
  });
  const reason = rejectReason(run.lang, lang);
  const rejected = run.invalid.map(
    (invalid): LazyEntry => ({
      line: invalid.line,
      domain: null,
      entry: () => ({ kind: 'rejected', ...invalid, reason: reason(invalid), cells: cells(invalid.line) }),
    }),
  );
  const duplicates = run.duplicates.map(
    (duplicate): LazyEntry => ({
      line: duplicate.line,
      domain: null,
      entry: () => ({ kind: 'duplicate', ...duplicate, cells: cells(duplicate.line) }),
    }),
  );
  return orderEntries([targets, rejected, duplicates]);
}

/** Entries laid out per chunk of the summary (each checked one is unpacked and rendered). */
export const ENTRIES_PER_CHUNK = 32;

/** The entries of `lazies` (a chunk of `runSummaryEntries`), their targets' results read from `store` at once. */
export async function summaryChunk(
  store: RunStore,
  runId: string,
  lazies: readonly LazyEntry[],
): Promise<SummaryEntry[]> {
  const domains = lazies.flatMap((lazy) => (lazy.domain === null ? [] : [lazy.domain]));
  const stored = await store.resultsFor(runId, domains);
  return lazies.map((lazy) => lazy.entry(lazy.domain === null ? undefined : stored.get(lazy.domain)));
}

/**
 * GET /api/runs/:id/export?format=summary: one CSV row per input line (lib/bulk/summary.ts) with the uploaded columns,
 * headers and text in `lang`, streamed a chunk of entries at a time.
 */
export function summaryExportStream(store: RunStore, run: RunView, lang: string): ReadableStream<Uint8Array> {
  const entries = runSummaryEntries(run, lang);
  const columns = run.source?.columns ?? [];
  const t = exportText(lang);
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next === -1) {
        next = 0;
        controller.enqueue(encoder.encode(summaryCsvHead(columns, t)));
      } else {
        const end = Math.min(entries.length, next + ENTRIES_PER_CHUNK);
        const chunk = await summaryChunk(store, run.id, entries.slice(next, end));
        const items = chunk.map((entry) => summaryItem(entry, t));
        next = end;
        if (items.length > 0) controller.enqueue(encoder.encode(summaryCsvLines(items, columns.length, t)));
      }
      if (next >= entries.length) controller.close();
    },
  });
}

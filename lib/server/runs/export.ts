/**
 * GET /api/runs/:id/export as a stream: the bytes of lib/bulk's `reportsToCsv` / `reportsToJson` for every
 * stored result, written a chunk of reports at a time as the client reads, so exporting a 10,000-domain run
 * never holds all its reports (or one string of hundreds of MB) in memory.
 */
import 'server-only';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import { reportOf, type StoredResult } from './stored-result';

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

/** The export body of `results` (taken as they are now) in `format`, streamed. */
export function exportStream(
  results: readonly StoredResult[],
  format: ExportFormat,
  options: { lang: string; generatedAt?: Date },
): ReadableStream<Uint8Array> {
  const held = results.slice();
  const layout =
    format === 'csv'
      ? csvLayout(options.lang)
      : jsonLayout(held.length, options.generatedAt ?? new Date(), options.lang);
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === -1) {
        next = 0;
        controller.enqueue(encoder.encode(layout.head));
        return;
      }
      const end = Math.min(held.length, next + REPORTS_PER_CHUNK);
      const text = layout.chunk(held.slice(next, end), next) + (end >= held.length ? layout.tail : '');
      next = end;
      if (text !== '') controller.enqueue(encoder.encode(text));
      if (next >= held.length) controller.close();
    },
  });
}

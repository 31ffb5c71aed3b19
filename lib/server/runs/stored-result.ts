/**
 * A finished result as the run store keeps it: the report serialised to JSON once, when it is stored, kept as
 * UTF-8 bytes (off the JS heap) and packed (brotli, about 6× smaller) a second later, plus the few fields the
 * run API reads without opening it (domain, health, checked-at time, revision). Every answer of the run API is
 * built from those bytes (events lines, the summary, exports) by copying slices of them, so a report is never
 * serialised twice, and a kept run costs a few KB per domain instead of the tens of KB a report object graph
 * (or its JSON as a JS string, two bytes a character once the text has a non-Latin-1 character) takes.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { RecordsHealth, Report } from '@/lib/schema';

export type StoredResult = {
  domain: string;
  health: RecordsHealth;
  checkedAt: string;
  /** The run revision that stored it (every append or replacement raises the run's revision by one). */
  revision: number;
  /** The report's JSON as UTF-8 until it is packed (live followers read it from here, at no cost). */
  json: Buffer | null;
  /** The same bytes, brotli-packed; set by `packResult`. */
  packed: Buffer | null;
};

/**
 * Quality 0 with a 64 KB window: about 0.04 ms for a 35 KB report, 6× smaller (quality 1 is half again as slow
 * for 6% less); the text is highly repetitive JSON.
 */
const PACK_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 0,
    [constants.BROTLI_PARAM_LGWIN]: 16,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

/** Serialises `report` (the only JSON.stringify a stored report gets) into a new stored result. */
export function storedResult(report: Report, revision: number): StoredResult {
  return {
    domain: report.domain,
    health: report.summary.health,
    checkedAt: report.checkedAt,
    revision,
    json: Buffer.from(JSON.stringify(report), 'utf8'),
    packed: null,
  };
}

/** Packs the bytes of `result` (and lets them go); a packed result is left alone. */
export function packResult(result: StoredResult): void {
  if (result.json === null) return;
  // zlib hands back a view of its 16 KB output chunk: copy it out, or each result would keep the whole chunk.
  result.packed = Buffer.from(brotliCompressSync(result.json, PACK_OPTIONS));
  result.json = null;
}

/** The report's JSON as UTF-8 bytes (unpacked when needed; nothing is cached). */
export function reportBytes(result: StoredResult): Buffer {
  if (result.json !== null) return result.json;
  if (result.packed === null) throw new Error(`stored result of ${result.domain} has neither JSON nor packed data`);
  return brotliDecompressSync(result.packed);
}

/** The report's JSON text. */
export function reportJson(result: StoredResult): string {
  return reportBytes(result).toString('utf8');
}

/** The report object (for exports that need its fields). */
export function reportOf(result: StoredResult): Report {
  return JSON.parse(reportJson(result)) as Report;
}

const REPORT_EVENT_HEAD = Buffer.from('{"type":"report",');
const tail = (index: number, revision: number, end: string) =>
  Buffer.from(`,"index":${index},"revision":${revision}}${end}`);

/**
 * The result as the API shows it (`RunResult`: the report, then `index` and `revision`), as UTF-8 pieces to
 * write one after the other: the bytes of `JSON.stringify({ ...report, index, revision })`, without parsing.
 */
export function runResultParts(result: StoredResult, index: number): Buffer[] {
  const json = reportBytes(result);
  return [json.subarray(0, json.length - 1), tail(index, result.revision, '')];
}

/** The events line of the result: `JSON.stringify({ type: 'report', ...report, index, revision })` and `\n`. */
export function reportEventParts(result: StoredResult, index: number): Buffer[] {
  const json = reportBytes(result);
  return [REPORT_EVENT_HEAD, json.subarray(1, json.length - 1), tail(index, result.revision, '\n')];
}

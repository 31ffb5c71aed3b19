/**
 * A finished result as the run store keeps it: the check's stored form (`CheckResult`: message references, no
 * text) serialised to JSON once and packed at once (brotli, about 6× smaller), plus the few fields the run API
 * reads without opening it (domain, health, checked-at time, revision). A reader gets it rendered in their own
 * language (`renderedBytes`: the summary, exports, an events stream catching up); live followers in the run's
 * language get the report the check rendered where it ran (a worker thread, mostly), so the main thread does not
 * render a result twice. A kept run costs a few KB per domain instead of the tens of KB a report object graph (or
 * its JSON as a JS string) takes.
 *
 * Memory layout, because it decides the server's RSS: the stored JSON text is a JS string for a moment only; it
 * is encoded into one reused scratch buffer, which the packer reads; live followers copy the rendered report into
 * their own output buffers (./line-buffer.ts) while the store tells them of the result; and the packed bytes are
 * written to storage (./sql-store.ts) and read back a page at a time when a reader needs them, never kept.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { compactReport, renderResult } from '@/lib/report/render';
import type { CheckResult, Outcome, RecordsHealth, Report } from '@/lib/schema';

export type StoredResult = {
  domain: string;
  health: RecordsHealth;
  checkedAt: string;
  /** The run revision that stored it (every append or replacement raises the run's revision by one). */
  revision: number;
  /** The `CheckResult`'s JSON (UTF-8), brotli-packed, as read from storage. */
  packed: Buffer;
};

/**
 * Quality 0 with a 64 KB window: a few hundredths of a millisecond for a stored result, several times smaller (quality 1 is half again as slow
 * for 6% less); the text is highly repetitive JSON.
 */
const PACK_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 0,
    [constants.BROTLI_PARAM_LGWIN]: 16,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

// One scratch buffer for a stored result's JSON bytes, grown when a result needs more.
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** `text` as UTF-8 in the scratch buffer: a view valid only until the next call. */
function scratchBytes(text: string): Buffer {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
  scratch.write(text, 0, 'utf8');
  return scratch.subarray(0, size);
}

const EMPTY = Buffer.alloc(0);

/**
 * A finished check as a list sends it on, not yet in a run: what a check worker sends back (../workers/pool.ts),
 * or what `packCheck` makes on the main thread.
 */
export type PackedReport = {
  domain: string;
  health: RecordsHealth;
  checkedAt: string;
  /** The msoid finding's outcome (the request log's tallies). */
  outcome: Outcome;
  /** The language of `json`. */
  lang: string;
  /**
   * The report in `lang` as the API writes it (JSON, UTF-8, bytes of its own): what the POST /api/check stream and
   * a run's live followers in that language write out at once.
   */
  json: Buffer;
  /** The stored form (the `CheckResult`'s JSON, brotli-packed) for a run; empty for an ad-hoc list. */
  packed: Buffer;
};

/**
 * Packs a finished check (see `PackedReport`): the report rendered in `lang` and serialised, and with `store` the
 * result's own JSON (the only JSON.stringify a stored result gets) packed for the run store.
 */
export function packCheck(result: CheckResult, lang: string, options: { store: boolean }): PackedReport {
  return {
    domain: result.domain,
    health: result.summary.health,
    checkedAt: result.checkedAt,
    outcome: result.msoid.outcome,
    lang,
    json: Buffer.from(JSON.stringify(compactReport(renderResult(result, lang))), 'utf8'),
    packed: options.store ? brotliCompressSync(scratchBytes(JSON.stringify(result)), PACK_OPTIONS) : EMPTY,
  };
}

/** The stored result's JSON as UTF-8 bytes (unpacked; nothing is cached). */
export function resultBytes(result: StoredResult): Buffer {
  return brotliDecompressSync(result.packed);
}

/** The stored result (`CheckResult`) itself. */
export function resultOf(result: StoredResult): CheckResult {
  return JSON.parse(resultBytes(result).toString('utf8')) as CheckResult;
}

/** The `CheckResult` of packed bytes (`PackedReport.packed`). */
export function checkOfPacked(packed: Buffer): CheckResult {
  return JSON.parse(brotliDecompressSync(packed).toString('utf8')) as CheckResult;
}

/** The report of a stored result in `lang` (see lib/report/render.ts). */
export function reportOf(result: StoredResult, lang: string): Report {
  return renderResult(resultOf(result), lang);
}

/** The report of a stored result in `lang` as the API writes it (`compactReport`), as JSON bytes. */
export function renderedBytes(result: StoredResult, lang: string): Buffer {
  return Buffer.from(JSON.stringify(compactReport(reportOf(result, lang))), 'utf8');
}

/** Pieces of text to write one after the other: UTF-8 bytes, or strings (written as UTF-8). */
export type Piece = Buffer | string;

const tail = (index: number, revision: number, end: string) => `,"index":${index},"revision":${revision}}${end}`;

/**
 * The result as the API shows it (`RunResult`: the report in `lang`, then `index` and `revision`), as pieces: the
 * bytes of `JSON.stringify({ ...report, index, revision })`.
 */
export function runResultPieces(result: StoredResult, index: number, lang: string): Piece[] {
  const json = renderedBytes(result, lang);
  return [json.subarray(0, json.length - 1), tail(index, result.revision, '')];
}

/**
 * The events line of a result: `JSON.stringify({ type: 'report', ...report, index, revision })` and `\n`, from the
 * report's JSON as the API writes it (`renderedBytes`, or what the store hands to live followers).
 */
export function reportEventPieces(report: Buffer, index: number, revision: number): Piece[] {
  return ['{"type":"report",', report.subarray(1, report.length - 1), tail(index, revision, '\n')];
}

/** Bytes the pieces take as UTF-8. */
export function piecesLength(pieces: readonly Piece[]): number {
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
  return size;
}

/** Writes the pieces into `out` from `at`; returns the offset after them. `out` must have room. */
export function writePieces(pieces: readonly Piece[], out: Buffer, at: number): number {
  let offset = at;
  for (const piece of pieces) {
    offset += typeof piece === 'string' ? out.write(piece, offset, 'utf8') : piece.copy(out, offset);
  }
  return offset;
}

/** The pieces as one buffer (one allocation, one copy of each piece). */
export function joinPieces(pieces: readonly Piece[]): Buffer {
  const out = Buffer.allocUnsafe(piecesLength(pieces));
  writePieces(pieces, out, 0);
  return out;
}

/**
 * A finished result as the run store keeps it: the report serialised to JSON once, when it is stored, and
 * packed at once (brotli, about 6× smaller), plus the few fields the run API reads without opening it (domain,
 * health, checked-at time, revision). Every answer of the run API is built from those bytes (events lines, the
 * summary, exports), so a report is never serialised twice, and a kept run costs a few KB per domain instead of
 * the tens of KB a report object graph (or its JSON as a JS string, two bytes a character once the text has a
 * non-Latin-1 character) takes.
 *
 * Memory layout, because it decides the server's RSS: the JSON text is a JS string for a moment only; it is
 * encoded into one reused scratch buffer, which the packer reads and live followers copy into their own output
 * buffers (./line-buffer.ts) while the store tells them of the result; and the packed bytes of a run are laid
 * end to end in the run's own arena of large buffers. So nothing a result leaves behind outlives the heap's
 * young generation, no long-lived small allocation sits between short-lived ones in the C heap (which could
 * then not give memory back), and dropping a run frees its arena whole.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { Outcome, RecordsHealth, Report } from '@/lib/schema';

export type StoredResult = {
  domain: string;
  health: RecordsHealth;
  checkedAt: string;
  /** The run revision that stored it (every append or replacement raises the run's revision by one). */
  revision: number;
  /** The report's JSON (UTF-8), brotli-packed: a slice of the run's arena. */
  packed: Buffer;
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

/** Where a run's packed results are kept: returns a copy of `bytes` placed in the arena. */
export type Arena = (bytes: Buffer) => Buffer;

const FIRST_BLOCK = 64 * 1024;
const LARGEST_BLOCK = 1024 * 1024;

/**
 * A run's arena: blocks of 64 KB, doubling up to 1 MB (a one-domain run takes 64 KB, a big one 1 MB blocks,
 * which the C library maps on their own and unmaps when they are freed).
 */
export function createArena(): Arena {
  let block = Buffer.alloc(0);
  let used = 0;
  let next = FIRST_BLOCK;
  return (bytes) => {
    if (used + bytes.length > block.length) {
      block = Buffer.allocUnsafeSlow(Math.max(next, bytes.length));
      used = 0;
      next = Math.min(LARGEST_BLOCK, next * 2);
    }
    bytes.copy(block, used);
    const placed = block.subarray(used, used + bytes.length);
    used += bytes.length;
    return placed;
  };
}

// One scratch buffer for the report's JSON bytes, grown when a report needs more.
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/**
 * A report serialised and packed, not yet in a run: what a check worker sends back (../workers/pool.ts), or
 * what `packReport` makes on the main thread.
 */
export type PackedReport = {
  domain: string;
  health: RecordsHealth;
  checkedAt: string;
  /** The msoid finding's outcome (the request log's tallies). */
  outcome: Outcome;
  /** The report's JSON (UTF-8). */
  json: Buffer;
  /** The same, brotli-packed. */
  packed: Buffer;
};

/**
 * Serialises `report` (the only JSON.stringify a stored report gets) and packs it. `json` is a view of a
 * reused buffer, valid only until the next call, unless `ownJson` asks for a buffer of its own.
 */
export function packReport(report: Report, options: { ownJson?: boolean } = {}): PackedReport {
  const text = JSON.stringify(report);
  let json: Buffer;
  if (options.ownJson) json = Buffer.from(text, 'utf8');
  else {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
    scratch.write(text, 0, 'utf8');
    json = scratch.subarray(0, size);
  }
  return {
    domain: report.domain,
    health: report.summary.health,
    checkedAt: report.checkedAt,
    outcome: report.msoid.outcome,
    json,
    packed: brotliCompressSync(json, PACK_OPTIONS),
  };
}

/** A packed report as a run keeps it: its packed bytes copied into the run's `arena`. */
export function storePacked(report: PackedReport, revision: number, arena: Arena): StoredResult {
  return {
    domain: report.domain,
    health: report.health,
    checkedAt: report.checkedAt,
    revision,
    packed: arena(report.packed),
  };
}

/** The report's JSON as UTF-8 bytes (unpacked; nothing is cached). */
export function reportBytes(result: StoredResult): Buffer {
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

/** Pieces of text to write one after the other: UTF-8 bytes, or strings (written as UTF-8). */
export type Piece = Buffer | string;

const tail = (index: number, revision: number, end: string) => `,"index":${index},"revision":${revision}}${end}`;

/**
 * The result as the API shows it (`RunResult`: the report, then `index` and `revision`), as pieces: the bytes
 * of `JSON.stringify({ ...report, index, revision })`, without parsing.
 */
export function runResultPieces(result: StoredResult, index: number): Piece[] {
  const json = reportBytes(result);
  return [json.subarray(0, json.length - 1), tail(index, result.revision, '')];
}

/**
 * The events line of a result: `JSON.stringify({ type: 'report', ...report, index, revision })` and `\n`, from
 * the report's JSON bytes (`reportBytes`, or those the store hands to live followers).
 */
export function reportEventPieces(json: Buffer, index: number, revision: number): Piece[] {
  return ['{"type":"report",', json.subarray(1, json.length - 1), tail(index, revision, '\n')];
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

/**
 * A follower's output buffer: lines are written into one reused, growing buffer as they become due, and taken
 * out as one chunk per write. Nothing per line is allocated, so lines waiting for the next write (up to a
 * pass of the events stream) never become heap garbage that outlives the young generation.
 */
import { type Piece, piecesLength, writePieces } from './stored-result';

export type LineBuffer = {
  /** Appends the pieces unless that would pass `limit` bytes (then nothing is written and it says false). */
  offer(pieces: readonly Piece[]): boolean;
  /** Appends the pieces, past the limit if need be. */
  append(pieces: readonly Piece[]): void;
  /** Everything written so far, as a new buffer of its own; the line buffer is empty again. */
  take(): Buffer;
  /** Bytes waiting. */
  size(): number;
};

/** A line buffer that `offer` fills up to `limit` bytes. */
export function createLineBuffer(limit: number): LineBuffer {
  let buffer = Buffer.alloc(0);
  let used = 0;
  const room = (more: number) => {
    if (used + more <= buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(used + more, buffer.length * 2, 64 * 1024));
    buffer.copy(grown, 0, 0, used);
    buffer = grown;
  };
  const append = (pieces: readonly Piece[]) => {
    const size = piecesLength(pieces);
    room(size);
    used = writePieces(pieces, buffer, used);
  };
  return {
    offer(pieces) {
      if (used + piecesLength(pieces) > limit) return false;
      append(pieces);
      return true;
    },
    append,
    take() {
      const out = Buffer.allocUnsafe(used);
      buffer.copy(out, 0, 0, used);
      used = 0;
      return out;
    },
    size: () => used,
  };
}

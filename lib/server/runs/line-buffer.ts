/**
 * A follower's output buffer: lines are written into one buffer as they become due, and taken out as one chunk
 * per write. Nothing per line is allocated, so lines waiting for the next write (a pass of the events stream)
 * never become heap garbage that outlives the young generation.
 *
 * It stays small whatever a pass writes: a pass is bounded by `limit` bytes and the line that crosses it (`offer`
 * stops there; `full` tells the writer to stop), and `take` hands a well-filled buffer over as the chunk itself (no copy) and starts the
 * next pass afresh, copying out only a chunk that fills less than half of a small buffer (which it then keeps).
 * So no follower holds more than about `limit` bytes between writes, and a large pass is never copied again.
 */
import { type Piece, piecesLength, writePieces } from './stored-result';

export type LineBuffer = {
  /**
   * Appends the pieces unless `limit` bytes are waiting already (then nothing is written and it says false): as a
   * pass, it may end past the limit by the pieces that cross it.
   */
  offer(pieces: readonly Piece[]): boolean;
  /** Appends the pieces, past the limit if need be (a pass always takes at least one line). */
  append(pieces: readonly Piece[]): void;
  /** True once `limit` bytes are waiting: the pass should end. */
  full(): boolean;
  /** Everything written so far as one buffer the caller owns (later writes never change it); the line buffer is empty again. */
  take(): Buffer;
  /** Bytes waiting. */
  size(): number;
  /** Bytes of memory the line buffer itself keeps (its capacity, written or not). */
  held(): number;
  /** Drops everything waiting and the memory behind it (the follower is gone). */
  release(): void;
};

const EMPTY = Buffer.alloc(0);
/** The first capacity of a pass's buffer; it doubles as lines come. */
const FIRST_BYTES = 64 * 1024;

/** A line buffer whose passes hold about `limit` bytes (see the module comment). */
export function createLineBuffer(limit: number): LineBuffer {
  let buffer = EMPTY;
  let used = 0;
  const room = (more: number) => {
    if (used + more <= buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(used + more, buffer.length * 2, Math.min(FIRST_BYTES, limit)));
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
      if (used >= limit) return false;
      append(pieces);
      return true;
    },
    append,
    full: () => used >= limit,
    take() {
      if (used === 0) return EMPTY;
      if (used * 2 >= buffer.length || buffer.length > limit) {
        // Well filled (or grown past the limit by a long line): the chunk is the buffer itself, no copy; the
        // next pass starts a buffer of its own.
        const chunk = buffer.subarray(0, used);
        buffer = EMPTY;
        used = 0;
        return chunk;
      }
      // A few lines in a buffer of at most `limit`: copy them out (less than half of it) and keep the buffer.
      const chunk = Buffer.allocUnsafe(used);
      buffer.copy(chunk, 0, 0, used);
      used = 0;
      return chunk;
    },
    size: () => used,
    held: () => buffer.length,
    release() {
      buffer = EMPTY;
      used = 0;
    },
  };
}

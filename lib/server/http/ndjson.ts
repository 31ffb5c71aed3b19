/**
 * The one way the API streams a body: NDJSON lines (or a JSON document written in pieces) pulled from an async
 * iterable as the client reads, so a slow reader holds back the producer instead of the server buffering for
 * it. Lines are objects (serialised here) or pieces of bytes the caller already has (a stored report's JSON).
 */
import 'server-only';
import type { Piece } from '../runs/stored-result';
import { joinPieces } from '../runs/stored-result';

/** One line: an object to serialise, or the pieces of a line that is already serialised (with its `\n`). */
export type Line = Piece[] | Record<string, unknown>;

const HEADERS = { 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } as const;
const encoder = new TextEncoder();

/** `value` as an NDJSON line. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function bytesOf(line: Line): Uint8Array {
  return Array.isArray(line) ? joinPieces(line) : encoder.encode(jsonLine(line));
}

/** A streamed response of `chunks` (already encoded), with the API's streaming headers. */
export function streamedResponse(chunks: ReadableStream<Uint8Array>, contentType: string, status = 200): Response {
  return new Response(chunks, { status, headers: { 'Content-Type': contentType, ...HEADERS } });
}

/**
 * An NDJSON response of `lines`, pulled one at a time as the client reads. When the client goes away, the
 * iterable is closed (its `finally` runs). An error while producing ends the stream after the lines so far
 * (the caller's `onError` logs it).
 */
export function ndjsonResponse(lines: AsyncIterable<Line>, onError: (err: unknown) => void): Response {
  const iterator = lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(bytesOf(next.value));
      } catch (err) {
        onError(err);
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return streamedResponse(body, 'application/x-ndjson; charset=utf-8');
}

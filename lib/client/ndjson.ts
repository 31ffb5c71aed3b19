/**
 * Reads an NDJSON byte stream line by line. Lines are yielded as soon as their newline arrives, so a
 * caller can render each result while the server is still working on the others.
 */
import { type StreamLine, StreamLine as StreamLineSchema } from '@/lib/schema';

/** Splits a byte stream into non-empty text lines (UTF-8, `\n` or `\r\n`); the last line may lack `\n`. */
export async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line.trim().length > 0) yield line;
        newline = buffer.indexOf('\n');
      }
    }
    buffer += decoder.decode();
    if (buffer.trim().length > 0) yield buffer.replace(/\r$/, '');
  } finally {
    reader.releaseLock();
  }
}

export type ParsedLine = { ok: true; line: StreamLine } | { ok: false; raw: string };

/** Parses one NDJSON line against the stream contract; a bad line is data (`ok: false`), never a throw. */
export function parseStreamLine(raw: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, raw };
  }
  const parsed = StreamLineSchema.safeParse(json);
  return parsed.success ? { ok: true, line: parsed.data } : { ok: false, raw };
}

/** Reads and parses a whole check stream, one parsed line at a time. */
export async function* readStreamLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<ParsedLine> {
  for await (const raw of readLines(stream)) yield parseStreamLine(raw);
}

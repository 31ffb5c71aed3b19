/** Small HTTP helpers for the integration tests (plain fetch, no retries). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { StreamLine, type StreamLine as StreamLineType } from '../../lib/schema';

export type HttpResult = { status: number; contentType: string; text: string; json: unknown };

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** GET `base + path`, body read as text and parsed as JSON when possible. */
export async function get(base: string, path: string, init: RequestInit = {}): Promise<HttpResult> {
  const response = await fetch(new URL(path, base), { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: parseMaybeJson(text),
  };
}

/** POST a JSON body (or a raw body with the given content type). */
export async function post(
  base: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<HttpResult> {
  const payload = contentType === 'application/json' && typeof body !== 'string' ? JSON.stringify(body) : String(body);
  return get(base, path, { method: 'POST', headers: { 'content-type': contentType }, body: payload });
}

/** Splits an NDJSON body into validated stream lines (throws with the offending line on a schema error). */
export function parseNdjson(text: string): StreamLineType[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = StreamLine.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`NDJSON line ${i + 1} does not match StreamLine: ${parsed.error.message}\n${line}`);
      return parsed.data;
    });
}

/**
 * A request through node:http, for what fetch refuses to send: any method (TRACE), any Host header. Reads the
 * whole answer.
 */
export function rawRequest(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}

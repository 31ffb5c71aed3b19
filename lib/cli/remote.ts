/**
 * `--server URL`: the list goes to a running instance (POST /api/check, `Authorization: Bearer` when a token is
 * given) and its NDJSON answer is read line by line into reports, as the local check would yield them.
 */
import type { ParsedEntry } from '@/lib/report/domain-list';
import { ApiError, Report, StreamLine } from '@/lib/schema';
import type { CheckSettings } from './local';

/** The server refused (HTTP status and its `{code, message}`) or could not be reached (`status` 0). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Each report the server streams back; throws ServerError when it answers with an error. */
export async function* checkRemotely(
  server: string,
  token: string | undefined,
  targets: readonly ParsedEntry[],
  settings: CheckSettings,
  signal: AbortSignal,
): AsyncGenerator<Report> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/check`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        domains: targets.map((t) => t.ascii),
        cloud: settings.cloud,
        lang: settings.lang,
        ...(settings.services ? { services: settings.services } : {}),
      }),
      signal,
    });
  } catch (error) {
    if (signal.aborted) return;
    throw new ServerError(0, 'unreachable', (error as Error).message);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    const body = ApiError.safeParse(safeJson(text));
    throw new ServerError(
      response.status,
      body.success ? body.data.code : 'internal',
      body.success ? body.data.message : text.slice(0, 200),
    );
  }
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
        if (line.trim() === '') continue;
        const parsed = StreamLine.safeParse(safeJson(line));
        if (parsed.success && parsed.data.type === 'report') {
          const { type: _type, ...report } = parsed.data;
          yield Report.parse(report);
        }
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    throw new ServerError(0, 'unreachable', (error as Error).message);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

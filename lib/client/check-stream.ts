/**
 * Starts a streamed bulk check (POST /api/check) and hands back its parsed lines.
 * Throws ApiClientError before the first line when the server refuses the request (400, 413, 429…).
 */
import type { CheckRequest } from '@/lib/schema';
import { ApiClientError, errorFromResponse, toClientError } from './api-error';
import { checkStreamUrl } from './keys';
import { type ParsedLine, readStreamLines } from './ndjson';

export type CheckBody = Pick<CheckRequest, 'domains' | 'cloud' | 'services' | 'fresh' | 'lang'>;

/** POSTs the body and returns an async iterator of the stream's lines. */
export async function startCheck(
  body: CheckBody,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<AsyncGenerator<ParsedLine>> {
  let res: Response;
  try {
    res = await fetchImpl(checkStreamUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    throw toClientError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (!res.body) throw new ApiClientError('bad-response', 'empty body', res.status);
  return readStreamLines(res.body);
}

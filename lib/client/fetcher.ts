/**
 * Typed JSON fetcher for SWR and event handlers: validates the body with a zod schema and throws an
 * ApiClientError whenever `!res.ok`, the network fails, or the body does not match.
 */
import type { z } from 'zod';
import { Report } from '@/lib/schema';
import { ApiClientError, errorFromResponse, toClientError } from './api-error';

/** GETs `url` and returns its JSON body parsed by `schema`. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init: RequestInit = {},
  fetchImpl: typeof fetch = fetch,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (err) {
    throw toClientError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  let json: unknown;
  try {
    json = await res.json();
  } catch (err) {
    throw new ApiClientError('bad-response', err instanceof Error ? err.message : 'unreadable body', res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiClientError('bad-response', parsed.error.message, res.status);
  return parsed.data;
}

/** SWR fetcher for a one-domain report key (see `recheckKey`). */
export function fetchReport(url: string): Promise<Report> {
  return fetchJson(url, Report);
}

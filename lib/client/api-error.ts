/**
 * The client half of the shared error model: every failed request becomes an ApiClientError whose
 * `code` is an API error code or one of the client-only codes (no reply, unreadable reply, stopped, a proxy or
 * gateway that gave up waiting: 408/504 without our body).
 */
import type { ApiError, ErrorCode } from '@/lib/schema';

export const CLIENT_ERROR_CODES = ['network', 'bad-response', 'aborted', 'timeout'] as const;
export type ClientErrorCode = ErrorCode | (typeof CLIENT_ERROR_CODES)[number];

export class ApiClientError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  /** The server's error body when it sent one that matches the schema. */
  readonly body: ApiError | undefined;
  /** The wait the server asked for: the body's `retryAfterSeconds`, else the `Retry-After` header (in seconds). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ClientErrorCode, message: string, status = 0, body?: ApiError, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiClientError';
    this.code = code;
    this.status = status;
    this.body = body;
    this.retryAfterSeconds = body?.retryAfterSeconds ?? retryAfterSeconds;
  }
}

/** `Retry-After` in seconds (the delta form; an HTTP date counts from `now`); undefined when absent or unreadable. */
export function retryAfterHeader(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Turns a non-ok response into an ApiClientError, reading the `{code, message}` body when there is one.
 * The schema is imported on demand, so this module (which the page loads up front) does not bring zod with it.
 */
export async function errorFromResponse(res: Response): Promise<ApiClientError> {
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  const { ApiError } = await import('@/lib/schema');
  const parsed = ApiError.safeParse(json);
  const header = retryAfterHeader(res.headers.get('Retry-After'));
  if (parsed.success) return new ApiClientError(parsed.data.code, parsed.data.message, res.status, parsed.data, header);
  const fallback: ClientErrorCode =
    res.status === 429
      ? 'rate-limited'
      : res.status === 404
        ? 'not-found'
        : res.status === 408 || res.status === 504
          ? 'timeout'
          : 'internal';
  return new ApiClientError(fallback, `HTTP ${res.status}`, res.status, undefined, header);
}

/** Wraps anything thrown by fetch or by reading a body into an ApiClientError. */
export function toClientError(err: unknown): ApiClientError {
  if (err instanceof ApiClientError) return err;
  if (err instanceof DOMException && err.name === 'AbortError') return new ApiClientError('aborted', 'aborted');
  const message = err instanceof Error ? err.message : String(err);
  return new ApiClientError('network', message);
}

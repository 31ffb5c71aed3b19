/**
 * The one error model of the API: `{code, message}` with the right status, shared by every route handler.
 * Also the request guards every state-changing route applies (content type, origin, body size).
 */
import 'server-only';
import { matchLanguage, negotiateLanguage } from '@/lib/messages';
import type { ApiError, ErrorCode } from '@/lib/schema';
import type { ServerConfig } from '../env';
import { requestHost } from './trust';

/** The HTTP status of each error code (exported for the OpenAPI description, lib/openapi). */
export const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'too-many-domains': 413,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'forbidden-origin': 403,
  'forbidden-host': 403,
  'rate-limited': 429,
  unauthorized: 401,
  'not-found': 404,
  'method-not-allowed': 405,
  internal: 500,
  'not-ready': 503,
  'shutting-down': 503,
  'run-not-found': 404,
  'run-expired': 410,
  'too-many-runs': 429,
  'not-run-owner': 403,
  'too-many-followers': 429,
  'forbidden-role': 403,
};

/** Builds a JSON error response. Extra fields (issues, limit, count…) follow the ApiError schema. */
export function errorResponse(
  code: ErrorCode,
  message: string,
  extra: Omit<ApiError, 'code' | 'message'> = {},
  headers: HeadersInit = {},
): Response {
  const body: ApiError = { code, message, ...extra };
  return Response.json(body, { status: STATUS[code], headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** Thrown by guards; route handlers turn it into an error response. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiError, 'code' | 'message'> = {},
  ) {
    super(message);
  }
  toResponse(): Response {
    return errorResponse(this.code, this.message, this.extra);
  }
}

/** State-changing requests must say they carry JSON (a cross-site HTML form cannot). */
export function requireJson(request: Request): void {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError('unsupported-media-type', 'Send the request body as JSON with Content-Type: application/json.');
  }
}

/**
 * True when the browser says the request was started by another site: `Sec-Fetch-Site` is `cross-site`, or
 * `same-site` (another origin under the same registrable domain, which we do not trust either), or anything but
 * `same-origin` and `none` (the user's own address bar or bookmark). Scripts that send no such header pass.
 */
export function fromOtherSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== '' && site !== 'same-origin' && site !== 'none';
}

/**
 * A browser request must be same-origin. Scripts that send neither `Origin` nor `Sec-Fetch-Site` pass.
 */
export function requireSameOrigin(
  request: Request,
  config: Pick<
    ServerConfig,
    'trustProxyHeader' | 'proxySecret' | 'listensOnLoopback' | 'publicOrigin' | 'allowedHosts'
  >,
): void {
  if (fromOtherSite(request.headers)) {
    throw new HttpError('forbidden-origin', 'Cross-site requests are not allowed.');
  }
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') {
    // The host the browser sent to (the Host header, checked by the guard; X-Forwarded-Host only from our proxy).
    const host = requestHost(request, config);
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw new HttpError('forbidden-origin', 'Cross-origin requests are not allowed.');
  } else if (origin === 'null') {
    throw new HttpError('forbidden-origin', 'Cross-origin requests are not allowed.');
  }
}

/** An HTML form's POST must be form-encoded; `what` names it in the 415 message ("the sign-in form"). */
export function requireFormEncoded(request: Request, what: string): void {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError('unsupported-media-type', `Send ${what} as application/x-www-form-urlencoded.`);
  }
}

/** A form's answer: 303 (the browser follows with a GET), never cached. */
export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
}

/** Reads the body as text, refusing more than `maxBytes` (checked from Content-Length and while reading). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new HttpError('payload-too-large', `The request body is larger than ${maxBytes} bytes.`, { limit: maxBytes });
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Picks the response language from `?lang=` or Accept-Language (q-values honoured; `zh`, `zh-Hans`, `zh-SG`
 * mean `zh-CN`). Only languages in `available` are returned.
 */
export function pickLanguage(request: Request, available: readonly string[], fallback = 'en'): string {
  const hit =
    matchLanguage(new URL(request.url).searchParams.get('lang')) ??
    negotiateLanguage(request.headers.get('accept-language'));
  return hit !== undefined && available.includes(hit) ? hit : fallback;
}

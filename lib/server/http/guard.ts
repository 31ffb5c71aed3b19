/**
 * The one wrapper every API route handler goes through (`export const GET = guarded('check', …)`): request
 * id, shutdown refusal, access check, per-client rate limit, run registration for graceful shutdown, a
 * last-resort 500 with the request id, the X-Request-Id header and one structured log line per request
 * (written when a streamed answer ends). The route handler keeps only its own work.
 */
import 'server-only';

import { toDisplay } from '@/lib/input/normalize';
import { catalogueFor, formatMessage } from '@/lib/messages';
import type { DomainList } from '@/lib/report/domain-list';
import type { InvalidEntry, Report } from '@/lib/schema';
import { type AccessResult, checkAccess } from '@/lib/server/access';
import { getConfig, type ServerConfig } from '@/lib/server/env';
import { getLog, loggableHeaders } from '@/lib/server/log';
import { clientKey, consume, getLimiters, rateLimitedResponse } from '@/lib/server/rate-limit';
import { isShuttingDown, type RunHandle, registerRun } from '@/lib/server/shutdown';
import { errorResponse, HttpError, requireSameOrigin } from './errors';
import { countReport, emptyCounts, type RequestContext, requestIdOf } from './request-context';

/** What a kind of route asks of the guard. */
export type RouteKind = 'check' | 'health' | 'ready' | 'signin' | 'open';

type Policy = {
  /** 503 `shutting-down` once shutdown started. */
  refuseWhileShuttingDown: boolean;
  /** 401 without the token or a session (when access control is on). */
  requireAccess: boolean;
  /** Budget the request takes one point from (`signin` attempts have their own key). */
  rateLimit: 'check' | 'signin' | null;
  /** Register with the shutdown registry (the request runs DNS checks). */
  run: boolean;
};

const POLICIES: Record<RouteKind, Policy> = {
  check: { refuseWhileShuttingDown: true, requireAccess: true, rateLimit: 'check', run: true },
  // Liveness stays open (probes carry no token); it hides its DNS counters from callers without access.
  health: { refuseWhileShuttingDown: false, requireAccess: false, rateLimit: null, run: false },
  ready: { refuseWhileShuttingDown: true, requireAccess: false, rateLimit: null, run: false },
  signin: { refuseWhileShuttingDown: false, requireAccess: false, rateLimit: 'signin', run: false },
  // The dashboard form's submit before scripts run: it only turns the list into the share link (no DNS).
  open: { refuseWhileShuttingDown: false, requireAccess: true, rateLimit: 'check', run: false },
};

export type GuardedContext = RequestContext & {
  config: ServerConfig;
  /**
   * Charges the domains budget for `names` (the unique domains about to be checked) and logs them at debug
   * level. Returns the 429 answer when the budget is spent, else null.
   */
  chargeDomains(names: readonly string[]): Promise<Response | null>;
  /** Adds a report to the outcome tallies of the request log line. */
  record(report: { msoid: Pick<Report['msoid'], 'outcome'> }): void;
};

export type GuardedHandler = (request: Request, ctx: GuardedContext) => Promise<Response> | Response;

export type GuardOptions = {
  /**
   * Refuse a browser request another site started (403 `forbidden-origin`, errors.ts `requireSameOrigin`) before
   * access and rate limit: a page elsewhere can neither run checks nor spend the client's budget.
   */
  sameOrigin?: boolean;
};

/** Wraps a route handler with the request guards (see the module comment). Never throws. */
export function guarded(
  kind: RouteKind,
  handler: GuardedHandler,
  options: GuardOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    const log = getLog().child({ requestId });
    const policy = POLICIES[kind];
    let run: RunHandle | undefined;
    let access: AccessResult | undefined;
    const ctxBase = { requestId, route: kind, method: request.method, startedAt, log, counts: emptyCounts() };
    let ctx: GuardedContext | undefined;
    let logged = false;
    const finish = (status: number, end: 'complete' | 'aborted' = 'complete') => {
      run?.done();
      if (logged) return;
      logged = true;
      const level = status >= 500 ? 'error' : status === 401 || status === 403 || status === 429 ? 'warn' : 'info';
      log[level](
        {
          method: request.method,
          route: kind,
          path: new URL(request.url).pathname,
          status,
          end,
          durationMs: Math.round(performance.now() - startedAt),
          client: ctx?.client,
          access: access ? (access.ok ? access.via : access.reason) : undefined,
          domains: ctx?.domains ?? 0,
          outcomes: ctxBase.counts,
          headers: loggableHeaders(request.headers),
        },
        'request',
      );
    };
    const withId = (response: Response): Response => {
      const headers = new Headers(response.headers);
      headers.set('X-Request-Id', requestId);
      const streamed = /ndjson/i.test(headers.get('content-type') ?? '') && response.body !== null;
      if (!streamed || response.body === null) {
        finish(response.status);
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      // A streamed answer is logged when its last line is written (or the client goes away).
      const onGone = () => finish(response.status, 'aborted');
      request.signal.addEventListener('abort', onGone, { once: true });
      const body = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          flush: () => {
            request.signal.removeEventListener('abort', onGone);
            finish(response.status);
          },
        }),
      );
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    };

    try {
      if (policy.refuseWhileShuttingDown && isShuttingDown()) {
        return withId(errorResponse('shutting-down', 'The server is shutting down. Try again in a moment.'));
      }
      if (options.sameOrigin) requireSameOrigin(request);
      const config = getConfig();
      access = checkAccess(request, config.accessToken);
      if (policy.requireAccess && !access.ok) {
        return withId(
          errorResponse(
            'unauthorized',
            'Sign in at /signin, or send the access token as "Authorization: Bearer <token>".',
            {},
            { 'WWW-Authenticate': 'Bearer realm="m365-dns-health"' },
          ),
        );
      }
      const identity = access.ok && access.via !== 'open' ? 'token' : null;
      const client = clientKey(request, config.trustProxyHeader, identity);
      if (policy.rateLimit) {
        const limiters = await getLimiters(config.rateLimit);
        const key = policy.rateLimit === 'signin' ? `signin|${client}` : client;
        const decision = await consume(limiters.requests, 'requests', key, 1);
        if (decision.error) log.error({ err: decision.error }, 'rate limiter failed; request let through');
        if (!decision.ok) return withId(rateLimitedResponse(decision));
      }
      run = policy.run ? registerRun() : undefined;
      const signal = run ? AbortSignal.any([request.signal, run.signal]) : request.signal;
      const context: GuardedContext = {
        ...ctxBase,
        config,
        client,
        authorized: access.ok,
        signal,
        domains: 0,
        chargeDomains: async (names) => {
          context.domains = names.length;
          log.debug({ domains: names }, 'domains requested');
          const limiters = await getLimiters(config.rateLimit);
          const decision = await consume(limiters.domains, 'domains', client, names.length);
          if (decision.error) log.error({ err: decision.error }, 'rate limiter failed; request let through');
          return decision.ok ? null : rateLimitedResponse(decision);
        },
        record: (report) => countReport(ctxBase.counts, report),
      };
      ctx = context;
      return withId(await handler(request, context));
    } catch (err) {
      if (err instanceof HttpError) return withId(err.toResponse());
      log.error({ err }, 'request failed');
      return withId(
        errorResponse('internal', `Something went wrong on the server. It was logged with request id ${requestId}.`),
      );
    }
  };
}

/**
 * Applies MAX_NAMES_PER_REGISTRABLE: names past the cap under one registrable domain move to `invalid`
 * (with line, input and a catalogue reason); the domain cap (`overLimit`) is worked out again afterwards.
 */
export function capNamesPerRegistrable(
  list: DomainList,
  options: { maxPerRegistrable: number; maxDomains: number; lang?: string },
): DomainList {
  const catalogue = catalogueFor(options.lang);
  const seen = new Map<string, number>();
  const domains: DomainList['domains'] = [];
  const capped: InvalidEntry[] = [];
  for (const entry of list.domains) {
    const count = (seen.get(entry.registrable) ?? 0) + 1;
    seen.set(entry.registrable, count);
    if (count <= options.maxPerRegistrable) {
      domains.push(entry);
      continue;
    }
    const code = 'too-many-names-per-domain';
    capped.push({
      line: entry.line,
      input: entry.input,
      code,
      reason: formatMessage(catalogue, `input.limit.${code}`, {
        domain: entry.display,
        registrable: toDisplay(entry.registrable),
        count,
        limit: options.maxPerRegistrable,
      }),
    });
  }
  if (capped.length === 0) return list;
  const invalid = [...list.invalid, ...capped].sort((a, b) => a.line - b.line);
  const overLimit = domains.length > options.maxDomains ? { limit: options.maxDomains, count: domains.length } : null;
  return { ...list, domains, invalid, overLimit };
}

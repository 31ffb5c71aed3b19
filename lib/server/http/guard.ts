/**
 * The one wrapper every API route handler goes through (via ./route.ts): request id, shutdown refusal, the Host
 * check (./trust.ts), access check with failed attempts counted per client (./auth-failures.ts), the per-client
 * rate limits (charged by ./route.ts once the request is valid: an invalid request costs nothing), run
 * registration for graceful shutdown, a last-resort 500 with the request id, the X-Request-Id header and one
 * structured log line per request (written when a streamed answer ends). The route handler keeps only its own
 * work.
 */
import 'server-only';

import { toDisplay } from '@/lib/input/normalize';
import { catalogueFor, formatMessage } from '@/lib/messages';
import type { DomainList } from '@/lib/report/domain-list';
import type { InvalidEntry, Report } from '@/lib/schema';
import { type AccessResult, accessIdentity, checkAccess } from '@/lib/server/access';
import type { Principal } from '@/lib/server/auth/principal';
import { rotateIfDue, sessionCookie, sessionPrincipal } from '@/lib/server/auth/session';
import { getConfig, type ServerConfig } from '@/lib/server/env';
import { getLog, loggableHeaders, loggablePath } from '@/lib/server/log';
import type { NamesWindow } from '@/lib/server/names-window';
import { clientKey, consume, getLimiters, rateLimitedResponse } from '@/lib/server/rate-limit';
import { isShuttingDown, type RunHandle, registerRun } from '@/lib/server/shutdown';
import { authRefusedFor, recordAuthFailure } from './auth-failures';
import { errorResponse, HttpError, requireSameOrigin } from './errors';
import { countReport, emptyCounts, type RequestContext, requestIdOf } from './request-context';
import { hostAllowed, isHttps } from './trust';

/** What a kind of route asks of the guard. */
export type RouteKind = 'check' | 'health' | 'ready' | 'signin' | 'open';

type Policy = {
  /** 503 `shutting-down` once shutdown started. */
  refuseWhileShuttingDown: boolean;
  /** 401 without the token or a session (when access control is on). */
  requireAccess: boolean;
  /** True when a valid request takes one point of the client's request budget. */
  rateLimit: boolean;
  /** Register with the shutdown registry (the request runs DNS checks). */
  run: boolean;
};

const POLICIES: Record<RouteKind, Policy> = {
  check: { refuseWhileShuttingDown: true, requireAccess: true, rateLimit: true, run: true },
  // Liveness stays open (probes carry no token); it hides its DNS counters from callers without access.
  health: { refuseWhileShuttingDown: false, requireAccess: false, rateLimit: false, run: false },
  ready: { refuseWhileShuttingDown: true, requireAccess: false, rateLimit: false, run: false },
  // Sign-in attempts are not charged to a budget (that locked out the right token): failures are slowed instead.
  signin: { refuseWhileShuttingDown: false, requireAccess: false, rateLimit: false, run: false },
  // The dashboard form's submit before scripts run: it only turns the list into the share link (no DNS).
  open: { refuseWhileShuttingDown: false, requireAccess: true, rateLimit: true, run: false },
};

export type GuardedContext = RequestContext & {
  config: ServerConfig;
  /** How the caller got access (`open` when access control is off). */
  access: AccessResult;
  /** Who is asking (lib/server/auth/principal.ts): open, the shared token, or a signed-in Entra user. */
  principal: Principal;
  /**
   * Charges one point of the client's request budget (for a route kind that has one). A handler calls it (or
   * `chargeDomains`) once the request is valid and work is about to be done for it, so an invalid or pointless
   * request costs nothing and can't lock anyone out. Returns the 429 answer when the budget is spent, else null.
   */
  chargeRequest(): Promise<Response | null>;
  /**
   * Charges one request point and the domains budget for `names` (the unique domains about to be checked) and
   * logs them at debug level. A list bigger than the whole domain budget is refused (413) before anything is
   * charged; a refused request is refunded. Returns the 413/429 answer, else null.
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
      // Refusals a flood can repeat (401, 429) log at info: failed authentication has its own sampled warning.
      const level = status >= 500 ? 'error' : status === 403 ? 'warn' : 'info';
      log[level](
        {
          method: request.method,
          route: kind,
          path: loggablePath(new URL(request.url).pathname),
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
      const config = getConfig();
      if (!hostAllowed(request, config)) return withId(forbiddenHost());
      if (options.sameOrigin) requireSameOrigin(request, config);
      // Entra ID sign-in (issue 18): a valid server-side session is access; with sign-in on, "open" is not.
      const user = config.entra ? await sessionPrincipal(request, config) : null;
      const shared = checkAccess(request, config);
      const checked: AccessResult = user
        ? { ok: true, via: 'session', session: `entra:${user.sessionId}` }
        : config.entra && shared.ok && shared.via === 'open'
          ? { ok: false, reason: 'missing' }
          : shared;
      const principal: Principal =
        user ?? (checked.ok && checked.via !== 'open' ? { kind: 'token' } : { kind: 'open' });
      access = checked;
      const client = clientKey(request, config, accessIdentity(checked));
      if (policy.requireAccess && !checked.ok) {
        if (checked.reason !== 'missing') {
          // A wrong token or a forged cookie: counted per client; a source address that keeps failing is refused.
          const refused = await authRefusedFor(client);
          if (refused !== null)
            return withId(rateLimitedResponse({ ok: false, limit: 'requests', retryAfterSeconds: refused }));
          const failure = await recordAuthFailure(client);
          if (failure.log)
            log.warn(
              { event: 'auth-failed', reason: checked.reason, client, failures: failure.count },
              'authentication failed',
            );
        }
        return withId(
          errorResponse(
            'unauthorized',
            'Sign in at /signin, or send the access token as "Authorization: Bearer <token>".',
            {},
            { 'WWW-Authenticate': 'Bearer realm="m365-dns-health"' },
          ),
        );
      }
      run = policy.run ? registerRun() : undefined;
      const signal = run ? AbortSignal.any([request.signal, run.signal]) : request.signal;
      const context: GuardedContext = {
        ...ctxBase,
        config,
        access: checked,
        principal,
        client,
        authorized: checked.ok,
        signal,
        domains: 0,
        chargeRequest: async () => {
          if (!policy.rateLimit) return null;
          const limiters = await getLimiters(config);
          const decision = await consume(limiters.requests, 'requests', client, 1);
          if (decision.error) log.error({ err: decision.error }, 'rate limiter failed; request let through');
          return decision.ok ? null : rateLimitedResponse(decision);
        },
        chargeDomains: async (names) => {
          context.domains = names.length;
          log.debug({ domains: names }, 'domains requested');
          // Bigger than the whole budget: it could never be checked, and charging it would empty the bucket.
          if (names.length > config.rateLimit.domains) {
            return errorResponse(
              'too-many-domains',
              `This list has ${names.length} domains; one client may check at most ${config.rateLimit.domains} in ${config.rateLimit.domainsWindowS} seconds. Split the list.`,
              { limit: config.rateLimit.domains, count: names.length },
            );
          }
          const limited = await context.chargeRequest();
          if (limited) return limited;
          const limiters = await getLimiters(config);
          const decision = await consume(limiters.domains, 'domains', client, names.length);
          if (decision.error) log.error({ err: decision.error }, 'rate limiter failed; request let through');
          if (decision.ok) return null;
          // The request point goes back too: a request the domain budget refused did no work.
          if (policy.rateLimit) await limiters.requests.reward(client, 1).catch(() => undefined);
          return rateLimitedResponse(decision);
        },
        record: (report) => countReport(ctxBase.counts, report),
      };
      ctx = context;
      const answer = await handler(request, context);
      // The session cookie's secret is rotated periodically, on an API answer (pages can't set cookies).
      const fresh = user ? await rotateIfDue(request, config).catch(() => null) : null;
      if (fresh === null) return withId(answer);
      const headers = new Headers(answer.headers);
      headers.append('Set-Cookie', sessionCookie(fresh, isHttps(request, config), config.entra?.sessionMaxAgeS ?? 0));
      return withId(new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers }));
    } catch (err) {
      if (err instanceof HttpError) return withId(err.toResponse());
      log.error({ err }, 'request failed');
      return withId(
        errorResponse('internal', `Something went wrong on the server. It was logged with request id ${requestId}.`),
      );
    }
  };
}

/** 403 `forbidden-host`: the request was sent to a host name we don't answer for (DNS rebinding, ./trust.ts). */
export function forbiddenHost(): Response {
  return errorResponse(
    'forbidden-host',
    'This server does not answer for that host name. Set PUBLIC_ORIGIN (or ALLOWED_HOSTS) to the address users reach it at.',
  );
}

/**
 * Applies MAX_NAMES_PER_REGISTRABLE through `client`'s sliding window (`names`, ../names-window.ts): names past
 * the cap under one registrable domain (counting what the client had checked in the window) move to `invalid`
 * (with line, input and a catalogue reason); the domain cap (`overLimit`) is worked out again afterwards.
 * Nothing is counted until `commit()` (call it, without an await in between, once the list will be checked).
 */
export function capNamesPerRegistrable(
  list: DomainList,
  options: {
    names: NamesWindow;
    client: string;
    maxPerRegistrable: number;
    windowS: number;
    maxDomains: number;
    lang?: string;
    nowMs?: number;
  },
): { list: DomainList; commit(): void } {
  const catalogue = catalogueFor(options.lang);
  const entries = list.domains.map((d) => ({ registrable: d.registrable, name: d.ascii }));
  const { admissions, commit } = options.names.plan(options.client, entries, options.nowMs);
  const domains: DomainList['domains'] = [];
  const capped: InvalidEntry[] = [];
  list.domains.forEach((entry, i) => {
    const admission = admissions[i];
    if (!admission || admission.ok) {
      domains.push(entry);
      return;
    }
    capped.push({
      line: entry.line,
      input: entry.input,
      code: 'too-many-names-per-domain',
      reason: namesCapReason(catalogue, entry, admission.count, options),
    });
  });
  if (capped.length === 0) return { list, commit };
  const invalid = [...list.invalid, ...capped].sort((a, b) => a.line - b.line);
  const overLimit = domains.length > options.maxDomains ? { limit: options.maxDomains, count: domains.length } : null;
  return { list: { ...list, domains, invalid, overLimit }, commit };
}

/** The catalogue reason of a name past the client's names window (`input.limit.too-many-names-per-domain`). */
export function namesCapReason(
  catalogue: ReturnType<typeof catalogueFor>,
  entry: { display: string; registrable: string },
  count: number,
  options: { maxPerRegistrable: number; windowS: number },
): string {
  return formatMessage(catalogue, 'input.limit.too-many-names-per-domain', {
    domain: entry.display,
    registrable: toDisplay(entry.registrable),
    count,
    limit: options.maxPerRegistrable,
    minutes: Math.max(1, Math.ceil(options.windowS / 60)),
  });
}

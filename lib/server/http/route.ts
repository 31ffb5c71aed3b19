/**
 * A route handler is a spec and a function: `route(kind, spec, handler)` runs the guard (./guard.ts: the
 * same-origin rule for a body or `sameOrigin`, access, rate limit, request id, log), then reads and validates what the spec asks for (the JSON body against its zod
 * schema, a form body, the query against its schema, the path params), and hands the handler parsed input.
 * Anything the handler throws becomes the `{code, message}` error model in one place (HttpError as is; anything
 * else a 500 logged with the request id). `otherMethods` answers every method a route doesn't serve with the
 * JSON 405.
 */
import 'server-only';
import type { z } from 'zod';
import { roleOf } from '../auth/principal';
import type { ServerConfig } from '../env';
import { errorResponse, HttpError, readBodyText, requireFormEncoded, requireJson } from './errors';
import { type GuardedContext, guarded, type RouteKind } from './guard';

/**
 * The role a route needs (issue 18): `none` (no sign-in: health, readiness, the sign-in routes), `viewer` (check
 * domains, read results) or `operator` (also start and change bulk runs, manage lists, channels, schedules,
 * acceptances and watches). The shared token and open access act as operators. Every route states it.
 */
export type RouteRole = 'none' | 'viewer' | 'operator';

export type RouteSpec<B, Q> = {
  /** Who may call this route (see RouteRole); a signed-in viewer gets 403 `forbidden-role` on an operator route. */
  role: RouteRole;
  /** A JSON body (same origin, `application/json`, at most `maxBodyBytes`), validated against this schema. */
  body?: z.ZodType<B, unknown>;
  /** An empty JSON body reads as `{}` (a POST whose fields are all optional). */
  emptyBody?: boolean;
  /** A form body (same origin, form-encoded, at most `maxBytes`); `what` names it in the 415 message. */
  form?: { maxBytes: number; what: string };
  /** The query string, first value of each name, validated against this schema. */
  query?: z.ZodType<Q, unknown>;
  /** Body size cap; default MAX_BODY_BYTES. */
  maxBodyBytes?: (config: ServerConfig) => number;
  /**
   * Same-origin check for a request without a body (a state-changing POST, or a GET that spends DNS budget);
   * a JSON or form body always has it. Applied by the guard before the access check and the rate limit.
   */
  sameOrigin?: boolean;
};

export type RouteInput<B, Q> = {
  request: Request;
  body: B;
  query: Q;
  form: URLSearchParams;
  params: Record<string, string>;
};

type NextContext = { params: Promise<Record<string, string>> };

/** The issues of a failed zod parse as one line: `path: message; …`. */
function issues(error: z.ZodError, what: string): string {
  return error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
}

async function readJson(request: Request, spec: RouteSpec<unknown, unknown>, config: ServerConfig): Promise<unknown> {
  const text = await readBodyText(request, spec.maxBodyBytes?.(config) ?? config.maxBodyBytes);
  if (spec.emptyBody && text.trim() === '') return {};
  requireJson(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('invalid-input', 'The request body is not valid JSON.');
  }
}

/** Wraps a handler with the guard and the spec's parsing (see the module comment). */
export function route<B = undefined, Q = undefined>(
  kind: RouteKind,
  spec: RouteSpec<B, Q>,
  handler: (input: RouteInput<B, Q>, ctx: GuardedContext) => Promise<Response> | Response,
): ((request: Request, context?: NextContext) => Promise<Response>) & { role: RouteRole } {
  const handle = (request: Request, context?: NextContext) =>
    guarded(
      kind,
      async (req, ctx) => {
        if (spec.role !== 'none' && !ctx.access.ok) {
          throw new HttpError(
            'unauthorized',
            'Sign in at /signin, or send the access token as "Authorization: Bearer <token>".',
          );
        }
        if (spec.role === 'operator' && roleOf(ctx.principal) !== 'operator') {
          throw new HttpError(
            'forbidden-role',
            'This needs the Operator role; you are signed in as a viewer. Ask your administrator for the Operator app role.',
          );
        }
        const params = (await context?.params) ?? {};
        let body = undefined as B;
        if (spec.body) {
          const parsed = spec.body.safeParse(await readJson(req, spec as RouteSpec<unknown, unknown>, ctx.config));
          if (!parsed.success)
            throw new HttpError('invalid-input', `The request body is not valid: ${issues(parsed.error, 'body')}`);
          body = parsed.data;
        }
        let form = new URLSearchParams();
        if (spec.form) {
          requireFormEncoded(req, spec.form.what);
          form = new URLSearchParams(await readBodyText(req, spec.form.maxBytes));
        }
        let query = undefined as Q;
        if (spec.query) {
          const raw = Object.fromEntries(new URL(req.url).searchParams);
          const parsed = spec.query.safeParse(raw);
          if (!parsed.success) throw new HttpError('invalid-input', issues(parsed.error, 'query'));
          query = parsed.data;
        }
        return handler({ request: req, body, query, form, params }, ctx);
      },
      { sameOrigin: Boolean(spec.sameOrigin || spec.body || spec.form) },
    )(request);
  return Object.assign(handle, { role: spec.role });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Handlers answering 405 `method-not-allowed` (JSON, with `Allow`) for every method not in `allowed`. */
export function otherMethods(...allowed: Method[]): Record<Method, () => Response> {
  const allow = allowed.join(', ');
  const answer = () => errorResponse('method-not-allowed', `This address answers ${allow} only.`, {}, { Allow: allow });
  return Object.fromEntries(METHODS.map((m) => [m, answer])) as Record<Method, () => Response>;
}

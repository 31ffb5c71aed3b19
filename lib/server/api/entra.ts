/**
 * The Entra ID sign-in routes: GET /signin/entra (start: to Microsoft's sign-in page) and GET /signin/entra/callback
 * (Entra's answer: validate, create the session, back to where the reader was going). Refusals go back to /signin
 * with `error=entra` and create no session; the reason is logged. Route handlers only wire these.
 */
import 'server-only';
import { readCookie, safeNextPath } from '../access';
import { completeSignIn, SignInRefused, STATE_COOKIE, startSignIn, stateCookie } from '../auth/entra';
import { createSession, markStateUsed, sessionCookie } from '../auth/session';
import { HttpError } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import type { RouteInput } from '../http/route';
import { isHttps } from '../http/trust';

const noStore = { 'Cache-Control': 'no-store' };

function requireEntra(ctx: GuardedContext) {
  if (ctx.config.entra === null)
    throw new HttpError('not-found', 'Sign-in with Microsoft is not configured on this server.');
  return ctx.config.entra;
}

/** GET /signin/entra?next=/path: sets the state cookie and redirects to the tenant's authorize endpoint. */
export async function entraStart(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  requireEntra(ctx);
  const next = safeNextPath(new URL(input.request.url).searchParams.get('next'));
  const { location, cookie } = await startSignIn(ctx.config, next, isHttps(input.request, ctx.config));
  return new Response(null, { status: 302, headers: { Location: location, 'Set-Cookie': cookie, ...noStore } });
}

/** GET /signin/entra/callback?code&state: the session on success, /signin?error=entra on any refusal. */
export async function entraCallback(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  requireEntra(ctx);
  const { request } = input;
  const secure = isHttps(request, ctx.config);
  const cookies = request.headers.get('cookie');
  const stateValue = readCookie(cookies, `__Host-${STATE_COOKIE}`) ?? readCookie(cookies, STATE_COOKIE);
  const headers = new Headers(noStore);
  headers.append('Set-Cookie', stateCookie('', secure, 0));
  try {
    const user = await completeSignIn(ctx.config, new URL(request.url), stateValue, (state, expiresAtMs) =>
      markStateUsed(ctx.config, state, expiresAtMs),
    );
    const session = await createSession(ctx.config, user);
    ctx.log.info({ event: 'signin', via: 'entra', tenant: user.tid, role: user.role }, 'signed in');
    headers.append('Set-Cookie', sessionCookie(session.secret, secure, ctx.config.entra?.sessionMaxAgeS ?? 0));
    headers.set('Location', user.next);
    return new Response(null, { status: 303, headers });
  } catch (err) {
    const reason = err instanceof SignInRefused ? err.reason : `sign-in failed: ${(err as Error).message}`;
    ctx.log.warn({ event: 'signin-refused', via: 'entra', reason }, 'sign-in refused');
    headers.set('Location', '/signin?error=entra');
    return new Response(null, { status: 303, headers });
  }
}

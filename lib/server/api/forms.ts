/**
 * The two HTML forms that post to the server: the dashboard's Check pressed before its scripts ran (POST /open)
 * and the sign-in form (POST /signin/submit). Both answer 303. Route handlers only wire these.
 */
import 'server-only';
import { setTimeout as delay } from 'node:timers/promises';
import { inputLink } from '@/lib/bulk/bulk-link';
import { LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';
import { decodeShareState, type ShareLimits } from '@/lib/share/url-state';
import { clearedSessionCookies, safeEqual, safeNextPath, sessionCookieHeader } from '../access';
import { clearedEntraCookies, revokeSession } from '../auth/session';
import { authRefusedFor, recordAuthFailure } from '../http/auth-failures';
import { seeOther } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import type { RouteInput } from '../http/route';
import { isHttps } from '../http/trust';

/**
 * The /open form body: the dashboard takes 500 domains; 256 KB holds 500 names of 60 characters with their line
 * breaks even percent-encoded as non-ASCII (9 bytes a character), and bounds the work a script can ask for.
 */
export const OPEN_FORM = { maxBytes: 256 * 1024, what: 'the form' };
export const SIGNIN_FORM = { maxBytes: 8192, what: 'the sign-in form' };
export const SIGNOUT_FORM = { maxBytes: 1024, what: 'the sign-out form' };

/**
 * The form's list goes into the link whole (the body bounds it): the page the link opens applies its own limits
 * and says what it left out, which it could not do for entries dropped here.
 */
const OPEN_LIST: ShareLimits = {
  maxChars: OPEN_FORM.maxBytes,
  maxEntryChars: OPEN_FORM.maxBytes,
  maxEntries: OPEN_FORM.maxBytes,
};

/**
 * POST /open (d, cloud, s, lang): 303 to the page's share link for that list, compressed into `z` when long. A GET
 * form put the raw list into the address, and about 500 domains were a request line the server refuses (431),
 * losing the page. A link still too long for a request line (the bulk input link's rule, lib/bulk/bulk-link.ts)
 * carries the list after `#`, which the browser keeps and the page reads on arrival.
 */
export async function openList(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const limited = await ctx.chargeRequest();
  if (limited) return limited;
  const { form } = input;
  form.delete('z'); // only the form's own fields
  const lang = matchLanguage(form.get(LANGUAGE_PARAM));
  const state = decodeShareState(form, OPEN_LIST);
  return seeOther(inputLink('/', state, lang ? `${LANGUAGE_PARAM}=${encodeURIComponent(lang)}` : ''));
}

/** POST /signin/submit (token, next, lang): sets the session cookie and returns to `next`, or back to /signin. */
export async function signIn(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  const token = ctx.config.accessToken;
  if (token === null) return seeOther('/');
  const { form } = input;
  const next = safeNextPath(form.get('next'));
  const refused = await authRefusedFor(ctx.client);
  if (refused !== null || !safeEqual(form.get('token') ?? '', token)) {
    // Never a lockout: a wrong token is answered after a delay that grows with the client's failures (the right
    // token is never delayed); a source address that keeps failing is not checked until its window ends.
    if (refused === null) {
      const failure = await recordAuthFailure(ctx.client);
      if (failure.log) {
        ctx.log.warn({ event: 'signin-failed', client: ctx.client, failures: failure.count }, 'sign-in refused');
      }
      await delay(failure.delayMs, undefined, { signal: ctx.signal }).catch(() => undefined);
    }
    const back = new URLSearchParams({ error: '1', next });
    const lang = matchLanguage(form.get(LANGUAGE_PARAM));
    if (lang) back.set(LANGUAGE_PARAM, lang);
    return seeOther(`/signin?${back}`);
  }
  ctx.log.info({ event: 'signin', client: ctx.client }, 'signed in');
  const cookie = sessionCookieHeader(token, isHttps(input.request, ctx.config), ctx.config.sessionMaxAgeS);
  return seeOther(next, { 'Set-Cookie': cookie });
}

/**
 * POST /signout: removes the session cookies (both names of each) and goes to /signin; an Entra session is also
 * revoked server-side, so its cookie no longer works even if it was copied.
 */
export async function signOut(input: RouteInput<undefined, undefined>, ctx: GuardedContext): Promise<Response> {
  if (ctx.config.entra !== null) await revokeSession(input.request, ctx.config);
  const headers = new Headers({ Location: '/signin', 'Cache-Control': 'no-store' });
  const entra = ctx.config.entra !== null ? clearedEntraCookies() : [];
  for (const cookie of [...clearedSessionCookies(), ...entra]) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

import { LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';
import { isHttps, safeEqual, safeNextPath, sessionCookieHeader } from '@/lib/server/access';
import { guarded } from '@/lib/server/guard';
import { readBodyText, requireFormEncoded, requireSameOrigin, seeOther } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * POST /signin/submit (form: token, next, lang) — sets the session cookie and returns to `next`, or back to
 * /signin (in the form's language, when it names one we have).
 */
export const POST = guarded('signin', async (request, ctx) => {
  requireSameOrigin(request);
  const token = ctx.config.accessToken;
  if (token === null) return seeOther('/');
  requireFormEncoded(request, 'the sign-in form');
  const form = new URLSearchParams(await readBodyText(request, 8192));
  const next = safeNextPath(form.get('next'));
  if (!safeEqual(form.get('token') ?? '', token)) {
    ctx.log.warn({ event: 'signin-failed', client: ctx.client }, 'sign-in refused');
    const back = new URLSearchParams({ error: '1', next });
    const lang = matchLanguage(form.get(LANGUAGE_PARAM));
    if (lang) back.set(LANGUAGE_PARAM, lang);
    return seeOther(`/signin?${back}`);
  }
  ctx.log.info({ event: 'signin', client: ctx.client }, 'signed in');
  return seeOther(next, { 'Set-Cookie': sessionCookieHeader(token, isHttps(request), ctx.config.sessionMaxAgeS) });
});

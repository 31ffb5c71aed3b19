import { LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';
import { guarded } from '@/lib/server/guard';
import { HttpError, readBodyText, requireSameOrigin } from '@/lib/server/http';
import { decodeShareState, encodeShareState, MAX_PARAM_CHARS } from '@/lib/share/url-state';

export const dynamic = 'force-dynamic';

/** The form body may hold the longest list a link is read from, percent-encoded (up to 3 bytes a character). */
const MAX_FORM_BYTES = 3 * MAX_PARAM_CHARS + 4096;

/**
 * POST /open (form: d, cloud, s, lang): the dashboard's Check pressed before the page's scripts ran. Answers 303
 * with the page's share link for that list, compressed into `z` when long, so the browser opens it filled and
 * runs it. A GET form put the raw list into the address, and about 500 domains were a request line the server
 * refuses (431), losing the page.
 */
export const POST = guarded('open', async (request) => {
  requireSameOrigin(request);
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError('unsupported-media-type', 'Send the form as application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(await readBodyText(request, MAX_FORM_BYTES));
  form.delete('z'); // only the form's own fields
  const share = encodeShareState(decodeShareState(form));
  const lang = matchLanguage(form.get(LANGUAGE_PARAM));
  const location = `/?${share}${lang ? `&${LANGUAGE_PARAM}=${encodeURIComponent(lang)}` : ''}`;
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
});

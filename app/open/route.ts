import { inputLink } from '@/lib/bulk/bulk-link';
import { LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';
import { guarded } from '@/lib/server/guard';
import { readBodyText, requireFormEncoded, requireSameOrigin, seeOther } from '@/lib/server/http';
import { decodeShareState } from '@/lib/share/url-state';

export const dynamic = 'force-dynamic';

/**
 * The form body: the dashboard takes 500 domains; 256 KB holds 500 names of 60 characters with their line breaks
 * even percent-encoded as non-ASCII (9 bytes a character), and bounds the work a script can ask for.
 */
const MAX_FORM_BYTES = 256 * 1024;

/**
 * POST /open (form: d, cloud, s, lang): the dashboard's Check pressed before the page's scripts ran. Answers 303
 * with the page's share link for that list, compressed into `z` when long, so the browser opens it filled and
 * runs it. A GET form put the raw list into the address, and about 500 domains were a request line the server
 * refuses (431), losing the page. A link still too long for a request line (the bulk page's input link's rule,
 * lib/bulk/bulk-link.ts) carries the list after `#`, which the browser keeps and the page reads on arrival.
 */
export const POST = guarded('open', async (request) => {
  requireSameOrigin(request);
  requireFormEncoded(request, 'the form');
  const form = new URLSearchParams(await readBodyText(request, MAX_FORM_BYTES));
  form.delete('z'); // only the form's own fields
  const lang = matchLanguage(form.get(LANGUAGE_PARAM));
  return seeOther(inputLink('/', decodeShareState(form), lang ? `${LANGUAGE_PARAM}=${encodeURIComponent(lang)}` : ''));
});

/**
 * The language of the page being rendered: `?lang=` (when the caller has it), then the language switch's
 * cookie, then the browser's Accept-Language, then English. Server components only (reads the request).
 */
import 'server-only';
import { cookies, headers } from 'next/headers';
import { LANGUAGE_COOKIE, LANGUAGE_HEADER, type Language, resolveLanguage } from '@/lib/messages';

/** Resolves the page language; `query` is `searchParams.lang` where the caller has it. */
export async function requestLanguage(query?: string | string[] | null): Promise<Language> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return resolveLanguage({
    query: query ?? headerStore.get(LANGUAGE_HEADER),
    cookie: cookieStore.get(LANGUAGE_COOKIE)?.value,
    acceptLanguage: headerStore.get('accept-language'),
  });
}

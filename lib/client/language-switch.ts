/**
 * What the language switch does, as pure functions: the cookie it sets and the address it goes to. The page
 * keeps its query (domains, cloud, services), so the reloaded page checks the same list in the new language.
 */
import { LANGUAGE_COOKIE, LANGUAGE_PARAM, type Language } from '@/lib/messages/language';

/** A year: the choice outlives the session, like the browser setting it overrides. */
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The `document.cookie` assignment that remembers `lang` for every page of the site. */
export function languageCookie(lang: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * The address to load after switching to `lang`, from the current one. When the cookie was saved, `?lang=` is
 * dropped (it would outrank the cookie, and a shared link should follow its reader's language); when it was
 * not (cookies blocked), `?lang=` carries the choice instead. Everything else in the query and the fragment stays.
 */
export function languageSwitchTarget(currentHref: string, lang: Language, cookieSaved: boolean): string {
  const url = new URL(currentHref);
  if (cookieSaved) url.searchParams.delete(LANGUAGE_PARAM);
  else url.searchParams.set(LANGUAGE_PARAM, lang);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The plain link for a language (works without JavaScript: `?lang=` picks the language of the next page). */
export function languageHref(lang: Language): string {
  return `?${new URLSearchParams({ [LANGUAGE_PARAM]: lang }).toString()}`;
}

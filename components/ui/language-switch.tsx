'use client';

import type { MouseEvent } from 'react';
import { languageCookie, languageHref, languageSwitchTarget } from '@/lib/client/language-switch';
import { LANGUAGE_COOKIE, LANGUAGES, type Language } from '@/lib/messages/language';
import { useT } from './i18n-provider';

/** True when the browser kept the cookie just set (it may block cookies for this site). */
function cookieSaved(lang: Language): boolean {
  return document.cookie.split(';').some((part) => part.trim() === `${LANGUAGE_COOKIE}=${lang}`);
}

/**
 * The language switch: one link per language, each named in its own language. Choosing one remembers it in
 * a cookie and reloads the page with the same query, so the list and its results come back in that language.
 * Without JavaScript the link still works through `?lang=`.
 */
export function LanguageSwitch() {
  const { t, lang: current } = useT();

  function choose(event: MouseEvent<HTMLAnchorElement>, lang: Language) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // biome-ignore lint/suspicious/noDocumentCookie: one fixed-format value from a closed set, and it must be set before the synchronous reload (Cookie Store is async and not in every browser)
    document.cookie = languageCookie(lang, window.location.protocol === 'https:');
    window.location.assign(languageSwitchTarget(window.location.href, lang, cookieSaved(lang)));
  }

  return (
    <nav aria-label={t('language.label')} className="flex items-center gap-1 text-sm" data-testid="language-switch">
      <span aria-hidden="true" className="me-1 text-slate-500 dark:text-slate-400">
        {t('language.label')}
      </span>
      {LANGUAGES.map((lang) =>
        lang === current ? (
          <span
            key={lang}
            lang={lang}
            aria-current="true"
            className="rounded-md bg-slate-200 px-2 py-1 font-semibold text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          >
            {t(`language.name.${lang}`)}
          </span>
        ) : (
          <a
            key={lang}
            href={languageHref(lang)}
            hrefLang={lang}
            lang={lang}
            onClick={(event) => choose(event, lang)}
            className="rounded-md px-2 py-1 font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-sky-300"
          >
            {t(`language.name.${lang}`)}
          </a>
        ),
      )}
    </nav>
  );
}

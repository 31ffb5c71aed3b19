'use client';

import type { IntlError } from 'next-intl';
import { NextIntlClientProvider } from 'next-intl';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { makeTranslator, type Translator } from '@/lib/client/translator';
import { CATALOGUES } from '@/lib/messages';

const I18nContext = createContext<Translator | null>(null);

/** A missing message shows its code (as `useT().t` does); it is never logged as an error in the browser. */
function ignore(_error: IntlError): void {}
const codeOf = ({ namespace, key }: { namespace?: string; key: string }) => (namespace ? `${namespace}.${key}` : key);

/**
 * Gives every client component below it the translator for `lang` (`useT()`), and next-intl's context
 * (`useTranslations`, `useFormatter`, `useLocale`) for the same locale and catalogue. It also keeps
 * `<html lang>` in step with the language the page is shown in.
 */
export function I18nProvider({ lang, children }: { lang: string; children: ReactNode }) {
  const translator = useMemo(() => makeTranslator(lang), [lang]);
  const locale = translator.lang;
  useEffect(() => {
    if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
  }, [locale]);
  return (
    <NextIntlClientProvider locale={locale} messages={CATALOGUES[locale]} onError={ignore} getMessageFallback={codeOf}>
      <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
    </NextIntlClientProvider>
  );
}

/** The current translator: `t(code, params)`, `tp(code, count)`, `num(n)`, `time(iso)`. */
export function useT(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useT() needs an <I18nProvider> above it.');
  return translator;
}

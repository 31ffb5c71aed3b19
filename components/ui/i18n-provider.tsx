'use client';

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type MessageFormatter, type Translator, translatorFor } from '@/lib/client/translator-core';
import type { Language } from '@/lib/messages/language';
import { type Catalogue, catalogueNeedsIcu } from '@/lib/messages/template';

const I18nContext = createContext<Translator | null>(null);

/**
 * Gives every client component below it the translator for `lang` over `catalogue` (`useT()`), and keeps
 * `<html lang>` in step with the language the page is shown in. The server passes the one catalogue the page
 * is shown in, so the browser never loads the other language. Messages are filled by plain substitution, which
 * renders every shipped template as the server's ICU formatter does; should a template ever need ICU (a plural,
 * a select), the ICU formatter is loaded on demand and the text is re-rendered with it.
 */
export function I18nProvider({
  lang,
  catalogue,
  children,
}: {
  lang: Language;
  catalogue: Catalogue;
  children: ReactNode;
}) {
  const [icu, setIcu] = useState<MessageFormatter | null>(null);
  useEffect(() => {
    if (icu || !catalogueNeedsIcu(catalogue)) return;
    let live = true;
    void import('@/lib/messages/format').then(({ formatMessage }) => {
      if (live) setIcu(() => formatMessage);
    });
    return () => {
      live = false;
    };
  }, [catalogue, icu]);
  const translator = useMemo(() => translatorFor(lang, catalogue, icu ? { format: icu } : {}), [lang, catalogue, icu]);
  useEffect(() => {
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The current translator: `t(code, params)`, `tp(code, count)`, `num(n)`, `time(iso)`. */
export function useT(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useT() needs an <I18nProvider> above it.');
  return translator;
}

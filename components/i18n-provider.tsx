'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { makeTranslator, type Translator } from '@/lib/client/translator';

const I18nContext = createContext<Translator | null>(null);

/** Gives every client component below it the translator for `lang`. */
export function I18nProvider({ lang, children }: { lang: string; children: ReactNode }) {
  const translator = useMemo(() => makeTranslator(lang), [lang]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The current translator: `t(code, params)`, `tp(code, count)`, `num(n)`, `time(iso)`. */
export function useT(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useT() needs an <I18nProvider> above it.');
  return translator;
}

/**
 * Text, numbers and times for one language, from the message catalogue. Server components (and tests) call
 * `makeTranslator`, which holds every catalogue and formats with ICU; components in the page get theirs from
 * `useT()`, built by `translatorFor` over the one catalogue the server sent (lib/client/translator-core.ts).
 */
import { CATALOGUES, DEFAULT_LANGUAGE, formatMessage, matchLanguage } from '@/lib/messages';
import { type Translator, type TranslatorOptions, translatorFor } from './translator-core';

export type { Translator, TranslatorOptions } from './translator-core';

/** Builds the translator for `lang`; a tag we have no catalogue for gets English. */
export function makeTranslator(lang: string, options: Omit<TranslatorOptions, 'format'> = {}): Translator {
  const locale = matchLanguage(lang) ?? DEFAULT_LANGUAGE;
  return translatorFor(locale, CATALOGUES[locale], { ...options, format: formatMessage });
}

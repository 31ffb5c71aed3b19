/**
 * Text, numbers and times for one language, from the message catalogue. Components get one through
 * `useT()`; server components call `makeTranslator` directly. Messages go through the ICU formatter of
 * `lib/messages/format.ts`; numbers and dates through next-intl's formatter core (`Intl` with the locale).
 * Pure and browser-safe.
 */
import { createFormatter, type IntlError } from 'use-intl/core';
import { CATALOGUES, DEFAULT_LANGUAGE, formatMessage, type Language, matchLanguage } from '@/lib/messages';
import { lookupTemplate, type Params } from '@/lib/messages/format';

export type Translator = {
  /** The language in use, always one of `LANGUAGES` (`zh-Hans` arrives here as `zh-CN`). */
  lang: Language;
  /** The message at `code` (full dot path, e.g. `ui.form.submit`) with `{param}`s filled. */
  t: (code: string, params?: Params) => string;
  /**
   * A counted message: picks `<code>.<plural category>` (Intl.PluralRules, falling back to `.other`) and fills
   * `{count}` with the formatted number. Languages without plural forms need only `.other`.
   */
  tp: (code: string, count: number, params?: Params) => string;
  /** A number in the language's format. */
  num: (n: number) => string;
  /** A date-time (ISO string) as a short time, with the date when it is not today (in the local time zone). */
  time: (iso: string, now?: Date) => string;
};

export type TranslatorOptions = {
  /** IANA time zone for `time`; by default the runtime's own (the browser's, in the page). */
  timeZone?: string;
};

/** The runtime's time zone, or UTC where it has none. */
function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Formatting problems (an odd number, a time zone the runtime lacks) must never break the page. */
function ignore(_error: IntlError): void {}

/** Builds the translator for `lang`; a tag we have no catalogue for gets English. */
export function makeTranslator(lang: string, options: TranslatorOptions = {}): Translator {
  const locale = matchLanguage(lang) ?? DEFAULT_LANGUAGE;
  const catalogue = CATALOGUES[locale];
  const timeZone = options.timeZone ?? localTimeZone();
  const format = createFormatter({ locale, timeZone, onError: ignore });
  const plurals = new Intl.PluralRules(locale);
  const t = (code: string, params: Params = {}) => formatMessage(catalogue, code, params);
  const num = (n: number) => format.number(n);
  const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    lang: locale,
    t,
    tp: (code, count, params = {}) => {
      const category = `${code}.${plurals.select(count)}`;
      const chosen = lookupTemplate(catalogue, category) !== undefined ? category : `${code}.other`;
      return t(chosen, { ...params, count: num(count) });
    },
    num,
    time: (iso, now = new Date()) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return sameDay.format(date) === sameDay.format(now)
        ? format.dateTime(date, { timeStyle: 'medium' })
        : format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' });
    },
  };
}

/**
 * Text, numbers and times for one language, from the message catalogue. Components get one through
 * `useT()`; server components call `makeTranslator` directly. Pure and browser-safe.
 */
import { catalogueFor, formatMessage } from '@/lib/messages';
import { lookupTemplate, type Params } from '@/lib/messages/format';

export type Translator = {
  lang: string;
  /** The message at `code` (full dot path, e.g. `ui.form.submit`) with `{param}`s filled. */
  t: (code: string, params?: Params) => string;
  /**
   * A counted message: picks `<code>.<plural category>` (Intl.PluralRules, falling back to `.other`) and fills
   * `{count}` with the formatted number. Languages without plural forms need only `.other`.
   */
  tp: (code: string, count: number, params?: Params) => string;
  /** A number in the language's format. */
  num: (n: number) => string;
  /** A date-time (ISO string) as a short time, with the date when it is not today. */
  time: (iso: string, now?: Date) => string;
};

/** Builds the translator for `lang` (an unknown language gets the default catalogue). */
export function makeTranslator(lang: string): Translator {
  const catalogue = catalogueFor(lang);
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const timeOnly = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  const t = (code: string, params: Params = {}) => formatMessage(catalogue, code, params);
  return {
    lang,
    t,
    tp: (code, count, params = {}) => {
      const category = `${code}.${plurals.select(count)}`;
      const chosen = lookupTemplate(catalogue, category) !== undefined ? category : `${code}.other`;
      return t(chosen, { ...params, count: numbers.format(count) });
    },
    num: (n) => numbers.format(n),
    time: (iso, now = new Date()) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return date.toDateString() === now.toDateString() ? timeOnly.format(date) : dateTime.format(date);
    },
  };
}

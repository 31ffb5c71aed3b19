/**
 * A translator for one language and one catalogue, without the catalogues themselves: the page gets its one
 * catalogue from the server (the root layout passes it to `<I18nProvider>`), so the browser never downloads
 * the other language. Numbers and times go straight to `Intl` with the locale. Pure and browser-safe.
 */
import type { Language } from '@/lib/messages/language';
import { type Catalogue, formatPlain, lookupTemplate, type Params } from '@/lib/messages/template';

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
  /**
   * A date-time (ISO string) as a time with its time zone named (`9:30:15 AM GMT+8`), with the date when it is not
   * today or when `date` asks for it (rows of a run that spans days all show theirs), in the translator's time zone.
   */
  time: (iso: string, now?: Date, options?: { date?: boolean }) => string;
  /** The calendar day (YYYY-MM-DD) of a date-time in the translator's time zone ('' when unreadable). */
  day: (iso: string) => string;
  /** A date and time in a named IANA zone (a schedule's own), the zone's name after it: "Wednesday, … (Asia/Tokyo)". */
  inZone: (iso: string, zone: string) => string;
};

/** Formats the message at `code` of a catalogue (`formatPlain` in the page, ICU `formatMessage` on the server). */
export type MessageFormatter = (catalogue: Catalogue, code: string, params?: Params) => string;

export type TranslatorOptions = {
  /** IANA time zone for `time`; by default the runtime's own (the browser's, in the page). */
  timeZone?: string;
  /** How templates are filled; plain substitution by default (see `needsIcu` in lib/messages/template.ts). */
  format?: MessageFormatter;
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
function safely<T>(format: (value: T) => string): (value: T) => string {
  return (value) => {
    try {
      return format(value);
    } catch {
      return String(value);
    }
  };
}

/** Builds the translator for `lang` over `catalogue`. */
export function translatorFor(lang: Language, catalogue: Catalogue, options: TranslatorOptions = {}): Translator {
  const timeZone = options.timeZone ?? localTimeZone();
  const format = options.format ?? formatPlain;
  const plurals = new Intl.PluralRules(lang);
  const t = (code: string, params: Params = {}) => format(catalogue, code, params);
  let numbers: Intl.NumberFormat | undefined;
  const num = safely((n: number) => {
    numbers ??= new Intl.NumberFormat(lang);
    return numbers.format(n);
  });
  // Every time names its zone (one zone everywhere: the reader's, so it must say which).
  const clock = {
    timeZone,
    hour: lang === 'zh-CN' ? '2-digit' : 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  } as const;
  const timeOnly = safely((date: Date) => new Intl.DateTimeFormat(lang, clock).format(date));
  const dateAndTime = safely((date: Date) =>
    new Intl.DateTimeFormat(lang, { ...clock, year: 'numeric', month: 'short', day: 'numeric' }).format(date),
  );
  const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : sameDay.format(date);
  };
  return {
    lang,
    t,
    tp: (code, count, params = {}) => {
      const category = `${code}.${plurals.select(count)}`;
      const chosen = lookupTemplate(catalogue, category) !== undefined ? category : `${code}.other`;
      return t(chosen, { ...params, count: num(count) });
    },
    num,
    time: (iso, now = new Date(), options = {}) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return !options.date && sameDay.format(date) === sameDay.format(now) ? timeOnly(date) : dateAndTime(date);
    },
    day,
    inZone: (iso, zone) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      const inZone = safely((d: Date) =>
        new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(d),
      );
      return `${inZone(date)} (${zone})`;
    },
  };
}

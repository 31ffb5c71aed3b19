/**
 * Which of our languages a request or a user wants: BCP 47 matching (`zh-Hans-SG` → `zh-CN`), Accept-Language
 * negotiation with q-values, and the page's order of preference. Pure and browser-safe.
 */

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The cookie the language switch sets; its value is one of `LANGUAGES`. */
export const LANGUAGE_COOKIE = 'lang';
/** The query parameter that picks the language of the page and the API (`?lang=zh-CN`). */
export const LANGUAGE_PARAM = 'lang';
/**
 * The request header proxy.ts copies a valid `?lang=` into, so the root layout (which gets no searchParams)
 * can set `<html lang>` for `?lang=zh-CN` links too.
 */
export const LANGUAGE_HEADER = 'x-lang';

/** Regions whose Chinese is written in simplified characters (mainland China, Singapore, Malaysia). */
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg', 'my']);

/**
 * The language we have for a BCP 47 tag, or undefined. `zh`, `zh-CN`, `zh-SG`, `zh-Hans` and `zh-Hans-*`
 * are Simplified Chinese; `zh-TW`, `zh-HK` and `zh-Hant` are not (Traditional Chinese is not translated).
 * Case-insensitive; `_` is read as `-`.
 */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().toLowerCase().replaceAll('_', '-').split('-');
  const [primary, second] = parts;
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  if (parts.includes('hant')) return undefined;
  if (second === undefined || second === 'hans' || SIMPLIFIED_REGIONS.has(second)) return 'zh-CN';
  return undefined;
}

/**
 * The language an Accept-Language header prefers among ours, by q-value (ties keep the header's order),
 * or undefined when it names none of them. `*` matches nothing: it leaves the choice to the fallback.
 */
export function negotiateLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.split(';').map((s) => s.trim());
      const q = rest.find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const hit = matchLanguage(tag);
    if (hit) return hit;
  }
  return undefined;
}

export type LanguageSources = {
  /** `?lang=` of the request, if any (an array means the parameter was repeated: the first counts). */
  query?: string | readonly string[] | null;
  /** The value of the `lang` cookie the language switch sets. */
  cookie?: string | null;
  /** The Accept-Language header (the browser's language settings). */
  acceptLanguage?: string | null;
};

/** The language to use: `?lang=`, then the switch's cookie, then the browser's Accept-Language, then English. */
export function resolveLanguage(sources: LanguageSources): Language {
  const query = typeof sources.query === 'string' ? sources.query : sources.query?.[0];
  return (
    matchLanguage(query) ??
    matchLanguage(sources.cookie) ??
    negotiateLanguage(sources.acceptLanguage) ??
    DEFAULT_LANGUAGE
  );
}

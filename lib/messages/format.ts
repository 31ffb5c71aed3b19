/**
 * Message catalogue lookup and formatting. A catalogue is nested objects of ICU message templates with
 * `{param}` placeholders; a message code is its dot path (`msoid.verdict.missing`). Pure and browser-safe.
 *
 * Templates are formatted by next-intl's ICU core (`use-intl/core`), so a message may use ICU plural and
 * select arguments. Two rules keep every message safe: an unknown code renders as the code itself, and a
 * template ICU cannot format (a stray `<`, an unbalanced brace, a missing param) falls back to plain
 * `{name}` substitution. Nothing here ever throws.
 *
 * Lookup and plain substitution live in `template.ts`, which the browser uses alone: every shipped template
 * renders the same either way (see `needsIcu`), so the page carries no ICU parser.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import {
  _createCache,
  _createIntlFormatters,
  type AbstractIntlMessages,
  createTranslator,
  type IntlError,
} from 'use-intl/core';
import type { MessageRef } from '@/lib/schema';
import { type Catalogue, fillPlaceholders, lookupTemplate, needsIcu, type Params } from './template';

export {
  type Catalogue,
  catalogueNeedsIcu,
  fillPlaceholders,
  formatPlain,
  lookupTemplate,
  needsIcu,
  type Params,
} from './template';

/** The same nested keys as `T`, every leaf a string: a translation must have exactly the English shape. */
export type DeepStringShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStringShape<T[K]> };

type IcuTranslate = (code: string, params: Params) => string;

/**
 * Compiled messages by locale and template. use-intl's own memo keys on a JSON dump of every argument, which
 * costs more than formatting; our translators pass no custom formats, so locale and template are the whole key
 * (a few microseconds a message instead of about 25). Only catalogue templates reach it, so it stays small.
 * A template ICU cannot parse is remembered as its error.
 */
const compiled = new Map<string, IntlMessageFormat | Error>();
function getMessageFormat(...args: ConstructorParameters<typeof IntlMessageFormat>): IntlMessageFormat {
  const [message, locale] = args;
  const key = `${String(locale)}\u0000${typeof message === 'string' ? message : JSON.stringify(message)}`;
  let format = compiled.get(key);
  if (format === undefined) {
    try {
      format = new IntlMessageFormat(...args);
    } catch (error) {
      format = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(key, format);
  }
  if (format instanceof Error) throw format;
  return format;
}

const cache = _createCache();
const formatters = { ..._createIntlFormatters(cache), getMessageFormat };
const locales = new WeakMap<Catalogue, string>();
const translators = new WeakMap<Catalogue, IcuTranslate>();

/**
 * Declares the locale a catalogue is written in; ICU plural rules and `{n, number}` arguments follow it.
 * Catalogues nobody declared are treated as English.
 */
export function setCatalogueLocale(catalogue: Catalogue, locale: string): void {
  locales.set(catalogue, locale);
  translators.delete(catalogue);
}

function icuTranslator(catalogue: Catalogue): IcuTranslate {
  const cached = translators.get(catalogue);
  if (cached) return cached;
  const t = createTranslator({
    locale: locales.get(catalogue) ?? 'en',
    messages: catalogue as AbstractIntlMessages,
    // A formatting problem surfaces as an exception, so the caller can fall back instead of showing a key.
    onError: (error: IntlError) => {
      throw error;
    },
    _cache: cache,
    _formatters: formatters,
  });
  const translate: IcuTranslate = (code, params) => t(code as never, params as never);
  translators.set(catalogue, translate);
  return translate;
}

/** Characters that mean something to ICU; a template with none of them is already its own output. */
const ICU_SYNTAX = /[{}'<#|]/;

/**
 * Templates that render the same by plain substitution (`needsIcu` false: most of them, only `{name}`
 * placeholders). They skip the ICU translator, which costs about ten times as much per message and was 6% of
 * a bulk run's server CPU. Keyed by template text, so it holds at most every catalogue template once.
 */
const plainTemplates = new Map<string, boolean>();
function rendersPlain(template: string): boolean {
  let plain = plainTemplates.get(template);
  if (plain === undefined) {
    plain = !needsIcu(template);
    plainTemplates.set(template, plain);
  }
  return plain;
}

/**
 * The message at `code` with its params filled. A missing template yields the code itself (visible,
 * never a crash); a missing param leaves its placeholder in place; a malformed template is filled plainly.
 */
export function formatMessage(catalogue: Catalogue, code: string, params: Params = {}): string {
  const template = lookupTemplate(catalogue, code);
  if (template === undefined) return code;
  if (!ICU_SYNTAX.test(template)) return template;
  if (rendersPlain(template)) return fillPlaceholders(template, params);
  try {
    return icuTranslator(catalogue)(code, params);
  } catch {
    return fillPlaceholders(template, params);
  }
}

/** Formats a message reference (`{code, params}`) from a report. */
export function formatRef(catalogue: Catalogue, ref: MessageRef): string {
  return formatMessage(catalogue, ref.code, ref.params);
}

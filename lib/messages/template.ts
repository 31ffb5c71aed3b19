/**
 * The dependency-free half of message formatting: catalogue lookup and plain `{name}` substitution. The browser
 * formats with this alone (no ICU parser in the page's JavaScript); `format.ts` adds next-intl's ICU core on top
 * for templates that need it. Pure and browser-safe.
 */

export type Catalogue = { readonly [key: string]: string | Catalogue };
export type Params = Readonly<Record<string, string | number>>;

/** Templates found so far, by catalogue and code (only found ones: the map holds at most every template once). */
const found = new WeakMap<Catalogue, Map<string, string>>();

/**
 * Returns the template at `code`, or undefined when the catalogue has no string there. Catalogues are never
 * changed once built, so a template found is remembered (a report formats about a hundred messages).
 */
export function lookupTemplate(catalogue: Catalogue, code: string): string | undefined {
  let known = found.get(catalogue);
  const hit = known?.get(code);
  if (hit !== undefined) return hit;
  let node: string | Catalogue | undefined = catalogue;
  for (const part of code.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Object.hasOwn(node, part) ? node[part] : undefined;
  }
  if (typeof node !== 'string') return undefined;
  if (!known) {
    known = new Map();
    found.set(catalogue, known);
  }
  known.set(code, node);
  return node;
}

/**
 * Plain substitution of `{name}` placeholders; a param that is not given leaves its placeholder in place. A value
 * that ends in `.` (a DNS name with its final dot) takes the place of the template's own full stop right after it
 * (`.` or `。`), so a sentence never ends `lync.com..` or `lync.com.。`; the value keeps its dot.
 */
export function fillPlaceholders(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}([.。]?)/g, (whole, key: string, stop: string) => {
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    if (value === undefined) return whole;
    const text = String(value);
    return stop !== '' && text.endsWith('.') ? text : text + stop;
  });
}

/**
 * True when ICU could render `template` differently from plain substitution: a brace that is not a `{name}`
 * placeholder (plural, select, `{n, number}`) or an apostrophe that quotes ICU syntax (`'{`, `''`). Anything
 * else renders the same either way: ICU prints a simple argument as `String(value)`, an apostrophe in a word
 * and a lone `<` are literal text, and tags render as written because params are never tag functions
 * (template.test.ts checks both ways).
 */
export function needsIcu(template: string): boolean {
  return /[{}]/.test(template.replace(/\{\w+\}/g, '')) || /'[{}'<#|]/.test(template);
}

/** True when some template of the catalogue needs ICU (see `needsIcu`). */
export function catalogueNeedsIcu(catalogue: Catalogue): boolean {
  return Object.values(catalogue).some((node) => (typeof node === 'string' ? needsIcu(node) : catalogueNeedsIcu(node)));
}

/**
 * The message at `code` with its params filled by plain substitution: what `formatMessage` renders for every
 * template that does not need ICU. A missing template yields the code itself; a missing param keeps its placeholder.
 */
export function formatPlain(catalogue: Catalogue, code: string, params: Params = {}): string {
  const template = lookupTemplate(catalogue, code);
  return template === undefined ? code : fillPlaceholders(template, params);
}

/**
 * Message catalogue lookup. A catalogue is nested objects of ICU-style templates with `{param}`
 * placeholders; a message code is its dot path (`msoid.verdict.missing`). Pure and browser-safe.
 */
import type { MessageRef } from '@/lib/schema';

export type Catalogue = { readonly [key: string]: string | Catalogue };
export type Params = Readonly<Record<string, string | number>>;

/** Returns the template at `code`, or undefined when the catalogue has no string there. */
export function lookupTemplate(catalogue: Catalogue, code: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of code.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Fills `{name}` placeholders. A missing template yields the code itself (visible, never a crash);
 * a missing param leaves its placeholder in place.
 */
export function formatMessage(catalogue: Catalogue, code: string, params: Params = {}): string {
  const template = lookupTemplate(catalogue, code);
  if (template === undefined) return code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

export function formatRef(catalogue: Catalogue, ref: MessageRef): string {
  return formatMessage(catalogue, ref.code, ref.params);
}

/**
 * The tenant's own values a fix leaves to fill in (`<selector1 CNAME value from the admin center>`) are English data
 * in the fix (lib/findings/catalogue.ts PLACEHOLDERS); shown to a reader, the part in angle brackets is in their
 * language. Pure.
 */
import { PLACEHOLDERS } from '@/lib/findings/catalogue';

type Placeholder = keyof typeof PLACEHOLDERS;

/** Each placeholder's bracketed part as the fix holds it, with the message that says it in the reader's language. */
const BRACKETED = (Object.keys(PLACEHOLDERS) as Placeholder[]).map((key) => ({
  data: PLACEHOLDERS[key].slice(PLACEHOLDERS[key].indexOf('<')),
  code: `ui.fixes.placeholderValue.${key}`,
}));

/**
 * `value` with every placeholder's bracketed part said by `t` (`MS=<value from the admin center>` →
 * `MS=<管理中心里的值>`); the rest of the value, DNS data, as it is. A value with no placeholder comes back unchanged.
 */
export function placeholderText(value: string, t: (code: string) => string): string {
  let out = value;
  for (const { data, code } of BRACKETED) if (out.includes(data)) out = out.replaceAll(data, `<${t(code)}>`);
  return out;
}

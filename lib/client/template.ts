/**
 * Splits a catalogue template into text and `{param}` slots, so a component can put elements (DNS text,
 * links, badges) into a translated sentence without building it from hard-coded punctuation. Pure.
 */

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'param'; name: string };

/** The template's parts in order; `{name}` is a slot, everything else (braces that are not slots too) is text. */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    parts.push({ kind: 'param', name: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/**
 * A small pattern language for nameserver names. Pure and browser-safe.
 *
 * A pattern is a dotted name matched against the WHOLE nameserver name, label by label:
 * - a literal character matches itself (case-insensitive; names are lower-cased first);
 * - `#` matches exactly one digit;
 * - `[a-e]`, `[1-4]`, `[12]` match one character of the class (letters, digits, `-` ranges only);
 * - `*` inside a label matches zero or more label characters, never a dot (`ns-*`, `awsdns-*`);
 * - a label that is exactly `*` matches exactly one whole label (`*.ns.cloudflare.com`);
 * - a first label `**` matches one or more whole labels (`**.dynect.net` = any name under dynect.net).
 * Because wildcards never cross a dot and the match is anchored at both ends, `ns1.notcloudflare.com`,
 * `ns1.name.com.br` and `x.ns.cloudflare.com.attacker.test` do not match `*.ns.cloudflare.com` / `ns*.name.com`.
 */
import { normalizeName } from '@/lib/lookups/dns-names';

const LABEL_CHAR = '[a-z0-9_-]';
const CLASS_BODY = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LITERAL = /^[a-z0-9_-]$/;

function compileLabel(label: string, pattern: string): string {
  if (label === '*') return `${LABEL_CHAR}+`;
  let out = '';
  for (let i = 0; i < label.length; i += 1) {
    const ch = label[i] as string;
    if (ch === '#') out += '[0-9]';
    else if (ch === '*') out += `${LABEL_CHAR}*`;
    else if (ch === '[') {
      const end = label.indexOf(']', i);
      const body = end < 0 ? '' : label.slice(i + 1, end);
      if (!CLASS_BODY.test(body)) throw new Error(`Bad character class in NS pattern "${pattern}"`);
      out += `[${body}]`;
      i = end;
    } else if (LITERAL.test(ch)) out += ch === '-' ? '\\-' : ch;
    else throw new Error(`Bad character "${ch}" in NS pattern "${pattern}"`);
  }
  return out;
}

/** Compiles a pattern to an anchored RegExp. Throws on a malformed pattern (a data bug, caught by tests). */
export function compilePattern(pattern: string): RegExp {
  const labels = pattern.toLowerCase().split('.');
  if (labels.some((l) => l === '')) throw new Error(`Empty label in NS pattern "${pattern}"`);
  const [first, ...rest] = labels;
  const anyPrefix = first === '**';
  const body = anyPrefix ? rest : labels;
  if (body.length === 0) throw new Error(`NS pattern "${pattern}" has no fixed labels`);
  if (body.some((l) => l.includes('**'))) throw new Error(`"**" is only allowed as the first label: "${pattern}"`);
  // The TLD must be literal and the label before it must carry literal text, so a pattern can never
  // match every name under a TLD.
  const tld = body[body.length - 1] ?? '';
  const second = body[body.length - 2] ?? '';
  const secondLiteral = second.replace(/\[[^\]]*\]|[*#]/g, '');
  if (/[*#[]/.test(tld) || secondLiteral === '') {
    throw new Error(`NS pattern "${pattern}" must end in a literal TLD after a label with literal text`);
  }
  const prefix = anyPrefix ? `(?:${LABEL_CHAR}+\\.)+` : '';
  return new RegExp(`^${prefix}${body.map((l) => compileLabel(l, pattern)).join('\\.')}$`);
}

/** True when `name` (any case, trailing dot ignored) matches the compiled pattern. */
export function matchesPattern(regex: RegExp, name: string): boolean {
  return regex.test(normalizeName(name));
}

/**
 * The one place where a pasted entry becomes a domain name.
 * Pure and browser-safe: the WHATWG URL host parser does the UTS #46 mapping and punycode,
 * the punycode package turns A-labels back into Unicode for display, tldts applies the Public Suffix List.
 */
import punycode from 'punycode/punycode.js';
import { parse } from 'tldts';

export const REJECT_CODES = [
  'empty',
  'too-long-input',
  'ip-literal',
  'single-label',
  'name-too-long',
  'label-too-long',
  'bad-characters',
  'bad-hyphen',
  'empty-label',
  'special-use',
  'test-domain-not-allowed',
  'not-public-suffix',
  'suffix-only',
  'unparseable',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export type NormalizeOptions = { allowTestDomains: boolean; maxLineLength?: number };
export type NormalizedDomain = {
  /** Lower-case ASCII (A-labels), no trailing dot: what we query and dedupe on. */
  ascii: string;
  /** Unicode form (U-labels) for display. Equal to `ascii` for plain names. */
  display: string;
  /** The registrable domain (ICANN suffixes only), ASCII. */
  registrable: string;
  isSubdomain: boolean;
  /**
   * The entry as entered (trimmed) when the name was read out of a web or e-mail address (a scheme, `mailto:`,
   * a user name, a port, a path, a query or a fragment around the host): `https://www.northwind.com.cn/` for
   * `northwind.com.cn`. Absent for a bare name.
   */
  entered?: string;
};
export type NormalizeResult =
  | { ok: true; domain: NormalizedDomain }
  | { ok: false; code: RejectCode; params: Record<string, string | number> };

export const DEFAULT_MAX_LINE_LENGTH = 1024;
export const MAX_NAME_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

/** Zero-width, BOM, soft hyphen and bidi controls: invisible when pasted, never part of a name. */
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/**
 * Zero-width (non-)joiners are part of some IDNs (Persian, Indic scripts: IDNA2008 CONTEXTJ), so they are kept
 * when the host parser accepts them and dropped as stray invisible characters only when it does not.
 */
const JOINERS = /[\u200C\u200D]/g;
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const IDEOGRAPHIC_DOTS = /[\u3002\uFF61]/g;
/** Quotes and angle brackets around a pasted entry (`"contoso.com"`, `<admin@contoso.com>`). */
const WRAPPING = /^["'“”‘’<>]+|["'“”‘’<>]+$/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:[\\/]{2}/i;
const MAILTO = /^mailto:/i;
const IPV6_LIKE = /^[0-9a-f]*:[0-9a-f:.]*(%.*)?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const NUMERIC_LABEL = /^(0x[0-9a-f]*|\d+)$/i;
const LDH = /[^a-z0-9.-]/;
/** Characters that must never reach the URL parser: it would drop tabs/newlines and decode `%XX` silently. */
const UNSAFE_BEFORE_MAPPING = /[\s\u0000-\u001F\u007F-\u009F%]/u;
/**
 * ASCII symbols a host can never hold (all but letters, digits, `-` and `.`). Caught before the URL parser, which
 * in Chromium percent-escapes some of them (`*` becomes `%2A`), so the reason names the character as typed.
 */
const ASCII_SYMBOL = /[!-,/:-@[-`{-~]/;
/** A percent escape the URL parser made of a character (`%2A`). */
const PERCENT_ESCAPE = /%([0-9a-f]{2})/i;

/** Removes every invisible character that pasting drags along (zero-width, joiners, BOM, bidi marks). */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(JOINERS, '');
}

type Reject = { ok: false; code: RejectCode; params: Record<string, string | number> };

function reject(code: RejectCode, params: Record<string, string | number>): Reject {
  return { ok: false, code, params };
}

/** NFC, invisible characters (not joiners) out, full-width ASCII and ideographic dots to ASCII, trimmed, unwrapped. */
function clean(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_DOTS, '.')
    .trim()
    .replace(WRAPPING, '')
    .trim();
}

/** The host part of a URL, e-mail address or bare name (port not yet removed). */
function extractAuthorityHost(text: string): string {
  let rest = text
    .replace(MAILTO, '')
    .replace(SCHEME, '')
    .replace(/^[\\/]+/, '');
  const end = rest.search(/[/\\?#]/);
  if (end >= 0) rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  return at >= 0 ? rest.slice(at + 1) : rest;
}

/** UTS #46 mapping + punycode via the WHATWG host parser; null when it refuses the host. */
function mapHost(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/** The Unicode (U-label) form of an ASCII name for display; the input itself when it is not valid punycode. */
export function toDisplay(ascii: string): string {
  try {
    return punycode.toUnicode(ascii);
  } catch {
    return ascii;
  }
}

/** True when each `xn--` label of an ASCII name decodes as punycode and encodes back to itself. */
function aLabelsDecode(ascii: string): boolean {
  for (const label of ascii.split('.')) {
    if (!label.startsWith('xn--')) continue;
    try {
      const encoded = label.slice(4);
      if (punycode.encode(punycode.decode(encoded)) !== encoded) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Shows a character in a message; invisible or space-like ones as `U+XXXX`. */
function showChar(char: string): string {
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(char)) return char;
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Steps 2–3 output: the lower-case ASCII host, and whether it was read out of a web or e-mail address (anything
 * around the host: scheme, `mailto:`, user name, port, path, query, fragment).
 */
type Mapped = { ok: true; ascii: string; address: boolean } | Reject;

/** Steps 2–3: clean, take the host out of URLs and e-mail addresses, map to lower-case ASCII. */
function toAsciiHost(raw: string, input: string): Mapped {
  const cleaned = clean(raw);
  if (cleaned === '') return reject('empty', { input });
  let host = extractAuthorityHost(cleaned);
  if (host.startsWith('[')) return reject('ip-literal', { input });
  if (host.includes(':')) {
    if (IPV6_LIKE.test(host) && host.split(':').length > 2) return reject('ip-literal', { input });
    host = host.replace(/:\d*$/, '');
    if (host.includes(':')) return reject('bad-characters', { input, char: ':' });
  }
  if (host === '') return reject('empty', { input });
  const address = host !== cleaned;
  const unsafe = UNSAFE_BEFORE_MAPPING.exec(host);
  if (unsafe) return reject('bad-characters', { input, char: showChar(unsafe[0]) });
  const symbol = ASCII_SYMBOL.exec(host);
  if (symbol) return reject('bad-characters', { input, char: symbol[0] });
  let mapped = mapHost(host);
  if (mapped === null && /[\u200C\u200D]/.test(host)) {
    host = host.replace(JOINERS, '');
    if (host === '') return reject('empty', { input });
    mapped = mapHost(host);
  }
  if (mapped === null) return classifyUnmappable(host, input);
  if (mapped.startsWith('[') || IPV4.test(mapped)) return reject('ip-literal', { input, address: mapped });
  const ascii = mapped.endsWith('.') ? mapped.slice(0, -1) : mapped;
  if (ascii === '') return reject('empty', { input });
  return { ok: true, ascii, address };
}

/** Explains why the URL host parser refused a host. */
function classifyUnmappable(host: string, input: string): Reject {
  const folded = host.normalize('NFKC').toLowerCase().replace(/\.$/, '');
  const labels = folded.split('.');
  if (labels.every((label) => NUMERIC_LABEL.test(label))) return reject('ip-literal', { input });
  const bad = /[^\p{L}\p{M}\p{N}.-]/u.exec(host);
  if (bad) return reject('bad-characters', { input, char: showChar(bad[0]) });
  const last = labels.at(-1) ?? '';
  if (NUMERIC_LABEL.test(last)) return reject('not-public-suffix', { input, domain: folded, suffix: last });
  return reject('unparseable', { input });
}

/** The character a `%XX` escape at the bad character stands for (a URL parser's escape), else null. */
function escapedChar(ascii: string, bad: RegExpExecArray): string | null {
  if (bad[0] !== '%') return null;
  const percent = PERCENT_ESCAPE.exec(ascii.slice(bad.index));
  return percent?.index === 0 && percent[1] ? String.fromCharCode(Number.parseInt(percent[1], 16)) : null;
}

/** Step 4: lengths, LDH, hyphens, at least two labels. */
function checkSyntax(ascii: string, input: string): Reject | null {
  const domain = toDisplay(ascii);
  const labels = ascii.split('.');
  if (labels.includes('')) return reject('empty-label', { input, domain });
  const bad = LDH.exec(ascii);
  if (bad) return reject('bad-characters', { input, char: showChar(escapedChar(ascii, bad) ?? bad[0]) });
  for (const label of labels) {
    if (label.length > MAX_LABEL_LENGTH) {
      return reject('label-too-long', { input, domain, label, length: label.length, max: MAX_LABEL_LENGTH });
    }
  }
  if (ascii.length > MAX_NAME_LENGTH) {
    return reject('name-too-long', { input, domain, length: ascii.length, max: MAX_NAME_LENGTH });
  }
  for (const label of labels) {
    const reservedHyphens = label.slice(2, 4) === '--' && !label.startsWith('xn--');
    if (label.startsWith('-') || label.endsWith('-') || reservedHyphens) {
      return reject('bad-hyphen', { input, domain, label: toDisplay(label) });
    }
  }
  if (labels.length < 2) return reject('single-label', { input, domain });
  return null;
}

type Registrable = { ok: true; registrable: string } | Reject;

/** Step 5: special-use names out, ICANN public suffix required, registrable domain found. */
function findRegistrable(ascii: string, input: string, options: NormalizeOptions): Registrable {
  const domain = toDisplay(ascii);
  const labels = ascii.split('.');
  const tld = labels.at(-1) ?? '';
  if (tld === 'test') {
    if (!options.allowTestDomains) return reject('test-domain-not-allowed', { input, domain });
    // Test mode: `.test` behaves as a public suffix, so the registrable domain is the last two labels.
    return { ok: true, registrable: labels.slice(-2).join('.') };
  }
  // tldts does not flag `.arpa` (reverse DNS, home.arpa is flagged); none of it can hold M365 records.
  if (tld === 'arpa') return reject('special-use', { input, domain });
  const parsed = parse(ascii, { detectSpecialUse: true, allowPrivateDomains: false });
  if (parsed.isIp === true) return reject('ip-literal', { input });
  if (parsed.isSpecialUse === true) return reject('special-use', { input, domain });
  if (parsed.isIcann !== true) {
    return reject('not-public-suffix', { input, domain, suffix: toDisplay(parsed.publicSuffix ?? tld) });
  }
  if (parsed.domain === null) return reject('suffix-only', { input, domain });
  return { ok: true, registrable: parsed.domain };
}

/**
 * A web address stands for the domain an organisation adds to Microsoft 365: `www.` is dropped from a host read out
 * of an address, unless what is left is not a domain of its own (a public suffix such as `gov.uk`, or one label).
 */
function withoutWww(ascii: string, input: string, options: NormalizeOptions): string {
  if (!ascii.startsWith('www.')) return ascii;
  const rest = ascii.slice(4);
  if (checkSyntax(rest, input) !== null) return ascii;
  return findRegistrable(rest, input, options).ok ? rest : ascii;
}

function normalizeUnsafe(raw: string, options: NormalizeOptions): NormalizeResult {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  if (raw.length > maxLineLength) return reject('too-long-input', { length: raw.length, max: maxLineLength });
  const input = raw.trim();
  const mapped = toAsciiHost(raw, input);
  if (!mapped.ok) return mapped;
  const syntax = checkSyntax(mapped.ascii, input);
  if (syntax) return syntax;
  // Every A-label must be valid punycode whatever the URL parser says: Node 20's refuses `xn--zz`, Node 24's takes it.
  if (!aLabelsDecode(mapped.ascii)) return reject('unparseable', { input });
  const ascii = mapped.address ? withoutWww(mapped.ascii, input, options) : mapped.ascii;
  const display = toDisplay(ascii);
  // The U-label must map back to the same A-label, so what we show re-enters as what we query
  // (rejects oddities such as `xn--tda940n`, whose U-label starts with a quote mark that cleaning strips).
  if (display !== ascii) {
    const again = toAsciiHost(display, input);
    if (!again.ok || again.ascii !== ascii) return reject('unparseable', { input });
  }
  const found = findRegistrable(ascii, input, options);
  if (!found.ok) return found;
  const isSubdomain = ascii !== found.registrable;
  const domain: NormalizedDomain = { ascii, display, registrable: found.registrable, isSubdomain };
  return { ok: true, domain: mapped.address ? { ...domain, entered: input } : domain };
}

/**
 * Turns one entry (a domain, URL or e-mail address, in any case, full-width or Unicode) into the ASCII name we
 * query and the Unicode name we show, or says why it cannot be checked. Never throws, for any string. A URL or an
 * e-mail address stands for its host, without a leading `www.` (see `withoutWww`), and keeps what was entered in
 * `entered`; a bare name is checked as entered (`www.contoso.com` stays a subdomain).
 * Params carry `input` (the trimmed entry; not for `too-long-input`, which has `length` and `max`) and, once known,
 * `domain` (the name as read, Unicode), plus `char`, `label`, `length`, `max`, `suffix` or `address` per code.
 */
export function normalizeDomain(raw: string, options: NormalizeOptions): NormalizeResult {
  try {
    return normalizeUnsafe(raw, options);
  } catch {
    return reject('unparseable', { input: String(raw).slice(0, DEFAULT_MAX_LINE_LENGTH) });
  }
}

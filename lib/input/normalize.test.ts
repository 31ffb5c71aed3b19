import { describe, expect, it } from 'vitest';
import { catalogueFor, formatMessage } from '@/lib/messages';
import { type NormalizeOptions, normalizeDomain, REJECT_CODES, type RejectCode } from './normalize';

const off: NormalizeOptions = { allowTestDomains: false };
const on: NormalizeOptions = { allowTestDomains: true };

const name253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
const name254 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;

type Accept = {
  label: string;
  input: string;
  ascii: string;
  display?: string;
  registrable?: string;
  isSubdomain?: boolean;
  /** The name was read out of a web or e-mail address: `entered` holds the trimmed input. */
  entered?: true;
  options?: NormalizeOptions;
};

const accepted: Accept[] = [
  { label: 'plain name', input: 'contoso.com', ascii: 'contoso.com' },
  { label: 'upper case', input: 'CONTOSO.COM', ascii: 'contoso.com' },
  { label: 'trailing dot', input: 'contoso.com.', ascii: 'contoso.com' },
  { label: 'spaces around', input: '  contoso.com  ', ascii: 'contoso.com' },
  { label: 'https URL with path', input: 'https://contoso.com/x', ascii: 'contoso.com', entered: true },
  { label: 'URL with upper case host', input: 'https://Contoso.com/path', ascii: 'contoso.com', entered: true },
  { label: 'bare host with path', input: 'contoso.com/path', ascii: 'contoso.com', entered: true },
  { label: 'URL with user-info and port', input: 'http://user@contoso.com:8080', ascii: 'contoso.com', entered: true },
  { label: 'URL with user:password', input: 'https://user:pw@contoso.com/', ascii: 'contoso.com', entered: true },
  { label: 'host with port', input: 'contoso.com:443', ascii: 'contoso.com', entered: true },
  { label: 'host with query', input: 'contoso.com?x=1', ascii: 'contoso.com', entered: true },
  { label: 'protocol-relative URL', input: '//contoso.com/x', ascii: 'contoso.com', entered: true },
  { label: 'URL with backslashes', input: 'https:\\\\contoso.com\\x', ascii: 'contoso.com', entered: true },
  { label: 'URL with trailing-dot host', input: 'https://contoso.com./', ascii: 'contoso.com', entered: true },
  { label: 'e-mail address', input: 'admin@contoso.com', ascii: 'contoso.com', entered: true },
  { label: 'e-mail, @ in quoted local part', input: '"a@b"@fabrikam.co.uk', ascii: 'fabrikam.co.uk', entered: true },
  { label: 'mailto: link', input: 'mailto:admin@contoso.com', ascii: 'contoso.com', entered: true },
  { label: 'e-mail in angle brackets', input: '<admin@contoso.com>', ascii: 'contoso.com', entered: true },
  { label: 'quoted (CSV)', input: '"contoso.com"', ascii: 'contoso.com' },
  { label: 'full-width letters and dot', input: 'ＣＯＮＴＯＳＯ．com', ascii: 'contoso.com' },
  { label: 'full-width e-mail', input: 'ＡＤＭＩＮ＠ＣＯＮＴＯＳＯ．ＣＯＭ', ascii: 'contoso.com', entered: true },
  { label: 'ideographic full stop', input: 'contoso。com', ascii: 'contoso.com' },
  { label: 'half-width ideographic full stop', input: 'contoso｡com', ascii: 'contoso.com' },
  { label: 'zero-width space inside', input: 'con\u200Btoso.com', ascii: 'contoso.com' },
  { label: 'BOM at start', input: '\uFEFFcontoso.com', ascii: 'contoso.com' },
  { label: 'left-to-right mark', input: '\u200Econtoso.com\u200F', ascii: 'contoso.com' },
  { label: 'soft hyphen', input: 'con\u00ADtoso.com', ascii: 'contoso.com' },
  { label: 'stray zero-width non-joiner', input: 'con\u200Ctoso.com', ascii: 'contoso.com' },
  {
    label: 'zero-width non-joiner that belongs to an IDN (after a virama)',
    input: 'क्\u200Cष.com',
    ascii: 'xn--11b2ezcs70k.com',
    display: 'क्\u200Cष.com',
  },
  {
    label: 'A-label whose U-label holds a zero-width non-joiner',
    input: 'xn--11b2ezcs70k.com',
    ascii: 'xn--11b2ezcs70k.com',
    display: 'क्\u200Cष.com',
  },
  { label: 'leading digit', input: '365contoso.com', ascii: '365contoso.com' },
  { label: 'hyphen inside', input: 'contoso-ltd.com', ascii: 'contoso-ltd.com' },
  { label: '63-character label', input: `${'a'.repeat(63)}.com`, ascii: `${'a'.repeat(63)}.com` },
  {
    label: '253-character name',
    input: name253,
    ascii: name253,
    registrable: `${'d'.repeat(57)}.com`,
    isSubdomain: true,
  },
  { label: 'IDN in Unicode', input: 'Bücher.de', ascii: 'xn--bcher-kva.de', display: 'bücher.de' },
  { label: 'IDN, decomposed (NFD)', input: 'Bu\u0308cher.de', ascii: 'xn--bcher-kva.de', display: 'bücher.de' },
  { label: 'IDN as A-label', input: 'xn--bcher-kva.de', ascii: 'xn--bcher-kva.de', display: 'bücher.de' },
  { label: 'IDN as upper-case A-label', input: 'XN--BCHER-KVA.DE', ascii: 'xn--bcher-kva.de', display: 'bücher.de' },
  { label: 'IDN with ß (non-transitional)', input: 'faß.de', ascii: 'xn--fa-hia.de', display: 'faß.de' },
  { label: 'IDN TLD', input: 'contoso.рф', ascii: 'contoso.xn--p1ai', display: 'contoso.рф' },
  { label: 'Chinese IDN', input: '例子.中国', ascii: 'xn--fsqu00a.xn--fiqs8s', display: '例子.中国' },
  {
    label: 'Chinese IDN subdomain',
    input: 'mail.例子.中国',
    ascii: 'mail.xn--fsqu00a.xn--fiqs8s',
    display: 'mail.例子.中国',
    registrable: 'xn--fsqu00a.xn--fiqs8s',
    isSubdomain: true,
  },
  {
    label: 'subdomain',
    input: 'mail.contoso.com',
    ascii: 'mail.contoso.com',
    registrable: 'contoso.com',
    isSubdomain: true,
  },
  {
    label: 'subdomain with trailing dot',
    input: 'mail.contoso.com.',
    ascii: 'mail.contoso.com',
    registrable: 'contoso.com',
    isSubdomain: true,
  },
  { label: 'two-label public suffix', input: 'fabrikam.co.uk', ascii: 'fabrikam.co.uk' },
  {
    label: 'subdomain under two-label suffix',
    input: 'mail.contoso.co.uk',
    ascii: 'mail.contoso.co.uk',
    registrable: 'contoso.co.uk',
    isSubdomain: true,
  },
  {
    label: 'private suffix ignored (ICANN only)',
    input: 'contoso.github.io',
    ascii: 'contoso.github.io',
    registrable: 'github.io',
    isSubdomain: true,
  },
  { label: '.test allowed', input: 'contoso-ok.test', ascii: 'contoso-ok.test', options: on },
  {
    label: '.test subdomain allowed',
    input: 'mail.contoso-ok.test',
    ascii: 'mail.contoso-ok.test',
    registrable: 'contoso-ok.test',
    isSubdomain: true,
    options: on,
  },
  { label: 'public name with .test allowed', input: 'contoso.com', ascii: 'contoso.com', options: on },
  // A web or e-mail address stands for the domain an organisation adds: a leading `www.` goes (issue 15 item 1).
  { label: 'www URL', input: 'https://www.northwind.com.cn/', ascii: 'northwind.com.cn', entered: true },
  { label: 'www URL, upper case', input: 'HTTPS://WWW.Contoso.COM/a?b', ascii: 'contoso.com', entered: true },
  { label: 'www host with a path', input: 'www.contoso.com/about', ascii: 'contoso.com', entered: true },
  { label: 'e-mail at a www host', input: 'admin@www.contoso.com', ascii: 'contoso.com', entered: true },
  { label: 'www .test URL', input: 'https://www.ok-21v.test/', ascii: 'ok-21v.test', entered: true, options: on },
  {
    label: 'only one leading www goes',
    input: 'https://www.www.contoso.com/',
    ascii: 'www.contoso.com',
    registrable: 'contoso.com',
    isSubdomain: true,
    entered: true,
  },
  { label: 'www URL whose rest is a public suffix', input: 'https://www.gov.uk/', ascii: 'www.gov.uk', entered: true },
  { label: 'www URL whose rest is a TLD', input: 'https://www.com/', ascii: 'www.com', entered: true },
  {
    label: 'www subdomain typed bare stays as entered',
    input: 'www.contoso.com',
    ascii: 'www.contoso.com',
    registrable: 'contoso.com',
    isSubdomain: true,
  },
  {
    label: 'other subdomain in a URL stays',
    input: 'https://mail.contoso.com/',
    ascii: 'mail.contoso.com',
    registrable: 'contoso.com',
    isSubdomain: true,
    entered: true,
  },
];

describe('normalizeDomain accepts', () => {
  it.each(accepted)('$label: $input', (row) => {
    const result = normalizeDomain(row.input, row.options ?? off);
    expect(result).toEqual({
      ok: true,
      domain: {
        ascii: row.ascii,
        display: row.display ?? row.ascii,
        registrable: row.registrable ?? row.ascii,
        isSubdomain: row.isSubdomain ?? false,
        ...(row.entered ? { entered: row.input.trim() } : {}),
      },
    });
  });
});

type Reject = {
  label: string;
  input: string;
  code: RejectCode;
  params?: Record<string, string | number>;
  options?: NormalizeOptions;
};

const rejected: Reject[] = [
  { label: 'empty string', input: '', code: 'empty' },
  { label: 'spaces only', input: '   ', code: 'empty' },
  { label: 'zero-width only', input: '\u200B\uFEFF', code: 'empty' },
  { label: 'joiners only', input: '\u200C\u200D', code: 'empty' },
  { label: 'scheme only', input: 'https://', code: 'empty' },
  { label: 'e-mail without domain', input: 'admin@', code: 'empty' },
  { label: 'quotes only', input: '""', code: 'empty' },
  { label: 'a dot only', input: '.', code: 'empty' },
  { label: 'entry over 1024 characters', input: `${'a'.repeat(1021)}.com`, code: 'too-long-input' },
  {
    label: 'entry over a custom maxLineLength',
    input: 'contoso.com',
    code: 'too-long-input',
    params: { length: 11, max: 5 },
    options: { allowTestDomains: false, maxLineLength: 5 },
  },
  { label: 'IPv4', input: '10.0.0.1', code: 'ip-literal' },
  { label: 'IPv4 in a URL', input: 'https://192.168.1.1/admin', code: 'ip-literal' },
  { label: 'IPv4 in hex short form', input: '0x7f.1', code: 'ip-literal', params: { address: '127.0.0.1' } },
  { label: 'IPv4 short form', input: '127.1', code: 'ip-literal', params: { address: '127.0.0.1' } },
  { label: 'IPv4 as one number', input: '2130706433', code: 'ip-literal', params: { address: '127.0.0.1' } },
  { label: 'IPv4 out of range', input: '1.2.3.256', code: 'ip-literal' },
  { label: 'IPv4 full-width', input: '１０．０．０．１', code: 'ip-literal' },
  { label: 'IPv6 in brackets', input: '[::1]', code: 'ip-literal' },
  { label: 'IPv6 bare', input: '::1', code: 'ip-literal' },
  { label: 'IPv6 bare, long', input: '2001:db8::1', code: 'ip-literal' },
  { label: 'IPv6 URL with port', input: 'http://[2001:db8::1]:8080/', code: 'ip-literal' },
  { label: 'single label', input: 'contoso', code: 'single-label', params: { domain: 'contoso' } },
  { label: 'localhost', input: 'localhost', code: 'single-label' },
  { label: 'a TLD alone', input: 'com', code: 'single-label' },
  { label: 'single label with trailing dot', input: 'contoso.', code: 'single-label' },
  {
    label: 'URL to a single-label host',
    input: 'http://user@host:8080',
    code: 'single-label',
    params: { domain: 'host' },
  },
  { label: '254-character name', input: name254, code: 'name-too-long', params: { length: 254, max: 253 } },
  {
    label: '64-character label',
    input: `${'a'.repeat(64)}.com`,
    code: 'label-too-long',
    params: { label: 'a'.repeat(64), length: 64, max: 63 },
  },
  { label: 'underscore', input: 'a_b.com', code: 'bad-characters', params: { char: '_' } },
  { label: 'space inside', input: 'exa mple.com', code: 'bad-characters', params: { char: 'U+0020' } },
  { label: 'tab inside', input: 'con\ttoso.com', code: 'bad-characters', params: { char: 'U+0009' } },
  { label: 'percent escape', input: 'a%41.com', code: 'bad-characters', params: { char: '%' } },
  { label: 'asterisk', input: '*.contoso.com', code: 'bad-characters', params: { char: '*' } },
  { label: 'angle bracket inside', input: 'a<b.com', code: 'bad-characters', params: { char: '<' } },
  { label: 'pipe', input: 'a|b.com', code: 'bad-characters', params: { char: '|' } },
  { label: 'non-numeric port', input: 'contoso.com:abc', code: 'bad-characters', params: { char: ':' } },
  { label: 'lone surrogate', input: 'a\uD800b.com', code: 'bad-characters', params: { char: 'U+D800' } },
  { label: 'leading hyphen', input: '-bad.com', code: 'bad-hyphen', params: { label: '-bad' } },
  { label: 'trailing hyphen', input: 'bad-.com', code: 'bad-hyphen', params: { label: 'bad-' } },
  { label: 'reserved hyphens in 3rd-4th place', input: 'ab--cd.com', code: 'bad-hyphen', params: { label: 'ab--cd' } },
  { label: 'two dots in a row', input: 'a..b.com', code: 'empty-label' },
  { label: 'leading dot', input: '.com', code: 'empty-label' },
  { label: 'two trailing dots', input: 'contoso.com..', code: 'empty-label' },
  { label: '.local (mDNS)', input: 'printer.local', code: 'special-use' },
  { label: '.onion', input: 'x.onion', code: 'special-use' },
  { label: 'example.com', input: 'example.com', code: 'special-use' },
  { label: 'under example.com', input: 'mail.example.com', code: 'special-use' },
  { label: '.invalid', input: 'foo.invalid', code: 'special-use' },
  { label: '.alt', input: 'x.alt', code: 'special-use' },
  { label: 'home.arpa', input: 'home.arpa', code: 'special-use' },
  { label: 'under home.arpa', input: 'printer.home.arpa', code: 'special-use' },
  { label: 'reverse DNS name', input: '1.0.0.10.in-addr.arpa', code: 'special-use' },
  { label: 'under localhost', input: 'app.localhost', code: 'special-use' },
  { label: '.example with .test allowed', input: 'contoso.example', code: 'special-use', options: on },
  { label: '.local with .test allowed', input: 'printer.local', code: 'special-use', options: on },
  { label: '.test not allowed', input: 'contoso-ok.test', code: 'test-domain-not-allowed' },
  { label: '.test subdomain not allowed', input: 'mail.contoso-ok.test', code: 'test-domain-not-allowed' },
  { label: '.internal', input: 'corp.internal', code: 'not-public-suffix', params: { suffix: 'internal' } },
  { label: '.lan', input: 'corp.lan', code: 'not-public-suffix', params: { suffix: 'lan' } },
  { label: '.corp', input: 'server.corp', code: 'not-public-suffix', params: { suffix: 'corp' } },
  { label: 'numeric TLD', input: 'contoso.123', code: 'not-public-suffix', params: { suffix: '123' } },
  { label: 'public suffix alone', input: 'co.uk', code: 'suffix-only', params: { domain: 'co.uk' } },
  { label: 'wildcard public suffix alone', input: 'contoso.ck', code: 'suffix-only' },
  { label: 'invalid punycode', input: 'xn--zz.com', code: 'unparseable' },
  { label: 'IDNA-disallowed character', input: '⒈.com', code: 'unparseable' },
  { label: 'A-label whose U-label does not map back (starts with “)', input: 'xn--tda940n.com', code: 'unparseable' },
];

describe('normalizeDomain rejects', () => {
  it.each(rejected)('$label: $input → $code', (row) => {
    const result = normalizeDomain(row.input, row.options ?? off);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(row.code);
    expect(result.params).toMatchObject(row.params ?? {});
  });

  it.each(rejected)('$label: the reason fills every placeholder', (row) => {
    const result = normalizeDomain(row.input, row.options ?? off);
    if (result.ok) throw new Error('expected a rejection');
    const reason = formatMessage(catalogueFor('en'), `input.reject.${result.code}`, result.params);
    expect(reason).not.toBe(`input.reject.${result.code}`);
    expect(reason).not.toMatch(/\{\w+\}/);
  });

  it('has a row for every reject code', () => {
    expect(new Set(rejected.map((row) => row.code))).toEqual(new Set(REJECT_CODES));
  });

  it('says .test is reserved for testing when it is not allowed', () => {
    const result = normalizeDomain('contoso-ok.test', off);
    if (result.ok) throw new Error('expected a rejection');
    expect(formatMessage(catalogueFor('en'), `input.reject.${result.code}`, result.params)).toContain(
      'reserved for testing',
    );
  });
});

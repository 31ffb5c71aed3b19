import { describe, expect, it } from 'vitest';
import { catalogueFor, formatRef } from '@/lib/messages';
import { domainListSchema, duplicateNote, parseDomainList, subdomainNote } from './domain-list';

const options = { allowTestDomains: false, maxDomains: 500 };

describe('parseDomainList', () => {
  it('keeps the pasted line of each accepted and rejected entry', () => {
    const list = parseDomainList('contoso.com, localhost\n# comment\n\nfabrikam.co.uk;10.0.0.1 a_b.com', options);
    expect(list.domains.map(({ line, ascii }) => ({ line, ascii }))).toEqual([
      { line: 1, ascii: 'contoso.com' },
      { line: 4, ascii: 'fabrikam.co.uk' },
    ]);
    expect(list.invalid.map(({ line, input, code }) => ({ line, input, code }))).toEqual([
      { line: 1, input: 'localhost', code: 'single-label' },
      { line: 4, input: '10.0.0.1', code: 'ip-literal' },
      { line: 4, input: 'a_b.com', code: 'bad-characters' },
    ]);
    expect(list.duplicates).toEqual([]);
    expect(list.overLimit).toBeNull();
  });

  it('gives each rejected entry a plain English reason from the catalogue', () => {
    const [entry] = parseDomainList('0x7f.1', options).invalid;
    expect(entry).toEqual({
      line: 1,
      input: '0x7f.1',
      code: 'ip-literal',
      reason: '0x7f.1 is an IP address, not a domain name. Enter the domain, such as contoso.com.',
    });
  });

  it('collapses duplicates on the ASCII form, keeping the first line', () => {
    const list = parseDomainList(
      'Contoso.com\nhttps://contoso.com/x\nbücher.de\nadmin@CONTOSO.COM.\nxn--bcher-kva.de',
      options,
    );
    expect(list.domains.map(({ line, input, ascii, display }) => ({ line, input, ascii, display }))).toEqual([
      { line: 1, input: 'Contoso.com', ascii: 'contoso.com', display: 'contoso.com' },
      { line: 3, input: 'bücher.de', ascii: 'xn--bcher-kva.de', display: 'bücher.de' },
    ]);
    expect(list.duplicates).toEqual([
      { line: 2, input: 'https://contoso.com/x', ascii: 'contoso.com', firstLine: 1 },
      { line: 4, input: 'admin@CONTOSO.COM.', ascii: 'contoso.com', firstLine: 1 },
      { line: 5, input: 'xn--bcher-kva.de', ascii: 'xn--bcher-kva.de', firstLine: 3 },
    ]);
  });

  it('reports a duplicate on the same line', () => {
    const list = parseDomainList('contoso.com contoso.com', options);
    expect(list.domains).toHaveLength(1);
    expect(list.duplicates).toEqual([{ line: 1, input: 'contoso.com', ascii: 'contoso.com', firstLine: 1 }]);
  });

  it('accepts an array, numbering lines by index', () => {
    const list = parseDomainList(['contoso.com', 'localhost', 'mail.fabrikam.com', 'contoso.com'], options);
    expect(list.domains).toEqual([
      {
        line: 1,
        input: 'contoso.com',
        ascii: 'contoso.com',
        display: 'contoso.com',
        registrable: 'contoso.com',
        isSubdomain: false,
      },
      {
        line: 3,
        input: 'mail.fabrikam.com',
        ascii: 'mail.fabrikam.com',
        display: 'mail.fabrikam.com',
        registrable: 'fabrikam.com',
        isSubdomain: true,
      },
    ]);
    expect(list.invalid.map((entry) => [entry.line, entry.code])).toEqual([[2, 'single-label']]);
    expect(list.duplicates.map((entry) => [entry.line, entry.firstLine])).toEqual([[4, 1]]);
  });

  it.each([
    { label: '.test off', allowTestDomains: false, domains: [], codes: ['test-domain-not-allowed'] },
    { label: '.test on', allowTestDomains: true, domains: ['contoso-ok.test'], codes: [] },
  ])('$label', ({ allowTestDomains, domains, codes }) => {
    const list = parseDomainList('contoso-ok.test', { ...options, allowTestDomains });
    expect(list.domains.map((entry) => entry.ascii)).toEqual(domains);
    expect(list.invalid.map((entry) => entry.code)).toEqual(codes);
  });

  it.each([
    { label: 'under the cap', maxDomains: 3, overLimit: null },
    { label: 'at the cap', maxDomains: 2, overLimit: null },
    { label: 'over the cap', maxDomains: 1, overLimit: { limit: 1, count: 2 } },
  ])('cap: $label', ({ maxDomains, overLimit }) => {
    // Two unique valid domains; the duplicate and the invalid entry do not count.
    const list = parseDomainList('a-contoso.com\nb-contoso.com\na-contoso.com\nlocalhost', { ...options, maxDomains });
    expect(list.overLimit).toEqual(overLimit);
    expect(list.domains).toHaveLength(2);
  });

  it('shortens the echo of an over-long entry', () => {
    const [entry] = parseDomainList(`${'a'.repeat(2000)}.com`, options).invalid;
    expect(entry?.code).toBe('too-long-input');
    expect(entry?.input).toBe(`${'a'.repeat(80)}…`);
    expect(entry?.reason).toContain('2004');
  });

  it('honours maxLineLength per entry', () => {
    const list = parseDomainList('contoso.com fabrikam.com', { ...options, maxLineLength: 11 });
    expect(list.domains.map((entry) => entry.ascii)).toEqual(['contoso.com']);
    expect(list.invalid.map((entry) => entry.code)).toEqual(['too-long-input']);
  });
});

describe('domainListSchema', () => {
  const schema = domainListSchema(options);

  it.each([
    { label: 'text', input: 'contoso.com\nfabrikam.com' },
    { label: 'array', input: ['contoso.com', 'fabrikam.com'] },
  ])('transforms $label into a DomainList', ({ input }) => {
    const list = schema.parse(input);
    expect(list.domains.map((entry) => entry.ascii)).toEqual(['contoso.com', 'fabrikam.com']);
  });

  it.each([
    { label: 'a number', input: 42 },
    { label: 'an array with a number', input: ['contoso.com', 1] },
    { label: 'null', input: null },
  ])('refuses $label', ({ input }) => {
    expect(schema.safeParse(input).success).toBe(false);
  });

  it('does not fail on invalid entries: they are data', () => {
    const result = schema.safeParse('localhost');
    expect(result.success).toBe(true);
    expect(result.data?.invalid).toHaveLength(1);
  });
});

describe('notes', () => {
  const en = catalogueFor('en');

  it('explains a subdomain, naming its registrable domain in Unicode', () => {
    const [domain] = parseDomainList('mail.bücher.de', options).domains;
    if (!domain) throw new Error('expected a domain');
    const note = subdomainNote(domain);
    expect(note && formatRef(en, note)).toBe(
      'mail.bücher.de is a subdomain; Microsoft 365 records normally live at bücher.de. It is checked as entered.',
    );
  });

  it('has no subdomain note for a registrable domain', () => {
    const [domain] = parseDomainList('contoso.com', options).domains;
    if (!domain) throw new Error('expected a domain');
    expect(subdomainNote(domain)).toBeNull();
  });

  it('explains a duplicate', () => {
    const [duplicate] = parseDomainList('bücher.de\nBÜCHER.de', options).duplicates;
    if (!duplicate) throw new Error('expected a duplicate');
    expect(formatRef(en, duplicateNote(duplicate))).toBe(
      'BÜCHER.de on line 2 is the same domain as line 1 (bücher.de), so it is checked once.',
    );
  });
});

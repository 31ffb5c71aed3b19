import fc from 'fast-check';
import punycode from 'punycode/punycode.js';
import { describe, expect, it } from 'vitest';
import { type NormalizeOptions, normalizeDomain } from './normalize';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Checks the contract of an accepted result; returns nothing for a rejection. */
function checkAccepted(raw: string, options: NormalizeOptions): void {
  const result = normalizeDomain(raw, options);
  if (!result.ok) return;
  const { ascii, display, registrable, isSubdomain } = result.domain;
  expect(ascii.length).toBeLessThanOrEqual(253);
  const labels = ascii.split('.');
  expect(labels.length).toBeGreaterThanOrEqual(2);
  for (const label of labels) expect(label).toMatch(LABEL);
  expect(ascii === registrable || ascii.endsWith(`.${registrable}`)).toBe(true);
  expect(isSubdomain).toBe(ascii !== registrable);
  // Idempotent: the ASCII form and the display form both normalise to the same result.
  // (What was entered is kept only for a name read out of an address; the name itself has none.)
  const { entered: _entered, ...named } = result.domain;
  expect(normalizeDomain(ascii, options)).toEqual({ ok: true, domain: named });
  expect(normalizeDomain(display, options)).toEqual({ ok: true, domain: named });
}

/** An `xn--` label made by encoding arbitrary Unicode: valid punycode that may not be a valid IDN. */
const aLabel = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('\u200C', '\u200D', '\u094D', 'क', 'ü', 'A', '-', '“', '"', '<'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 6,
  })
  .map((text) => `xn--${punycode.encode(text)}`);

/** Domain-like text: labels from letters (ASCII, upper case, full-width, accented), digits, hyphens and oddities. */
const domainish = fc
  .array(
    fc.oneof(
      aLabel,
      fc.string({
        unit: fc.constantFrom(
          ...'abcxyzABC019-_ '.split(''),
          'ü',
          'ß',
          'é',
          '中',
          'р',
          'Ａ',
          '．',
          '。',
          '\u200B',
          '\u200C',
          '\u200D',
          'क',
          '\u094D',
          '\u0301',
          'xn--',
          '@',
          ':',
          '/',
          '%',
        ),
        minLength: 0,
        maxLength: 12,
      }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((labels) =>
    fc
      .constantFrom('com', 'de', 'co.uk', 'test', 'local', 'xn--p1ai', 'рф', 'lan', '')
      .map((tld) => [...labels, tld].join('.')),
  );

describe('normalizeDomain properties', () => {
  it.each([
    { label: '.test off', options: { allowTestDomains: false } },
    { label: '.test on', options: { allowTestDomains: true } },
  ])('never throws on arbitrary strings and keeps the contract ($label)', ({ options }) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => checkAccepted(raw, options)),
      { numRuns: 2000 },
    );
  });

  it('keeps the contract for domain-like input', () => {
    fc.assert(
      fc.property(domainish, fc.boolean(), (raw, allowTestDomains) => checkAccepted(raw, { allowTestDomains })),
      { numRuns: 3000 },
    );
  });

  it('accepts some domain-like input (the generator reaches the accepting path)', () => {
    const samples = fc.sample(domainish, { numRuns: 2000, seed: 1 });
    const accepted = samples.filter((raw) => normalizeDomain(raw, { allowTestDomains: true }).ok);
    expect(accepted.length).toBeGreaterThan(50);
  });
});

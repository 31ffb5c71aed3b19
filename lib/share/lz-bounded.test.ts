import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { decompressBounded } from './lz-bounded';

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

describe('decompressBounded', () => {
  const rows: Array<{ label: string; text: string }> = [
    { label: 'empty text', text: '' },
    { label: 'one character', text: 'a' },
    { label: 'a domain list', text: 'contoso.com,fabrikam.cn,northwind.com.cn' },
    { label: 'repeated characters', text: 'a'.repeat(10_000) },
    { label: 'non-ASCII and astral characters', text: 'bücher.de,例子.中国,😀.ws'.repeat(20) },
  ];
  test.each(rows)('$label: the same text as lz-string', ({ text }) => {
    const z = compressToEncodedURIComponent(text);
    expect(decompressBounded(z, Number.POSITIVE_INFINITY)).toEqual({ ok: true, text });
    expect(decompressBounded(z, text.length)).toEqual({ ok: true, text });
    if (text.length > 0) expect(decompressBounded(z, text.length - 1)).toEqual({ ok: false, reason: 'too-long' });
  });

  test('a 2.5 KB link that lz-string turns into 1,000,000 characters stops at the bound', () => {
    const z = compressToEncodedURIComponent(`${'a'.repeat(999_996)}.com`);
    expect(z.length).toBeLessThan(2_600);
    expect(decompressFromEncodedURIComponent(z)).toHaveLength(1_000_000);
    expect(decompressBounded(z, 512 * 1024)).toEqual({ ok: false, reason: 'too-long' });
  });

  test('a space in place of + (a query decoded as form data) reads as +', () => {
    const z = compressToEncodedURIComponent('contoso.com,fabrikam.cn,'.repeat(40));
    expect(z).toContain('+');
    expect(decompressBounded(z.replaceAll('+', ' '), 10_000)).toEqual(decompressBounded(z, 10_000));
  });

  const garbage: Array<{ label: string; z: string }> = [
    { label: 'empty', z: '' },
    { label: 'characters outside the alphabet', z: '%%%<script>' },
    { label: 'a cut-off value', z: compressToEncodedURIComponent('contoso.com,fabrikam.cn').slice(0, 5) },
    { label: 'one character', z: 'A' },
  ];
  test.each(garbage)('$label: unreadable or what lz-string reads, never a throw', ({ z }) => {
    const got = decompressBounded(z, 1000);
    const theirs = decompressFromEncodedURIComponent(z);
    if (got.ok) expect(got.text).toBe(theirs);
    else expect(got.reason).toBe('unreadable');
  });

  test('property: any text round-trips, and the bound is never passed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.nat(500), (text, bound) => {
        const got = decompressBounded(compressToEncodedURIComponent(text), bound);
        if (text.length <= bound) expect(got).toEqual({ ok: true, text });
        else expect(got).toEqual({ ok: false, reason: 'too-long' });
      }),
    );
  });

  test('a first code that lz-string has no case for is unreadable (lz-string reads garbage from it)', () => {
    expect(decompressBounded('4AAi', 1000)).toEqual({ ok: false, reason: 'unreadable' });
  });

  test('property: any input in the alphabet agrees with lz-string within the bound, and never throws', () => {
    const alphabet = fc.constantFrom(...URI_SAFE);
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 300 }), (z) => {
        const got = decompressBounded(z, 2000);
        let theirs: string | null;
        try {
          theirs = decompressFromEncodedURIComponent(z);
        } catch {
          theirs = null; // lz-string throws on some garbage; for us it is unreadable
        }
        if (got.ok) expect(got.text).toBe(theirs);
        else if (got.reason === 'too-long') expect(theirs?.length ?? 0).toBeGreaterThan(2000);
        // unreadable: lz-string gives null, '' or throws, or (a first code of 3, which it has no case for) joins
        // `undefined` into whatever follows; nothing of that is a list.
      }),
    );
  });
});

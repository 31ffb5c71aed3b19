import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { AUTO_SERVICES } from '@/lib/client/services';
import {
  COMPRESS_ABOVE_CHARS,
  DEFAULT_SHARE_LIMITS,
  decodeServices,
  decodeShareState,
  encodeShareState,
  mergeShareQuery,
  readShareState,
  type ShareNotice,
  type ShareState,
  shareLimits,
} from './url-state';

const many = (n: number) => Array.from({ length: n }, (_, i) => `domain-number-${i}.contoso.com`);

describe('round trip', () => {
  const cases: Array<{ label: string; state: ShareState }> = [
    { label: 'one domain, auto', state: { domains: ['contoso.com'], cloud: 'auto' } },
    { label: 'several domains, 21vianet', state: { domains: ['contoso.com', 'fabrikam.cn'], cloud: '21vianet' } },
    { label: 'punycode domain', state: { domains: ['xn--bcher-kva.de'], cloud: 'gcchigh' } },
    { label: 'empty list keeps the cloud', state: { domains: [], cloud: 'dod' } },
    { label: 'long list is compressed', state: { domains: many(200), cloud: 'worldwide' } },
    {
      label: 'services the user set',
      state: { domains: ['a.test'], cloud: 'auto', services: { mail: 'on', teams: 'off', intune: 'auto' } },
    },
    {
      label: 'every service set, compressed list',
      state: { domains: many(200), cloud: 'gcc', services: { mail: 'off', teams: 'on', intune: 'on' } },
    },
    { label: 'all detected is the default', state: { domains: ['a.test'], cloud: 'auto', services: AUTO_SERVICES } },
  ];
  test.each(cases)('$label', ({ state }) => {
    const query = encodeShareState(state);
    expect(decodeShareState(new URLSearchParams(query))).toEqual({ services: AUTO_SERVICES, ...state });
  });
});

describe('services in the link', () => {
  test('only set services are written, after the cloud', () => {
    const services = { mail: 'on', teams: 'auto', intune: 'off' } as const;
    expect(encodeShareState({ domains: ['a.test'], cloud: 'auto', services })).toBe(
      'd=a.test&cloud=auto&s=mail:on,intune:off',
    );
    expect(encodeShareState({ domains: ['a.test'], cloud: 'auto', services: AUTO_SERVICES })).toBe(
      'd=a.test&cloud=auto',
    );
  });

  const cases: Array<{ label: string; value: string | undefined; expected: typeof AUTO_SERVICES }> = [
    { label: 'absent', value: undefined, expected: AUTO_SERVICES },
    { label: 'one on', value: 'teams:on', expected: { ...AUTO_SERVICES, teams: 'on' } },
    {
      label: 'upper case and spaces',
      value: ' MAIL:OFF , Intune:On',
      expected: { mail: 'off', teams: 'auto', intune: 'on' },
    },
    { label: 'unknown service ignored', value: 'fax:on,mail:on', expected: { ...AUTO_SERVICES, mail: 'on' } },
    { label: 'unknown state ignored', value: 'mail:maybe,teams:', expected: AUTO_SERVICES },
    { label: 'the first of a repeat counts', value: 'mail:on,mail:off', expected: { ...AUTO_SERVICES, mail: 'on' } },
    { label: 'prototype names are not services', value: '__proto__:on,constructor:off', expected: AUTO_SERVICES },
    { label: 'garbage', value: ':::,,,%%%', expected: AUTO_SERVICES },
  ];
  test.each(cases)('$label', ({ value, expected }) => {
    expect(decodeServices(value)).toEqual(expected);
  });
});

describe('encoding form', () => {
  const cases = [
    { label: 'short list uses d', domains: ['a.test', 'b.test'], prefix: 'd=a.test,b.test&' },
    { label: 'just under the threshold uses d', domains: many(40), prefix: 'd=' },
    { label: 'over the threshold uses z', domains: many(60), prefix: 'z=' },
  ];
  test.each(cases)('$label', ({ domains, prefix }) => {
    const plainLength = domains.join(',').length;
    const query = encodeShareState({ domains, cloud: 'auto' });
    expect(query.startsWith(prefix)).toBe(true);
    expect(query.startsWith('z=')).toBe(plainLength > COMPRESS_ABOVE_CHARS);
    expect(query.endsWith('cloud=auto')).toBe(true);
  });

  test('the compressed form is much shorter for a long list', () => {
    const domains = many(500);
    const query = encodeShareState({ domains, cloud: 'auto' });
    expect(query.length).toBeLessThan(domains.join(',').length / 3);
  });
});

describe('decoding what people and old links send', () => {
  const cases: Array<{ label: string; params: Record<string, string | string[] | undefined>; expected: ShareState }> = [
    { label: 'no params', params: {}, expected: { domains: [], cloud: 'auto' } },
    {
      label: 'unknown cloud falls back to auto',
      params: { d: 'a.com', cloud: 'mars' },
      expected: { domains: ['a.com'], cloud: 'auto' },
    },
    {
      label: 'separators other than commas and stray spaces',
      params: { d: ' a.com ; b.com  c.com,,', cloud: 'gcc' },
      expected: { domains: ['a.com', 'b.com', 'c.com'], cloud: 'gcc' },
    },
    {
      label: 'repeated params take the first (Next gives arrays)',
      params: { d: ['a.com', 'evil.com'], cloud: ['dod', 'auto'] },
      expected: { domains: ['a.com'], cloud: 'dod' },
    },
    {
      label: 'garbage z gives an empty list',
      params: { z: '%%%not-lz!!', cloud: 'auto' },
      expected: { domains: [], cloud: 'auto' },
    },
    {
      label: 'random-looking z gives no crash',
      params: { z: 'AAAAAAAAAAAAAAAAAAAAA' },
      expected: { domains: expect.any(Array) as unknown as string[], cloud: 'auto' },
    },
    {
      label: 'z wins over d',
      params: { z: compressToEncodedURIComponent('z.com'), d: 'd.com' },
      expected: { domains: ['z.com'], cloud: 'auto' },
    },
    { label: 'oversized d is ignored', params: { d: 'a'.repeat(200_001) }, expected: { domains: [], cloud: 'auto' } },
  ];
  test.each(cases)('$label', ({ params, expected }) => {
    expect(decodeShareState(params)).toEqual({ ...expected, services: AUTO_SERVICES });
  });

  test('URLSearchParams and the Next record give the same state', () => {
    const query = 'd=a.com,b.com&cloud=21vianet';
    const fromRecord = decodeShareState(Object.fromEntries(new URLSearchParams(query)));
    expect(decodeShareState(new URLSearchParams(query))).toEqual(fromRecord);
  });

  test('garbage z never throws, whatever the bytes', () => {
    for (const z of ['-', '+', '$$$', '\u0000\u202e', 'Q'.repeat(5000), 'N4Ig', 'undefined']) {
      expect(() => decodeShareState({ z })).not.toThrow();
    }
  });
});

describe('mergeShareQuery', () => {
  const state: ShareState = { domains: ['a.com'], cloud: 'gcc' };
  const cases = [
    { label: 'empty search', search: '', expected: 'd=a.com&cloud=gcc' },
    { label: 'replaces an old list and cloud', search: '?d=old.com&cloud=auto', expected: 'd=a.com&cloud=gcc' },
    { label: 'drops an old compressed list', search: '?z=abc', expected: 'd=a.com&cloud=gcc' },
    { label: 'keeps unrelated params', search: '?lang=zh-CN&d=old.com', expected: 'd=a.com&cloud=gcc&lang=zh-CN' },
    {
      label: 'drops old services when none are set now',
      search: '?s=mail:on&lang=en',
      expected: 'd=a.com&cloud=gcc&lang=en',
    },
  ];
  test.each(cases)('$label', ({ search, expected }) => {
    expect(mergeShareQuery(search, state)).toBe(expected);
  });

  test('writes the services set now in place of old ones', () => {
    const services = { mail: 'auto', teams: 'off', intune: 'auto' } as const;
    expect(mergeShareQuery('?s=mail:on&lang=en', { ...state, services })).toBe('d=a.com&cloud=gcc&s=teams:off&lang=en');
  });
});

describe('bounds of a shared list (a small hostile link never makes a big page)', () => {
  const limits = shareLimits({ maxLines: 10, maxLineLength: 20, maxBodyBytes: 100_000 });
  const z = (text: string) => ({ z: compressToEncodedURIComponent(text) });

  test('the bound is the most lines of the longest line, and never more than a request body', () => {
    expect(limits).toEqual({ maxChars: 210, maxEntryChars: 20, maxEntries: 10 });
    expect(shareLimits({ maxLines: 5000, maxLineLength: 1024, maxBodyBytes: 512 * 1024 }).maxChars).toBe(512 * 1024);
    expect(DEFAULT_SHARE_LIMITS.maxChars).toBe(512 * 1024);
  });

  const twenty = `${'a'.repeat(16)}.com`;
  const cases: Array<{ label: string; params: Record<string, string>; domains: string[]; notices: ShareNotice[] }> = [
    {
      label: 'a list at the bound is read whole',
      params: z(Array.from({ length: 10 }, () => twenty).join('\n')),
      domains: Array.from({ length: 10 }, () => twenty),
      notices: [],
    },
    {
      label: 'one character over the bound: nothing is restored',
      params: z(`${Array.from({ length: 10 }, () => twenty).join('\n')}\n${'b'.repeat(10)}`),
      domains: [],
      notices: [{ kind: 'over-limit', maxChars: 210 }],
    },
    {
      label: 'a z that decompresses to 1,000,000 characters: nothing is restored',
      params: z('a'.repeat(1_000_000)),
      domains: [],
      notices: [{ kind: 'over-limit', maxChars: 210 }],
    },
    {
      label: 'more entries than lines: nothing is restored',
      params: { d: Array.from({ length: 11 }, (_, i) => `d${i}.com`).join(',') },
      domains: [],
      notices: [{ kind: 'over-limit', maxChars: 210 }],
    },
    {
      label: 'entries longer than a line are left out and counted, the rest kept in order',
      params: z(`a.com,${'x'.repeat(21)},b.com,${'y'.repeat(150)}`),
      domains: ['a.com', 'b.com'],
      notices: [{ kind: 'long-entries', count: 2, max: 20 }],
    },
    {
      label: 'an entry of exactly a line is kept',
      params: { d: `${twenty},c.com` },
      domains: [twenty, 'c.com'],
      notices: [],
    },
    { label: 'garbage z: an empty list, nothing to say', params: { z: '%%%' }, domains: [], notices: [] },
  ];
  test.each(cases)('$label', ({ params, domains, notices }) => {
    const read = readShareState(params, limits);
    expect(read.state.domains).toEqual(domains);
    expect(read.notices).toEqual(notices);
    expect(decodeShareState(params, limits).domains).toEqual(domains);
  });

  test('the default limits leave a giant entry out instead of restoring it', () => {
    const read = readShareState(z(`contoso.com,${'a'.repeat(300_000)}.com`));
    expect(read.state.domains).toEqual(['contoso.com']);
    expect(read.notices).toEqual([{ kind: 'long-entries', count: 1, max: 1024 }]);
  });
});

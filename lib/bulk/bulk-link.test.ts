import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { AUTO_SERVICES } from '@/lib/client/services';
import {
  bulkInputLink,
  bulkResultLink,
  decodeBulkFragment,
  decodeBulkParams,
  MAX_FRAGMENT_CHARS,
  MAX_QUERY_LINK_CHARS,
  MAX_SERVER_LIST_CHARS,
  runQuery,
} from './bulk-link';

const many = (n: number) => Array.from({ length: n }, (_, i) => `customer-${(i * 7919) % 100_003}-${i}.contoso.com`);
const SERVICES = { mail: 'on', teams: 'off', intune: 'auto' } as const;

/** Splits a link into what the server sees (the query) and what only the browser sees (the fragment). */
function open(link: string) {
  const url = new URL(link, 'https://example.test');
  return { server: decodeBulkParams(url.searchParams), fragment: decodeBulkFragment(url.hash) };
}

describe('input link round trip', () => {
  test.each([
    { label: 'short list: plain d= in the query', domains: ['a.test', 'b.test'], where: 'query', marker: '?d=' },
    { label: 'medium list: compressed z= in the query', domains: many(300), where: 'query', marker: '?z=' },
    { label: '5,000 domains: compressed, in the fragment', domains: many(5000), where: 'fragment', marker: '#z=' },
  ])('$label', ({ domains, where, marker }) => {
    const state = { domains, cloud: '21vianet' as const, services: SERVICES };
    const link = bulkInputLink(state);
    expect(link.startsWith(`/bulk${marker}`)).toBe(true);
    const { server, fragment } = open(link);
    if (where === 'query') {
      expect(link.length).toBeLessThanOrEqual(MAX_QUERY_LINK_CHARS + 6);
      expect(server.input).toEqual(state);
      expect(fragment).toBeNull();
    } else {
      expect(server.input).toEqual({ domains: [], cloud: 'auto', services: AUTO_SERVICES });
      expect(fragment).toEqual(state);
    }
    expect(server.run).toBeNull();
  });
});

describe('decodeBulkParams', () => {
  const longZ = compressToEncodedURIComponent(many(4000).join(','));
  test.each([
    { label: 'nothing', params: {}, run: null, badRun: false, domains: 0 },
    {
      label: 'a run id',
      params: { run: 'AbC_-09xyzAbC_-09xyzAb' },
      run: 'AbC_-09xyzAbC_-09xyzAb',
      badRun: false,
      domains: 0,
    },
    { label: 'the first of repeated run ids', params: { run: ['abc', 'def'] }, run: 'abc', badRun: false, domains: 0 },
    {
      label: 'a run id with a slash is refused',
      params: { run: '../etc/passwd' },
      run: null,
      badRun: true,
      domains: 0,
    },
    { label: 'a huge run id is refused', params: { run: 'a'.repeat(5000) }, run: null, badRun: true, domains: 0 },
    { label: 'an empty run is no run', params: { run: '' }, run: null, badRun: false, domains: 0 },
    { label: 'garbage z: empty list', params: { z: '%%%not lz%%%' }, run: null, badRun: false, domains: 0 },
    {
      label: 'z longer than a request line can be: ignored',
      params: { z: longZ },
      run: null,
      badRun: false,
      domains: 0,
    },
    { label: 'd list', params: { d: 'a.test,b.test', cloud: 'gcc' }, run: null, badRun: false, domains: 2 },
    {
      label: 'run and list: both read (the page resumes the run)',
      params: { run: 'abc', d: 'a.test' },
      run: 'abc',
      badRun: false,
      domains: 1,
    },
  ])('$label', ({ params, run, badRun, domains }) => {
    const got = decodeBulkParams(params);
    expect(got.run).toBe(run);
    expect(got.badRun).toBe(badRun);
    expect(got.input.domains).toHaveLength(domains);
  });

  test('the long z above is really longer than the server reads', () => {
    expect(longZ.length).toBeGreaterThan(MAX_SERVER_LIST_CHARS);
  });

  test('hostile values never throw', () => {
    const hostile = ['\u0000', '\uD800', 'ÿ'.repeat(100_000), '%E0%A4%A', '&&&===', '🙂'.repeat(1000)];
    for (const value of hostile) {
      for (const name of ['d', 'z', 'cloud', 's', 'run']) {
        expect(() => decodeBulkParams({ [name]: value })).not.toThrow();
        expect(() => decodeBulkParams(new URLSearchParams({ [name]: value }))).not.toThrow();
        expect(() => decodeBulkFragment(`#${name}=${value}`)).not.toThrow();
      }
    }
  });

  test('an unknown cloud falls back to auto; unknown services are detected', () => {
    expect(decodeBulkParams({ d: 'a.test', cloud: 'mars', s: 'fax:on' }).input).toEqual({
      domains: ['a.test'],
      cloud: 'auto',
      services: AUTO_SERVICES,
    });
  });
});

describe('decodeBulkFragment', () => {
  test.each([
    { label: 'empty', hash: '', want: null },
    { label: 'only #', hash: '#', want: null },
    { label: 'no list', hash: '#cloud=gcc', want: null },
    {
      label: 'a list without #',
      hash: 'd=a.test&cloud=dod',
      want: { domains: ['a.test'], cloud: 'dod', services: AUTO_SERVICES },
    },
    { label: 'longer than the bound', hash: `#z=${'A'.repeat(MAX_FRAGMENT_CHARS)}`, want: null },
  ])('$label', ({ hash, want }) => {
    expect(decodeBulkFragment(hash)).toEqual(want);
  });
});

test('bulkResultLink escapes the id', () => {
  expect(bulkResultLink('abc')).toBe('/bulk?run=abc');
  expect(bulkResultLink('a b')).toBe('/bulk?run=a%20b');
});

describe('runQuery', () => {
  test.each([
    { label: 'replaces an input link', search: '?z=abc&cloud=gcc&s=mail:on&lang=en', want: 'run=R1&lang=en' },
    { label: 'replaces an older run', search: 'run=old', want: 'run=R1' },
    { label: 'empty', search: '', want: 'run=R1' },
    { label: 'drops the older run’s table view', search: 'run=old&health=broken&q=x&lang=en', want: 'run=R1&lang=en' },
  ])('$label', ({ search, want }) => {
    expect(runQuery(search, 'R1')).toBe(want);
  });
});

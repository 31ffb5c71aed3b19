import { describe, expect, it } from 'vitest';
import type { Lookup, LookupOutcome } from '@/lib/schema';
import { cacheKey, createLookupCache } from './cache';

const lookup = (outcome: LookupOutcome, ttl = 100): Lookup => ({
  name: 'www.ok.test',
  type: 'A',
  outcome,
  answers: outcome === 'answer' ? [{ name: 'www.ok.test', type: 'A', ttl, data: '192.0.2.1' }] : [],
  chain: [],
  chainEnd: 'none',
  server: '127.0.0.1:53',
  attempts: 2,
  elapsedMs: 12,
  tries: [{ server: '127.0.0.1:53', outcome, elapsedMs: 12 }],
});

describe('lookup cache', () => {
  const storeRows: Array<{ label: string; outcome: LookupOutcome; ttl: number; stored: boolean }> = [
    { label: 'answer', outcome: 'answer', ttl: 60, stored: true },
    { label: 'nxdomain', outcome: 'nxdomain', ttl: 60, stored: true },
    { label: 'nodata', outcome: 'nodata', ttl: 60, stored: true },
    { label: 'servfail is never stored', outcome: 'servfail', ttl: 60, stored: false },
    { label: 'timeout is never stored', outcome: 'timeout', ttl: 60, stored: false },
    { label: 'cancelled is never stored', outcome: 'cancelled', ttl: 60, stored: false },
    { label: 'TTL 0 is not stored', outcome: 'answer', ttl: 0, stored: false },
  ];
  it.each(storeRows)('$label', ({ outcome, ttl, stored }) => {
    const cache = createLookupCache();
    cache.set('k', lookup(outcome), ttl, 1000);
    expect(cache.get('k', 1001) !== undefined).toBe(stored);
  });

  it('a hit is marked cached, with no attempts, no trace and TTLs counted down', () => {
    const cache = createLookupCache();
    cache.set('k', lookup('answer', 100), 100, 0);
    const hit = cache.get('k', 30_500);
    expect(hit).toMatchObject({ cached: true, attempts: 0, elapsedMs: 0, server: '127.0.0.1:53' });
    expect(hit?.tries).toBeUndefined();
    expect(hit?.answers[0]?.ttl).toBe(70);
  });

  it('expires after min(TTL, 300 s)', () => {
    const cache = createLookupCache();
    cache.set('short', lookup('answer'), 10, 0);
    cache.set('long', lookup('answer'), 86_400, 0);
    expect(cache.get('short', 9_999)).toBeDefined();
    expect(cache.get('short', 10_000)).toBeUndefined();
    expect(cache.get('long', 299_999)).toBeDefined();
    expect(cache.get('long', 300_000)).toBeUndefined();
  });

  it('drops the oldest entry beyond its bound', () => {
    const cache = createLookupCache(2);
    cache.set('a', lookup('answer'), 60, 0);
    cache.set('b', lookup('answer'), 60, 0);
    cache.set('c', lookup('answer'), 60, 0);
    expect([cache.get('a', 1), cache.get('b', 1) !== undefined, cache.get('c', 1) !== undefined]).toEqual([
      undefined,
      true,
      true,
    ]);
    expect(cache.size()).toBe(2);
  });

  it('keys by name and type', () => {
    expect(cacheKey('www.ok.test', 'A')).not.toBe(cacheKey('www.ok.test', 'AAAA'));
  });
});

describe('forgetting a domain (re-check)', () => {
  it('drops the domain and every name under it, and nothing else', () => {
    const cache = createLookupCache();
    const names = ['fixed.test', 'msoid.fixed.test', 'a.b.fixed.test', 'unfixed.test', 'fixed.test.example', 'x.test'];
    for (const name of names) cache.set(cacheKey(name, 'CNAME'), lookup('answer'), 60, 1000);
    cache.set(cacheKey('Fixed.TEST', 'MX'), lookup('answer'), 60, 1000);
    expect(cache.forgetUnder('FIXED.test')).toBe(4);
    const left = names.filter((name) => cache.get(cacheKey(name, 'CNAME'), 1000) !== undefined);
    expect(left).toEqual(['unfixed.test', 'fixed.test.example', 'x.test']);
  });
});

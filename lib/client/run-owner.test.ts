import { describe, expect, test } from 'vitest';
import { forgetOwnerToken, loadOwnerToken, type OwnerStorage, saveOwnerToken } from './run-owner';

/** localStorage's behaviour over a Map; `full` makes every write throw, as a full or blocked storage does. */
function memoryStorage(options: { full?: boolean } = {}): OwnerStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (options.full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const LATER = '2026-03-02T12:00:00.000Z';

describe('owner tokens in the creator browser', () => {
  test('a saved token is found by its run id', () => {
    const storage = memoryStorage();
    saveOwnerToken(storage, 'run-a', 'token-a', LATER, NOW);
    expect(loadOwnerToken(storage, 'run-a')).toBe('token-a');
    expect(loadOwnerToken(storage, 'run-b')).toBeNull();
  });

  test('saving prunes the entries of runs that expired over a week ago, and leaves other keys alone', () => {
    const storage = memoryStorage();
    storage.setItem('unrelated', 'x');
    const day = 86_400_000;
    saveOwnerToken(storage, 'long-gone', 't1', new Date(NOW - 8 * day).toISOString(), NOW - 9 * day);
    // Past its expiry by this browser's clock, which may be off: kept for a week.
    saveOwnerToken(storage, 'just-expired', 't2', new Date(NOW - day).toISOString(), NOW - 2 * day);
    saveOwnerToken(storage, 'new', 't3', LATER, NOW);
    expect([...storage.map.keys()].sort()).toEqual([
      'm365-dns-health.run-owner.just-expired',
      'm365-dns-health.run-owner.new',
      'unrelated',
    ]);
    expect(loadOwnerToken(storage, 'just-expired')).toBe('t2');
  });

  test.each([
    ['not JSON', '{'],
    ['JSON of another shape', '{"token":1}'],
    ['null', 'null'],
  ])('a damaged entry (%s) reads as no token', (_label, raw) => {
    const storage = memoryStorage();
    storage.setItem('m365-dns-health.run-owner.r', raw);
    expect(loadOwnerToken(storage, 'r')).toBeNull();
  });

  test('no storage, or one that refuses writes, never throws', () => {
    expect(() => saveOwnerToken(null, 'r', 't', LATER, NOW)).not.toThrow();
    expect(loadOwnerToken(null, 'r')).toBeNull();
    const full = memoryStorage({ full: true });
    expect(() => saveOwnerToken(full, 'r', 't', LATER, NOW)).not.toThrow();
    expect(loadOwnerToken(full, 'r')).toBeNull();
  });

  test('forget drops the token', () => {
    const storage = memoryStorage();
    saveOwnerToken(storage, 'r', 't', LATER, NOW);
    forgetOwnerToken(storage, 'r');
    expect(loadOwnerToken(storage, 'r')).toBeNull();
  });
});

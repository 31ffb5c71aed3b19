import { describe, expect, test } from 'vitest';
import { createNamesWindow, type NameEntry, type NamesWindow } from './names-window';

const MIN = 60_000;
const under = (registrable: string, ...labels: string[]): NameEntry[] =>
  labels.map((label) => ({ registrable, name: label === '@' ? registrable : `${label}.${registrable}` }));

/** Plans and commits `entries` for `client` at `now`; the admitted names. */
function check(window: NamesWindow, client: string, entries: NameEntry[], now: number): string[] {
  const { admissions, commit } = window.plan(client, entries, now);
  commit();
  return entries.filter((_e, i) => admissions[i]?.ok).map((e) => e.name);
}

describe('names window (MAX_NAMES_PER_REGISTRABLE over a sliding window per client)', () => {
  test.each([
    ['under the cap: all admitted', 3, under('x.test', 'a', 'b', '@'), ['a.x.test', 'b.x.test', 'x.test']],
    ['over the cap: the later ones refused', 2, under('x.test', 'a', 'b', 'c'), ['a.x.test', 'b.x.test']],
    [
      'counted per registrable domain',
      1,
      [...under('x.test', 'a'), ...under('y.test', 'a'), ...under('x.test', 'b')],
      ['a.x.test', 'a.y.test'],
    ],
    ['the same name twice counts once', 1, under('x.test', 'a', 'a'), ['a.x.test', 'a.x.test']],
  ])('one list: %s', (_label, max, entries, admitted) => {
    const window = createNamesWindow({ maxPerRegistrable: max, windowMs: 10 * MIN });
    expect(check(window, 'anonymous', entries, 0)).toEqual(admitted);
  });

  test('a refused name says which number it would have been', () => {
    const window = createNamesWindow({ maxPerRegistrable: 2, windowMs: 10 * MIN });
    check(window, 'c', under('x.test', 'a', 'b'), 0);
    expect(window.plan('c', under('x.test', 'c'), 1).admissions).toEqual([{ ok: false, count: 3 }]);
  });

  test('back-to-back lists share the cap; a name already counted passes again; other clients are apart', () => {
    const window = createNamesWindow({ maxPerRegistrable: 3, windowMs: 10 * MIN });
    expect(check(window, 'ip:192.0.2.1', under('x.test', 'a', 'b'), 0)).toEqual(['a.x.test', 'b.x.test']);
    expect(check(window, 'ip:192.0.2.1', under('x.test', 'b', 'c', 'd'), 1000)).toEqual(['b.x.test', 'c.x.test']);
    expect(check(window, 'ip:192.0.2.1', under('x.test', 'a', 'e'), 2000)).toEqual(['a.x.test']);
    expect(check(window, 'ip:192.0.2.2', under('x.test', 'd', 'e', 'f'), 3000)).toHaveLength(3);
  });

  test('a plan not committed counts nothing', () => {
    const window = createNamesWindow({ maxPerRegistrable: 1, windowMs: 10 * MIN });
    window.plan('c', under('x.test', 'a'), 0);
    expect(check(window, 'c', under('x.test', 'b'), 1)).toEqual(['b.x.test']);
    expect(window.size()).toBe(1);
  });

  test('sliding: a name leaves the window its length after its last check, not at a fixed boundary', () => {
    const window = createNamesWindow({ maxPerRegistrable: 2, windowMs: 10 * MIN });
    check(window, 'c', under('x.test', 'a'), 0);
    check(window, 'c', under('x.test', 'b'), 5 * MIN);
    // At 10 min `a` has gone, `b` still counts.
    expect(check(window, 'c', under('x.test', 'c', 'd'), 10 * MIN)).toEqual(['c.x.test']);
    // Checking `b` again keeps it in: at 15 min (b's first check + 10 min) it still counts.
    check(window, 'c', under('x.test', 'b'), 12 * MIN);
    expect(check(window, 'c', under('x.test', 'e'), 15 * MIN)).toEqual([]);
    expect(check(window, 'c', under('x.test', 'e'), 22 * MIN)).toEqual(['e.x.test']);
  });

  test('bounded: idle buckets are dropped after the window; past maxNames the least recently used go first', () => {
    const window = createNamesWindow({ maxPerRegistrable: 5, windowMs: 10 * MIN, maxNames: 6 });
    check(window, 'old', under('x.test', 'a', 'b', 'c'), 0);
    check(window, 'mid', under('x.test', 'a', 'b', 'c'), 1000);
    expect(window.size()).toBe(6);
    check(window, 'new', under('y.test', 'a'), 2000);
    // The oldest bucket went to make room; the others stay.
    expect(window.size()).toBe(4);
    expect(check(window, 'mid', under('x.test', 'd', 'e', 'f'), 3000)).toEqual(['d.x.test', 'e.x.test']);
    // After the window nothing is held for idle clients.
    check(window, 'later', under('z.test', 'a'), 20 * MIN);
    expect(window.size()).toBe(1);
  });
});

import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import type { CheckResult } from '@/lib/schema';
import { createMemoryRunStore, isFinished, type NewRun, newRunId } from './store';

function report(domain: string, checkedAt = '2026-01-01T00:00:00.000Z'): CheckResult {
  return makeResult(domain, 'ok', checkedAt);
}

const input: NewRun = {
  cloud: 'auto',
  lang: 'en',
  targets: [{ ascii: 'a.test', display: 'a.test', registrable: 'a.test', isSubdomain: false }],
  invalid: [],
  duplicates: [],
};

function setup(options: { retentionS?: number; maxRuns?: number; maxTombstones?: number } = {}) {
  let clock = 1_000_000;
  const dropped: string[] = [];
  const store = createMemoryRunStore({
    retentionS: options.retentionS ?? 60,
    maxRuns: options.maxRuns ?? 10,
    maxTombstones: options.maxTombstones,
    now: () => clock,
    onDrop: (id) => dropped.push(id),
  });
  return { store, dropped, advance: (ms: number) => (clock += ms) };
}

describe('run ids', () => {
  test('are url-safe, 22 characters (128 bits) and differ', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRunId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('retention and tombstones', () => {
  const rows: Array<{ label: string; afterMs: number; expect: 'found' | 'expired' }> = [
    { label: 'just before the retention: still there', afterMs: 59_999, expect: 'found' },
    { label: 'at the retention: expired (410), not unknown', afterMs: 60_000, expect: 'expired' },
    { label: 'long after: still known as expired', afterMs: 10 * 86_400_000, expect: 'expired' },
  ];
  test.each(rows)('$label', async ({ afterMs, expect: want }) => {
    const { store, advance, dropped } = setup({ retentionS: 60 });
    const run = await store.create(input);
    advance(afterMs);
    const found = await store.get(run.id);
    if (want === 'found') expect('found' in found).toBe(true);
    else {
      expect(found).toEqual({ missing: 'expired' });
      expect(dropped).toEqual([run.id]);
    }
  });

  test('an id never created is not-found (404), not expired', async () => {
    const { store } = setup();
    expect(await store.get(newRunId())).toEqual({ missing: 'not-found' });
  });

  test('expire() sweeps every run past its retention and returns their ids', async () => {
    const { store, advance } = setup({ retentionS: 10 });
    const a = await store.create(input);
    advance(5000);
    const b = await store.create(input);
    advance(5000);
    expect(await store.expire()).toEqual([a.id]);
    expect('found' in (await store.get(b.id))).toBe(true);
  });

  test('the tombstone list is bounded: the oldest expired id is forgotten first', async () => {
    const { store, advance } = setup({ retentionS: 1, maxTombstones: 2 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await store.create(input)).id);
    advance(1000);
    await store.expire();
    expect(await store.get(ids[0] as string)).toEqual({ missing: 'not-found' });
    expect(await store.get(ids[2] as string)).toEqual({ missing: 'expired' });
  });
});

describe('bounded number of runs', () => {
  test('the oldest finished run is dropped first; running ones are kept', async () => {
    const { store, dropped } = setup({ maxRuns: 2 });
    const running = await store.create(input);
    await store.update(running.id, { status: 'running', pending: 5 });
    const finished = await store.create(input);
    await store.update(finished.id, { status: 'done', pending: 0 });
    const third = await store.create(input);
    expect(dropped).toEqual([finished.id]);
    expect(await store.get(finished.id)).toEqual({ missing: 'expired' });
    expect('found' in (await store.get(running.id))).toBe(true);
    expect('found' in (await store.get(third.id))).toBe(true);
  });

  test('when every kept run is still going, the oldest of all is dropped', async () => {
    const { store, dropped } = setup({ maxRuns: 1 });
    const first = await store.create(input);
    await store.update(first.id, { status: 'running', pending: 1 });
    await store.create(input);
    expect(dropped).toEqual([first.id]);
  });
});

describe('results: exactly once, replace on re-check', () => {
  test('a second report of the same domain is ignored; replace keeps the index', async () => {
    const { store } = setup();
    const run = await store.create(input);
    expect(await store.putResult(run.id, report('a.test'))).toBe(0);
    expect(await store.putResult(run.id, report('b.test'))).toBe(1);
    expect(await store.putResult(run.id, report('a.test', 'later'))).toBeNull();
    expect((await store.results(run.id, 0)).map((r) => r.checkedAt)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    expect(await store.putResult(run.id, report('a.test', 'later'), { replace: true })).toBe(0);
    const results = await store.results(run.id, 0);
    expect(results.map((r) => [r.domain, r.checkedAt])).toEqual([
      ['a.test', 'later'],
      ['b.test', '2026-01-01T00:00:00.000Z'],
    ]);
    // Every store raises the run revision; a replaced row carries the new one (the events `after` filter).
    const found = await store.get(run.id);
    expect('found' in found && [found.found.revision, found.found.results.map((r) => r.revision)]).toEqual([3, [3, 2]]);
    expect((await store.results(run.id, 1)).map((r) => r.domain)).toEqual(['b.test']);
    expect((await store.results(run.id, 0, 1)).map((r) => r.domain)).toEqual(['a.test']);
  });

  test('followers hear of results and status changes; unsubscribe stops them', async () => {
    const { store } = setup();
    const run = await store.create(input);
    const heard: string[] = [];
    const off = store.subscribe(run.id, (c) => heard.push(c.kind === 'result' ? `result ${c.index}` : 'status'));
    await store.putResult(run.id, report('a.test'));
    await store.update(run.id, { status: 'running' });
    await store.update(run.id, { status: 'running' });
    off();
    await store.putResult(run.id, report('b.test'));
    expect(heard).toEqual(['result 0', 'status']);
  });

  test('isFinished needs a terminal status and nothing pending', () => {
    expect(isFinished({ status: 'done', pending: 0 })).toBe(true);
    expect(isFinished({ status: 'cancelled', pending: 2 })).toBe(false);
    expect(isFinished({ status: 'running', pending: 0 })).toBe(false);
  });
});

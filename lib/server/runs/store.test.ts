/**
 * The RunStore contract, run against the SQL store on the embedded database always and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import type { CheckResult } from '@/lib/schema';
import { openStorage } from '../storage/db';
import { createSqlRunStore } from './sql-store';
import { isFinished, type NewRun, newRunId, type RunStore } from './store';
import { created, TEST_OWNER } from './test-fixtures';
import { testBackends, testStore } from './test-store';

function report(domain: string, checkedAt = '2026-01-01T00:00:00.000Z'): CheckResult {
  return makeResult(domain, 'ok', checkedAt);
}

const input: NewRun = {
  owner: TEST_OWNER,
  cloud: 'auto',
  lang: 'en',
  targets: [{ ascii: 'a.test', display: 'a.test', registrable: 'a.test', isSubdomain: false }],
  invalid: [],
  duplicates: [],
};

describe.each(testBackends())('the run store on %s', (backend) => {
  async function setup(
    options: { retentionS?: number; maxRuns?: number; maxRunsPerClient?: number; maxTombstones?: number } = {},
  ) {
    let clock = 1_000_000;
    const dropped: string[] = [];
    const { store, storage } = await testStore(
      {
        retentionS: options.retentionS ?? 60,
        maxRuns: options.maxRuns ?? 10,
        maxRunsPerClient: options.maxRunsPerClient,
        maxTombstones: options.maxTombstones,
        now: () => clock,
        onDrop: (id) => dropped.push(id),
      },
      backend,
    );
    return { store, storage, dropped, advance: (ms: number) => (clock += ms) };
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
      const { store, advance, dropped } = await setup({ retentionS: 60 });
      const run = created(await store.create(input));
      advance(afterMs);
      const found = await store.get(run.id);
      if (want === 'found') expect('found' in found).toBe(true);
      else {
        expect(found).toEqual({ missing: 'expired' });
        expect(dropped).toEqual([run.id]);
      }
    });

    test('an id never created is not-found (404), not expired', async () => {
      const { store } = await setup();
      expect(await store.get(newRunId())).toEqual({ missing: 'not-found' });
    });

    test('expire() sweeps every run past its retention and returns their ids', async () => {
      const { store, advance } = await setup({ retentionS: 10 });
      const a = created(await store.create(input));
      advance(5000);
      const b = created(await store.create(input));
      advance(5000);
      expect(await store.expire()).toEqual([a.id]);
      expect('found' in (await store.get(b.id))).toBe(true);
    });

    test('the tombstone list is bounded: the oldest expired id is forgotten first', async () => {
      const { store, advance } = await setup({ retentionS: 1, maxTombstones: 2 });
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(created(await store.create(input)).id);
      advance(1000);
      await store.expire();
      expect(await store.get(ids[0] as string)).toEqual({ missing: 'not-found' });
      expect(await store.get(ids[2] as string)).toEqual({ missing: 'expired' });
    });
  });

  /** A run of `client` (its own owner), finished or still going. */
  async function runOf(store: RunStore, client: string, state: 'finished' | 'running') {
    const run = created(await store.create({ ...input, owner: { ...TEST_OWNER, client } }));
    if (state === 'finished') await store.update(run.id, { status: 'done', pending: 0 });
    else await store.update(run.id, { status: 'running', pending: 1 });
    return run;
  }

  const kept = async (store: RunStore, id: string) => 'found' in (await store.get(id));

  describe('bounded number of runs: MAX_RUNS_KEPT in all, MAX_RUNS_PER_CLIENT each', () => {
    test("a full store drops the requester's own oldest finished run, not an older one of another client", async () => {
      const { store, dropped } = await setup({ maxRuns: 3, maxRunsPerClient: 3 });
      const theirs = await runOf(store, 'ip:192.0.2.2', 'finished');
      const mineRunning = await runOf(store, 'ip:192.0.2.1', 'running');
      const mineFinished = await runOf(store, 'ip:192.0.2.1', 'finished');
      const next = await store.create({ ...input, owner: { ...TEST_OWNER, client: 'ip:192.0.2.1' } });
      expect('created' in next).toBe(true);
      expect(dropped).toEqual([mineFinished.id]);
      expect(await store.get(mineFinished.id)).toEqual({ missing: 'expired' });
      expect(await kept(store, theirs.id)).toBe(true);
      expect(await kept(store, mineRunning.id)).toBe(true);
    });

    test("over its quota, a client's own oldest finished runs go first, oldest first", async () => {
      const { store, dropped } = await setup({ maxRuns: 10, maxRunsPerClient: 2 });
      const first = await runOf(store, 'x', 'finished');
      const second = await runOf(store, 'x', 'finished');
      const other = await runOf(store, 'y', 'finished');
      const third = await runOf(store, 'x', 'finished');
      expect(dropped).toEqual([first.id]);
      await runOf(store, 'x', 'finished');
      expect(dropped).toEqual([first.id, second.id]);
      expect(await kept(store, other.id)).toBe(true);
      expect(await kept(store, third.id)).toBe(true);
    });

    const refusals: Array<{
      label: string;
      maxRuns: number;
      perClient: number;
      runs: Array<[client: string, state: 'finished' | 'running']>;
      want: { reason: 'client-quota' | 'store-full'; limit: number; count: number };
    }> = [
      {
        label: 'a client at its quota with every run still going: client-quota',
        maxRuns: 10,
        perClient: 2,
        runs: [
          ['x', 'running'],
          ['y', 'finished'],
          ['x', 'running'],
        ],
        want: { reason: 'client-quota', limit: 2, count: 2 },
      },
      {
        label: "a store full of other clients' runs within their quotas (finished or not): store-full",
        maxRuns: 3,
        perClient: 2,
        runs: [
          ['y', 'finished'],
          ['y', 'finished'],
          ['z', 'running'],
        ],
        want: { reason: 'store-full', limit: 3, count: 3 },
      },
      {
        label: "a full store where the client's own runs are all still going: store-full",
        maxRuns: 3,
        perClient: 3,
        runs: [
          ['y', 'finished'],
          ['x', 'running'],
          ['z', 'finished'],
        ],
        want: { reason: 'store-full', limit: 3, count: 3 },
      },
    ];
    test.each(refusals)('$label; nothing is dropped', async ({ maxRuns, perClient, runs, want }) => {
      const { store, dropped, advance } = await setup({ maxRuns, maxRunsPerClient: perClient, retentionS: 60 });
      const ids: string[] = [];
      for (const [client, state] of runs) {
        ids.push((await runOf(store, client, state)).id);
        advance(1000);
      }
      const result = await store.create({ ...input, owner: { ...TEST_OWNER, client: 'x' } });
      // Room appears for sure when the first run counted expires: 60 s after the first run, 3 s ago.
      expect(result).toEqual({ refused: { ...want, retryAfterS: 57 } });
      expect(dropped).toEqual([]);
      for (const id of ids) expect(await kept(store, id)).toBe(true);
    });

    test('a refusal says when the first counted run expires; then there is room again', async () => {
      const { store, advance } = await setup({ maxRuns: 2, maxRunsPerClient: 1, retentionS: 60 });
      await runOf(store, 'y', 'running');
      advance(10_000);
      await runOf(store, 'z', 'running');
      advance(5_000);
      const refused = await store.create({ ...input, owner: { ...TEST_OWNER, client: 'x' } });
      expect(refused).toEqual({ refused: { reason: 'store-full', limit: 2, count: 2, retryAfterS: 45 } });
      advance(45_000);
      expect('created' in (await store.create({ ...input, owner: { ...TEST_OWNER, client: 'x' } }))).toBe(true);
    });

    test("fifty one-domain runs of one client never evict another client's run", async () => {
      const { store, dropped } = await setup({ maxRuns: 50, maxRunsPerClient: 20 });
      const victim = await runOf(store, 'ip:192.0.2.2', 'finished');
      const mine: string[] = [];
      for (let i = 0; i < 50; i++) mine.push((await runOf(store, 'ip:192.0.2.1', 'finished')).id);
      expect(await kept(store, victim.id)).toBe(true);
      expect(dropped).toEqual(mine.slice(0, 30));
      for (const id of mine.slice(30)) expect(await kept(store, id)).toBe(true);
    });

    test('a quota above MAX_RUNS_KEPT counts as MAX_RUNS_KEPT: with one run kept, a new one replaces it', async () => {
      const { store, dropped } = await setup({ maxRuns: 1, maxRunsPerClient: 20 });
      const first = await runOf(store, 'x', 'finished');
      await runOf(store, 'x', 'running');
      expect(dropped).toEqual([first.id]);
    });
  });

  describe('results: exactly once, replace on re-check', () => {
    test('a second report of the same domain is ignored; replace keeps the index', async () => {
      const { store } = await setup();
      const run = created(await store.create(input));
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
      expect('found' in found && [found.found.revision, found.found.checked]).toEqual([3, 2]);
      expect((await store.results(run.id, 0)).map((r) => [r.index, r.revision])).toEqual([
        [0, 3],
        [1, 2],
      ]);
      expect((await store.results(run.id, 1)).map((r) => r.domain)).toEqual(['b.test']);
      expect((await store.results(run.id, 0, 1)).map((r) => r.domain)).toEqual(['a.test']);
    });

    test('writers at once: one result per domain, indexes 0 to n - 1 with no gap', async () => {
      const { store } = await setup();
      const run = created(await store.create(input));
      const same = await Promise.all(Array.from({ length: 8 }, () => store.putResult(run.id, report('a.test'))));
      expect(same.filter((i) => i !== null)).toEqual([0]);
      const many = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.putResult(run.id, report(`d${i}.test`))),
      );
      expect([...many].sort((a, b) => (a ?? -1) - (b ?? -1))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const found = await store.get(run.id);
      expect('found' in found && [found.found.checked, found.found.revision]).toEqual([31, 31]);
    });

    test('followers hear of results and status changes; unsubscribe stops them', async () => {
      const { store } = await setup();
      const run = created(await store.create(input));
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

  describe('results are read from storage', () => {
    const three = async (store: RunStore) => {
      const run = created(await store.create(input));
      await store.putResult(run.id, makeResult('a.test', 'ok'));
      await store.putResult(run.id, makeResult('b.test', 'missing'));
      await store.putResult(run.id, makeResult('c.test', 'lookup-failed'));
      return run;
    };

    test('counts by health, a result by domain, the domains of a health, results at indexes', async () => {
      const { store } = await setup();
      const run = await three(store);
      const counts = await store.counts(run.id);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3);
      expect(counts['could-not-check']).toBe(1);
      expect((await store.resultFor(run.id, 'b.test'))?.index).toBe(1);
      expect(await store.resultFor(run.id, 'zz.test')).toBeNull();
      expect([...(await store.resultsFor(run.id, ['c.test', 'a.test', 'x.test'])).keys()].sort()).toEqual([
        'a.test',
        'c.test',
      ]);
      expect(await store.domainsWith(run.id, 'could-not-check')).toEqual(['c.test']);
      expect((await store.resultsAt(run.id, [2, 0, 9])).map((r) => r.domain)).toEqual(['a.test', 'c.test']);
    });

    test('changedSince: the rows below an index stored after a revision (a re-check a reader has not seen)', async () => {
      const { store } = await setup();
      const run = await three(store);
      await store.putResult(run.id, makeResult('a.test', 'ok', 'later'), { replace: true });
      expect(await store.changedSince(run.id, 3, 3)).toEqual([0]);
      expect(await store.changedSince(run.id, 0, 2)).toEqual([0, 1]);
      expect(await store.changedSince(run.id, 4, 3)).toEqual([]);
    });

    test('unfinished runs and their unchecked targets (what a restart resumes)', async () => {
      const { store } = await setup();
      const targets = ['a.test', 'b.test', 'c.test'].map((d) => ({
        ascii: d,
        display: d,
        registrable: d,
        isSubdomain: false,
      }));
      const run = created(await store.create({ ...input, targets }));
      const finished = created(await store.create(input));
      await store.update(run.id, { status: 'running', pending: 3 });
      await store.update(finished.id, { status: 'done', pending: 0 });
      await store.putResult(run.id, makeResult('b.test', 'ok'));
      expect((await store.unfinished()).map((r) => r.id)).toEqual([run.id]);
      expect((await store.unchecked(run.id)).map((t) => t.ascii)).toEqual(['a.test', 'c.test']);
    });

    test('a run and its results survive closing and reopening the database', async () => {
      const { store, storage } = await setup();
      const run = created(
        await store.create({
          ...input,
          services: { teams: false } as NewRun['services'],
          source: { lines: [1], columns: ['owner'], cells: new Map([[1, ['Ann']]]) },
        }),
      );
      await store.putResult(run.id, makeResult('a.test', 'ok'));
      await store.update(run.id, { status: 'running', pending: 1, startedAt: 1_000_500 });
      await storage.close();
      const again = await openStorage(storage.config);
      try {
        const reopened = createSqlRunStore(again, { retentionS: 60, maxRuns: 10, now: () => 1_000_000 });
        const found = await reopened.get(run.id);
        expect('found' in found && found.found).toMatchObject({
          status: 'running',
          pending: 1,
          checked: 1,
          startedAt: 1_000_500,
          targets: input.targets,
          services: { teams: false },
          source: { lines: [1], columns: ['owner'], cells: new Map([[1, ['Ann']]]) },
        });
        expect((await reopened.results(run.id, 0)).map((r) => [r.domain, r.health])).toEqual([['a.test', 'healthy']]);
      } finally {
        await again.close();
      }
    });

    test('retention deletes an expired run and its results from the database; its id stays known as expired', async () => {
      const { store, storage, advance } = await setup({ retentionS: 10 });
      const run = await three(store);
      const rows = async () => {
        const runs = await storage.db.selectFrom('runs').select('id').where('id', '=', run.id).execute();
        const results = await storage.db.selectFrom('run_results').select('idx').where('run_id', '=', run.id).execute();
        return [runs.length, results.length];
      };
      expect(await rows()).toEqual([1, 3]);
      advance(10_000);
      expect(await store.expire()).toEqual([run.id]);
      expect(await rows()).toEqual([0, 0]);
      expect(await store.get(run.id)).toEqual({ missing: 'expired' });
      expect(await store.putResult(run.id, makeResult('d.test', 'ok'))).toBeNull();
    });
  });
});

/**
 * The lists' storage on the SQL run store, on the embedded database always and on PostgreSQL when
 * TEST_DATABASE_URL is set: a list's runs are kept by the list's retention (not the store's), stay outside the
 * per-client quota, store per-record rows with each result, and fire the finish hook once; the changes between
 * two stored runs come from those rows.
 */
import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import { computeChanges } from '@/lib/history/changes';
import type { NewRun } from '../runs/store';
import { created, TEST_OWNER } from '../runs/test-fixtures';
import { testBackends, testStore } from '../runs/test-store';
import { onListRunFinished } from './hooks';
import { deleteList, insertList, listRuns, recordRows, snapshotOf } from './store';

const DAY_S = 86_400;

describe.each(testBackends())('list runs on %s', (backend) => {
  async function setup() {
    let clock = 1_000_000;
    const { store, storage } = await testStore(
      { retentionS: 60, maxRuns: 10, maxRunsPerClient: 1, now: () => clock },
      backend,
    );
    await insertList(
      storage.db,
      { id: 'L1', name: 'Customer A', cloud: 'worldwide', services: null, lang: 'en', retentionDays: 365 },
      [
        { domain: 'a.test', display: 'a.test', tags: ['x'] },
        { domain: 'b.test', display: 'b.test', tags: [] },
      ],
      clock,
    );
    const input = (domains: string[]): NewRun => ({
      owner: { client: 'list', tokenHash: '11'.repeat(32) },
      cloud: 'worldwide',
      lang: 'en',
      targets: domains.map((d) => ({ ascii: d, display: d, registrable: d, isSubdomain: false })),
      invalid: [],
      duplicates: [],
      list: { id: 'L1', retentionS: 365 * DAY_S, trigger: 'manual', domains, domainsHash: domains.join() },
    });
    return { store, db: storage.db, input, advance: (ms: number) => (clock += ms) };
  }

  test('outlive the store retention, until the list retention', async () => {
    const { store, input, advance } = await setup();
    const normal = created(await store.create({ ...input(['a.test']), owner: TEST_OWNER, list: undefined } as NewRun));
    const listRun = created(await store.create(input(['a.test', 'b.test'])));
    advance(61_000);
    expect(await store.get(normal.id)).toEqual({ missing: 'expired' });
    expect('found' in (await store.get(listRun.id))).toBe(true);
    advance(365 * DAY_S * 1000);
    expect(await store.get(listRun.id)).toEqual({ missing: 'expired' });
  });

  test('neither count toward nor are evicted by the per-client quota', async () => {
    const { store, input } = await setup();
    const first = created(await store.create(input(['a.test'])));
    await store.update(first.id, { status: 'done', pending: 0 });
    const second = created(await store.create(input(['a.test'])));
    expect('found' in (await store.get(first.id))).toBe(true);
    // The normal client's quota (1) is its own: list runs take none of it.
    const mine = created(await store.create({ ...input(['a.test']), owner: TEST_OWNER, list: undefined } as NewRun));
    expect([first.id, second.id, mine.id].every(Boolean)).toBe(true);
  });

  test('store per-record rows with each result; the changes come from them; the finish hook fires once', async () => {
    const { store, db, input, advance } = await setup();
    const seen: unknown[] = [];
    const stop = onListRunFinished((e) => {
      seen.push(e);
    });
    try {
      const r1 = created(await store.create(input(['a.test', 'b.test'])));
      await store.putResult(r1.id, makeResult('a.test', 'wrong-target'));
      await store.putResult(r1.id, makeResult('b.test', 'ok'));
      await store.update(r1.id, { status: 'done', pending: 0 });
      advance(1000);
      const r2 = created(await store.create(input(['a.test', 'b.test'])));
      await store.putResult(r2.id, makeResult('a.test', 'ok'));
      await store.putResult(r2.id, makeResult('b.test', 'wrong-target'));
      await store.update(r2.id, { status: 'cancelled', pending: 2 });
      await store.update(r2.id, { status: 'cancelled', pending: 0 });
      await store.update(r2.id, { status: 'done', pending: 0 });
      expect(seen).toEqual([
        { listId: 'L1', runId: r1.id, previousRunId: null },
        { listId: 'L1', runId: r2.id, previousRunId: r1.id },
      ]);
      expect((await recordRows(db, r1.id)).filter((r) => r.record === 'msoid')).toEqual([
        expect.objectContaining({ domain: 'a.test', status: 'broken' }),
        expect.objectContaining({ domain: 'b.test', status: 'ok' }),
      ]);
      const [later, earlier] = await listRuns(db, 'L1');
      if (!later || !earlier) throw new Error('two runs expected');
      const changes = computeChanges(await snapshotOf(db, earlier), await snapshotOf(db, later));
      expect(changes.domains.map((d) => [d.domain, d.kind])).toEqual([
        ['a.test', 'fixed'],
        ['b.test', 'newly-broken'],
      ]);
      // A re-check replaces the domain's rows.
      await store.putResult(r2.id, makeResult('b.test', 'ok'), { replace: true });
      const b = (await recordRows(db, r2.id, ['b.test'])).find((r) => r.record === 'msoid');
      expect(b?.status).toBe('ok');
      // Deleting the list deletes its runs with their rows.
      expect(await deleteList(db, 'L1')).toBe(true);
      expect(await recordRows(db, r1.id)).toEqual([]);
      expect(await store.get(r1.id)).toEqual({ missing: 'not-found' });
    } finally {
      stop();
    }
  });
});

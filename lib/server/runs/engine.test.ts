import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import type { CheckResult } from '@/lib/schema';
import type { CheckTarget, checkResult } from '../check';
import type { DnsResolver } from '../dns/resolver';
import { parseConfig } from '../env';
import type { CheckPool } from '../workers/pool';
import { createRunEngine, type RunEngine } from './engine';
import { createSqlRunStore } from './sql-store';
import { isFinished, type RunRecord } from './store';
import { created as createdRun, TEST_OWNER } from './test-fixtures';
import { testStore } from './test-store';

const config = parseConfig({ DNS_SERVERS: '127.0.0.1:53', BULK_CONCURRENCY: '4', LOG_LEVEL: 'silent' });
const noResolver = {} as DnsResolver;

function targets(n: number): CheckTarget[] {
  return Array.from({ length: n }, (_, i) => {
    const ascii = `d${i}.test`;
    return { ascii, display: ascii, registrable: ascii, isSubdomain: false };
  });
}

/** A fake check: resolves after `ms` unless aborted; counts calls per domain. */
function fakeCheck(ms: number, calls: Map<string, number>, health: (d: string) => string = () => 'healthy') {
  const check: typeof checkResult = (target, options) => {
    calls.set(target.ascii, (calls.get(target.ascii) ?? 0) + 1);
    return new Promise((resolve) => {
      const done = () => {
        const aborted = options.signal?.aborted === true;
        const result = makeResult(target.ascii, aborted ? 'lookup-failed' : 'ok', new Date().toISOString());
        result.summary.health = (
          aborted ? 'could-not-check' : health(target.ascii)
        ) as CheckResult['summary']['health'];
        resolve(result);
      };
      const timer = setTimeout(done, ms);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        done();
      });
    });
  };
  return check;
}

async function until(predicate: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An engine on a SQL store of its own (a fresh embedded database). */
async function testEngine(cfg: typeof config, deps: Omit<NonNullable<Parameters<typeof createRunEngine>[1]>, 'store'>) {
  const { store } = await testStore({ retentionS: 60, maxRuns: 50 });
  return createRunEngine(cfg, { ...deps, store });
}

/** The run as stored now. */
async function current(engine: RunEngine, id: string): Promise<RunRecord> {
  const found = await engine.store.get(id);
  if (!('found' in found)) throw new Error(`run ${id} is ${found.missing}`);
  return found.found;
}

const finished = async (engine: RunEngine, id: string) => isFinished(await current(engine, id));
const resultsOf = (engine: RunEngine, id: string) => engine.store.results(id, 0);

const input = (n: number) => ({
  owner: TEST_OWNER,
  cloud: 'auto' as const,
  lang: 'en',
  targets: targets(n),
  invalid: [],
  duplicates: [],
});

describe('ad-hoc lists (POST /api/check): the same engine, nothing stored', () => {
  test('every target is reported once, nothing is stored, and MAX_RUNS_KEPT is not touched', async () => {
    const calls = new Map<string, number>();
    const created: string[] = [];
    const { store } = await testStore({ retentionS: 60, maxRuns: 1 });
    const spy = {
      ...store,
      create: async (i: Parameters<typeof store.create>[0]) => {
        const result = await store.create(i);
        created.push(createdRun(result).id);
        return result;
      },
    };
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(5, calls), store: spy });
    const other = { ascii: 'kept.test', display: 'kept.test', registrable: 'kept.test', isSubdomain: false };
    const kept = createdRun(await engine.start({ ...input(0), targets: [other] }));
    await until(() => finished(engine, kept.id));
    const seen: string[] = [];
    for await (const report of engine.checkList(targets(20), { cloud: 'auto', lang: 'en', deadlineMs: 10_000 })) {
      seen.push(report.domain);
    }
    expect(seen.sort()).toEqual(
      targets(20)
        .map((t) => t.ascii)
        .sort(),
    );
    expect([...calls.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(created).toEqual([kept.id]);
    // The one kept run (MAX_RUNS_KEPT = 1) is still there.
    expect('found' in (await store.get(kept.id))).toBe(true);
  });

  test('the deadline: every target still reported exactly once, the unfinished ones as could-not-check', async () => {
    // Without the 200 ms deadline, 8 domains four at a time with 500 ms checks would take over a second.
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(500, calls) });
    const started = performance.now();
    const health: string[] = [];
    for await (const report of engine.checkList(targets(8), { cloud: 'auto', lang: 'en', deadlineMs: 200 })) {
      health.push(report.health);
    }
    expect(performance.now() - started).toBeLessThan(900);
    expect(health).toHaveLength(8);
    expect(health.every((h) => h === 'could-not-check')).toBe(true);
  });

  test('a client that goes away (or shutdown) ends the list at no DNS cost: the rest are reported at once', async () => {
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(100, calls) });
    const controller = new AbortController();
    setTimeout(() => controller.abort('shutting-down'), 50);
    const started = performance.now();
    const outcomes: string[] = [];
    for await (const report of engine.checkList(targets(12), {
      cloud: 'auto',
      lang: 'en',
      deadlineMs: 10_000,
      signal: controller.signal,
    })) {
      outcomes.push(report.outcome);
    }
    expect(outcomes).toHaveLength(12);
    expect(outcomes.filter((o) => o === 'could-not-check').length).toBeGreaterThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('run engine', () => {
  test('every target is reported exactly once and the run ends done', async () => {
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(1, calls) });
    const run = createdRun(await engine.start(input(50)));
    await until(() => finished(engine, run.id));
    const now = await current(engine, run.id);
    const results = await resultsOf(engine, run.id);
    expect(now.status).toBe('done');
    expect(new Set(results.map((r) => r.domain)).size).toBe(50);
    expect(results).toHaveLength(50);
    expect(now.checked).toBe(50);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(now.startedAt).not.toBeNull();
  });

  test('cancel: no new domain starts, in-flight checks are dropped, finished results stay', async () => {
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(30, calls) });
    const run = createdRun(await engine.start(input(40)));
    await until(async () => (await current(engine, run.id)).checked >= 4);
    const kept = (await current(engine, run.id)).checked;
    expect(await engine.cancel(run.id)).toBe(true);
    await until(() => finished(engine, run.id));
    const started = calls.size;
    await new Promise((r) => setTimeout(r, 100));
    expect((await current(engine, run.id)).status).toBe('cancelled');
    expect(calls.size).toBe(started);
    expect(started).toBeLessThan(40);
    const results = await resultsOf(engine, run.id);
    expect(results.length).toBeGreaterThanOrEqual(kept);
    expect(results.every((r) => r.health === 'healthy')).toBe(true);
  });

  test('recheck replaces just those results, at their index, and keeps the final status', async () => {
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(1, calls) });
    const run = createdRun(await engine.start(input(6)));
    await until(() => finished(engine, run.id));
    const before = (await resultsOf(engine, run.id)).map((r) => r.domain);
    const index = before.indexOf('d3.test');
    const old = (await resultsOf(engine, run.id))[index]?.checkedAt;
    await new Promise((r) => setTimeout(r, 5));
    await engine.recheck(
      run.id,
      targets(6).filter((t) => t.ascii === 'd3.test'),
    );
    expect((await current(engine, run.id)).status).toBe('running');
    await until(() => finished(engine, run.id));
    expect((await current(engine, run.id)).status).toBe('done');
    const after = await resultsOf(engine, run.id);
    expect(after.map((r) => r.domain)).toEqual(before);
    expect(after[index]?.checkedAt).not.toBe(old);
    expect(calls.get('d3.test')).toBe(2);
    expect(calls.get('d2.test')).toBe(1);
  });

  test('two runs share the bulk budget: the later one finishes its first domains before the first run ends', async () => {
    const calls = new Map<string, number>();
    const engine = await testEngine(config, { resolver: noResolver, check: fakeCheck(5, calls) });
    const big = createdRun(await engine.start(input(80)));
    const small = createdRun(
      await engine.start({
        ...input(8),
        targets: targets(8).map((t) => ({ ...t, ascii: `s-${t.ascii}` })),
      }),
    );
    await until(() => finished(engine, small.id));
    expect(await finished(engine, big.id)).toBe(false);
    await until(() => finished(engine, big.id));
  });
});

describe('durable runs: a restart resumes the unfinished runs', () => {
  test('the unchecked domains are checked after a restart, each domain ends up in the run exactly once', async () => {
    const { store, storage } = await testStore({ retentionS: 60, maxRuns: 5 });
    // The first process stores 10 results, then its checks hang (it is killed mid-run).
    const first = new Map<string, number>();
    let done = 0;
    const slow = fakeCheck(1, first);
    const hanging: typeof checkResult = (target, options) =>
      ++done <= 10 ? slow(target, options) : new Promise(() => undefined);
    const before = createRunEngine(config, { resolver: noResolver, check: hanging, store });
    const run = createdRun(await before.start(input(30)));
    await until(async () => (await current(before, run.id)).checked === 10);
    const kept = await resultsOf(before, run.id);
    // The restarted process: a new engine on a new store over the same database.
    const again = new Map<string, number>();
    const restarted = createSqlRunStore(storage, { retentionS: 60, maxRuns: 5 });
    const after = createRunEngine(config, { resolver: noResolver, check: fakeCheck(1, again), store: restarted });
    await after.queue.resume();
    await until(() => finished(after, run.id));
    const results = await resultsOf(after, run.id);
    expect((await current(after, run.id)).status).toBe('done');
    expect(results).toHaveLength(30);
    expect(new Set(results.map((r) => r.domain)).size).toBe(30);
    // No finished result changed, and none was checked again.
    expect(results.slice(0, 10)).toEqual(kept);
    expect([...again.keys()].filter((d) => first.has(d) && kept.some((r) => r.domain === d))).toEqual([]);
    expect(again.size).toBe(20);
  });

  test('a result whose write fails waits and is stored when storage answers again: none is lost', async () => {
    const { store } = await testStore({ retentionS: 60, maxRuns: 5 });
    // Storage fails the first 12 result writes (a database restarting), then answers again.
    let failures = 12;
    const flaky = {
      ...store,
      putPacked: (...args: Parameters<typeof store.putPacked>) =>
        failures-- > 0 ? Promise.reject(new Error('storage unavailable')) : store.putPacked(...args),
    };
    const calls = new Map<string, number>();
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(1, calls), store: flaky });
    const run = createdRun(await engine.start(input(20)));
    await until(() => finished(engine, run.id), 15_000);
    expect((await current(engine, run.id)).status).toBe('done');
    expect((await resultsOf(engine, run.id)).map((r) => r.domain).sort()).toEqual(
      targets(20)
        .map((t) => t.ascii)
        .sort(),
    );
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
  });

  test('a finished run is not resumed', async () => {
    const { store, storage } = await testStore({ retentionS: 60, maxRuns: 5 });
    const calls = new Map<string, number>();
    const before = createRunEngine(config, { resolver: noResolver, check: fakeCheck(1, calls), store });
    const run = createdRun(await before.start(input(5)));
    await until(() => finished(before, run.id));
    const again = new Map<string, number>();
    const after = createRunEngine(config, {
      resolver: noResolver,
      check: fakeCheck(1, again),
      store: createSqlRunStore(storage, { retentionS: 60, maxRuns: 5 }),
    });
    await after.queue.resume();
    expect(again.size).toBe(0);
    expect((await current(after, run.id)).revision).toBe(5);
  });
});

/** A fake check pool: `check` resolves after `ms` (ignoring aborts, as a worker's reply may arrive late). */
function fakePool(ms: number, seen: string[], forgotten: string[] = []): CheckPool {
  let inHand = 0;
  return {
    check(target) {
      seen.push(target.ascii);
      inHand++;
      return new Promise((resolve) =>
        setTimeout(() => {
          inHand--;
          const json = Buffer.from(JSON.stringify({ domain: target.ascii }));
          resolve({
            domain: target.ascii,
            health: 'healthy',
            checkedAt: new Date().toISOString(),
            outcome: 'ok',
            lang: 'en',
            json,
            packed: json,
          });
        }, ms),
      );
    },
    active: () => true,
    forget: (domain) => void forgotten.push(domain),
    inHand: () => inHand,
    sent: () => 0,
    close: async () => {},
  };
}

describe('run engine with check workers', () => {
  const withWorker = parseConfig({
    DNS_SERVERS: '127.0.0.1:53',
    BULK_CONCURRENCY: '4',
    CHECK_WORKERS: '1',
    LOG_LEVEL: 'silent',
  });

  test('the workers take W/(W+1) of the domain slots and the main thread checks the rest', async () => {
    const onPool: string[] = [];
    const onMain = new Map<string, number>();
    const engine = await testEngine(withWorker, {
      resolver: noResolver,
      check: fakeCheck(20, onMain),
      pool: fakePool(20, onPool),
    });
    const run = createdRun(await engine.start(input(40)));
    await until(() => finished(engine, run.id));
    expect(await resultsOf(engine, run.id)).toHaveLength(40);
    // 4 slots, one worker: 2 on the worker and 2 here at any time, so about half each.
    expect(onPool.length).toBeGreaterThanOrEqual(12);
    expect(onMain.size).toBeGreaterThanOrEqual(12);
    expect(onPool.length + onMain.size).toBe(40);
  });

  test('a worker report that arrives after cancel is not stored', async () => {
    const onPool: string[] = [];
    const engine = await testEngine(withWorker, {
      resolver: noResolver,
      check: fakeCheck(10_000, new Map()),
      pool: fakePool(80, onPool),
    });
    const run = createdRun(await engine.start(input(8)));
    await until(() => onPool.length > 0);
    await engine.cancel(run.id);
    await new Promise((r) => setTimeout(r, 150));
    await until(() => finished(engine, run.id));
    expect((await current(engine, run.id)).status).toBe('cancelled');
    expect(await resultsOf(engine, run.id)).toHaveLength(0);
  });

  test('a re-check makes every thread forget the domain', async () => {
    const forgotten: string[] = [];
    const mainForgot: string[] = [];
    const resolver = { forget: (d: string) => void mainForgot.push(d) } as unknown as DnsResolver;
    const engine = await testEngine(withWorker, {
      resolver,
      check: fakeCheck(1, new Map()),
      pool: fakePool(1, [], forgotten),
    });
    const run = createdRun(await engine.start(input(3)));
    await until(() => finished(engine, run.id));
    expect(forgotten).toEqual([]);
    await engine.recheck(run.id, targets(3).slice(1, 2));
    await until(async () => (await finished(engine, run.id)) && (await current(engine, run.id)).revision > 3);
    expect(forgotten).toEqual(['d1.test']);
    expect(mainForgot).toEqual(['d1.test']);
  });
});

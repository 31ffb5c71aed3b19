import { describe, expect, test } from 'vitest';
import { createSlowLane } from '../dns/slow-lane';
import { createFairScheduler, type Task } from './scheduler';

/** Tasks that log their start and finish only when released. */
function gated(log: string[], key: string, n: number) {
  const releases: Array<() => void> = [];
  const tasks: Task[] = Array.from({ length: n }, (_, i) => () => {
    log.push(`${key}${i}`);
    return new Promise<void>((resolve) => releases.push(resolve));
  });
  return {
    tasks,
    releaseAll: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('fair scheduler', () => {
  test('never runs more than the limit at once, across keys', async () => {
    const log: string[] = [];
    const s = createFairScheduler(3);
    const a = gated(log, 'a', 5);
    const b = gated(log, 'b', 5);
    s.add('a', a.tasks);
    s.add('b', b.tasks);
    await tick();
    expect(s.running()).toBe(3);
    expect(s.queued('a') + s.queued('b')).toBe(7);
  });

  test('alternates between runs: a later run is not stuck behind an earlier big one', async () => {
    const log: string[] = [];
    const s = createFairScheduler(1);
    const a = gated(log, 'a', 4);
    const b = gated(log, 'b', 2);
    s.add('a', a.tasks);
    s.add('b', b.tasks);
    for (let i = 0; i < 6; i++) {
      await tick();
      a.releaseAll();
      b.releaseAll();
    }
    await tick();
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'a3']);
  });

  test('two equal runs sharing the budget get equal shares (FIFO would starve the second)', async () => {
    const log: string[] = [];
    const s = createFairScheduler(4);
    const a = gated(log, 'a', 100);
    const b = gated(log, 'b', 100);
    s.add('a', a.tasks);
    s.add('b', b.tasks);
    for (let i = 0; i < 10; i++) {
      await tick();
      a.releaseAll();
      b.releaseAll();
    }
    const started = { a: log.filter((l) => l.startsWith('a')).length, b: log.filter((l) => l.startsWith('b')).length };
    // The first run fills the idle budget (4) before the second arrives; from then on they alternate.
    expect(Math.abs(started.a - started.b)).toBeLessThanOrEqual(4);
    expect(started.a).toBeGreaterThan(10);
  });

  test('drop removes only the queued tasks of that key; a failing task frees its slot', async () => {
    const log: string[] = [];
    const s = createFairScheduler(1);
    s.add('x', [() => Promise.reject(new Error('boom'))]);
    const a = gated(log, 'a', 3);
    s.add('a', a.tasks);
    await tick();
    await tick();
    expect(log).toEqual(['a0']);
    expect(s.drop('a')).toBe(2);
    a.releaseAll();
    await tick();
    expect(log).toEqual(['a0']);
    expect(s.running()).toBe(0);
  });

  const laneRows = [
    { label: 'without a slow lane, one slow task holds the only slot', lane: false, fastDoneBeforeSlow: false },
    { label: 'with a slow lane, the slow task gives its slot back', lane: true, fastDoneBeforeSlow: true },
  ];
  test.each(laneRows)('$label', async ({ lane, fastDoneBeforeSlow }) => {
    const s = createFairScheduler(1, lane ? createSlowLane({ slowAfterMs: 20, maxSlow: 4 }) : undefined);
    const done: string[] = [];
    const task = (name: string, ms: number) => async () => {
      await new Promise((r) => setTimeout(r, ms));
      done.push(name);
    };
    s.add('run', [task('slow', 250), ...Array.from({ length: 5 }, (_, i) => task(`fast${i}`, 5))]);
    await new Promise((r) => setTimeout(r, 400));
    expect(done).toHaveLength(6);
    expect(done.indexOf('slow') === 5).toBe(fastDoneBeforeSlow);
    expect(s.running()).toBe(0);
  });
});

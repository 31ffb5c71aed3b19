import { describe, expect, test } from 'vitest';
import { activeRuns, drain, isShuttingDown, registerRun, SHUTDOWN_REASON, waitForIdle } from './shutdown';

// drain() switches the process-wide state to "shutting down", so it runs last.
describe('run registry and drain', () => {
  test('registered runs are counted until done (done is idempotent)', () => {
    const a = registerRun();
    const b = registerRun();
    expect(activeRuns()).toBe(2);
    a.done();
    a.done();
    expect(activeRuns()).toBe(1);
    b.done();
    expect(activeRuns()).toBe(0);
  });

  test('waitForIdle resolves true when the last run ends, false after the timeout', async () => {
    const run = registerRun();
    expect(await waitForIdle(20)).toBe(false);
    setTimeout(() => run.done(), 10);
    expect(await waitForIdle(1000)).toBe(true);
  });

  test('drain: runs that end within the grace period are not aborted; the rest are, with the shutdown reason', async () => {
    const quick = registerRun();
    const slow = registerRun();
    const slowReasons: unknown[] = [];
    slow.signal.addEventListener('abort', () => {
      slowReasons.push(slow.signal.reason);
      // The run reacts to the abort by finishing (its remaining domains become could-not-check).
      setTimeout(() => slow.done(), 5);
    });
    setTimeout(() => quick.done(), 10);
    expect(isShuttingDown()).toBe(false);
    const aborted = await drain(100);
    expect(isShuttingDown()).toBe(true);
    expect(aborted).toBe(1);
    expect(quick.signal.aborted).toBe(false);
    expect(slowReasons).toEqual([SHUTDOWN_REASON]);
    expect(activeRuns()).toBe(0);
  });
});

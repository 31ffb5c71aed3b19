import { describe, expect, test } from 'vitest';
import { abortScope, hasAbortListener, NEVER_ABORTED, onAbort } from './abort';

describe('onAbort: one real listener per signal', () => {
  test('many callbacks share one listener; each runs once on abort; the listener goes with the last callback', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const offs = [1, 2, 3].map((n) => onAbort(controller.signal, () => calls.push(n)));
    expect(hasAbortListener(controller.signal)).toBe(true);
    offs[1]?.();
    controller.abort();
    controller.abort();
    expect(calls).toEqual([1, 3]);
    expect(hasAbortListener(controller.signal)).toBe(false);
  });

  test('unregistering every callback removes the listener (a signal is not kept alive by it)', () => {
    const controller = new AbortController();
    const offs = [onAbort(controller.signal, () => {}), onAbort(controller.signal, () => {})];
    for (const off of offs) off();
    for (const off of offs) off();
    expect(hasAbortListener(controller.signal)).toBe(false);
  });

  test('an aborted signal calls back at once', () => {
    const controller = new AbortController();
    controller.abort();
    let called = 0;
    onAbort(controller.signal, () => called++)();
    expect(called).toBe(1);
    expect(NEVER_ABORTED.aborted).toBe(false);
  });
});

describe('abortScope: caller, deadline and breaker abort one controller', () => {
  const rows = [
    { label: 'the caller aborts: its reason', by: 'caller' as const, reason: 'run-cancelled' },
    { label: 'the deadline passes: the deadline reason', by: 'deadline' as const, reason: 'deadline' },
    { label: 'the breaker aborts it: its reason', by: 'breaker' as const, reason: 'domain-breaker' },
  ];
  test.each(rows)('$label', async ({ by, reason }) => {
    const caller = new AbortController();
    const scope = abortScope(caller.signal, by === 'deadline' ? 10 : 10_000, () => 'deadline');
    if (by === 'caller') caller.abort('run-cancelled');
    if (by === 'breaker') scope.controller.abort('domain-breaker');
    await new Promise((r) => setTimeout(r, by === 'deadline' ? 30 : 0));
    expect(scope.signal.aborted).toBe(true);
    expect(scope.signal.reason).toBe(reason);
    scope.dispose();
    expect(hasAbortListener(caller.signal)).toBe(false);
  });

  test('dispose: no later abort from the caller or the deadline', async () => {
    const caller = new AbortController();
    const scope = abortScope(caller.signal, 10, () => 'deadline');
    scope.dispose();
    caller.abort();
    await new Promise((r) => setTimeout(r, 30));
    expect(scope.signal.aborted).toBe(false);
  });
});

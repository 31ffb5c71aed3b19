import { describe, expect, test } from 'vitest';
import { createSemaphore } from './semaphore';

describe('semaphore', () => {
  test('tryAcquire takes free slots without waiting; never jumps the queue', async () => {
    const s = createSemaphore(2);
    expect([s.tryAcquire(), s.tryAcquire(), s.tryAcquire()]).toEqual([true, true, false]);
    const waiting = s.acquire();
    expect(s.waiting()).toBe(1);
    s.release();
    expect(await waiting).toBe(true);
    expect(s.active()).toBe(2);
    s.release();
    s.release();
    expect(s.active()).toBe(0);
    expect(s.tryAcquire()).toBe(true);
  });

  test('an aborted waiter leaves the queue and gets false; the slot goes to the next one', async () => {
    const s = createSemaphore(1);
    expect(s.tryAcquire()).toBe(true);
    const controller = new AbortController();
    const first = s.acquire(controller.signal);
    const second = s.acquire();
    controller.abort();
    expect(await first).toBe(false);
    s.release();
    expect(await second).toBe(true);
    expect(s.waiting()).toBe(0);
  });

  test('close turns every waiter and every later acquire away', async () => {
    const s = createSemaphore(1);
    expect(s.tryAcquire()).toBe(true);
    const waiters = [s.acquire(), s.acquire(new AbortController().signal)];
    s.close();
    expect(await Promise.all(waiters)).toEqual([false, false]);
    expect(await s.acquire()).toBe(false);
    expect(s.tryAcquire()).toBe(false);
  });
});

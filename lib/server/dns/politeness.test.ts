/**
 * The politeness limiter on a fake clock: at most `qps` queries to one address in ANY one-second window (a sliding
 * log, so no second straddling two windows lets twice the cap through), FIFO per address, addresses independent,
 * an aborted waiter gives up its turn, and the cap shared out among the check threads.
 */
import { describe, expect, it } from 'vitest';
import { createPoliteness, MAX_SHARED_QPS, qpsPerThread, sharedBuffer, sharedSlots } from './politeness';

/** A fake clock: `sleep` advances it (the waiters run one after another, as the limiter queues them). */
function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** The most send times within any half-open window of `ms`. */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('createPoliteness', () => {
  it('never more than qps in any one-second window, even across a window boundary', async () => {
    const c = clock();
    const p = createPoliteness(c.now, c.sleep);
    const sent: number[] = [];
    // 5 at t=0.9 s, then a long queue: a fixed window would let 5 more through at t=1.0 s.
    c.advance(900);
    for (let i = 0; i < 5; i++) {
      await p.wait('192.0.2.1', 5);
      sent.push(c.now());
    }
    for (let i = 0; i < 20; i++) {
      await p.wait('192.0.2.1', 5);
      sent.push(c.now());
    }
    expect(busiest(sent, 1000)).toBe(5);
    expect(sent.slice(5, 10)).toEqual([1900, 1900, 1900, 1900, 1900]);
  });

  it('queues waiters of one address in order; other addresses do not wait', async () => {
    const c = clock();
    const p = createPoliteness(c.now, c.sleep);
    const order: string[] = [];
    await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => p.wait('192.0.2.1', 2).then(() => order.push(`a${i}`))),
      p.wait('192.0.2.2', 2).then(() => order.push('b')),
    ]);
    expect(order.filter((x) => x.startsWith('a'))).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('a2'));
  });

  it('an aborted waiter gives up its turn and leaves no slot taken', async () => {
    const c = clock();
    const p = createPoliteness(c.now, c.sleep);
    await p.wait('192.0.2.1', 1);
    const aborted = AbortSignal.abort();
    await p.wait('192.0.2.1', 1, aborted);
    expect(c.now()).toBe(0);
    await p.wait('192.0.2.1', 1);
    expect(c.now()).toBe(1000);
  });

  it('forgets idle addresses when many are remembered', async () => {
    const c = clock();
    const p = createPoliteness(c.now, c.sleep);
    for (let i = 0; i < 1100; i++) await p.wait(`10.0.${i >> 8}.${i & 255}`, 20);
    c.advance(2000);
    await p.wait('192.0.2.9', 20);
    expect(p.size()).toBeLessThan(200);
  });
});

describe('the shared log: one cap for every thread of the process', () => {
  it('two limiters on one buffer (the main thread and a worker) together send at most qps in any second', async () => {
    const c = clock();
    c.advance(1_000_000); // a process clock reads epoch milliseconds, never 0
    const buffer = sharedBuffer(5);
    const main = createPoliteness(c.now, c.sleep, sharedSlots(buffer));
    const worker = createPoliteness(c.now, c.sleep, sharedSlots(buffer));
    const sent: number[] = [];
    for (let i = 0; i < 12; i++) {
      await (i % 2 === 0 ? main : worker).wait('192.0.2.1', 5);
      sent.push(c.now());
    }
    expect(busiest(sent, 1000)).toBe(5);
    // Each could use the whole cap: the first five went at once, whichever thread asked.
    expect(sent.slice(0, 5)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    // Another address is not held back.
    const before = c.now();
    await worker.wait('192.0.2.2', 5);
    expect(c.now()).toBe(before);
  });

  it('holds a ring up to MAX_SHARED_QPS; a larger cap has no shared log', () => {
    expect(sharedBuffer(MAX_SHARED_QPS).byteLength).toBeGreaterThan(sharedBuffer(20).byteLength);
    expect(sharedBuffer(MAX_SHARED_QPS * 4).byteLength).toBe(sharedBuffer(MAX_SHARED_QPS).byteLength);
  });
});

describe('qpsPerThread (a cap above MAX_SHARED_QPS)', () => {
  it.each([
    ['one thread keeps the whole cap', 20, 1, 20],
    ['three threads share 20: 6 each (18 in all, never over)', 20, 3, 6],
    ['five threads share 20: 4 each', 20, 5, 4],
    ['never below one', 2, 5, 1],
  ])('%s', (_label, qps, threads, share) => {
    expect(qpsPerThread(qps, threads)).toBe(share);
  });
});

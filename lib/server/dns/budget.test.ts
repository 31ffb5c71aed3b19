/**
 * The bounds of ./budget.ts against a scripted in-memory resolver: the per-domain query budget and breaker and
 * the per-run in-flight cap. (The run deadline of a checked list is the engine's: ../runs/engine.test.ts.)
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Lookup, LookupOutcome, RecordType } from '@/lib/schema';
import { parseConfig } from '../env';
import { withDomainBudget, withRunLimit } from './budget';
import { abortOutcome, type DnsResolver, deadlineReason, type LookupOptions } from './resolver';
import { createSlowLane } from './slow-lane';

beforeAll(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('m365-dns-health.config')] = parseConfig({
    DNS_SERVERS: '127.0.0.1:53',
    ALLOW_TEST_DOMAINS: '1',
    DOMAIN_DEADLINE_MS: '5000',
    LOG_LEVEL: 'silent',
  });
});

type Script = (name: string, type: RecordType) => { outcome: LookupOutcome; attempts?: number; ms?: number };

/** A resolver that answers from `script` after `ms`, honours abort signals, and records what it was asked. */
function scripted(script: Script) {
  const asked: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const resolver: DnsResolver = {
    async lookup(name: string, type: RecordType, options: LookupOptions = {}): Promise<Lookup> {
      asked.push(`${name} ${type}`);
      const { outcome, attempts = 1, ms = 0 } = script(name, type);
      const base = { name, type, answers: [], chain: [], chainEnd: 'none' as const, elapsedMs: ms };
      if (options.signal?.aborted) return { ...base, outcome: abortOutcome(options.signal.reason), attempts: 0 };
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const aborted = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          options.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        if (aborted) return { ...base, outcome: abortOutcome(options.signal?.reason), attempts };
        return { ...base, outcome, attempts };
      } finally {
        inFlight--;
      }
    },
    stats: () => ({ sent: asked.length, inFlight, cacheHits: 0 }),
    close: async () => {},
  };
  return { resolver, asked, maxInFlight: () => maxInFlight };
}

describe('withDomainBudget', () => {
  test('budget: once maxQueries are used (retries counted), new lookups are skipped without asking', async () => {
    const { resolver, asked } = scripted(() => ({ outcome: 'answer', attempts: 2 }));
    const budget = withDomainBudget(resolver, { maxQueries: 5, breakerTimeouts: 2 });
    const outcomes = [];
    for (const type of ['SOA', 'MX', 'TXT', 'A'] as const) outcomes.push((await budget.lookup('x.test', type)).outcome);
    // 2 + 2 used: the third still starts (4 < 5) and brings it to 6; the fourth is over the budget.
    expect(outcomes).toEqual(['answer', 'answer', 'answer', 'skipped']);
    expect(asked).toHaveLength(3);
    expect(budget.used()).toBe(6);
  });

  test('breaker: after N timed-out lookups the rest are skipped, those in flight are stopped and skipped too', async () => {
    const { resolver, asked } = scripted((name) =>
      // The slow lookup would take 5 s; stopped by the breaker it ends after the two 20 ms timeouts.
      name.startsWith('slow') ? { outcome: 'answer', ms: 5000 } : { outcome: 'timeout', attempts: 3, ms: 20 },
    );
    const budget = withDomainBudget(resolver, { maxQueries: 100, breakerTimeouts: 2 });
    const started = performance.now();
    const results = await Promise.all([
      budget.lookup('slow.x.test', 'A'),
      budget.lookup('t1.x.test', 'A'),
      budget.lookup('t2.x.test', 'A'),
    ]);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(results.map((r) => r.outcome)).toEqual(['skipped', 'timeout', 'timeout']);
    expect(budget.tripped()).toBe(true);
    const later = await budget.lookup('msoid.x.test', 'CNAME');
    expect(later).toMatchObject({ outcome: 'skipped', attempts: 0 });
    expect(asked).toHaveLength(3);
  });

  test('a chain that failed on a timed-out hop counts as a timeout', async () => {
    const hop: Lookup = {
      name: 'msoid.x.test',
      type: 'CNAME',
      outcome: 'answer',
      answers: [],
      chain: ['a.test'],
      chainEnd: 'failed',
      chainFailure: { name: 'a.test', outcome: 'timeout' },
      attempts: 3,
      elapsedMs: 1,
    };
    const resolver: DnsResolver = {
      lookup: async () => hop,
      stats: () => ({ sent: 0, inFlight: 0, cacheHits: 0 }),
      close: async () => {},
    };
    const budget = withDomainBudget(resolver, { maxQueries: 100, breakerTimeouts: 2 });
    await budget.lookup('msoid.x.test', 'CNAME', { follow: true });
    expect(budget.tripped()).toBe(false);
    await budget.lookup('autodiscover.x.test', 'CNAME', { follow: true });
    expect(budget.tripped()).toBe(true);
  });

  test('a caller abort is not turned into skipped (it stays cancelled/deadline)', async () => {
    const { resolver } = scripted(() => ({ outcome: 'answer', ms: 200 }));
    const budget = withDomainBudget(resolver, { maxQueries: 100, breakerTimeouts: 2 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    expect((await budget.lookup('x.test', 'A', { signal: controller.signal })).outcome).toBe('cancelled');
  });

  // checkDomain passes the domain's own abort scope: the breaker aborts that scope instead of a signal of its own.
  const scopeRows = [
    {
      label: 'the breaker trips: lookups in flight on the scope are skipped, later ones skipped unasked',
      abortBy: null,
      want: ['skipped', 'timeout', 'timeout', 'skipped'],
    },
    {
      label: 'the deadline aborts the scope first: lookups end as deadline, never skipped',
      abortBy: 'deadline',
      want: ['deadline', 'deadline', 'deadline', 'deadline'],
    },
  ];
  test.each(scopeRows)('with a domain scope: $label', async ({ abortBy, want }) => {
    const { resolver, asked } = scripted((name) =>
      name.startsWith('slow') ? { outcome: 'answer', ms: 500 } : { outcome: 'timeout', attempts: 3, ms: 40 },
    );
    const scope = new AbortController();
    const budget = withDomainBudget(resolver, { maxQueries: 100, breakerTimeouts: 2 }, scope);
    const signal = scope.signal;
    if (abortBy === 'deadline') setTimeout(() => scope.abort(deadlineReason()), 10);
    const results = await Promise.all([
      budget.lookup('slow.x.test', 'A', { signal }),
      budget.lookup('t1.x.test', 'A', { signal }),
      budget.lookup('t2.x.test', 'A', { signal }),
    ]);
    const later = await budget.lookup('msoid.x.test', 'CNAME', { signal });
    expect([...results, later].map((r) => r.outcome)).toEqual(want);
    expect(budget.tripped()).toBe(abortBy === null);
    expect(asked).toHaveLength(abortBy === null ? 3 : 4);
  });

  test('answers and negative answers never trip the breaker', async () => {
    const outcomes: LookupOutcome[] = ['answer', 'nxdomain', 'nodata', 'servfail', 'refused'];
    let i = 0;
    const { resolver } = scripted(() => ({ outcome: outcomes[i++ % outcomes.length] as LookupOutcome }));
    const budget = withDomainBudget(resolver, { maxQueries: 100, breakerTimeouts: 1 });
    for (let n = 0; n < 10; n++) await budget.lookup(`n${n}.x.test`, 'A');
    expect(budget.tripped()).toBe(false);
  });
});

describe('withRunLimit', () => {
  test('with a slow lane, a lookup waiting out a timeout gives its slot back to the others', async () => {
    const fake = scripted((name) => ({
      outcome: name.startsWith('slow') ? 'timeout' : 'answer',
      ms: name.startsWith('slow') ? 300 : 5,
    }));
    const limited = withRunLimit(fake.resolver, 1, createSlowLane({ slowAfterMs: 20, maxSlow: 2 }));
    const finished: string[] = [];
    const ask = (name: string) => limited.lookup(name, 'A').then((r) => finished.push(`${name} ${r.outcome}`));
    await Promise.all([ask('slow.test'), ...Array.from({ length: 4 }, (_, i) => ask(`n${i}.test`))]);
    expect(finished.at(-1)).toBe('slow.test timeout');
    expect(fake.maxInFlight()).toBe(2);
  });

  test('at most maxInFlight lookups at once; a waiting lookup ends as deadline when the run deadline aborts', async () => {
    const fake = scripted(() => ({ outcome: 'answer', ms: 30 }));
    const limited = withRunLimit(fake.resolver, 3);
    await Promise.all(Array.from({ length: 10 }, (_, i) => limited.lookup(`n${i}.test`, 'A')));
    expect(fake.maxInFlight()).toBe(3);

    const slow = scripted(() => ({ outcome: 'answer', ms: 300 }));
    const one = withRunLimit(slow.resolver, 1);
    const signal = AbortSignal.timeout(50);
    const [first, waiting] = await Promise.all([
      one.lookup('a.test', 'A', { signal }),
      one.lookup('b.test', 'A', { signal }),
    ]);
    expect(first.outcome).toBe('deadline');
    expect(waiting).toMatchObject({ outcome: 'deadline', attempts: 0 });
    expect(slow.asked).toEqual(['a.test A']);
  });
});

import { describe, expect, test } from 'vitest';
import type { Report } from '@/lib/schema';
import type { CheckTarget, checkDomain } from '../check';
import type { DnsResolver } from '../dns/resolver';
import { parseConfig } from '../env';
import { createRunEngine } from './engine';
import { isFinished } from './store';

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
  const check: typeof checkDomain = (target, options) => {
    calls.set(target.ascii, (calls.get(target.ascii) ?? 0) + 1);
    return new Promise((resolve) => {
      const done = () =>
        resolve({
          domain: target.ascii,
          checkedAt: new Date().toISOString(),
          summary: { health: options.signal?.aborted ? 'could-not-check' : health(target.ascii) },
        } as unknown as Report);
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

const input = (n: number) => ({ cloud: 'auto' as const, lang: 'en', targets: targets(n), invalid: [], duplicates: [] });

describe('run engine', () => {
  test('every target is reported exactly once and the run ends done', async () => {
    const calls = new Map<string, number>();
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(1, calls) });
    const run = await engine.start(input(50));
    await until(() => isFinished(run));
    expect(run.status).toBe('done');
    expect(new Set(run.results.map((r) => r.domain)).size).toBe(50);
    expect(run.results).toHaveLength(50);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(run.startedAt).not.toBeNull();
  });

  test('cancel: no new domain starts, in-flight checks are dropped, finished results stay', async () => {
    const calls = new Map<string, number>();
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(30, calls) });
    const run = await engine.start(input(40));
    await until(() => run.results.length >= 4);
    const kept = run.results.length;
    expect(await engine.cancel(run.id)).toBe(true);
    await until(() => isFinished(run));
    const started = calls.size;
    await new Promise((r) => setTimeout(r, 100));
    expect(run.status).toBe('cancelled');
    expect(calls.size).toBe(started);
    expect(started).toBeLessThan(40);
    expect(run.results.length).toBeGreaterThanOrEqual(kept);
    expect(run.results.every((r) => r.health === 'healthy')).toBe(true);
  });

  test('recheck replaces just those results, at their index, and keeps the final status', async () => {
    const calls = new Map<string, number>();
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(1, calls) });
    const run = await engine.start(input(6));
    await until(() => isFinished(run));
    const before = run.results.map((r) => r.domain);
    const index = before.indexOf('d3.test');
    const old = run.results[index]?.checkedAt;
    await new Promise((r) => setTimeout(r, 5));
    await engine.recheck(
      run.id,
      targets(6).filter((t) => t.ascii === 'd3.test'),
    );
    expect(run.status).toBe('running');
    await until(() => isFinished(run));
    expect(run.status).toBe('done');
    expect(run.results.map((r) => r.domain)).toEqual(before);
    expect(run.results[index]?.checkedAt).not.toBe(old);
    expect(calls.get('d3.test')).toBe(2);
    expect(calls.get('d2.test')).toBe(1);
  });

  test('two runs share the bulk budget: the later one finishes its first domains before the first run ends', async () => {
    const calls = new Map<string, number>();
    const engine = createRunEngine(config, { resolver: noResolver, check: fakeCheck(5, calls) });
    const big = await engine.start(input(80));
    const small = await engine.start({
      ...input(8),
      targets: targets(8).map((t) => ({ ...t, ascii: `s-${t.ascii}` })),
    });
    await until(() => isFinished(small));
    expect(isFinished(big)).toBe(false);
    await until(() => isFinished(big));
  });
});

import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { type CheckPool, createCheckPool, MAX_FAILED_STARTS } from './pool';
import type { WorkerSetup } from './protocol';

/**
 * A stand-in worker speaking the pool's protocol: `ok*` answers at once (2 queries), `hang*` waits for its
 * abort and answers `failed` with the reason it got, `fail*` answers `failed`, `crash*` ends the thread.
 */
const FAKE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const counts = new Float64Array(workerData.sentCounts);
const forgot = [];
parentPort.on('message', (msg) => {
  if (msg.kind === 'forget') return void forgot.push(msg.domain);
  if (msg.kind === 'abort') {
    parentPort.postMessage({ kind: 'failed', id: msg.id, message: 'aborted: ' + msg.reason });
    return;
  }
  const domain = msg.target.ascii;
  if (domain.startsWith('crash')) process.exit(3);
  if (domain.startsWith('fail')) return parentPort.postMessage({ kind: 'failed', id: msg.id, message: 'boom' });
  if (domain.startsWith('hang')) return;
  counts[workerData.slot] += 2;
  const json = new TextEncoder().encode(JSON.stringify({ domain, slot: workerData.slot, cloud: msg.options.cloud, forgot }));
  parentPort.postMessage({ kind: 'done', id: msg.id, domain, health: 'healthy', checkedAt: 'now', json, packed: json.slice(0, 1) });
});
`;

const started: WorkerSetup[] = [];
const spawn = (setup: WorkerSetup) => {
  started.push(setup);
  return new Worker(FAKE_WORKER, { eval: true, workerData: setup });
};

const target = (ascii: string) => ({ ascii, display: ascii, registrable: ascii, isSubdomain: false });
const options = { cloud: 'auto' as const, lang: 'en' };
const live = () => new AbortController().signal;
const slotOf = async (pool: CheckPool, domain: string, signal = live()) =>
  JSON.parse((await pool.check(target(domain), options, signal)).json.toString('utf8')).slot as number;

let pool: CheckPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
  started.length = 0;
});

describe('check pool', () => {
  it('hands back the report bytes as Buffers with the fields the store reads', async () => {
    pool = createCheckPool({ size: 1, inFlight: 8, slowAfterMs: 250, spawn });
    const report = await pool.check(target('ok.test'), options, live());
    expect(report.domain).toBe('ok.test');
    expect(report.health).toBe('healthy');
    expect(Buffer.isBuffer(report.json) && Buffer.isBuffer(report.packed)).toBe(true);
    expect(JSON.parse(report.json.toString('utf8'))).toEqual({ domain: 'ok.test', slot: 0, cloud: 'auto', forgot: [] });
    expect(started[0]).toMatchObject({ inFlight: 8, slowAfterMs: 250, slot: 0 });
  });

  it('sends a check to the worker with the fewest checks in hand', async () => {
    pool = createCheckPool({ size: 2, inFlight: 8, slowAfterMs: 250, spawn });
    const hanging = new AbortController();
    const held = pool.check(target('hang.test'), options, hanging.signal);
    expect(pool.inHand()).toBe(1);
    // Worker 0 holds the hanging check, so the next ones go to worker 1 while it is busy.
    expect(await slotOf(pool, 'ok-a.test')).toBe(1);
    expect(await slotOf(pool, 'ok-b.test')).toBe(1);
    hanging.abort('run-cancelled');
    await expect(held).rejects.toThrow('aborted: run-cancelled');
    expect(pool.inHand()).toBe(0);
  });

  it('a check held past slowAfterMs no longer counts as in hand', async () => {
    pool = createCheckPool({ size: 1, inFlight: 8, slowAfterMs: 40, spawn });
    const hanging = new AbortController();
    const held = expect(pool.check(target('hang.test'), options, hanging.signal)).rejects.toThrow('aborted');
    expect(pool.inHand()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(pool.inHand()).toBe(0);
    hanging.abort('run-cancelled');
    await held;
  });

  it('passes a deadline abort as "deadline"', async () => {
    pool = createCheckPool({ size: 1, inFlight: 8, slowAfterMs: 250, spawn });
    const held = pool.check(target('hang.test'), options, AbortSignal.timeout(20));
    await expect(held).rejects.toThrow('aborted: deadline');
  });

  it('counts the queries of every worker, including stopped ones', async () => {
    pool = createCheckPool({ size: 2, inFlight: 8, slowAfterMs: 250, spawn });
    await Promise.all(['ok-1.test', 'ok-2.test', 'ok-3.test'].map((d) => slotOf(pool as CheckPool, d)));
    expect(pool.sent()).toBe(6);
    await expect(pool.check(target('crash.test'), options, live())).rejects.toThrow('exited (code 3)');
    expect(pool.sent()).toBe(6);
    await slotOf(pool, 'ok-4.test');
    expect(pool.sent()).toBe(8);
  });

  it('a crashed worker fails only its own checks and is started again', async () => {
    pool = createCheckPool({ size: 2, inFlight: 8, slowAfterMs: 250, spawn });
    await expect(pool.check(target('fail.test'), options, live())).rejects.toThrow('boom');
    // Worker 0 holds a check while worker 1 crashes: that check is not failed with it.
    const other = new AbortController();
    const held = pool.check(target('hang.test'), options, other.signal);
    await expect(pool.check(target('crash.test'), options, live())).rejects.toThrow('exited (code 3)');
    expect(pool.inHand()).toBe(1);
    expect(pool.active()).toBe(true);
    // The crashed slot gets a new worker (slot 1 again, the one with nothing in hand).
    expect(await slotOf(pool, 'ok.test')).toBe(1);
    expect(started.map((s) => s.slot)).toEqual([0, 1, 1]);
    other.abort('run-cancelled');
    await expect(held).rejects.toThrow('aborted: run-cancelled');
  });

  it('forget reaches every worker', async () => {
    pool = createCheckPool({ size: 2, inFlight: 8, slowAfterMs: 250, spawn });
    pool.forget('fixed.test');
    const hanging = new AbortController();
    const held = expect(pool.check(target('hang.test'), options, hanging.signal)).rejects.toThrow('aborted');
    const report = await pool.check(target('ok.test'), options, live());
    const { slot, forgot } = JSON.parse(report.json.toString('utf8'));
    expect(slot).toBe(1);
    expect(forgot).toEqual(['fixed.test']);
    hanging.abort('run-cancelled');
    await held;
    expect(JSON.parse((await pool.check(target('ok-0.test'), options, live())).json.toString('utf8')).forgot).toEqual([
      'fixed.test',
    ]);
  });

  it('a worker that cannot be created fails the check, not the caller', async () => {
    let spawns = 0;
    pool = createCheckPool({
      size: 1,
      inFlight: 8,
      slowAfterMs: 250,
      spawn: () => {
        spawns++;
        throw new Error('no threads here');
      },
    });
    await expect(pool.check(target('ok.test'), options, live())).rejects.toThrow('no threads here');
    await expect(pool.check(target('ok.test'), options, live())).rejects.toThrow('no threads here');
    // The start at creation and these two: three failures in a row turn the pool off.
    expect(spawns).toBe(MAX_FAILED_STARTS);
    expect(pool.active()).toBe(false);
  });

  it(`gives up on workers after ${MAX_FAILED_STARTS} exits in a row`, async () => {
    pool = createCheckPool({ size: 1, inFlight: 8, slowAfterMs: 250, spawn });
    for (let i = 0; i < MAX_FAILED_STARTS; i++) {
      await expect(pool.check(target(`crash-${i}.test`), options, live())).rejects.toThrow('exited');
    }
    expect(pool.active()).toBe(false);
    await expect(pool.check(target('ok.test'), options, live())).rejects.toThrow('check workers are off');
  });

  it('close ends the workers and the checks they held', async () => {
    pool = createCheckPool({ size: 2, inFlight: 8, slowAfterMs: 250, spawn });
    const held = expect(pool.check(target('hang.test'), options, live())).rejects.toThrow('check pool closed');
    await pool.close();
    await held;
    expect(pool.active()).toBe(false);
  });
});

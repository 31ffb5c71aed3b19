import { describe, expect, test, vi } from 'vitest';
import { readLines } from '@/lib/client/ndjson';
import { makeResult } from '@/lib/client/test-fixtures';
import { RunEvent } from '@/lib/schema';
import { parseConfig } from '../env';
import type { RunEngine } from './engine';
import { PASS_BYTES, runEventsResponse } from './events';
import type { RunRecord } from './store';
import { renderedBytes } from './stored-result';
import { created, TEST_OWNER } from './test-fixtures';
import { testStore } from './test-store';

// Counts the rows rendered from the store (the rest go out from the bytes the check rendered).
vi.mock('./stored-result', async (original) => {
  const real = await original<typeof import('./stored-result')>();
  return { ...real, renderedBytes: vi.fn(real.renderedBytes) };
});

const config = parseConfig({ DNS_SERVERS: '127.0.0.1:53', LOG_LEVEL: 'silent' });

async function setup(n: number, streamIdleTimeoutMs = config.streamIdleTimeoutMs) {
  const { store } = await testStore({ retentionS: 60, maxRuns: 5 });
  const engine = { store, config: { ...config, streamIdleTimeoutMs } } as unknown as RunEngine;
  const targets = Array.from({ length: n }, (_, i) => ({
    ascii: `d${i}.test`,
    display: `d${i}.test`,
    registrable: `d${i}.test`,
    isSubdomain: false,
  }));
  const run: RunRecord = created(
    await store.create({ owner: TEST_OWNER, cloud: 'auto', lang: 'en', targets, invalid: [], duplicates: [] }),
  );
  const put = (i: number, checkedAt?: string) =>
    store.putResult(run.id, makeResult(`d${i}.test`, 'ok', checkedAt), { replace: checkedAt !== undefined });
  return { store, engine, run, put };
}

/** Reads every event line, and the byte size of each chunk that carried them. */
async function readAll(response: Response): Promise<{ events: RunEvent[]; chunks: number; sizes: number[] }> {
  const sizes: number[] = [];
  const counted = (response.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sizes.push(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  const events: RunEvent[] = [];
  for await (const line of readLines(counted)) events.push(RunEvent.parse(JSON.parse(line)));
  return { events, chunks: sizes.length, sizes };
}

/** The events in `chunks` (whole lines each). */
const eventsOf = (chunks: Uint8Array[]) =>
  Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => RunEvent.parse(JSON.parse(l)));

/** Reads the rest of a stream's chunks. */
async function rest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = () => new AbortController().signal;

const reportIndexes = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'report' ? [e.index] : []));

describe('run events stream', () => {
  test('a finished run: every row in order, then progress and done; each chunk at most PASS_BYTES and one line', async () => {
    const { store, engine, run, put } = await setup(600);
    for (let i = 0; i < 600; i++) await put(i);
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const { events, sizes } = await readAll(runEventsResponse(engine, run.id, 0, never(), undefined, 'en'));
    expect(reportIndexes(events)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(events.at(-2)?.type).toBe('progress');
    expect(events.at(-1)).toEqual({ type: 'done', status: 'done', checked: 600, total: 600 });
    // 600 rows of about 2.5 KB: passes end on bytes, not on the 256-row cap (which would make 3 chunks of 640 KB).
    const longestLine = Math.max(...events.map((e) => Buffer.byteLength(JSON.stringify(e)) + 1));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PASS_BYTES + longestLine);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(total / (PASS_BYTES + longestLine)));
  });

  test('live rows written ahead for a client that does not read stop at PASS_BYTES; the rest come from the store', async () => {
    const { store, engine, run, put } = await setup(400);
    const reader = (
      runEventsResponse(engine, run.id, 0, never(), undefined, 'en').body as ReadableStream<Uint8Array>
    ).getReader();
    const first = await reader.read(); // the first progress line; the client then stops reading
    // 400 rows (about 1 MB) finish while nothing is read.
    for (let i = 0; i < 400; i++) await put(i);
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    await sleep(100);
    const chunks = await rest(reader);
    const events = eventsOf([first.value as Uint8Array, ...chunks]);
    expect(reportIndexes(events)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'done', checked: 400 });
    // The chunk the rows were written ahead into held at most PASS_BYTES of them (not the whole megabyte).
    const longestLine = Math.max(...events.map((e) => Buffer.byteLength(JSON.stringify(e)) + 1));
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(PASS_BYTES + longestLine);
  });

  test('live: rows stored after the stream opened come through, re-checked rows come again with their index', async () => {
    const { store, engine, run, put } = await setup(5);
    const reading = readAll(runEventsResponse(engine, run.id, 0, new AbortController().signal, undefined, 'en'));
    for (let i = 0; i < 5; i++) {
      await put(i);
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 120));
    await put(2, '2026-05-05T00:00:00.000Z');
    await new Promise((r) => setTimeout(r, 120));
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const { events } = await reading;
    expect(reportIndexes(events)).toEqual([0, 1, 2, 3, 4, 2]);
    const again = events.filter((e) => e.type === 'report').at(-1);
    expect(again).toMatchObject({ domain: 'd2.test', checkedAt: '2026-05-05T00:00:00.000Z', revision: 6 });
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'done' });
  });

  test('live rows go out from the bytes the store hands over, a pass at a time, not rendered again', async () => {
    const { store, engine, run, put } = await setup(300);
    vi.mocked(renderedBytes).mockClear();
    const reading = readAll(runEventsResponse(engine, run.id, 0, never(), undefined, 'en'));
    // One row per turn of the event loop, as check workers hand them over: far more than 64 KB per 50 ms burst.
    for (let i = 0; i < 300; i++) {
      await put(i);
      await new Promise((r) => setImmediate(r));
    }
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const { events, sizes } = await reading;
    expect(reportIndexes(events)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(vi.mocked(renderedBytes).mock.calls.length).toBe(0);
    const longestLine = Math.max(...events.map((e) => Buffer.byteLength(JSON.stringify(e)) + 1));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PASS_BYTES + longestLine);
  });

  test('each reader reads the stored results in their own language', async () => {
    const { store, engine, run, put } = await setup(2);
    for (let i = 0; i < 2; i++) await put(i);
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const read = async (lang: string) =>
      (
        await readAll(runEventsResponse(engine, run.id, 0, new AbortController().signal, undefined, lang))
      ).events.flatMap((e) => (e.type === 'report' ? [[e.lang, e.msoid.text.verdict]] : []));
    expect(await read('en')).toEqual([
      ['en', 'OK'],
      ['en', 'OK'],
    ]);
    const zh = await read('zh-CN');
    expect(zh.map(([lang]) => lang)).toEqual(['zh-CN', 'zh-CN']);
    expect(zh[0]?.[1]).not.toBe('OK');
  });

  const resumeRows = [
    { label: 'from the end, no revision: nothing but progress and done', from: 4, after: undefined, want: [] },
    { label: 'from the end, after revision 4: the row re-checked since', from: 4, after: 4, want: [1] },
    { label: 'from 2, after revision 4: the re-checked row, then rows 2 and 3', from: 2, after: 4, want: [1, 2, 3] },
  ];
  test.each(resumeRows)('resume $label', async ({ from, after, want }) => {
    const { store, engine, run, put } = await setup(4);
    for (let i = 0; i < 4; i++) await put(i);
    await put(1, '2026-05-05T00:00:00.000Z');
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const { events } = await readAll(
      runEventsResponse(engine, run.id, from, new AbortController().signal, after, 'en'),
    );
    expect(reportIndexes(events)).toEqual(want);
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'done', checked: 4 });
  });

  test('an expired run ends at once with done/expired; a client going away ends the stream', async () => {
    const { engine } = await setup(1);
    const { events } = await readAll(
      runEventsResponse(engine, 'no-such-run', 0, new AbortController().signal, undefined, 'en'),
    );
    expect(events).toEqual([{ type: 'done', status: 'expired', checked: 0, total: 0 }]);

    const { engine: live, run } = await setup(3);
    const gone = new AbortController();
    const reading = readAll(runEventsResponse(live, run.id, 0, gone.signal, undefined, 'en'));
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    const { events: cut } = await reading;
    expect(cut.every((e) => e.type === 'progress')).toBe(true);
  });

  describe('the end of a follower: onEnd once, whatever ends it', () => {
    test('run done: only once the client took the last chunk', async () => {
      const { store, engine, run, put } = await setup(3);
      for (let i = 0; i < 3; i++) await put(i);
      await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
      let ended = 0;
      const reader = (
        runEventsResponse(engine, run.id, 0, never(), undefined, 'en', () => ended++).body as ReadableStream<Uint8Array>
      ).getReader();
      await sleep(50);
      expect(ended).toBe(0); // the whole run is written, but the client has not taken it
      const chunks = await rest(reader);
      expect(eventsOf(chunks).at(-1)).toMatchObject({ type: 'done', status: 'done' });
      expect(ended).toBe(1);
    });

    test('client gone while the run goes on (waiting for news)', async () => {
      const { engine, run } = await setup(3);
      let ended = 0;
      const gone = new AbortController();
      const reading = readAll(runEventsResponse(engine, run.id, 0, gone.signal, undefined, 'en', () => ended++));
      await sleep(50);
      expect(ended).toBe(0);
      gone.abort();
      await reading;
      expect(ended).toBe(1);
    });

    test('client gone while a chunk waits for it: ended at once, the stream errors', async () => {
      const { store, engine, run, put } = await setup(300);
      for (let i = 0; i < 300; i++) await put(i);
      await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
      let ended = 0;
      const gone = new AbortController();
      const reader = (
        runEventsResponse(engine, run.id, 0, gone.signal, undefined, 'en', () => ended++)
          .body as ReadableStream<Uint8Array>
      ).getReader();
      await reader.read();
      await sleep(20);
      gone.abort();
      expect(ended).toBe(1);
      await expect(reader.read()).rejects.toThrow(/went away/);
    });

    test('the store failing ends the stream', async () => {
      const { engine, run } = await setup(3);
      const failing = {
        ...engine,
        store: {
          ...engine.store,
          get: async () => {
            throw new Error('store down');
          },
        },
      } as RunEngine;
      let ended = 0;
      const { events } = await readAll(runEventsResponse(failing, run.id, 0, never(), undefined, 'en', () => ended++));
      expect(events).toEqual([]);
      expect(ended).toBe(1);
    });

    test('a client that takes nothing for STREAM_IDLE_TIMEOUT_MS is cut off: the stream errors', async () => {
      const { store, engine, run, put } = await setup(300, 150);
      for (let i = 0; i < 300; i++) await put(i);
      await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
      let ended = 0;
      const reader = (
        runEventsResponse(engine, run.id, 0, never(), undefined, 'en', () => ended++).body as ReadableStream<Uint8Array>
      ).getReader();
      await reader.read(); // one chunk taken; the next one waits for a client that reads no more
      await sleep(50);
      expect(ended).toBe(0);
      await sleep(400);
      expect(ended).toBe(1);
      await expect(reader.read()).rejects.toThrow(/took nothing of the stream for 150 ms/);
    });

    test('a slow client that keeps reading within the timeout gets every row', async () => {
      const { store, engine, run, put } = await setup(300, 150);
      for (let i = 0; i < 300; i++) await put(i);
      await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
      let ended = 0;
      const reader = (
        runEventsResponse(engine, run.id, 0, never(), undefined, 'en', () => ended++).body as ReadableStream<Uint8Array>
      ).getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        await sleep(60);
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      expect(chunks.length).toBeGreaterThan(2);
      expect(reportIndexes(eventsOf(chunks))).toEqual(Array.from({ length: 300 }, (_, i) => i));
      expect(ended).toBe(1);
    });
  });
});

import { describe, expect, test } from 'vitest';
import { readLines } from '@/lib/client/ndjson';
import { makeResult } from '@/lib/client/test-fixtures';
import { RunEvent } from '@/lib/schema';
import { parseConfig } from '../env';
import type { RunEngine } from './engine';
import { runEventsResponse } from './events';
import { createMemoryRunStore, type RunRecord, type RunStore } from './store';
import { created, TEST_OWNER } from './test-fixtures';

const config = parseConfig({ DNS_SERVERS: '127.0.0.1:53', LOG_LEVEL: 'silent' });

async function setup(n: number) {
  const store: RunStore = createMemoryRunStore({ retentionS: 60, maxRuns: 5 });
  const engine = { store, config } as unknown as RunEngine;
  const run: RunRecord = created(
    await store.create({ owner: TEST_OWNER, cloud: 'auto', lang: 'en', targets: [], invalid: [], duplicates: [] }),
  );
  run.targets = Array.from({ length: n }, (_, i) => ({
    ascii: `d${i}.test`,
    display: `d${i}.test`,
    registrable: `d${i}.test`,
    isSubdomain: false,
  }));
  const put = (i: number, checkedAt?: string) =>
    store.putResult(run.id, makeResult(`d${i}.test`, 'ok', checkedAt), { replace: checkedAt !== undefined });
  return { store, engine, run, put };
}

/** Reads every event line, and how many chunks carried them. */
async function readAll(response: Response): Promise<{ events: RunEvent[]; chunks: number }> {
  let chunks = 0;
  const counted = (response.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        chunks++;
        controller.enqueue(chunk);
      },
    }),
  );
  const events: RunEvent[] = [];
  for await (const line of readLines(counted)) events.push(RunEvent.parse(JSON.parse(line)));
  return { events, chunks };
}

const reportIndexes = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'report' ? [e.index] : []));

describe('run events stream', () => {
  test('a finished run: every row in order, then progress and done; chunks of at most 256 rows', async () => {
    const { store, engine, run, put } = await setup(600);
    for (let i = 0; i < 600; i++) await put(i);
    await store.update(run.id, { status: 'done', pending: 0, finishedAt: Date.now() });
    const { events, chunks } = await readAll(
      runEventsResponse(engine, run.id, 0, new AbortController().signal, undefined, 'en'),
    );
    expect(reportIndexes(events)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(events.at(-2)?.type).toBe('progress');
    expect(events.at(-1)).toEqual({ type: 'done', status: 'done', checked: 600, total: 600 });
    expect(chunks).toBe(3);
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
});

import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import { compactReport, renderResult } from '@/lib/report/render';
import { RunSummary } from '@/lib/schema';
import type { RunRecord, RunStore } from './store';
import { created, TEST_OWNER } from './test-fixtures';
import { testStore } from './test-store';
import { runSummaryHead, runSummaryResponse } from './view';

async function filledRun(
  n: number,
): Promise<{ store: RunStore; run: RunRecord; reports: ReturnType<typeof makeResult>[] }> {
  const { store } = await testStore({ retentionS: 60, maxRuns: 5 });
  const reports = Array.from({ length: n }, (_, i) => makeResult(`d${i}.test`, i % 3 === 0 ? 'missing' : 'ok'));
  const run = created(
    await store.create({ owner: TEST_OWNER, cloud: 'auto', lang: 'en', targets: [], invalid: [], duplicates: [] }),
  );
  for (const report of reports) await store.putResult(run.id, report);
  // One re-check: its row keeps its index and carries the newer revision.
  if (n > 1) {
    const again = makeResult('d1.test', 'ok', '2026-02-02T00:00:00.000Z');
    await store.putResult(run.id, again, { replace: true });
    reports[1] = again;
  }
  const found = await store.get(run.id);
  if (!('found' in found)) throw new Error('run gone');
  return { store, run: found.found, reports };
}

const rows = [
  { label: 'no results', n: 0, from: 0, limit: undefined },
  { label: 'every result', n: 150, from: 0, limit: undefined },
  { label: 'from an index', n: 150, from: 100, limit: undefined },
  { label: 'from and limit', n: 150, from: 10, limit: 5 },
  { label: 'from past the end', n: 3, from: 10, limit: undefined },
];

describe('the run summary is streamed as the bytes JSON.stringify(summary) gives', () => {
  test.each(rows)('$label', async ({ n, from, limit }) => {
    const { store, run, reports } = await filledRun(n);
    const now = Date.now();
    const response = await runSummaryResponse(store, run, from, limit, 'zh-CN', now);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    const revisions = (await store.results(run.id, 0)).map((r) => r.revision);
    const end = limit === undefined ? undefined : from + limit;
    const expected = {
      ...runSummaryHead(run, await store.counts(run.id), from, now),
      results: reports.slice(from, end).map((r, i) => ({
        ...compactReport(renderResult(r, 'zh-CN')),
        index: from + i,
        revision: revisions[from + i],
      })),
    };
    expect(text).toBe(JSON.stringify(expected));
    const parsed = RunSummary.parse(JSON.parse(text));
    expect(Object.values(parsed.counts).reduce((a, b) => a + b, 0)).toBe(n);
  });
});

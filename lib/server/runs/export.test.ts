import { describe, expect, test } from 'vitest';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import { makeResult } from '@/lib/client/test-fixtures';
import { renderResult } from '@/lib/report/render';
import type { CheckResult, MsoidStatus } from '@/lib/schema';
import { exportStream } from './export';
import { created, TEST_OWNER } from './test-fixtures';
import { testStore } from './test-store';

const STATUSES: MsoidStatus[] = ['ok', 'missing', 'wrong-target', 'lookup-failed', 'must-remove'];

function results(n: number): CheckResult[] {
  return Array.from({ length: n }, (_, i) => {
    const result = makeResult(`d${i}.test`, STATUSES[i % STATUSES.length] as MsoidStatus);
    const spf = result.records[1];
    if (spf && i % 7 === 0) spf.found = ['=HYPERLINK("http://evil.test")', 'a,b "c"\r\nd'];
    return result;
  });
}

async function text(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  let chunks = 0;
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks++;
    parts.push(read.value);
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(parts)), chunks };
}

const rows = [
  { label: 'no results', n: 0 },
  { label: 'one result', n: 1 },
  { label: 'more results than one chunk holds', n: 75 },
];

describe('streamed exports are the bytes of lib/bulk reportsToCsv / reportsToJson', () => {
  test.each(rows)('$label', async ({ n }) => {
    const list = results(n);
    const { store } = await testStore();
    const run = created(
      await store.create({ owner: TEST_OWNER, cloud: 'auto', lang: 'en', targets: [], invalid: [], duplicates: [] }),
    );
    for (const result of list) await store.putResult(run.id, result);
    const stored = { id: run.id, checked: n };
    const at = new Date('2026-03-01T00:00:00.000Z');
    for (const lang of ['en', 'zh-CN']) {
      const reports = list.map((r) => renderResult(r, lang));
      const csv = await text(exportStream(store, stored, 'csv', { lang }));
      expect(csv.text).toBe(reportsToCsv(reports, { lang }));
      const json = await text(exportStream(store, stored, 'json', { lang, generatedAt: at }));
      expect(json.text).toBe(reportsToJson(reports, at));
      if (n > 32) expect(json.chunks).toBeGreaterThan(2);
    }
  });
});

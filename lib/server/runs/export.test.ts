import { describe, expect, test } from 'vitest';
import { reportsToCsv, reportsToJson } from '@/lib/bulk/csv-export';
import { makeReport } from '@/lib/client/test-fixtures';
import type { MsoidStatus, Report } from '@/lib/schema';
import { exportStream } from './export';
import { createArena, packReport, storePacked } from './stored-result';

const STATUSES: MsoidStatus[] = ['ok', 'missing', 'wrong-target', 'lookup-failed', 'must-remove'];

function reports(n: number): Report[] {
  return Array.from({ length: n }, (_, i) => {
    const report = makeReport(`d${i}.test`, STATUSES[i % STATUSES.length] as MsoidStatus);
    const spf = report.records[1];
    if (spf && i % 7 === 0) spf.found = ['=HYPERLINK("http://evil.test")', 'a,b "c"\r\nd'];
    return report;
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
    const list = reports(n);
    const arena = createArena();
    const stored = list.map((r, i) => storePacked(packReport(r), i + 1, arena));
    const at = new Date('2026-03-01T00:00:00.000Z');
    const csv = await text(exportStream(stored, 'csv', { lang: 'en' }));
    expect(csv.text).toBe(reportsToCsv(list, { lang: 'en' }));
    const json = await text(exportStream(stored, 'json', { lang: 'en', generatedAt: at }));
    expect(json.text).toBe(reportsToJson(list, at));
    if (n > 32) expect(json.chunks).toBeGreaterThan(2);
  });
});

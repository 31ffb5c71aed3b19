import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import type { Report } from '@/lib/schema';
import {
  packResult,
  reportEventParts,
  reportJson,
  reportOf,
  runResultParts,
  type StoredResult,
  storedResult,
} from './stored-result';

/** A report with text a packer could get wrong: non-ASCII (two-byte) text, escapes, a long TXT value. */
function unusualReport(): Report {
  const report = makeReport('例子.test', 'lookup-failed');
  report.display = '例子.test';
  report.helpdesk = { text: '引号 "quoted" \\ back\nslash \u202e bidi', messages: [] };
  report.zoneSnippet = 'x'.repeat(70_000);
  return report;
}

const rows: Array<{ label: string; report: () => Report; packed: boolean }> = [
  { label: 'plain report, not packed yet', report: () => makeReport('contoso.test', 'ok'), packed: false },
  { label: 'plain report, packed', report: () => makeReport('contoso.test', 'ok'), packed: true },
  { label: 'non-ASCII, escapes, 70 KB value, packed', report: unusualReport, packed: true },
];

describe('stored results: the report serialised once, the API bytes built from that text', () => {
  test.each(rows)('$label', ({ report: make, packed }) => {
    const report = make();
    const result: StoredResult = storedResult(report, 7);
    if (packed) packResult(result);
    expect(result.json === null).toBe(packed);
    expect(result.packed !== null).toBe(packed);
    expect({
      domain: result.domain,
      health: result.health,
      checkedAt: result.checkedAt,
      revision: result.revision,
    }).toEqual({ domain: report.domain, health: report.summary.health, checkedAt: report.checkedAt, revision: 7 });
    expect(reportJson(result)).toBe(JSON.stringify(report));
    expect(reportOf(result)).toEqual(report);
    expect(Buffer.concat(runResultParts(result, 3)).toString()).toBe(
      JSON.stringify({ ...report, index: 3, revision: 7 }),
    );
    expect(Buffer.concat(reportEventParts(result, 3)).toString()).toBe(
      `${JSON.stringify({ type: 'report', ...report, index: 3, revision: 7 })}\n`,
    );
  });

  test('packing makes a real report several times smaller and is done once', () => {
    const result = storedResult(makeReport('contoso.test', 'ok'), 1);
    const size = result.json?.length ?? 0;
    packResult(result);
    const packed = result.packed;
    expect(packed?.length).toBeLessThan(size / 2);
    // It holds its own bytes, not a view of zlib's 16 KB output chunk (a small one may share Node's 8 KB pool).
    expect(packed?.buffer.byteLength).toBeLessThanOrEqual(Math.max(8192, packed?.length ?? 0));
    packResult(result);
    expect(result.packed).toBe(packed);
  });
});

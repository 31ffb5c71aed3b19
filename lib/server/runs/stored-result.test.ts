import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import type { Report } from '@/lib/schema';
import {
  createArena,
  joinPieces,
  packReport,
  reportBytes,
  reportEventPieces,
  reportJson,
  reportOf,
  runResultPieces,
  storePacked,
} from './stored-result';

/** A report with text a packer could get wrong: non-ASCII (two-byte) text, escapes, a long TXT value. */
function unusualReport(): Report {
  const report = makeReport('例子.test', 'lookup-failed');
  report.display = '例子.test';
  report.helpdesk = { text: '引号 "quoted" \\ back\nslash \u202e bidi', messages: [] };
  report.zoneSnippet = 'x'.repeat(70_000);
  return report;
}

const rows: Array<{ label: string; report: () => Report }> = [
  { label: 'a plain report', report: () => makeReport('contoso.test', 'ok') },
  { label: 'non-ASCII, escapes, a 70 KB value', report: unusualReport },
];

describe('stored results: the report serialised once, the API bytes built from that text', () => {
  test.each(rows)('$label', ({ report: make }) => {
    const report = make();
    const { json, ...packed } = packReport(report);
    const result = storePacked({ json, ...packed }, 7, createArena());
    expect({
      domain: result.domain,
      health: result.health,
      checkedAt: result.checkedAt,
      revision: result.revision,
    }).toEqual({ domain: report.domain, health: report.summary.health, checkedAt: report.checkedAt, revision: 7 });
    expect(json.toString()).toBe(JSON.stringify(report));
    expect(reportBytes(result).equals(json)).toBe(true);
    expect(reportJson(result)).toBe(JSON.stringify(report));
    expect(reportOf(result)).toEqual(report);
    expect(joinPieces(runResultPieces(result, 3)).toString()).toBe(
      JSON.stringify({ ...report, index: 3, revision: 7 }),
    );
    const line = `${JSON.stringify({ type: 'report', ...report, index: 3, revision: 7 })}\n`;
    expect(joinPieces(reportEventPieces(reportBytes(result), 3, result.revision)).toString()).toBe(line);
    // The bytes handed out are a view of a reused buffer: the next result overwrites them, unless the caller
    // asked for bytes of its own (a check worker, which hands them to another thread).
    const own = packReport(report, { ownJson: true }).json;
    packReport(makeReport('other.test', 'missing'));
    expect(json.toString()).not.toBe(JSON.stringify(report));
    expect(own.toString()).toBe(JSON.stringify(report));
  });

  test('packed results are several times smaller and laid end to end in the run arena', () => {
    const arena = createArena();
    const stored = Array.from({ length: 40 }, (_, i) =>
      storePacked(packReport(makeReport(`d${i}.test`, 'ok')), i + 1, arena),
    );
    for (const [i, result] of stored.entries()) {
      const json = JSON.stringify(makeReport(`d${i}.test`, 'ok'));
      expect(result.packed.length).toBeLessThan(Buffer.byteLength(json) / 2);
      expect(reportJson(result)).toBe(json);
    }
    // A handful of blocks of at least 64 KB, not one allocation per result.
    const blocks = new Set(stored.map((result) => result.packed.buffer));
    expect(blocks.size).toBeLessThan(4);
    for (const block of blocks) expect(block.byteLength).toBeGreaterThanOrEqual(64 * 1024);
  });

  test('the arena gives a result bigger than a block its own block', () => {
    const arena = createArena();
    const big = Buffer.alloc(200 * 1024, 7);
    const placed = arena(big);
    expect(placed.equals(big)).toBe(true);
    expect(arena(Buffer.from('x')).toString()).toBe('x');
  });
});

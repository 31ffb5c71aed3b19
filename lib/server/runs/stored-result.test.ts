import { describe, expect, test } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import { compactReport, renderResult } from '@/lib/report/render';
import { type CheckResult, Report } from '@/lib/schema';
import {
  joinPieces,
  packCheck,
  renderedBytes,
  reportEventPieces,
  reportOf,
  resultBytes,
  resultOf,
  runResultPieces,
} from './stored-result';

/** A result with text a packer could get wrong: non-ASCII (two-byte) text, escapes, a long TXT value. */
function unusualResult(): CheckResult {
  const result = makeResult('例子.test', 'lookup-failed');
  result.display = '例子.test';
  result.resolvers = ['引号 "quoted" \\ back\nslash \u202e bidi'];
  const spf = result.records[1];
  if (spf) spf.found = ['x'.repeat(70_000)];
  return result;
}

const rows: Array<{ label: string; result: () => CheckResult }> = [
  { label: 'a plain result', result: () => makeResult('contoso.test', 'ok') },
  { label: 'non-ASCII, escapes, a 70 KB value', result: unusualResult },
];

describe("stored results: the result serialised once, each reader's report rendered from it", () => {
  test.each(rows)('$label', ({ result: make }) => {
    const result = make();
    const packed = packCheck(result, 'en', { store: true });
    const stored = { ...packed, revision: 7 };
    expect({
      domain: stored.domain,
      health: stored.health,
      checkedAt: stored.checkedAt,
      revision: stored.revision,
    }).toEqual({ domain: result.domain, health: result.summary.health, checkedAt: result.checkedAt, revision: 7 });
    // Stored: the result's own JSON, packed; handed on: the report in the run's language as the API writes it.
    expect(resultBytes(stored).toString()).toBe(JSON.stringify(result));
    expect(resultOf(stored)).toEqual(result);
    expect(packed.lang).toBe('en');
    expect(packed.json.toString()).toBe(JSON.stringify(compactReport(renderResult(result, 'en'))));
    // Each reader gets the report in their own language, from the same stored bytes.
    for (const lang of ['en', 'zh-CN']) {
      const report = renderResult(result, lang);
      expect(reportOf(stored, lang)).toEqual(report);
      expect(report.lang).toBe(lang);
      // The API writes the report compact (defaults left out), which reads back as the same report.
      const wire = compactReport(report);
      expect(Report.parse(wire)).toEqual(report);
      expect(renderedBytes(stored, lang).toString()).toBe(JSON.stringify(wire));
      expect(joinPieces(runResultPieces(stored, 3, lang)).toString()).toBe(
        JSON.stringify({ ...wire, index: 3, revision: 7 }),
      );
      const line = `${JSON.stringify({ type: 'report', ...wire, index: 3, revision: 7 })}\n`;
      expect(joinPieces(reportEventPieces(renderedBytes(stored, lang), 3, stored.revision)).toString()).toBe(line);
    }
    expect(reportOf(stored, 'en').msoid.text.verdict).not.toBe(reportOf(stored, 'zh-CN').msoid.text.verdict);
    // The packed bytes are the result's own: packing the next result does not touch them.
    const before = Buffer.from(packed.packed);
    packCheck(makeResult('other.test', 'missing'), 'en', { store: true });
    expect(packed.packed.equals(before)).toBe(true);
  });

  test("an ad-hoc list's check is rendered, not packed", () => {
    const result = makeResult('contoso.test', 'ok');
    const packed = packCheck(result, 'zh-CN', { store: false });
    expect(packed.packed.length).toBe(0);
    expect(Report.parse(JSON.parse(packed.json.toString()))).toEqual(renderResult(result, 'zh-CN'));
  });

  test('packed results are several times smaller than their JSON', () => {
    for (let i = 0; i < 40; i++) {
      const packed = packCheck(makeResult(`d${i}.test`, 'ok'), 'en', { store: true });
      const json = JSON.stringify(makeResult(`d${i}.test`, 'ok'));
      expect(packed.packed.length).toBeLessThan(Buffer.byteLength(json) / 2);
      expect(resultBytes({ ...packed, revision: i + 1 }).toString()).toBe(json);
    }
  });
});

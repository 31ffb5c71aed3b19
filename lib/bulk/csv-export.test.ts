import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import { Report } from '@/lib/schema';
import {
  CSV_COLUMNS,
  JSON_EXPORT_VERSION,
  neutralizeCell,
  parseCsv,
  reportsToCsv,
  reportsToJson,
  reportsToRows,
} from './csv-export';

/** Reports whose DNS data is hostile: formulas, quotes, delimiters and line breaks. */
function hostileReports(): Report[] {
  const a = makeReport('contoso.test', 'wrong-target');
  const spf = a.records[1];
  if (spf === undefined) throw new Error('fixture changed');
  spf.found = ['=HYPERLINK("http://evil.test","click")', '+cmd|/C calc!A0', 'a,b "c"\r\nd'];
  spf.expected = '@SUM(1,2)';
  spf.text = { ...spf.text, verdict: '-2+3 is wrong; "quoted", with\nnewline', action: '\tindented' };
  spf.fixes = [{ op: 'change', name: 'contoso.test', host: '@', type: 'TXT', value: 'v=spf1 -all', ttl: 3600 }];
  a.dnsHost = { ...a.dnsHost, name: '\rcarriage' };
  const b = makeReport('例子.test', 'lookup-failed', '2026-02-01T00:00:00.000Z');
  b.display = '例子.test';
  b.resolvers = ['127.0.0.1:5300', '[::1]:5300'];
  return [Report.parse(a), Report.parse(b), makeReport('fabrikam.test', 'ok')];
}

describe('reportsToCsv', () => {
  const reports = hostileReports();
  const csv = reportsToCsv(reports);

  test('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFdomain,display,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every record break outside quotes is CRLF: the header line ends in one.
    expect(csv.slice(1, csv.indexOf('\n') + 1)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  test('one row per domain × record, with a header', () => {
    expect(parseCsv(csv)).toHaveLength(1 + reports.reduce((n, r) => n + r.records.length, 0));
  });

  test("round trip: every cell equals the original, or `'` + the original when neutralised", () => {
    const original = reportsToRows(reports);
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(original.length);
    const neutralised: string[] = [];
    original.forEach((row, r) => {
      expect(parsed[r]).toHaveLength(CSV_COLUMNS.length);
      row.forEach((cell, c) => {
        const got = parsed[r]?.[c];
        if (/^[=+\-@\t\r]/.test(cell) && cell !== '@') {
          neutralised.push(`${r}:${CSV_COLUMNS[c]}`);
          expect(got).toBe(`'${cell}`);
        } else {
          expect(got).toBe(cell);
        }
      });
    });
    // The apex host `@` (rows 2, 4, 6 are SPF rows) is left as it is; `@SUM(1,2)` is guarded.
    expect(neutralised).toEqual(['1:dnsHostName', '2:found', '2:expected', '2:dnsHostName', '2:verdict', '2:action']);
    for (const r of [2, 4, 6]) expect(parsed[r]?.[CSV_COLUMNS.indexOf('host')]).toBe('@');
  });

  test('every machine field is there', () => {
    const [header, first] = parseCsv(csv);
    const row = Object.fromEntries((header ?? []).map((name, i) => [name, first?.[i]]));
    expect(row).toMatchObject({
      domain: 'contoso.test',
      checkedAt: '2026-01-01T00:00:00.000Z',
      cloudSelected: 'auto',
      cloudEffective: 'worldwide',
      cloudInferred: 'worldwide',
      health: 'broken',
      msoidStatus: 'wrong-target',
      recordId: 'msoid',
      requirement: 'must-not-exist',
      status: 'wrong-value',
      severity: 'critical',
      outcome: 'problem',
      dnsHostId: 'generic',
      dnsHostConfidence: 'none',
      resolvers: '127.0.0.1:53',
      verdict: 'verdict wrong-target',
    });
    const spf = parseCsv(csv)[2] ?? [];
    expect(spf[CSV_COLUMNS.indexOf('fixes')]).toBe('change TXT contoso.test v=spf1 -all');
    const lookupFailed = parseCsv(csv)[3] ?? [];
    expect(lookupFailed[CSV_COLUMNS.indexOf('resolvers')]).toBe('127.0.0.1:5300 | [::1]:5300');
    expect(lookupFailed[CSV_COLUMNS.indexOf('display')]).toBe('例子.test');
  });
});

describe('neutralizeCell', () => {
  test.each([
    { label: '=', value: '=1+1', out: "'=1+1" },
    { label: '+', value: '+1', out: "'+1" },
    { label: '-', value: '-1', out: "'-1" },
    { label: '@', value: '@SUM(A1)', out: "'@SUM(A1)" },
    { label: 'the apex host: exactly @', value: '@', out: '@' },
    { label: '@ and a space', value: '@ ', out: "'@ " },
    { label: '@@', value: '@@', out: "'@@" },
    { label: '@ then a name', value: '@contoso', out: "'@contoso" },
    { label: 'tab', value: '\tx', out: "'\tx" },
    { label: 'carriage return', value: '\rx', out: "'\rx" },
    {
      label: 'leading digit is not a trigger',
      value: '0 mail.protection.outlook.com',
      out: '0 mail.protection.outlook.com',
    },
    { label: 'trigger not at the start', value: 'v=spf1 -all', out: 'v=spf1 -all' },
    { label: 'leading space', value: ' =1', out: ' =1' },
    { label: 'leading quote', value: "'x", out: "'x" },
    { label: 'empty', value: '', out: '' },
  ])('$label', ({ value, out }) => {
    expect(neutralizeCell(value)).toBe(out);
  });
});

describe('parseCsv', () => {
  test('throws on bad quoting instead of returning part of the file', () => {
    expect(() => parseCsv('a\n"b\n')).toThrow('bad-quoting on line 2');
  });
});

describe('reportsToJson', () => {
  test('keeps the original values, with a schema version and a date', () => {
    const reports = hostileReports();
    const json = JSON.parse(reportsToJson(reports, new Date('2026-03-04T05:06:07.000Z')));
    expect(json).toMatchObject({
      schema: 'm365-dns-health/bulk-export',
      version: JSON_EXPORT_VERSION,
      generatedAt: '2026-03-04T05:06:07.000Z',
      count: 3,
    });
    expect(json.reports).toEqual(reports);
    expect(json.reports[0].records[1].found[0]).toBe('=HYPERLINK("http://evil.test","click")');
  });

  test('is pretty-printed', () => {
    expect(reportsToJson([], new Date(0))).toContain('\n  "schema"');
  });
});

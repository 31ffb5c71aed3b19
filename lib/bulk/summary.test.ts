import { describe, expect, test } from 'vitest';
import { makeReport } from '@/lib/client/test-fixtures';
import { makeTranslator } from '@/lib/client/translator';
import { parseCsv } from './csv-export';
import {
  orderEntries,
  type SummaryEntry,
  summaryCells,
  summaryCsvHead,
  summaryCsvLines,
  summaryHeader,
  summaryItem,
  utcText,
} from './summary';

const en = makeTranslator('en').t;
const zh = makeTranslator('zh-CN').t;

/** A broken report with one fix in a host's own fields, the apex host `@` among them. */
function brokenReport() {
  const report = makeReport('contoso.test', 'missing', '2026-03-04T05:06:07.000Z');
  report.fixes = [
    {
      record: 'msoid',
      canonical: { op: 'add', name: 'msoid.contoso.test', host: 'msoid', type: 'CNAME', value: 'x.test', ttl: 3600 },
      fields: [
        { key: 'host', label: '主机记录', value: '@' },
        { key: 'value', label: '记录值', value: 'clientconfig.partner.microsoftonline-p.net.cn' },
      ],
      copyValue: 'clientconfig.partner.microsoftonline-p.net.cn',
      notes: [],
      placeholder: false,
    },
  ];
  return report;
}

const ENTRIES: SummaryEntry[] = [
  { kind: 'duplicate', line: 4, cells: ['Dup Co'], input: 'CONTOSO.test', firstLine: 1 },
  { kind: 'checked', line: 1, cells: ['Contoso', 'ignored extra'], report: brokenReport() },
  { kind: 'rejected', line: 3, cells: ['=cmd|calc'], input: 'bad!name', reason: 'Contains "!"' },
  { kind: 'pending', line: 2, cells: [], display: 'fabrikam.test' },
];

describe('summary', () => {
  test('entries come out in input-line order', () => {
    expect(orderEntries([ENTRIES]).map((e) => e.line)).toEqual([1, 2, 3, 4]);
  });

  test('headers: the uploaded columns (an unnamed one numbered), then ours in the reader’s language', () => {
    expect(summaryHeader(['company', ' '], en).slice(0, 4)).toEqual(['company', 'Column 2', 'Line', 'Domain']);
    expect(summaryHeader(['company'], zh).slice(0, 3)).toEqual(['company', '行', '域名']);
  });

  test('one row per line: a checked domain with its problem and its fix in the host’s fields', () => {
    const ordered = orderEntries([ENTRIES]).map((entry) => summaryItem(entry, en));
    const rows = ordered.map((item) => summaryCells(item, 1, en));
    expect(rows[0]?.slice(0, 3)).toEqual(['Contoso', '1', 'contoso.test']);
    expect(rows[0]?.[6]).toBe('verdict missing');
    expect(rows[0]?.[7]).toBe('Add msoid (CNAME): 主机记录: @ · 记录值: clientconfig.partner.microsoftonline-p.net.cn');
    expect(rows[0]?.[8]).toBe('2026-03-04 05:06:07 UTC');
    expect(rows[1]?.slice(0, 4)).toEqual(['', '2', 'fabrikam.test', 'Not checked yet']);
    expect(rows[2]?.slice(0, 4)).toEqual(['=cmd|calc', '3', 'bad!name', 'Not checked: not a domain we can check']);
    expect(rows[2]?.[6]).toBe('Contains "!"');
    expect(rows[3]?.[6]).toBe('The same domain as line 1');
  });

  test('the CSV guards formula cells but keeps a lone @, and round-trips', () => {
    const items = orderEntries([ENTRIES]).map((entry) => summaryItem(entry, zh));
    const csv = summaryCsvHead(['company'], zh) + summaryCsvLines(items, 1, zh);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5);
    expect(rows[3]?.[0]).toBe("'=cmd|calc");
    expect(rows[1]?.[7]).toContain('添加');
    expect(rows[1]?.[7]).toContain('主机记录：@');
  });

  test('a problem no record change covers (SPF over its lookup limit) says what to do in the finding’s words', () => {
    const report = makeReport('spf-deep.test', 'ok');
    const spf = report.records.find((r) => r.id === 'spf');
    if (!spf) throw new Error('fixture has an SPF record');
    Object.assign(spf, { severity: 'critical', text: { ...spf.text, action: 'Remove includes you no longer need.' } });
    const item = summaryItem({ kind: 'checked', line: 1, cells: [], report }, en);
    expect(item.fixes).toEqual([]);
    expect(item.actions).toEqual(['Remove includes you no longer need.']);
    // A problem a fix covers is said by the fix, not twice.
    const fixed = brokenReport();
    expect(summaryItem({ kind: 'checked', line: 1, cells: [], report: fixed }, en).actions).toEqual([]);
  });

  test('a tenant’s own value to fill in is said in the reader’s language; the DNS data around it is kept', () => {
    const report = brokenReport();
    report.fixes = [
      {
        record: 'dkim-selector1',
        canonical: {
          op: 'add',
          name: 'selector1._domainkey.contoso.test',
          host: 'selector1._domainkey',
          type: 'CNAME',
          value: '<selector1 CNAME value from the admin center>',
          ttl: 3600,
        },
        fields: [{ key: 'value', label: '记录值', value: '<selector1 CNAME value from the admin center>' }],
        copyValue: '<selector1 CNAME value from the admin center>',
        notes: [],
        placeholder: true,
      },
    ];
    const zhItem = summaryItem({ kind: 'checked', line: 1, cells: [], report }, zh);
    expect(zhItem.fixes[0]?.fields[0]?.value).toBe('<管理中心里的 selector1 CNAME 值>');
    const enItem = summaryItem({ kind: 'checked', line: 1, cells: [], report }, en);
    expect(enItem.fixes[0]?.fields[0]?.value).toBe('<selector1 CNAME value from the admin center>');
  });

  test('a record whose lookups were never run (an earlier one failed) is marked, the failure itself is not', () => {
    const report = makeReport('drop.test', 'lookup-failed');
    const spf = report.records.find((r) => r.id === 'spf');
    if (!spf) throw new Error('fixture has an SPF record');
    Object.assign(spf, { severity: 'unchecked', text: { ...spf.text, verdict: 'the TXT lookup was not run' } });
    report.lookups['drop.test TXT'] = { outcome: 'skipped', elapsedMs: 0 };
    const problems = summaryItem({ kind: 'checked', line: 1, cells: [], report }, en).problems;
    expect(problems.map((p) => [p.text, p.skipped ?? false])).toEqual([
      ['verdict lookup-failed', false],
      ['the TXT lookup was not run', true],
    ]);
  });

  test('utcText', () => {
    expect(utcText(null)).toBe('');
    expect(utcText('not a time')).toBe('not a time');
  });
});

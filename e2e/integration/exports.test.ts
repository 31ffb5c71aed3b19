/**
 * The customer exports of a run (issue 15 item 3) against the production build and the DNS lab: a run started with
 * an uploaded file's other columns keeps them, and the summary CSV and the workbook list every input line (checked,
 * rejected with its reason, listed twice) with those columns, headers in the reader's language.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labZones } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { parseCsv } from '../../lib/bulk/csv-export';
import { ApiError, RunCreated, RunSummary } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, post } from '../support/http';

let lab: Lab;
let app: App;

beforeAll(async () => {
  lab = await startLab({ zones: labZones() });
  app = await startApp(appEnv(lab.resolver));
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await lab?.stop();
});

/** An uploaded sheet: company and contact columns beside the domain, one line not a domain, one listed twice. */
const DOMAINS = ['ok-21v.test', 'missing-21v.test', 'bad!name.test', 'OK-21V.test'];
const COLUMNS = {
  names: ['company', 'contact'],
  values: [
    ['Contoso Ltd', 'Ann'],
    ['Fabrikam 有限公司', 'Bo'],
    ['Bad Row Co', 'Cy'],
    ['Contoso again', 'Di'],
  ],
};

async function finishedRun(): Promise<RunCreated> {
  const result = await post(app.url, '/api/runs', { domains: DOMAINS, columns: COLUMNS, cloud: 'auto', lang: 'en' });
  expect(result.status, result.text.slice(0, 500)).toBe(201);
  const run = RunCreated.parse(result.json);
  for (let i = 0; i < 200; i++) {
    const summary = RunSummary.parse((await get(app.url, `/api/runs/${run.id}`)).json);
    if (summary.status === 'done') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the run did not finish');
}

let run: RunCreated;
beforeAll(async () => {
  run = await finishedRun();
}, 60_000);

describe('GET /api/runs/:id/export?format=summary', () => {
  it('one row per input line, with the uploaded columns, the rejected line and its reason, and the duplicate', async () => {
    const result = await get(app.url, `${run.links.export}?format=summary&lang=en`);
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(result.contentType).toMatch(/^text\/csv/);
    const rows = parseCsv(result.text);
    expect(rows[0]).toEqual([
      'company',
      'contact',
      'Line',
      'Domain',
      'Health',
      'Cloud',
      'DNS host',
      'Problems',
      'Fixes (in the DNS host’s own fields)',
      'Checked at (UTC)',
    ]);
    expect(rows).toHaveLength(1 + DOMAINS.length);
    const byLine = (line: number) => rows.find((row) => row[2] === String(line)) ?? [];
    expect(byLine(1).slice(0, 4)).toEqual(['Contoso Ltd', 'Ann', '1', 'ok-21v.test']);
    expect(byLine(1)[7]).not.toMatch(/msoid/i);
    expect(byLine(1)[9]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    // The broken one names its problem in words and the fix in the host's fields.
    expect(byLine(2).slice(0, 4)).toEqual(['Fabrikam 有限公司', 'Bo', '2', 'missing-21v.test']);
    expect(byLine(2)[7]).toMatch(/msoid/i);
    expect(byLine(2)[8]).toMatch(/^Add .*msoid/im);
    // The rejected line keeps its cells and says why; the duplicate names its first line.
    expect(byLine(3).slice(0, 4)).toEqual(['Bad Row Co', 'Cy', '3', 'bad!name.test']);
    expect(byLine(3)[4]).toMatch(/^Not checked/);
    expect(byLine(3)[7]?.length).toBeGreaterThan(5);
    expect(byLine(4).slice(0, 4)).toEqual(['Contoso again', 'Di', '4', 'OK-21V.test']);
    expect(byLine(4)[7]).toBe('The same domain as line 1');
  });

  it('headers and text in the reader’s language: a zh-CN reader of an English run', async () => {
    const rows = parseCsv((await get(app.url, `${run.links.export}?format=summary&lang=zh-CN`)).text);
    expect(rows[0]?.slice(0, 4)).toEqual(['company', 'contact', '行', '域名']);
    const broken = rows.find((row) => row[3] === 'missing-21v.test') ?? [];
    expect(broken[7]).toMatch(/[\u4e00-\u9fff]/);
    expect(broken[8]).toMatch(/^添加/m);
    // The rejected line's reason too, though the run kept it in English.
    const rejected = rows.find((row) => row[3] === 'bad!name.test') ?? [];
    expect(rejected[7]).toMatch(/[\u4e00-\u9fff]/);
    expect(rejected[7]).toContain('!');
  });

  it('columns need domains as an array of the same length', async () => {
    const bad = await post(app.url, '/api/runs', { domains: 'ok-21v.test', columns: COLUMNS });
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.json).code).toBe('invalid-input');
    const short = await post(app.url, '/api/runs', { domains: ['ok-21v.test'], columns: COLUMNS });
    expect(short.status).toBe(400);
  });
});

describe('GET /api/runs/:id/export?format=xlsx', () => {
  it('a workbook with a summary sheet and a details sheet that exceljs reads back', async () => {
    const response = await fetch(new URL(`${run.links.export}?format=xlsx&lang=zh-CN`, app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['摘要', '详细信息']);
    const [summary, details] = book.worksheets;
    if (!summary || !details) throw new Error('sheets missing');
    const text = (row: number, column: number) => String(summary.getRow(row).getCell(column).value ?? '');
    expect([1, 2, 3, 4].map((c) => text(1, c))).toEqual(['company', 'contact', '行', '域名']);
    expect(summary.rowCount).toBe(1 + DOMAINS.length);
    expect(summary.getRow(2).getCell(3).value).toBe(1);
    expect([1, 4].map((c) => text(2, c))).toEqual(['Contoso Ltd', 'ok-21v.test']);
    expect(summary.getRow(2).getCell(10).value).toBeInstanceOf(Date);
    expect([1, 4].map((c) => text(4, c))).toEqual(['Bad Row Co', 'bad!name.test']);
    expect(text(3, 9)).toMatch(/^添加/m);
    // Details: the full export's columns, one row per domain × record of the two checked domains.
    const summaryJson = RunSummary.parse((await get(app.url, `/api/runs/${run.id}`)).json);
    expect(details.getRow(1).getCell(1).value).toBe('domain');
    expect(details.rowCount).toBe(1 + summaryJson.results.reduce((n, r) => n + r.records.length, 0));
  });
});

/**
 * What a consultant hands to the customer (issue 15 items 2 and 3), in Chromium against the lab: a CSV upload with a
 * company column, a line that is not a domain and a duplicate; the summary export keeps the company column and the
 * rejected line; the whole-list report prints to a PDF whose text has the cover counts, a section per domain that
 * needs work and the healthy ones listed. And a run started in English, its result link opened in a zh-CN browser:
 * Chinese verdicts in the table, the summary export and the print.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../../lib/bulk/csv-export';
import { makeTranslator } from '../../lib/client/translator';
import { RunCreated, RunSummary } from '../../lib/schema';
import { pdfText, squash } from '../support/pdf-text';

const en = makeTranslator('en');
const zh = makeTranslator('zh-CN');
const CJK = /[\u4e00-\u9fff]/;

const CSV = [
  'Company,Domain,Contact',
  'Contoso Ltd,healthy-ww.test,Ann',
  'Fabrikam 有限公司,missing-21v.test,Bo',
  'Bad Row Co,bad!name.test,Cy',
  'Contoso again,HEALTHY-WW.test,Di',
  '',
].join('\n');

async function waitDone(page: Page): Promise<void> {
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
}

test('a CSV with a company column: the summary export keeps it and the rejected line; the report prints', async ({
  page,
}) => {
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await expect(page.getByTestId('bulk-column')).toHaveValue('1');
  await page.getByTestId('bulk-start').click();
  await waitDone(page);
  await expect(page.getByTestId('bulk-row')).toHaveCount(2);

  // The summary: one row per spreadsheet line, the uploaded columns first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('bulk-export-summary').click(),
  ]);
  const rows = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(rows[0]?.slice(0, 4)).toEqual(['Company', 'Contact', en.t('bulk.summary.header.line'), 'Domain']);
  const line = (n: number) => rows.find((row) => row[2] === String(n)) ?? [];
  expect(line(2).slice(0, 4)).toEqual(['Contoso Ltd', 'Ann', '2', 'healthy-ww.test']);
  expect(line(3).slice(0, 4)).toEqual(['Fabrikam 有限公司', 'Bo', '3', 'missing-21v.test']);
  expect(line(4).slice(0, 5)).toEqual(['Bad Row Co', 'Cy', '4', 'bad!name.test', en.t('bulk.summary.status.rejected')]);
  expect(line(5)[7]).toBe(en.t('bulk.summary.duplicateOf', { line: 2 }));

  // The workbook link is there too (read back in e2e/integration/exports.test.ts).
  await expect(page.getByTestId('bulk-export-xlsx')).toHaveAttribute('href', /format=xlsx/);

  // The whole-list report, printed by Chromium and read back.
  const href = (await page.getByTestId('bulk-report').getAttribute('href')) ?? '';
  await page.goto(href);
  await expect(page.getByTestId('run-report')).toBeVisible();
  await page.screenshot({ path: 'screenshots/handover-report-en.png', fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toBeHidden();
  const pages = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  const [cover = '', ...rest] = pages;
  expect(cover).toContain(en.t('bulk.report.title'));
  expect(cover).toContain(en.t('bulk.report.counts'));
  expect(cover).toMatch(new RegExp(`${en.t('records.health.healthy')} 1`));
  expect(cover).toMatch(new RegExp(`${en.t('records.health.needs-attention')} 1`));
  expect(cover).toMatch(new RegExp(`${en.t('records.health.broken')} 0`));
  expect(cover).toMatch(new RegExp(`${en.t('bulk.report.rejected')} 2`));
  // The cover is a page of its own; the sections follow.
  expect(cover).not.toContain('missing-21v.test');
  const body = rest.join(' ');
  expect(body).toContain(en.t('bulk.report.needsWork', { count: 1 }));
  expect(body).toContain('missing-21v.test');
  expect(body).toContain('Fabrikam');
  expect(body).toContain(en.t('bulk.report.problems'));
  expect(body).toMatch(/Add msoid/);
  expect(body).toContain(en.t('bulk.report.healthy', { count: 1 }));
  expect(body).toContain('healthy-ww.test');
  expect(body).toContain('bad!name.test');
});

test('a run started in English, its result link opened in a zh-CN browser: Chinese verdicts, export and print', async ({
  page,
  browser,
}) => {
  const created = await page.request.post('/api/runs', {
    data: { domains: ['missing-21v.test', 'healthy-ww.test'], cloud: 'auto', lang: 'en' },
  });
  expect(created.status()).toBe(201);
  const run = RunCreated.parse(await created.json());

  const context = await browser.newContext({ locale: 'zh-CN' });
  const reader = await context.newPage();
  await reader.goto(`/bulk?run=${run.id}`);
  await waitDone(reader);
  await expect(reader.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The verdict sentences are the server's (rendered per reader); the badge's label is the page's own.
  const verdict = async (lang: string) => {
    const summary = RunSummary.parse(await (await page.request.get(`/api/runs/${run.id}?lang=${lang}`)).json());
    return summary.results.find((r) => r.domain === 'missing-21v.test')?.msoid.text.verdict ?? '';
  };
  const [enVerdict, zhVerdict] = [await verdict('en'), await verdict('zh-CN')];
  expect(zhVerdict).toMatch(CJK);
  const row = reader.locator('[data-testid="bulk-row"][data-domain="missing-21v.test"]');
  await expect(row).toContainText(zhVerdict);
  await expect(row).not.toContainText(enVerdict);

  // The summary export from the page: Chinese headers and verdicts.
  const [download] = await Promise.all([
    reader.waitForEvent('download'),
    reader.getByTestId('bulk-export-summary').click(),
  ]);
  const rows = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(rows[0]?.slice(0, 2)).toEqual([zh.t('bulk.summary.header.line'), zh.t('bulk.summary.header.domain')]);
  const broken = rows.find((r) => r[1] === 'missing-21v.test') ?? [];
  expect(broken[5]).toMatch(CJK);

  // The page printed: the table's verdicts in Chinese.
  await reader.emulateMedia({ media: 'print' });
  const printed = squash((await pdfText(await reader.pdf({ format: 'A4' }))).join(' '));
  expect(printed).toContain('missing-21v.test');
  expect(printed).toContain(squash(zhVerdict));
  expect(printed).not.toContain(squash(enVerdict));

  // The whole-list report from the same page: in Chinese too (and its screenshots, wide and at 390 px).
  await reader.emulateMedia({ media: 'screen' });
  await reader.goto((await reader.getByTestId('bulk-report').getAttribute('href')) ?? '');
  await expect(reader.getByTestId('run-report')).toContainText(zhVerdict);
  await expect(reader.getByTestId('run-report')).toContainText(zh.t('bulk.report.title'));
  await reader.screenshot({ path: 'screenshots/handover-report-zh-cn.png', fullPage: true });
  await reader.setViewportSize({ width: 390, height: 844 });
  await reader.screenshot({ path: 'screenshots/handover-report-zh-cn-390.png', fullPage: true });
  await context.close();
});

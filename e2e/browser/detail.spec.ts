/**
 * The full report at /d/<domain>, end to end against the lab: the header names the domain, the check time,
 * the resolver and the cloud; the records and the fix list are there; Chinese with ?lang=zh-CN; the print
 * media hides every control and prints long values whole (screenshot + PDF to screenshots/); an unusable
 * domain gets a plain message; and a dashboard row links to its report.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makeTranslator } from '../../lib/client/translator';
import { CLOUD_CHOICE_LABEL, cloudLabelCode } from '../../lib/diagnosis/presentation';
import { Report } from '../../lib/schema';
import { DashboardPage, en } from './pages/dashboard-page';

const DOMAIN = 'missing-21v.test';
/** A lab domain with a TXT value longer than the 200-character preview. */
const LONG_DOMAIN = 'bigtxt-21v.test';
const zh = makeTranslator('zh-CN');

async function apiReport(page: Page, domain: string): Promise<Report> {
  const res = await page.request.get(`/api/check?domain=${domain}&cloud=auto&lang=en`);
  expect(res.ok()).toBe(true);
  return Report.parse(await res.json());
}

test('the header, the records, the fix list and the DNS host of one domain', async ({ page }) => {
  const report = await apiReport(page, DOMAIN);
  await page.goto(`/d/${DOMAIN}?cloud=auto&lang=en`);
  const detail = page.getByTestId('detail-report');
  await expect(page.getByTestId('detail-domain')).toHaveText(DOMAIN);
  await expect(page.getByTestId('detail-checked-at')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(page.getByTestId('detail-checked-at')).not.toBeEmpty();
  for (const resolver of report.resolvers) await expect(page.getByTestId('detail-resolvers')).toContainText(resolver);
  await expect(page.getByTestId('detail-cloud')).toHaveText(
    en.t('ui.detail.cloudValue', {
      effective: en.t(cloudLabelCode(report.cloud)),
      selected: en.t(CLOUD_CHOICE_LABEL.auto),
    }),
  );
  await expect(detail.getByTestId('records-table').getByTestId('record-row')).toHaveCount(report.records.length);
  await expect(detail.getByTestId('host-fixes')).toBeVisible();
  await expect(detail.getByTestId('host-fix').first()).toBeVisible();
  await expect(detail.getByTestId('msoid-section')).toContainText(en.t('ui.details.msoidHeading'));
  // Every lookup is listed once, open, with its raw answers and CNAME chain.
  const lookups = detail.getByTestId('detail-lookups');
  const all = [...report.msoid.lookups, ...report.records.flatMap((r) => r.lookups)];
  const asked = new Set(all.map((l) => `${l.name}|${l.type}`));
  await expect(lookups.locator('tbody tr')).toHaveCount(asked.size);
  await expect(lookups).toContainText(`autodiscover.${DOMAIN}`);
  // The problem records start open, with their explanation.
  await expect(detail.locator('[data-record="dmarc"] + tr [data-testid="record-details"]')).toBeVisible();
  // Actions: print, re-check (a fresh check of the same domain) and back to the dashboard, prefilled.
  await expect(page.getByTestId('detail-print')).toHaveText(en.t('ui.detail.print'));
  await expect(page.getByTestId('detail-recheck')).toHaveAttribute('href', new RegExp(`^/d/${DOMAIN}\\?.*fresh=`));
  await page.getByTestId('detail-back').click();
  await expect(new DashboardPage(page).domains).toHaveValue(DOMAIN);
});

test('in Chinese with ?lang=zh-CN', async ({ page }) => {
  await page.goto(`/d/${DOMAIN}?cloud=auto&lang=zh-CN`);
  await expect(page.getByTestId('detail-report')).toContainText(zh.t('ui.detail.heading'));
  await expect(page.getByTestId('detail-print')).toHaveText(zh.t('ui.detail.print'));
  await expect(page.getByTestId('detail-meta')).toContainText(zh.t('ui.detail.checkedAt'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('print preview: no controls, long values whole, a PDF of 1–2 pages', async ({ page }) => {
  const report = await apiReport(page, LONG_DOMAIN);
  const long = report.records
    .flatMap((r) => r.lookups)
    .flatMap((l) => l.answers)
    .map((a) => a.data)
    .find((d) => d.length > 200);
  expect(long, 'the fixture has a value longer than the preview').toBeTruthy();
  await page.goto(`/d/${LONG_DOMAIN}?cloud=auto&lang=en`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('detail-print')).toBeHidden();
  await expect(page.getByTestId('detail-actions')).toBeHidden();
  await expect(page.getByTestId('language-switch')).toBeHidden();
  // The copy buttons are there (the page shows them on screen) but not printed.
  const copies = page.getByRole('button', { name: /^Copy/, includeHidden: true });
  expect(await copies.count()).toBeGreaterThan(0);
  for (const button of await copies.all()) await expect(button).toBeHidden();
  await expect(page.getByTestId('detail-lookups')).toContainText(long ?? '');
  await expect(page.getByRole('button', { name: /show all/i })).toHaveCount(0);

  mkdirSync('screenshots', { recursive: true });
  await page.goto(`/d/${DOMAIN}?cloud=auto&lang=en`);
  await expect(page.getByTestId('detail-domain')).toHaveText(DOMAIN);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await expect(page.getByTestId('detail-actions')).toBeHidden();
  await page.screenshot({ path: 'screenshots/detail-print.png', fullPage: true });
  const pdf = await page.pdf({ path: 'screenshots/detail.pdf', format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`detail.pdf: ${pages} page(s)`);
  expect(pages).toBeGreaterThan(0);
});

test('an address that is not a domain gets a plain message', async ({ page }) => {
  const response = await page.goto('/d/10.0.0.1');
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByTestId('detail-invalid')).toContainText(en.t('ui.detail.invalidHeading'));
  await expect(page.getByTestId('detail-invalid')).toContainText('10.0.0.1');
});

test('a dashboard row links to its full report', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  await app.paste(DOMAIN);
  await app.check();
  await app.waitForResults(1);
  const details = await app.expand(DOMAIN);
  const link = details.getByTestId('open-full-report');
  await expect(link).toHaveText(en.t('ui.detail.openReport'));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/d/${DOMAIN}\\?cloud=auto`));
  await expect(page.getByTestId('detail-domain')).toHaveText(DOMAIN);
});

/**
 * The full report at /d/<domain>, end to end against the lab: the header names the domain, the check time,
 * the resolver and the cloud; the records and the fix list are there; Chinese with ?lang=zh-CN; the print
 * media shows a compact report (every finding, fix and lookup, nothing past the page edge) on at most two A4
 * pages (PDFs to screenshots/) with every control hidden; an unusable domain gets a plain message; a dashboard
 * row links to its report; and the sign-in page in front of it speaks the reader's language.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { findingLookups, lookupsOf, recordGroup } from '../../lib/client/records-view';
import { makeTranslator } from '../../lib/client/translator';
import { CLOUD_CHOICE_LABEL, cloudLabelCode } from '../../lib/presentation';
import { Report } from '../../lib/schema';
import { startApp } from '../support/app';
import { appEnv } from '../support/app-env';
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
  const asked = new Set([...report.msoid.lookups, ...report.records.flatMap((r) => r.lookups)]);
  expect(findingLookups(report)).toHaveLength(asked.size);
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

/** A4 pages in a PDF that Chromium made: its `/Type /Page` objects (not the `/Type /Pages` tree nodes). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The domain's report in print media, once the server has streamed it in (not the loading skeleton). */
async function printPreview(page: Page, domain: string, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.goto(`/d/${domain}?cloud=auto&lang=${lang}`);
  await expect(page.getByTestId('detail-domain')).toHaveText(domain);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
}

test('print preview: no controls, long values whole', async ({ page }) => {
  const report = await apiReport(page, LONG_DOMAIN);
  const long = report.records
    .flatMap((r) => lookupsOf(r.lookups, report.lookups))
    .flatMap((l) => l.answers)
    .map((a) => a.data)
    .find((d) => d.length > 200);
  expect(long, 'the fixture has a value longer than the preview').toBeTruthy();
  await printPreview(page, LONG_DOMAIN, 'en');
  await expect(page.getByTestId('detail-print')).toBeHidden();
  await expect(page.getByTestId('detail-actions')).toBeHidden();
  await expect(page.getByTestId('language-switch')).toBeHidden();
  // The copy buttons are there (the page shows them on screen) but not printed.
  const copies = page.getByRole('button', { name: /^Copy/, includeHidden: true });
  expect(await copies.count()).toBeGreaterThan(0);
  for (const button of await copies.all()) await expect(button).toBeHidden();
  // Paper gets its own layout: the screen's cards give way to tables, and the long value prints whole in the appendix.
  await expect(page.getByTestId('row-details')).toBeHidden();
  await expect(page.getByTestId('print-report')).toBeVisible();
  await expect(page.getByTestId('print-lookups')).toBeVisible();
  await expect(page.getByTestId('print-lookups')).toContainText(long ?? '');
  await expect(page.getByRole('button', { name: /show all/i })).toHaveCount(0);
  // Nothing runs off the side of the page: at the width of A4 paper, no element ends right of the report.
  await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
  expect(await overflowingElements(page)).toEqual([]);
});

/** The width of an A4 page's content box in CSS pixels (210 mm less the 2 × 11 mm side margins, at 96 px/in). */
const A4_CONTENT_PX = Math.floor(((210 - 22) / 25.4) * 96);

/** Descriptions of the report's elements whose right edge lies beyond the report's own (cut off on paper). */
function overflowingElements(page: Page): Promise<string[]> {
  return page.getByTestId('detail-report').evaluate((report) => {
    const edge = report.getBoundingClientRect().right + 1;
    return [...report.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > edge)
      .map(
        (el) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? ''}] ${el.textContent?.slice(0, 60)}`,
      );
  });
}

test('the page counter sees every page of a 3-page PDF (so the 2-page limit below can fail)', async ({ page }) => {
  await page.setContent('<p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p>');
  expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(3);
});

/**
 * Typical broken domains (several findings, fixes with the host's own notes), a 21Vianet one in Chinese, and a
 * healthy one. Before the print layout each of the first three printed on 3 A4 pages.
 */
const PRINTED = [
  { domain: 'cf-proxied.test', lang: 'en', kind: 'broken at Cloudflare: 3 findings, 2 fixes' },
  { domain: 'remove-ww.test', lang: 'en', kind: 'broken: 5 findings, 5 fixes' },
  { domain: DOMAIN, lang: 'zh-CN', kind: 'broken: 2 findings, in Chinese' },
  { domain: 'healthy-ww.test', lang: 'en', kind: 'healthy' },
] as const;

for (const { domain, lang, kind } of PRINTED) {
  test(`print: ${domain} (${kind}) is a 1–2 page A4 report with date, resolver and cloud`, async ({ page }) => {
    const t = makeTranslator(lang).t;
    const report = await apiReport(page, domain);
    await printPreview(page, domain, lang);
    // What a customer must read on paper: when, through which resolver, for which cloud.
    await expect(page.getByTestId('detail-checked-at')).toBeVisible();
    await expect(page.getByTestId('detail-checked-at')).not.toBeEmpty();
    await expect(page.getByTestId('detail-resolvers')).toBeVisible();
    for (const resolver of report.resolvers) await expect(page.getByTestId('detail-resolvers')).toContainText(resolver);
    await expect(page.getByTestId('detail-cloud')).toBeVisible();
    await expect(page.getByTestId('detail-cloud')).toContainText(t(cloudLabelCode(report.cloud)));
    // No controls on paper.
    await expect(page.getByTestId('detail-actions')).toBeHidden();
    await expect(page.getByTestId('detail-print')).toBeHidden();
    await expect(page.getByTestId('language-switch')).toBeHidden();
    for (const button of await page.getByRole('button', { includeHidden: true }).all())
      await expect(button).toBeHidden();
    // The report itself: every finding, every fix, every lookup once; links written out as text.
    const findings = report.records.filter((r) => recordGroup(r) !== 'fine');
    await expect(page.getByTestId('print-finding')).toHaveCount(
      findings.length + (report.msoid.status !== 'ok' && !findings.some((r) => r.id === 'msoid') ? 1 : 0),
    );
    await expect(page.getByTestId('print-fix')).toHaveCount(report.fixes.length);
    const asked = new Set([...report.msoid.lookups, ...report.records.flatMap((r) => r.lookups)]);
    await expect(page.getByTestId('print-lookup')).toHaveCount(asked.size);
    if (report.dnsHost.instructionsUrl) {
      // On a Chinese printout Microsoft Learn's address is its Chinese edition.
      const learn = 'https://learn.microsoft.com/';
      const shown =
        lang === 'zh-CN'
          ? report.dnsHost.instructionsUrl.replace(`${learn}en-us/`, `${learn}zh-cn/`)
          : report.dnsHost.instructionsUrl;
      await expect(page.getByTestId('print-host-link')).toContainText(shown);
    }
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
    expect(await overflowingElements(page)).toEqual([]);

    mkdirSync('screenshots', { recursive: true });
    const pdf = await page.pdf({
      path: `screenshots/detail-${domain}-${lang}.pdf`,
      format: 'A4',
      printBackground: true,
    });
    const pages = pdfPages(pdf);
    console.log(`print ${domain} ${lang}: ${pages} A4 page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages, `${domain} prints on at most 2 A4 pages`).toBeLessThanOrEqual(2);
  });
}

for (const [lang, t, gcchPage] of [
  ['en', en, 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high'],
  ['zh-CN', zh, 'https://learn.microsoft.com/zh-cn/microsoft-365/enterprise/dns-records-for-office-365-gcc-high'],
] as const) {
  test(`GCC High at GoDaddy (${lang}): the GCC High DNS page first, GoDaddy's page second with its examples flagged`, async ({
    page,
  }) => {
    await page.goto(`/d/host-godaddy-gcch.test?lang=${lang}`);
    const host = page.getByTestId('dns-host');
    await expect(host).toHaveAttribute('data-host', 'godaddy', { timeout: 45_000 });
    await expect(host.getByTestId('dns-host-link')).toHaveAttribute('href', gcchPage);
    await expect(host.getByTestId('dns-host-link')).toContainText(t.t('hosts.instructions.cloud', { host: 'GoDaddy' }));
    await expect(host.getByTestId('dns-host-help-link')).toHaveAttribute('href', /create-dns-records-at-godaddy$/);
    await expect(host.getByTestId('dns-host-help')).toContainText(t.t('hosts.commercial-examples'));
  });
}

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

test('the sign-in page follows ?lang= and Accept-Language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    // This app runs without ACCESS_TOKEN: the page says no token is needed, in the browser's language.
    await page.goto('/signin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.t('ui.signin.title'));
    await expect(page.getByTestId('signin')).toContainText(zh.t('ui.signin.notNeeded'));
    await expect(page).toHaveTitle(zh.t('ui.signin.title'));
    await page.goto('/signin?lang=en');
    await expect(page.getByTestId('signin')).toContainText(en.t('ui.signin.notNeeded'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await context.close();
  }
});

test('with an access token, a report in Chinese leads to a Chinese sign-in form and back', async ({ browser }) => {
  test.slow(); // it starts an app of its own
  const token = 'Detail-spec-Access-token-x7Kq2mP9vR4t';
  const app = await startApp({ ...appEnv(process.env.LAB_RESOLVER ?? ''), ACCESS_TOKEN: token });
  const context = await browser.newContext({ baseURL: app.url, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(`/d/${DOMAIN}?cloud=auto&lang=zh-CN`);
    await expect(page).toHaveURL(/\/signin\?.*lang=zh-CN/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.t('ui.signin.title'));
    await expect(page.getByTestId('signin')).toContainText(zh.t('ui.signin.intro'));
    const field = page.getByLabel(zh.t('ui.signin.tokenLabel'));
    await field.fill('not-the-token-at-all-0000');
    await page.getByRole('button', { name: zh.t('ui.signin.submit') }).click();
    await expect(page.getByTestId('signin').getByRole('alert')).toHaveText(zh.t('ui.signin.failed'));
    await field.fill(token);
    await page.getByRole('button', { name: zh.t('ui.signin.submit') }).click();
    await expect(page).toHaveURL(new RegExp(`/d/${DOMAIN}\\?.*lang=zh-CN`));
    await expect(page.getByTestId('detail-report')).toContainText(zh.t('ui.detail.heading'));
    // Signed in, the page offers to sign out; afterwards the report asks for the token again.
    await page.getByRole('button', { name: zh.t('ui.signin.signOut') }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto(`/d/${DOMAIN}?cloud=auto&lang=zh-CN`);
    await expect(page).toHaveURL(/\/signin\?/);
  } finally {
    await context.close();
    await app.stop();
  }
});

/**
 * The page in Simplified Chinese, against the production build and the DNS lab: `?lang=zh-CN` shows the
 * catalogue's Chinese labels and the API's Chinese verdicts, DNS values stay as they are (copied verbatim),
 * the language switch remembers the choice in a cookie and keeps the query, and a Chinese browser gets
 * Chinese without asking. Saves screenshots/zh-cn.png (CJK needs Debian's fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { MS } from '../../lab/fixtures';
import { makeTranslator } from '../../lib/client/translator';
import { MSOID_STATUS_PRESENTATION } from '../../lib/presentation';

const zh = makeTranslator('zh-CN');
const en = makeTranslator('en');
const DOMAIN = 'missing-21v.test';
const CJK = /[\u4e00-\u9fff]/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const row = (page: Page, domain: string) => page.locator(`[data-testid="result-row"][data-domain="${domain}"]`);

/** Waits for the row of `domain` and the end of the run (the progress text of a finished run, in `t`'s language). */
async function waitForRow(page: Page, domain: string, t = zh): Promise<void> {
  await expect(row(page, domain)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('progress-text')).toHaveText(t.t('ui.progress.checked', { done: '1', total: '1' }), {
    timeout: 45_000,
  });
}

test('?lang=zh-CN: Chinese labels and verdicts, the fix value copied untranslated', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1400, height: 1000 });

  // The server renders `<html lang="zh-CN">` itself (screen readers read the first paint too).
  const html = await (await page.request.get(`/?lang=zh-CN&d=${DOMAIN}&cloud=auto`)).text();
  expect(html).toMatch(/<html lang="zh-CN"/);

  await page.goto(`/?lang=zh-CN&d=${DOMAIN}&cloud=auto`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle(zh.t('ui.app.title'));
  await expect(page.getByRole('textbox', { name: zh.t('ui.form.domainsLabel') })).toHaveValue(DOMAIN);
  await waitForRow(page, DOMAIN);

  // A translated verdict: the msoid status label from the zh-CN catalogue (never the English one).
  const badge = row(page, DOMAIN).locator('[data-testid="status-badge"][data-status="missing"]');
  const missing = zh.t(MSOID_STATUS_PRESENTATION.missing.labelCode);
  expect(missing).toMatch(CJK);
  await expect(badge).toHaveText(missing);
  // The verdict sentence comes from the API in the page's language.
  await expect(row(page, DOMAIN).getByTestId('row-verdict')).toContainText(CJK);

  // The language switch names the current language and offers the other in its own words.
  const switcher = page.getByRole('navigation', { name: zh.t('language.label') });
  await expect(switcher.locator('[aria-current="true"]')).toHaveText('简体中文');
  await expect(switcher.getByRole('link', { name: 'English' })).toBeVisible();

  // Expand the row and copy the fix value: the DNS literal is copied exactly, never translated.
  await row(page, DOMAIN)
    .getByRole('button', { name: zh.t('ui.table.showDetails', { domain: DOMAIN }) })
    .click();
  const details = page.locator(`[data-testid="result-row"][data-domain="${DOMAIN}"] + tr`).getByTestId('row-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText(zh.t('ui.details.technicalHeading'));
  const copy = details.getByRole('button', {
    name: new RegExp(`^${escapeRegExp(zh.t('ui.details.copy'))}.*${escapeRegExp(MS.msoid21v)}`),
  });
  await copy.first().click();
  await expect(details.getByText(zh.t('ui.details.copied')).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MS.msoid21v);

  // Microsoft's page on the msoid record opens in its Chinese edition (same page, same 21Vianet view).
  await expect(details.getByRole('link', { name: zh.t('ui.details.reference') }).first()).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/zh-cn/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet',
  );

  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/zh-cn.png', fullPage: true });

  // Nothing spills sideways, on a desktop window or a phone: the page is no wider than the window.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(badge).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'screenshots/zh-cn-narrow-390.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the switch remembers the language in a cookie and keeps the domains and cloud', async ({ page, context }) => {
  await page.goto(`/?lang=zh-CN&d=${DOMAIN}&cloud=21vianet`);
  await waitForRow(page, DOMAIN);

  await page
    .getByRole('navigation', { name: zh.t('language.label') })
    .getByRole('link', { name: 'English' })
    .click();
  await page.waitForURL((url) => !url.searchParams.has('lang'));
  const url = new URL(page.url());
  expect(url.searchParams.get('cloud')).toBe('21vianet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await waitForRow(page, DOMAIN, en);
  await expect(row(page, DOMAIN).locator('[data-testid="status-badge"]')).toHaveText(
    en.t(MSOID_STATUS_PRESENTATION.missing.labelCode),
  );
  expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');

  // Back to Chinese with the keyboard; a later visit without ?lang= stays Chinese (the cookie outranks the browser).
  await page
    .getByRole('navigation', { name: en.t('language.label') })
    .getByRole('link', { name: '简体中文' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('zh-CN');
  await page.goto('/');
  await expect(page.getByRole('button', { name: zh.t('ui.form.submit'), exact: true })).toBeVisible();
});

test('a Chinese browser gets Chinese without ?lang= or a cookie', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: zh.t('ui.form.submit'), exact: true })).toBeVisible();
  await context.close();
});

test('a domain at Alibaba Cloud: the Chinese report names the host as its console does (阿里云)', async ({ page }) => {
  await page.goto('/d/host-alibaba-21v.test?lang=zh-CN');
  const name = page.getByTestId('dns-host-name');
  await expect(name).toHaveText('阿里云 云解析 DNS（万网）', { timeout: 45_000 });
  // The instructions link names it the same way.
  // Alibaba's own console help, in its Chinese edition (not an API reference).
  await expect(page.getByTestId('dns-host-link')).toHaveAttribute(
    'href',
    'https://help.aliyun.com/zh/dns/pubz-add-parsing-record',
  );
  await expect(page.getByTestId('dns-host-link')).toContainText(
    zh.t('hosts.instructions.host', { host: '阿里云 云解析 DNS（万网）' }),
  );
});

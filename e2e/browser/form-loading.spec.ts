/**
 * The form while the page is still loading. The validation loads after the page (it carries the Public Suffix
 * List); when it arrives, the Check button must not move under a pointer that is about to press it. Before the
 * scripts run at all, Check submits natively and must keep the list, the cloud and the language.
 */

import { expect, type Page, test } from '@playwright/test';
import { compressToEncodedURIComponent } from 'lz-string';
import { holdScripts } from '../support/hold-scripts';
import { DashboardPage, en } from './pages/dashboard-page';

test('the Check button stays where it is when the validation arrives', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  // From here on, every script the page asks for is a module loaded on first use: hold them back.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let heldCount = 0;
  await page.route('**/_next/static/chunks/**', async (route) => {
    heldCount += 1;
    await held;
    await route.continue();
  });
  await app.paste('ok-21v.test\nremove-ww.test');
  await expect(app.checkButton).toBeEnabled();
  await expect(page.getByTestId('ready-count')).toHaveText(en.t('ui.feedback.reading'));
  await expect.poll(() => heldCount).toBeGreaterThan(0);
  const before = await app.checkButton.boundingBox();
  release();
  await expect(page.getByTestId('ready-count')).toHaveText(en.tp('ui.feedback.ready', 2));
  expect(await app.checkButton.boundingBox()).toEqual(before);
  await app.check();
  await app.waitForResults(2);
});

test('a module that fails to load says so and keeps the list; Check again then works', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  // The connection drops for every module loaded on first use.
  await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'));
  await app.paste('ok-21v.test\nremove-ww.test');
  await app.check({ read: false });
  await expect(page.getByTestId('load-failed')).toHaveText(en.t('ui.form.loadFailed'));
  await expect(app.domains).toHaveValue('ok-21v.test\nremove-ww.test');
  await expect(app.rows).toHaveCount(0);
  // Back online: the same button works, and the message goes.
  await page.unroute('**/_next/static/chunks/**');
  await app.check({ read: false });
  await app.waitForResults(2);
  await expect(page.getByTestId('load-failed')).toHaveCount(0);
});

/**
 * Makes only the results module fail to load (recognised by its content) while `failing()` holds; the validation
 * and the check stream load. Returns how many loads were refused so far.
 */
async function failResultsModule(page: Page, failing: () => boolean): Promise<() => number> {
  let failed = 0;
  await page.route('**/_next/static/chunks/**', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (failing() && body.includes('results-heading')) {
      failed += 1;
      await route.abort('internetdisconnected');
      return;
    }
    await route.fulfill({ response, body });
  });
  return () => failed;
}

/** Counts the check requests the page sends. */
function countChecks(page: Page): () => number {
  let checks = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/check') checks += 1;
  });
  return () => checks;
}

test('results that fail to load offer Try again, which shows them without checking again', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  let failing = true;
  const failed = await failResultsModule(page, () => failing);
  const checks = countChecks(page);
  await app.paste('ok-21v.test\nremove-ww.test');
  await app.check();
  const alert = page.getByTestId('load-failed');
  await expect(alert).toContainText(en.t('ui.form.resultsLoadFailed'));
  expect(failed()).toBeGreaterThan(0);
  await expect(app.domains).toHaveValue('ok-21v.test\nremove-ww.test');
  failing = false;
  await alert.getByRole('button', { name: en.t('ui.page.retry') }).click();
  await app.waitForResults(2);
  await expect(alert).toHaveCount(0);
  expect(checks()).toBe(1);
  // The pressed button is gone with the alert: the keyboard focus lands on the results, not back at the page top.
  await expect(page.getByRole('heading', { name: en.t('ui.table.heading') })).toBeFocused();
});

test('after results failed to load, pressing Check again loads them with the new check', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  let failing = true;
  await failResultsModule(page, () => failing);
  const checks = countChecks(page);
  await app.paste('ok-21v.test');
  await app.check();
  await expect(page.getByTestId('load-failed')).toContainText(en.t('ui.form.resultsLoadFailed'));
  await expect(app.checkButton).toBeEnabled();
  failing = false;
  await app.check();
  await app.waitForResults(1);
  await expect(page.getByTestId('load-failed')).toHaveCount(0);
  expect(checks()).toBe(2);
});

test('a list pasted before the scripts ran is taken over when they arrive (dashboard)', async ({ page }) => {
  const release = await holdScripts(page);
  const app = new DashboardPage(page);
  // Not 'load' or 'domcontentloaded': the held scripts hold those events too.
  await page.goto('/?lang=en', { waitUntil: 'commit' });
  await app.paste('ok-21v.test\nremove-ww.test');
  release();
  await expect(page.getByTestId('ready-count')).toHaveText(en.tp('ui.feedback.ready', 2));
  await app.check();
  await app.waitForResults(2);
});

test('a list pasted before the scripts ran is taken over when they arrive (bulk)', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/bulk?lang=en', { waitUntil: 'commit' });
  await page.getByTestId('bulk-domains').fill('ok-21v.test\nremove-ww.test\nok-21v.test');
  release();
  await expect(page.getByTestId('bulk-start')).toBeEnabled();
  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-progress-text')).toHaveText(
    en.t('bulk.run.progress', { done: '2', total: '2' }),
    {
      timeout: 30_000,
    },
  );
});

test("a list that arrives after # (POST /open's answer for a long list) fills the form and runs", async ({ page }) => {
  const app = new DashboardPage(page);
  const fragment = new URLSearchParams({
    z: compressToEncodedURIComponent('ok-21v.test,remove-ww.test'),
    cloud: 'gcc',
  });
  await app.goto(`?lang=en#${fragment}`);
  await expect(app.domains).toHaveValue('ok-21v.test\nremove-ww.test');
  await expect(page.getByTestId('check-form').locator('select[name="cloud"]')).toHaveValue('gcc');
  await app.waitForResults(2);
  // The address becomes the ordinary share link.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).searchParams.get('cloud')).toBe('gcc');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Check keeps the list, the cloud, the services and the language in the address it opens', async ({ page }) => {
    await page.goto('/?lang=zh-CN&s=mail:on,teams:off');
    const form = page.getByTestId('check-form');
    await form.locator('textarea').fill('ok-21v.test\nremove-ww.test');
    await form.locator('select[name="cloud"]').selectOption('21vianet');
    // Without scripts the button still carries the server's aria-disabled; a person can press it all the same.
    await form.locator('button[type="submit"]').click({ force: true });
    await page.waitForURL(/[?&]d=/);
    const params = new URL(page.url()).searchParams;
    // Only the share link's own fields: nothing generated (the services radios' names) gets in.
    expect([...params.keys()].sort()).toEqual(['cloud', 'd', 'lang', 's']);
    expect(params.get('s')).toBe('mail:on,teams:off');
    expect(params.get('d')?.split(',')).toEqual(['ok-21v.test', 'remove-ww.test']);
    expect(params.get('cloud')).toBe('21vianet');
    expect(params.get('lang')).toBe('zh-CN');
    // The page that opens is the shared link: filled on the server, in Chinese.
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(form.locator('textarea')).toHaveValue('ok-21v.test\nremove-ww.test');
    await expect(form.locator('select[name="cloud"]')).toHaveValue('21vianet');
    await expect(form.locator('[data-service="teams"] input[value="off"]')).toBeChecked();
  });

  test('a long list (450 long names, 19 KB) opens as the compressed share link, not a refused address', async ({
    page,
  }) => {
    const names = Array.from({ length: 450 }, (_, i) => `customer-tenant-domain-${String(i).padStart(3, '0')}.test`);
    await page.goto('/?lang=en');
    const form = page.getByTestId('check-form');
    await form.locator('textarea').fill(names.join('\n'));
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/' && r.request().method() === 'GET'),
      form.locator('button[type="submit"]').click({ force: true }),
    ]);
    // As a GET form this was a 19 KB request line: the server answered 431 and the page was gone.
    expect(response.status()).toBe(200);
    const params = new URL(page.url()).searchParams;
    expect([...params.keys()].sort()).toEqual(['cloud', 'lang', 'z']);
    await expect(form.locator('textarea')).toHaveValue(names.join('\n'));
  });
});

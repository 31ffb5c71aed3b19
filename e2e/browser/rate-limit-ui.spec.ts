/**
 * A 429 that helps (issue 15 item 8): when a limit is hit the page says so next to the control that was refused,
 * counts down live from exactly the wait the server named (Retry-After), and sends the check again by itself when
 * the wait is over. The app here has a tiny domain budget (3 domains per 8 s), so the second check is refused.
 */
import { expect, type Page, test } from '@playwright/test';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { DashboardPage, en } from './pages/dashboard-page';

let app: App;
test.beforeAll(async () => {
  app = await startApp({
    ...appEnv(process.env.LAB_RESOLVER ?? ''),
    // RATE_LIMIT_DOMAINS must be at least the largest list one client may send.
    MAX_DOMAINS_PER_REQUEST: '3',
    MAX_DOMAINS_PER_RUN: '3',
    RATE_LIMIT_DOMAINS: '3',
    RATE_LIMIT_DOMAINS_WINDOW_S: '8',
  });
});
test.afterAll(async () => {
  await app?.stop();
});

/** The wait the refused answer named, read from the network as the page got it. */
async function refusedWait(page: Page, path: string, act: () => Promise<void>): Promise<number> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.status() === 429 && new URL(r.url()).pathname === path),
    act(),
  ]);
  const wait = Number(res.headers()['retry-after']);
  expect(wait).toBeGreaterThanOrEqual(2);
  return wait;
}

/** The countdown starts at the server's wait, moves, and is gone once the page sent the request again. */
async function countsDownAndRetries(page: Page, wait: number, retried: () => Promise<void>): Promise<void> {
  const countdown = page.getByTestId('retry-countdown');
  await expect(countdown).toBeVisible();
  const first = Number(await countdown.getAttribute('data-seconds'));
  expect(first).toBeLessThanOrEqual(wait);
  expect(first).toBeGreaterThanOrEqual(wait - 1);
  await expect(countdown).toContainText(en.t('ui.errors.retryWait', { seconds: en.num(first) }));
  // It moves: a smaller number a second or so later, without a click.
  await expect
    .poll(async () => Number(await countdown.getAttribute('data-seconds')), { timeout: 5000 })
    .toBeLessThan(first);
  await retried();
  await expect(countdown).toHaveCount(0);
}

test('single check: the refusal counts down beside Check, and the check runs by itself after the wait', async ({
  page,
}) => {
  const dashboard = new DashboardPage(page);
  await page.goto(`${app.url}/?lang=en`);
  await dashboard.paste('ok-21v.test\nok-ww.test\nmissing-21v.test');
  await dashboard.check();
  await dashboard.waitForResults(3);

  await dashboard.paste('typo-21v.test\nwrong-21v.test');
  const wait = await refusedWait(page, '/api/check', () => dashboard.check());
  // Beside the form's button, not in the results below.
  await expect(page.getByTestId('check-form').locator('..').getByTestId('retry-countdown')).toBeVisible();
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await countsDownAndRetries(page, wait, () => dashboard.waitForResults(2));
  await expect(dashboard.rows.first()).toBeVisible();
});

test('bulk: a refused Start counts down and starts by itself after the wait', async ({ page }) => {
  await page.goto(`${app.url}/bulk?lang=en`);
  await page.getByTestId('bulk-domains').fill('ok-21v.test\nok-ww.test\nmissing-21v.test');
  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  await page.getByTestId('bulk-domains').fill('typo-21v.test\nwrong-21v.test');
  const wait = await refusedWait(page, '/api/runs', () => page.getByTestId('bulk-start').click());
  await countsDownAndRetries(page, wait, async () => {
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('bulk-row')).toHaveCount(2);
  });
});

test('a 413 is not retried: no countdown', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await page.goto(`${app.url}/?lang=en`);
  let posts = 0;
  await page.route('**/api/check', async (route) => {
    posts += 1;
    await route.fulfill({
      status: 413,
      contentType: 'application/json',
      headers: { 'Retry-After': '2' },
      body: JSON.stringify({ code: 'payload-too-large', message: 'too large', retryAfterSeconds: 2 }),
    });
  });
  await dashboard.paste('ok-21v.test');
  await dashboard.check();
  await expect(page.getByTestId('run-error')).toContainText(en.t('ui.errors.payload-too-large'));
  await expect(page.getByTestId('retry-countdown')).toHaveCount(0);
  await page.waitForTimeout(3000);
  expect(posts).toBe(1);
});

/**
 * Who may change a bulk run. The browser that started it keeps the run's owner token and can re-check and cancel;
 * the same result link opened in a fresh browser context shows the results, with Re-check disabled, Cancel hidden
 * and a note saying why, and the server refuses it (403 not-run-owner) if it tries anyway.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { SLOW_ZONE } from '../../lab/fixtures';
import { makeTranslator } from '../../lib/client/translator';
import { ApiError } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { en } from './pages/dashboard-page';

const zh = makeTranslator('zh-CN');
const DOMAINS = ['ok-21v.test', 'missing-21v.test', 'healthy-ww.test'];

const rowOf = (page: Page, domain: string) => page.locator(`[data-testid="bulk-row"][data-domain="${domain}"]`);
const runIdOf = (page: Page) => new URL(page.url()).searchParams.get('run') ?? '';

async function waitDone(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-progress-text')).toHaveText(
    en.t('bulk.run.progress', { done: en.num(total), total: en.num(total) }),
  );
}

async function withFreshContext(
  browser: import('@playwright/test').Browser,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
) {
  const context = await browser.newContext();
  try {
    await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

test('the creator re-checks; the result link in a fresh context reads the run but cannot re-check it', async ({
  page,
  browser,
}) => {
  await page.goto(`/bulk?lang=en&d=${DOMAINS.join(',')}`);
  await waitDone(page, DOMAINS.length);
  await expect(page.getByTestId('bulk-read-only')).toHaveCount(0);
  const id = runIdOf(page);
  expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

  // The creator's tab re-checks a row, also after a reload (the token is kept in this browser).
  const target = rowOf(page, 'missing-21v.test');
  const first = (await target.getByTestId('bulk-checked-at').getAttribute('datetime')) ?? '';
  await target.getByTestId('bulk-recheck').click();
  await expect(target.getByTestId('bulk-checked-at')).not.toHaveAttribute('datetime', first);
  await page.reload();
  await expect(page.getByTestId('bulk-row')).toHaveCount(DOMAINS.length);
  const second = (await target.getByTestId('bulk-checked-at').getAttribute('datetime')) ?? '';
  await expect(target.getByTestId('bulk-recheck')).toBeEnabled();
  await target.getByTestId('bulk-recheck').click();
  await expect(target.getByTestId('bulk-checked-at')).not.toHaveAttribute('datetime', second);
  await expect(page.getByTestId('bulk-read-only')).toHaveCount(0);

  // Elsewhere the same link shows every row, and says it cannot change the run.
  await withFreshContext(browser, async (fresh) => {
    await fresh.goto(page.url());
    await expect(fresh.getByTestId('bulk-row')).toHaveCount(DOMAINS.length);
    await expect(fresh.getByTestId('bulk-read-only')).toHaveText(en.t('bulk.run.readOnly'));
    for (const button of await fresh.getByTestId('bulk-recheck').all()) await expect(button).toBeDisabled();
    await rowOf(fresh, 'ok-21v.test').getByTestId('bulk-select').check();
    await expect(fresh.getByTestId('bulk-recheck-selected')).toBeDisabled();
    await expect(fresh.getByTestId('bulk-recheck-unchecked')).toBeDisabled();
    // Reading and exporting still work.
    const [download] = await Promise.all([
      fresh.waitForEvent('download'),
      fresh.getByTestId('bulk-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // Asking the server anyway: 403, and the row keeps its time.
    const res = await fresh.request.post(`/api/runs/${id}/recheck`, { data: { domains: ['missing-21v.test'] } });
    expect(res.status()).toBe(403);
    expect(ApiError.parse(await res.json()).code).toBe('not-run-owner');
    // The note in Chinese too.
    await fresh.goto(`/bulk?lang=zh-CN&run=${id}`);
    await expect(fresh.getByTestId('bulk-read-only')).toHaveText(zh.t('bulk.run.readOnly'));
  });
  const stored = await page.request.get(`/api/runs/${id}`);
  const row = ((await stored.json()) as { results: Array<{ domain: string; checkedAt: string }> }).results.find(
    (r) => r.domain === 'missing-21v.test',
  );
  await expect(target.getByTestId('bulk-checked-at')).toHaveAttribute('datetime', row?.checkedAt ?? '');
});

test.describe('a run still going', () => {
  let slow: App;
  test.beforeAll(async () => {
    // One domain at a time, each answered late: the run goes on for about a minute, so both tabs see it running.
    slow = await startApp({
      ...appEnv(process.env.LAB_RESOLVER ?? ''),
      BULK_CONCURRENCY: '1',
      MAX_NAMES_PER_REGISTRABLE: '5000',
    });
  });
  test.afterAll(async () => {
    await slow?.stop();
  });

  test('only the creator can cancel: the result link elsewhere has no Cancel, and sees the cancel happen', async ({
    page,
    browser,
  }) => {
    const domains = Array.from({ length: 1500 }, (_, i) => `owner-${String(i).padStart(4, '0')}.${SLOW_ZONE}`);
    await page.goto(`${slow.url}/bulk?lang=en`);
    await page.getByTestId('bulk-domains').fill(domains.join('\n'));
    await page.getByTestId('bulk-start').click();
    await expect.poll(() => page.getByTestId('bulk-row').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('bulk-cancel')).toBeVisible();
    const id = runIdOf(page);

    await withFreshContext(browser, async (fresh) => {
      await fresh.goto(`${slow.url}/bulk?lang=en&run=${id}`);
      await expect(fresh.getByTestId('bulk-progress')).toHaveAttribute('data-status', /queued|running/);
      await expect.poll(() => fresh.getByTestId('bulk-row').count()).toBeGreaterThanOrEqual(3);
      await expect(fresh.getByTestId('bulk-read-only')).toHaveText(en.t('bulk.run.readOnly'));
      await expect(fresh.getByTestId('bulk-cancel')).toHaveCount(0);
      const res = await fresh.request.post(`${slow.url}/api/runs/${id}/cancel`);
      expect(res.status()).toBe(403);
      await expect(fresh.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'running');

      // The creator cancels; the other tab, following the run, sees it end as cancelled.
      await page.getByTestId('bulk-cancel').click();
      await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'cancelled');
      await expect(fresh.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'cancelled');
    });
  });
});

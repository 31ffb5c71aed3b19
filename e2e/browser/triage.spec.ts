/**
 * Results where the eyes are, and triage that keeps its place (issue 15 items 4 and 5):
 * - after Check on / or Start on /bulk the page moves to the results (scrolled into view, focus on their heading),
 *   and a result link opens there too, not at the empty form;
 * - the bulk table's filters, search, sort and page size live in the address: Back restores them, and the address
 *   opens the same filtered view elsewhere.
 */
import { expect, type Page, test } from '@playwright/test';
import { DashboardPage, en } from './pages/dashboard-page';

const DOMAINS = ['ok-21v.test', 'missing-21v.test', 'ok-ww.test', 'typo-21v.test', 'wrong-21v.test'];

/** The id of the focused element, and whether its section's top is in the window. */
async function focusedInView(page: Page): Promise<{ id: string; inView: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const top = el?.getBoundingClientRect().top ?? -1;
    return { id: el?.id ?? '', inView: top >= 0 && top < window.innerHeight };
  });
}

test.use({ viewport: { width: 1280, height: 600 } });

test.describe('results where the eyes are', () => {
  test('/: after Check the results heading has the focus and is on screen', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto('?lang=en');
    await dashboard.paste(DOMAINS.join('\n'));
    await dashboard.check();
    await expect.poll(() => focusedInView(page)).toEqual({ id: 'results-heading', inView: true });
    await dashboard.waitForResults(DOMAINS.length);
    // The progress is just under the heading, in view.
    await expect(page.getByTestId('progress')).toBeInViewport();
  });

  test('/: a shared link opens at the results', async ({ page }) => {
    await page.goto(`/?lang=en&d=${DOMAINS.join(',')}`);
    await expect.poll(() => focusedInView(page)).toEqual({ id: 'results-heading', inView: true });
  });

  test('/bulk: after Start, and when the result link is opened, the progress and results are where the eyes are', async ({
    page,
  }) => {
    await page.goto('/bulk?lang=en');
    await page.getByTestId('bulk-domains').fill(DOMAINS.join('\n'));
    await page.getByTestId('bulk-start').click();
    await expect.poll(() => focusedInView(page)).toEqual({ id: 'bulk-progress-heading', inView: true });
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('bulk-progress-text')).toBeInViewport();

    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByTestId('bulk-row')).toHaveCount(DOMAINS.length);
    await expect.poll(() => focusedInView(page)).toEqual({ id: 'bulk-progress-heading', inView: true });
  });

  test('/bulk has its own title and a heading for each section', async ({ page }) => {
    await page.goto(`/bulk?lang=en&d=${DOMAINS.slice(0, 2).join(',')}`);
    await expect(page).toHaveTitle(new RegExp(`^${en.t('bulk.page.title')}`));
    await expect(page.getByTestId('bulk-row')).toHaveCount(2);
    for (const name of [en.t('bulk.page.inputHeading'), en.t('bulk.run.heading'), en.t('bulk.table.heading')]) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
  });
});

test.describe('triage that keeps its place', () => {
  test('filters, search, sort and page size survive Back, and the address shares them', async ({ page, browser }) => {
    await page.goto(`/bulk?lang=en&d=${DOMAINS.join(',')}`);
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('bulk-row')).toHaveCount(DOMAINS.length);

    await page.getByTestId('bulk-count-broken').click();
    const broken = await page.getByTestId('bulk-row').count();
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(DOMAINS.length);
    await page.getByTestId('bulk-sort').selectOption('domain');
    await page.getByTestId('bulk-sort-dir').click();
    await page.getByTestId('bulk-page-size').selectOption('500');
    await page.getByTestId('bulk-search').fill('21v');
    await expect(page).toHaveURL(/health=broken/);
    await expect(page).toHaveURL(/q=21v/);
    const filtered = await page.getByTestId('bulk-row').evaluateAll((rows) => rows.map((r) => r.dataset.domain));
    const view = page.url();

    // Away and Back: the same view.
    await page.goto('/?lang=en');
    await page.goBack();
    await expect(page.getByTestId('bulk-count-broken')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('bulk-search')).toHaveValue('21v');
    await expect(page.getByTestId('bulk-sort')).toHaveValue('domain');
    await expect(page.getByTestId('bulk-page-size')).toHaveValue('500');
    await expect
      .poll(() => page.getByTestId('bulk-row').evaluateAll((rows) => rows.map((r) => r.dataset.domain)))
      .toEqual(filtered);

    // Back through the view's own steps: the page size goes, then the order, then the sort, then the health filter.
    await page.goBack();
    await expect(page.getByTestId('bulk-page-size')).toHaveValue('100');
    await expect(page.getByTestId('bulk-count-broken')).toHaveAttribute('aria-pressed', 'true');
    await page.goBack();
    await page.goBack();
    await expect(page.getByTestId('bulk-sort')).toHaveValue('health');
    await page.goBack();
    await expect(page.getByTestId('bulk-count-broken')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('bulk-row')).toHaveCount(DOMAINS.length);

    // The address opens the same filtered view in another browser.
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      await other.goto(view);
      await expect(other.getByTestId('bulk-count-broken')).toHaveAttribute('aria-pressed', 'true');
      await expect
        .poll(() => other.getByTestId('bulk-row').evaluateAll((rows) => rows.map((r) => r.dataset.domain)))
        .toEqual(filtered);
    } finally {
      await context.close();
    }
  });
});

test.describe('the full report of a run row', () => {
  test('opens the result the run stored, with its checked-at time, and offers a re-check', async ({ page }) => {
    await page.goto('/bulk?lang=en&d=ok-21v.test,missing-21v.test');
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const row = page.locator('[data-testid="bulk-row"][data-domain="missing-21v.test"]');
    const stored = (await row.getByTestId('bulk-checked-at').getAttribute('datetime')) ?? '';
    expect(stored).not.toBe('');

    await row.getByTestId('bulk-open').click();
    await expect(page).toHaveURL(/\/d\/missing-21v\.test\?.*run=/);
    await expect(page.getByTestId('detail-checked-at')).toHaveAttribute('datetime', stored);
    await expect(page.getByTestId('detail-from-run')).toHaveText(en.t('ui.detail.fromRun'));

    // Re-check checks it now: a later time; and the way back leads to the run.
    await expect(page.getByTestId('detail-back-to-run')).toHaveAttribute('href', /\/bulk\?run=/);
    await page.getByTestId('detail-recheck').click();
    await expect(page.getByTestId('detail-checked-at')).not.toHaveAttribute('datetime', stored);
    await expect(page.getByTestId('detail-from-run')).toHaveCount(0);
    const fresh = (await page.getByTestId('detail-checked-at').getAttribute('datetime')) ?? '';
    expect(Date.parse(fresh)).toBeGreaterThan(Date.parse(stored));
  });

  test('a run no longer kept: the page says its stored result is gone and shows a fresh check', async ({ page }) => {
    // A well-formed run id this server never made (as after RUN_RETENTION_S), then a malformed one.
    for (const run of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-run']) {
      await page.goto(`/d/missing-21v.test?lang=en&run=${run}`);
      await expect(page.getByTestId('detail-run-gone')).toHaveText(en.t('ui.detail.runGone'));
      await expect(page.getByTestId('detail-from-run')).toHaveCount(0);
      await expect(page.getByTestId('detail-back-to-run')).toHaveCount(0);
      await expect(page.getByTestId('detail-checked-at')).toHaveAttribute('datetime', /\d{4}-/);
    }
    // Without a run id there is nothing to say.
    await page.goto('/d/missing-21v.test?lang=en');
    await expect(page.getByTestId('detail-checked-at')).toHaveAttribute('datetime', /\d{4}-/);
    await expect(page.getByTestId('detail-run-gone')).toHaveCount(0);
  });
});

test.describe('one time zone everywhere: the reader’s, named', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('the single check, the bulk rows and the full report all say GMT+8, and agree', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto('?lang=en');
    await dashboard.paste('ok-21v.test');
    await dashboard.check();
    await dashboard.waitForResults(1);
    await expect(page.getByTestId('checked-at')).toContainText('GMT+8');

    await page.goto('/bulk?lang=en&d=ok-ww.test');
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const rowTime = page.getByTestId('bulk-checked-at').first();
    await expect(rowTime).toContainText('GMT+8');
    const shown = ((await rowTime.textContent()) ?? '').trim();
    const iso = (await rowTime.getAttribute('datetime')) ?? '';
    // The clock time is Shanghai's (UTC+8), whatever the server's zone.
    const hour = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', hour: 'numeric', hour12: true })
      .format(new Date(iso))
      .replace(/\s?[AP]M$/, '');
    expect(shown).toMatch(new RegExp(`(^|\\s)${hour}:\\d\\d:\\d\\d`));

    await page.getByTestId('bulk-open').first().click();
    const detail = page.getByTestId('detail-checked-at');
    await expect(detail).toHaveAttribute('datetime', iso);
    await expect(detail).toContainText('GMT+8');
    // The same moment reads the same on the row and in the report (the report adds the date).
    await expect(detail).toContainText(shown);
  });
});

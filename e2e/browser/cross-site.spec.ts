/**
 * A link on another site (a ticket, a chat, a web mail) opens our pages, but runs nothing until the reader asks:
 * the dashboard's `?d=` and `#…` lists fill the form and wait for Check, the bulk page's input link waits for
 * Start, and /d/<domain> offers "Check now" instead of checking on the server. The link is a real one on a page of
 * another origin (served by Playwright), so Chromium itself sends `Sec-Fetch-Site: cross-site`.
 */
import { expect, type Page, test } from '@playwright/test';
import { DashboardPage, en } from './pages/dashboard-page';

const ELSEWHERE = 'http://elsewhere.test';

/** The app's check and run requests the page makes (method and path). */
function checkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^\/api\/(check|runs)/.test(url.pathname)) seen.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}

/**
 * Opens `path` of the app from a link on another site's page, as a reader clicking it in a ticket would (Chromium
 * sends `Sec-Fetch-Site: cross-site`; Playwright does not show that header, so each test checks what the server
 * made of it: the notice or the "Check now" page, which only a request from another site gets).
 */
async function openFromElsewhere(page: Page, path: string): Promise<void> {
  const target = new URL(path, process.env.BASE_URL).href;
  await page.route(`${ELSEWHERE}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Ticket 4711</title><a id="link" href="${target}">Please check our DNS</a>`,
    }),
  );
  await page.goto(`${ELSEWHERE}/ticket/4711`);
  await Promise.all([page.waitForURL(target), page.locator('#link').click()]);
}

test('the dashboard opened from another site fills the form and checks only when Check is pressed', async ({
  page,
}) => {
  const seen = checkRequests(page);
  await openFromElsewhere(page, '/?d=ok-21v.test,ok-ww.test&cloud=auto&lang=en');
  const dashboard = new DashboardPage(page);
  await expect(dashboard.domains).toHaveValue('ok-21v.test\nok-ww.test');
  // The list has been read by the page's own validation: the on-load step (which used to send the check) is done.
  await expect(page.getByTestId('ready-count')).toHaveText(en.tp('ui.feedback.ready', 2));
  expect(seen, 'no check before the reader asks').toEqual([]);
  await expect(page.getByTestId('share-notice-cross-site')).toHaveText(en.t('ui.share.crossSite'));

  await dashboard.check();
  await dashboard.waitForResults(2);
  expect(seen).toEqual(['POST /api/check']);
  await expect(page.getByTestId('share-notice-cross-site')).toHaveCount(0);
});

test('a list after # (a long link) opened from another site waits for Check too', async ({ page }) => {
  const seen = checkRequests(page);
  await openFromElsewhere(page, '/?lang=en#d=ok-21v.test&cloud=auto');
  const dashboard = new DashboardPage(page);
  await expect(dashboard.domains).toHaveValue('ok-21v.test');
  await expect(page.getByTestId('ready-count')).toHaveText(en.tp('ui.feedback.ready', 1));
  expect(seen, 'no check before the reader asks').toEqual([]);
  await expect(page.getByTestId('share-notice-cross-site')).toBeVisible();
  await dashboard.check();
  await dashboard.waitForResults(1);
  expect(seen).toEqual(['POST /api/check']);
});

test('the same link opened on this site checks at once, as before', async ({ page }) => {
  const seen = checkRequests(page);
  await new DashboardPage(page).goto('?d=ok-21v.test&cloud=auto&lang=en');
  await new DashboardPage(page).waitForResults(1);
  expect(seen).toEqual(['POST /api/check']);
  await expect(page.getByTestId('share-notices')).toHaveCount(0);
});

test('/d/<domain> opened from another site names the domain and checks on "Check now"', async ({ page }) => {
  await openFromElsewhere(page, '/d/ok-ww.test?cloud=auto&lang=en&fresh=1');
  const confirm = page.getByTestId('detail-confirm');
  await expect(confirm.getByRole('heading', { level: 1 })).toHaveText(
    en.t('ui.detail.crossSiteHeading', { domain: 'ok-ww.test' }),
  );
  await expect(page.getByTestId('detail-report')).toHaveCount(0);
  await confirm.getByRole('button', { name: en.t('ui.detail.checkNow') }).click();
  // The button's request comes from this site: the report is checked and shown.
  await expect(page.getByTestId('detail-domain')).toHaveText('ok-ww.test');
  await expect(page.getByTestId('detail-confirm')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('fresh')).toBeNull();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('the bulk input link opened from another site starts its run only on Start', async ({ page }) => {
  const seen = checkRequests(page);
  await openFromElsewhere(page, '/bulk?d=ok-21v.test,ok-ww.test&cloud=auto&lang=en');
  await expect(page.getByTestId('bulk-domains')).toHaveValue('ok-21v.test\nok-ww.test');
  // Every script has loaded and run (the page's on-load step, which used to start the run, with them).
  await page.waitForLoadState('networkidle');
  expect(seen, 'no run before the reader asks').toEqual([]);
  await expect(page.getByTestId('share-notice-cross-site')).toHaveText(en.t('ui.share.crossSite'));

  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-row')).toHaveCount(2);
  expect(seen).toContain('POST /api/runs');
  await expect(page.getByTestId('share-notice-cross-site')).toHaveCount(0);
});

/**
 * Propagation in the page (issue 14 items 3 and 4), against a lab of its own. First, a record fixed while unbound
 * still holds the wrong target (30-second TTL): the page shows "Published" against "Seen by <resolver>", pending, and
 * the helpdesk's "the change is done; users will see it by …". Then "check until live" as an admin uses it: a zone
 * with a 5-second TTL; the reader presses the button, the test fixes the record and reloads nsd, and the page turns
 * live by itself, says so, changes the tab title and notifies.
 */
import { expect, test } from '@playwright/test';
import { MS } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { queryOnce, splitHostPort } from '../../lab/net';
import type { Zone } from '../../lab/zone-types';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { contextWithNotifications, shownNotificationTitles } from '../support/notifications';

const DOMAIN = 'live-watch.test';
const PENDING = 'pending-view.test';
const WRONG = 'autodiscover.wrong-host.test';
const en = makeTranslator('en');

const zone = (apex: string, serial: number, target: string, ttl: number): Zone => ({
  apex,
  records: [
    { name: apex, type: 'SOA', data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 5` },
    { name: apex, type: 'MX', data: `0 ${apex.replace('.', '-')}.${MS.mxWw}` },
    { name: apex, type: 'TXT', data: MS.spfWw },
    { name: `autodiscover.${apex}`, type: 'CNAME', data: target, ttl },
  ],
});

let lab: Lab | undefined;
let app: App | undefined;

test.beforeAll(async () => {
  lab = await startLab({ zones: [zone(DOMAIN, 1, WRONG, 5), zone(PENDING, 1, WRONG, 30)] });
  app = await startApp({
    ...appEnv(lab.resolver),
    PROPAGATION: '1',
    DNS_AUTH_PORT: String(splitHostPort(lab.nsd).port),
    LIVE_WATCH_MAX_MIN: '5',
  });
});

test.afterAll(async () => {
  await app?.stop();
  await lab?.stop();
});

test('a record fixed while the resolver holds the old one: Published, Seen by, pending, and when users will see it', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app!.url, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  try {
    const resolver = splitHostPort(lab!.resolver);
    // unbound holds the wrong target (for 30 s) when the record is fixed.
    await queryOnce(resolver.host, resolver.port, `autodiscover.${PENDING}`, 'CNAME');
    await lab!.reloadZones([zone(PENDING, 2, MS.autodiscoverWw, 30)]);

    await page.goto(`/d/${PENDING}?cloud=auto&lang=en`);
    const row = page.locator('[data-testid="record-row"][data-record="autodiscover"]');
    await expect(row.getByTestId('propagation-badge')).toHaveAttribute('data-state', 'pending');
    await expect(row.getByTestId('propagation-published')).toHaveText(MS.autodiscoverWw);
    await expect(row.getByTestId('propagation-seen')).toContainText(
      en.t('propagation.seenBy', { resolver: lab!.resolver }),
    );
    await expect(row.getByTestId('propagation-seen')).toContainText(WRONG);
    await expect(row.getByTestId('propagation-note')).toContainText('Resolvers should see it by');
    await expect(page.getByTestId('helpdesk-text')).toContainText('The change is done; users will see it by');
    // In the reader's time zone, not the report's ISO form.
    await expect(page.getByTestId('helpdesk-text')).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  } finally {
    await context.close();
  }
});

test('check until live: the reader presses the button, the record is fixed, the page turns live by itself', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // The reader allows notifications; each one shown is kept for the test to read.
  const context = await contextWithNotifications(browser, app!.url);
  const page = await context.newPage();
  try {
    await page.goto(`/d/${DOMAIN}?cloud=auto&lang=en`);
    const row = page.locator('[data-testid="record-row"][data-record="autodiscover"]');
    await expect(row).toHaveAttribute('data-status', 'wrong-value');
    await expect(row.getByTestId('propagation-badge')).toHaveAttribute('data-state', 'live');
    const originalTitle = await page.title();

    await page.getByTestId('check-until-live-start').click();
    const status = page.getByTestId('check-until-live-status');
    // Nothing changed yet: it waits for the change (every record is live, and wrong).
    await expect(status).toHaveAttribute('data-phase', 'waiting');
    await expect(status).toContainText('waiting for your change to be published');
    await expect(page).toHaveTitle(en.t('propagation.watch.titleWatching', { domain: DOMAIN }));

    await lab!.reloadZones([zone(DOMAIN, 2, MS.autodiscoverWw, 5)]);
    // By itself: no reload, no further click.
    await expect(status).toHaveAttribute('data-phase', 'live', { timeout: 60_000 });
    await expect(status).toHaveText(en.t('propagation.watch.live', { count: 2 }));
    await expect(row.getByTestId('propagation-badge')).toHaveAttribute('data-state', 'live');
    await expect(row).toHaveAttribute('data-status', 'ok');
    await expect(page).toHaveTitle(en.t('propagation.watch.titleLive', { domain: DOMAIN }));
    expect(originalTitle).not.toBe(await page.title());
    expect(await shownNotificationTitles(page)).toEqual([en.t('propagation.watch.notifyTitle', { domain: DOMAIN })]);
  } finally {
    await context.close();
  }
});

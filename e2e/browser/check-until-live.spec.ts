/**
 * "Check until live" (issue 14 item 4) in the page, against a lab of its own: a zone whose autodiscover CNAME has a
 * 5-second TTL. unbound holds the wrong target when the test fixes the record and reloads nsd, so the page opens on
 * "Published" against "Seen by <resolver>" (pending, with the helpdesk's "the change is done; users will see it by
 * …"); after one click it re-checks by itself, turns live, says so, changes the tab title and notifies.
 */
import { expect, test } from '@playwright/test';
import { MS } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { queryOnce, splitHostPort } from '../../lab/net';
import type { Zone } from '../../lab/zone-types';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';

const DOMAIN = 'live-watch.test';
const WRONG = 'autodiscover.wrong-host.test';
const en = makeTranslator('en');

const zone = (serial: number, target: string): Zone => ({
  apex: DOMAIN,
  records: [
    { name: DOMAIN, type: 'SOA', data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 5` },
    { name: DOMAIN, type: 'MX', data: `0 live-watch-test.${MS.mxWw}` },
    { name: DOMAIN, type: 'TXT', data: MS.spfWw },
    { name: `autodiscover.${DOMAIN}`, type: 'CNAME', data: target, ttl: 5 },
  ],
});

let lab: Lab | undefined;
let app: App | undefined;

test.beforeAll(async () => {
  lab = await startLab({ zones: [zone(1, WRONG)] });
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

test('a fixed record: the page checks until live by itself, says so, retitles the tab and notifies', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: app!.url, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  // A stand-in for the browser's notifications: the reader allows them, and each one is kept for the test to read.
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body?: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class FakeNotification {
      static permission = 'default';
      static requestPermission() {
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  const page = await context.newPage();
  try {
    const resolver = splitHostPort(lab!.resolver);
    // unbound holds the wrong target (for 5 s) when the record is fixed.
    await queryOnce(resolver.host, resolver.port, `autodiscover.${DOMAIN}`, 'CNAME');
    await lab!.reloadZones([zone(2, MS.autodiscoverWw)]);

    await page.goto(`/d/${DOMAIN}?cloud=auto&lang=en`);
    const row = page.locator('[data-testid="record-row"][data-record="autodiscover"]');
    await expect(row.getByTestId('propagation-badge')).toHaveAttribute('data-state', 'pending');
    await expect(row.getByTestId('propagation-published')).toHaveText(MS.autodiscoverWw);
    await expect(row.getByTestId('propagation-seen')).toContainText(
      en.t('propagation.seenBy', { resolver: lab!.resolver }),
    );
    await expect(row.getByTestId('propagation-seen')).toContainText(WRONG);
    await expect(row.getByTestId('propagation-note')).toContainText('Resolvers should see it by');
    await expect(page.getByTestId('helpdesk-text')).toContainText('The change is done; users will see it by');

    const originalTitle = await page.title();
    await page.getByTestId('check-until-live-start').click();
    const status = page.getByTestId('check-until-live-status');
    // By itself: no reload, no further click.
    await expect(status).toHaveAttribute('data-phase', 'live', { timeout: 60_000 });
    await expect(status).toContainText('Live at every resolver we asked');
    await expect(row.getByTestId('propagation-badge')).toHaveAttribute('data-state', 'live');
    await expect(row).toHaveAttribute('data-status', 'ok');
    await expect(page).toHaveTitle(en.t('propagation.watch.titleLive', { domain: DOMAIN }));
    expect(originalTitle).not.toBe(await page.title());
    const shown = await page.evaluate(
      () => (window as unknown as { shownNotifications: Array<{ title: string }> }).shownNotifications,
    );
    expect(shown.map((n) => n.title)).toEqual([en.t('propagation.watch.notifyTitle', { domain: DOMAIN })]);
  } finally {
    await context.close();
  }
});

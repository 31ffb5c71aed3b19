/**
 * "Check until live" for a selection on /bulk (issue 14 item 4, last bullet), against a lab of its own, in the style
 * of check-until-live.spec.ts: two zones with a 5-second TTL whose autodiscover CNAME is wrong, and a third row
 * that is not selected. The reader runs the list, selects the two rows and presses one button. The test fixes one
 * zone and reloads nsd: that row turns live, but the watch keeps going (the other row's change is not published
 * yet). Then it fixes the other: the page turns live by itself, says so, changes the tab title and notifies.
 */
import { expect, type Page, test } from '@playwright/test';
import { MS } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { splitHostPort } from '../../lab/net';
import type { Zone } from '../../lab/zone-types';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { contextWithNotifications, shownNotificationTitles } from '../support/notifications';

const FIRST = 'watch-one.test';
const SECOND = 'watch-two.test';
const OTHER = 'watch-other.test';
const WRONG = 'autodiscover.wrong-host.test';
const en = makeTranslator('en');

const zone = (apex: string, serial: number, target: string): Zone => ({
  apex,
  records: [
    { name: apex, type: 'SOA', data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 5` },
    { name: apex, type: 'MX', data: `0 ${apex.replace('.', '-')}.${MS.mxWw}` },
    { name: apex, type: 'TXT', data: MS.spfWw },
    { name: `autodiscover.${apex}`, type: 'CNAME', data: target, ttl: 5 },
  ],
});

let lab: Lab | undefined;
let app: App | undefined;

test.beforeAll(async () => {
  lab = await startLab({ zones: [zone(FIRST, 1, WRONG), zone(SECOND, 1, WRONG), zone(OTHER, 1, WRONG)] });
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

const rowOf = (page: Page, domain: string) => page.locator(`[data-testid="bulk-row"][data-domain="${domain}"]`);
const itemOf = (page: Page, domain: string) =>
  page.locator(`[data-testid="bulk-until-live-domain"][data-domain="${domain}"]`);

test('check until live for two selected rows: one fixed keeps it going, both fixed turn the page live by itself', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The reader allows notifications; each one shown is kept for the test to read.
  const context = await contextWithNotifications(browser, app!.url);
  const page = await context.newPage();
  try {
    await page.goto('/bulk?lang=en');
    await page.getByTestId('bulk-domains').fill([FIRST, SECOND, OTHER].join('\n'));
    await page.getByTestId('bulk-start').click();
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('bulk-row')).toHaveCount(3);
    const otherCheckedAt = await rowOf(page, OTHER).getByTestId('bulk-checked-at').getAttribute('datetime');
    const firstCheckedAt = await rowOf(page, FIRST).getByTestId('bulk-checked-at').getAttribute('datetime');
    const autodiscover = en.t('records.label.autodiscover');
    await expect(rowOf(page, FIRST).getByTestId('bulk-problems')).toContainText(autodiscover);

    const start = page.getByTestId('bulk-until-live-start');
    await expect(start).toBeDisabled();
    await rowOf(page, FIRST).getByTestId('bulk-select').check();
    await rowOf(page, SECOND).getByTestId('bulk-select').check();
    await expect(start).toHaveText(en.t('bulk.watch.start', { count: '2' }));
    const originalTitle = await page.title();
    await start.click();

    const status = page.getByTestId('bulk-until-live-status');
    const label = en.tp('bulk.watch.label', 2, { count: '2' });
    // Nothing changed yet: it waits for the change (every record is live, and wrong).
    await expect(status).toHaveAttribute('data-phase', 'waiting');
    await expect(status).toContainText('waiting for your change to be published');
    await expect(page).toHaveTitle(en.t('propagation.watch.titleWatching', { domain: label }));
    await expect(itemOf(page, FIRST)).toHaveAttribute('data-step', 'unchanged');
    await expect(itemOf(page, SECOND)).toHaveAttribute('data-step', 'unchanged');
    await expect(itemOf(page, OTHER)).toHaveCount(0);

    // One row fixed: it turns live in the table, and the watch goes on for the other.
    await lab!.reloadZones([zone(FIRST, 2, MS.autodiscoverWw)]);
    await expect(itemOf(page, FIRST)).toHaveAttribute('data-step', 'live', { timeout: 60_000 });
    await expect(itemOf(page, SECOND)).toHaveAttribute('data-step', 'unchanged');
    await expect(status).toHaveAttribute('data-phase', /waiting|checking/);
    await expect(rowOf(page, FIRST).getByTestId('bulk-problems')).not.toContainText(autodiscover);
    await expect(rowOf(page, FIRST).getByTestId('bulk-checked-at')).not.toHaveAttribute(
      'datetime',
      firstCheckedAt ?? '',
    );

    // The other fixed: the page turns live by itself (no reload, no further click).
    await lab!.reloadZones([zone(SECOND, 2, MS.autodiscoverWw)]);
    await expect(status).toHaveAttribute('data-phase', 'live', { timeout: 60_000 });
    await expect(status).toContainText('Live at every resolver we asked');
    await expect(itemOf(page, SECOND)).toHaveAttribute('data-step', 'live');
    await expect(rowOf(page, SECOND).getByTestId('bulk-problems')).not.toContainText(autodiscover);
    await expect(page).toHaveTitle(en.t('propagation.watch.titleLive', { domain: label }));
    expect(originalTitle).not.toBe(await page.title());
    expect(await shownNotificationTitles(page)).toEqual([en.t('propagation.watch.notifyTitle', { domain: label })]);
    // The row that was not selected was not re-checked.
    await expect(rowOf(page, OTHER).getByTestId('bulk-checked-at')).toHaveAttribute('datetime', otherCheckedAt ?? '');
  } finally {
    await context.close();
  }
});

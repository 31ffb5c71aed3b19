/**
 * Pages as their readers get them (the UX review): a consultant in China on a phone reads a list's run history and
 * alert log and a listed domain's timeline — every time in their own zone (never the server's UTC beside their own),
 * the run's status in words, nothing cut off or scrolling sideways at 390 px; the fix cards and the run report say
 * the tenant's own values to fill in Chinese; a problem no record change covers (an SPF record over its lookup
 * limit) gets its "what to do" in the report, and the lookups not run after a failure are one line, not fourteen; a report link that no longer works leads back to the bulk check; an
 * accepted finding says "Accepted" once; Chinese text puts no space after a full stop.
 * One app and a fake DNS server of this file's own for the lists; the suite's shared app for the rest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as apiRequest, expect, type Locator, type Page, test } from '@playwright/test';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { type ListDns, listAppEnv, startListDns } from '../support/list-zones';

const en = makeTranslator('en');
const zh = makeTranslator('zh-CN');
let dns: ListDns;
let app: App;
let receiver: Server;
let listId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  dns = await startListDns({ 'lst-1.test': 'wrong' });
  app = await startApp({
    ...listAppEnv(dns),
    ALERTS_SECRET_KEY: Buffer.from('ux-readability-Zq8vN2xR4tL7pW1mK').toString('base64'),
    ALERTS_ALLOW_PRIVATE: '1',
    ALERTS_TIMEOUT_MS: '3000',
  });
  const request = await apiRequest.newContext();
  const api = (path: string) => `${app.url}${path}`;
  const created = await request.post(api('/api/lists'), {
    data: { name: 'Phone list', domains: 'lst-1.test\nlst-4.test' },
  });
  expect(created.status()).toBe(201);
  listId = ((await created.json()) as { list: { id: string } }).list.id;
  // Two runs with lst-4's MX changed in between, so the domain has a timeline.
  for (const [n, mx] of [
    [1, { 'lst-1.test': 'wrong' }],
    [2, { 'lst-4.test': 'wrong' }],
  ] as const) {
    if (n === 2) await dns.serve(mx);
    expect((await request.post(api(`/api/lists/${listId}/runs`))).status()).toBe(201);
    await expect
      .poll(
        async () => {
          const { runs } = (await (await request.get(api(`/api/lists/${listId}/runs`))).json()) as {
            runs: { status: string }[];
          };
          return runs.length === n && runs.every((r) => r.status === 'done');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
  }
  const accepted = await request.post(api(`/api/lists/${listId}/acceptances`), {
    data: { domain: 'lst-4.test', record: 'mx', note: 'A mail filter on purpose' },
  });
  expect(accepted.status()).toBe(201);
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const channel = await request.post(api('/api/channels'), {
    data: { kind: 'webhook', name: 'Ops hook', url: hook, secret: 'a-signing-secret-of-32-characters' },
  });
  expect(channel.status()).toBe(201);
  const made = (await channel.json()) as { id?: string; channel?: { id: string } };
  const channelId = made.id ?? made.channel?.id;
  const subscribed = await request.put(api(`/api/lists/${listId}/alerts`), {
    data: { subscriptions: [{ channelId, on: 'newly_broken' }] },
  });
  expect(subscribed.status()).toBe(200);
  expect((await request.post(api(`/api/lists/${listId}/alerts/test`))).ok()).toBe(true);
  await request.dispose();
});

test.afterAll(async () => {
  await app?.stop();
  await dns?.close();
  await new Promise((r) => receiver?.close(r));
});

/** Nothing of `box` lies beyond its own width (no sideways scrolling, nothing cut off). */
async function fitsWidth(box: Locator): Promise<void> {
  const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The page itself does not scroll sideways. */
async function pageFits(page: Page): Promise<void> {
  await fitsWidth(page.locator('html'));
}

test('on a phone in China: run history and alert log in the reader’s zone and in words, nothing wider than the screen', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${app.url}/lists/${listId}?lang=zh-CN`);
  const history = page.getByTestId('run-history');
  await expect(history.locator('tbody tr')).toHaveCount(2);
  // The run's status in words, not the API's value.
  await expect(history.locator('tbody tr').first()).toContainText(zh.t('lists.detail.status.done'));
  await expect(history).not.toContainText('done');
  // The same zone as the alert log under it: the reader's (UTC+8), named, never the server's UTC.
  await expect(history.locator('tbody tr').first()).toContainText('GMT+8');
  await expect(history).not.toContainText('UTC');
  const log = page.getByTestId('delivery-log');
  await expect(log.getByTestId('delivery-row')).toHaveCount(1);
  await expect(log.getByTestId('delivery-row')).toContainText('GMT+8');
  // Every column of a delivery in sight: its attempts too.
  await expect(log.getByTestId('delivery-row')).toContainText(zh.t('alerts.ui.attempts'));
  await fitsWidth(log.locator('table').locator('..'));
  await pageFits(page);

  // The domain's timeline on its detail page: one card a step, in the reader's zone.
  await page.goto(`${app.url}/d/lst-4.test?cloud=worldwide&lang=zh-CN`);
  const timeline = page.getByTestId('domain-timeline');
  await expect(timeline.getByTestId('timeline-step').first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-step').first()).toContainText('GMT+8');
  await expect(timeline).not.toContainText('UTC');
  await expect(timeline.getByTestId('timeline-step').first()).toContainText(zh.t('lists.changes.before'));
  await pageFits(page);

  // The overview names the last run's time in the same zone.
  await page.goto(`${app.url}/lists?lang=zh-CN`);
  await expect(page.getByTestId('lists-table')).toContainText('GMT+8');
  await expect(page.getByTestId('lists-table')).not.toContainText('UTC');
  await context.close();
});

test('the changes page: a state set apart from its value; an accepted finding says “Accepted” once, then who, when and why', async ({
  page,
}) => {
  await page.goto(`${app.url}/lists/${listId}/changes?lang=en`);
  const accepted = page.locator('[data-domain="lst-4.test"]').getByTestId('accepted');
  await expect(accepted).toContainText('A mail filter on purpose');
  expect((await accepted.textContent())?.match(/accepted/gi)).toHaveLength(1);
  // The value before and after, each set apart from its status ("needs attention: 0 …", not "needs attention 0 …").
  await expect(page.locator('[data-domain="lst-4.test"]')).toContainText(
    `${en.t('lists.state.attention')}: 0 wrong-filter.lst-4.test`,
  );
});

test('Chinese pages put no space after a full stop (two sentences joined the English way read as a typo)', async ({
  page,
}) => {
  for (const path of ['/?lang=zh-CN', '/bulk?lang=zh-CN']) {
    await page.goto(path);
    await expect(page.getByRole('main')).toContainText('。');
    expect(await page.getByRole('main').textContent()).not.toMatch(/[。！？；] +\S/);
  }
});

test('the tenant’s own values to fill in are said in Chinese on a Chinese page', async ({ page }) => {
  await page.goto('/d/cf-proxied.test?cloud=auto&lang=zh-CN');
  const fix = page.locator('[data-testid="host-fix"][data-record="dkim-selector1"]').first();
  await expect(fix).toContainText(zh.t('ui.fixes.placeholderValue.selector1'));
  await expect(fix).not.toContainText('from the admin center');
});

test('the run report: the SPF over its limit gets its action, lookups not run are one line, placeholders in Chinese; a dead link leads back', async ({
  page,
}) => {
  const started = await page.request.post('/api/runs', {
    data: { domains: 'spf-deep.test\nremove-ww.test\ndrop.test\nbad domain!', cloud: 'auto', lang: 'zh-CN' },
  });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
      timeout: 30_000,
    })
    .toBe('done');

  await page.goto(`/bulk/report?run=${encodeURIComponent(id)}&lang=en`);
  const spf = page.locator('[data-testid="report-domain"][data-domain="spf-deep.test"]');
  await expect(spf.getByTestId('report-action')).toContainText(en.t('records.spf.action.lookup-limit'));
  await expect(spf).not.toContainText(en.t('bulk.report.noFixes'));
  // A domain whose DNS server did not answer: the failure, then one line for the lookups not run after it.
  const drop = page.locator('[data-testid="report-domain"][data-domain="drop.test"]');
  await expect(drop.getByTestId('report-not-run')).toBeVisible();
  expect(await drop.locator('li').count()).toBeLessThanOrEqual(3);

  await page.goto(`/bulk/report?run=${encodeURIComponent(id)}&lang=zh-CN`);
  const remove = page.locator('[data-testid="report-domain"][data-domain="remove-ww.test"]');
  await expect(remove).toContainText(zh.t('ui.fixes.placeholderValue.selector1'));
  await expect(remove).not.toContainText('from the admin center');
  // The line not checked: full-width colons in Chinese ("第 4 行：", not "第 4 行: ").
  const notChecked = page.getByTestId('report-not-checked');
  await expect(notChecked).toContainText('bad domain!');
  expect(await notChecked.textContent()).not.toMatch(/[\u4e00-\u9fff]: /);

  await page.goto('/bulk/report?run=no-such-run&lang=zh-CN');
  await expect(page.getByTestId('report-missing')).toBeVisible();
  await page.getByTestId('report-missing-back').click();
  await expect(page).toHaveURL(/\/bulk\?lang=zh-CN$/);
  await expect(page.getByTestId('bulk-domains')).toBeVisible();
});

/**
 * A list's schedule and alerts in the browser (issue 17), on an app of this file's own (ALERTS_ALLOW_PRIVATE=1, so
 * the webhook may be a loopback receiver the test starts, and ALERTS_SECRET_KEY, so channels can be saved): a
 * weekly schedule in a named time zone shows its next run (and the overview shows it), a signed webhook channel
 * made inline and subscribed, "Send a test message" reaches the receiver and the delivery log says sent; then the
 * sections' headings in Chinese.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';

const en = makeTranslator('en');
const zh = makeTranslator('zh-CN');
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl: string;
let app: App;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  app = await startApp({
    DNS_SERVERS: '127.0.0.1:9', // nothing is checked here
    ALLOW_TEST_DOMAINS: '1',
    ALERTS_SECRET_KEY: Buffer.from('list-alerts-Zq8vN2xR4tL7pW1mK9sD').toString('base64'),
    ALERTS_ALLOW_PRIVATE: '1',
    ALERTS_TIMEOUT_MS: '3000',
  });
});

test.afterAll(async () => {
  await app?.stop();
  await new Promise((r) => receiver?.close(r));
});

test('a weekly schedule in a time zone, a webhook channel, a test message in the log; headings in Chinese', async ({
  page,
}) => {
  const created = await page.request.post(`${app.url}/api/lists`, {
    data: { name: 'Alerts A', domains: 'alert-1.test\nalert-2.test' },
  });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { list: { id: string } }).list;

  await page.goto(`${app.url}/lists/${id}?lang=en`);
  const schedule = page.getByTestId('list-schedule');
  await expect(schedule).toContainText(en.t('lists.schedule.none'));
  await schedule.getByLabel(en.t('lists.schedule.kind'), { exact: true }).selectOption('weekly');
  await schedule.getByLabel(en.t('lists.schedule.weekday'), { exact: true }).selectOption('3'); // Wednesday
  await schedule.getByLabel(en.t('lists.schedule.time'), { exact: true }).fill('09:30');
  await schedule.getByLabel(en.t('lists.schedule.tz'), { exact: true }).selectOption('Asia/Tokyo');
  await schedule.getByRole('button', { name: en.t('lists.schedule.save') }).click();
  const next = schedule.getByTestId('schedule-next-run');
  await expect(next).toContainText('Wednesday');
  await expect(next).toContainText('9:30');
  await expect(next).toContainText('Asia/Tokyo');
  // Said as a reader says it, not as the cron expression behind it (30 9 * * 3).
  await expect(schedule).toContainText('Runs every Wednesday at 09:30 (Asia/Tokyo)');
  await expect(schedule).not.toContainText('30 9 * * 3');

  const alerts = page.getByTestId('list-alerts');
  await alerts.getByRole('button', { name: en.t('lists.alerts.newChannel') }).click();
  const form = alerts.getByTestId('channel-form');
  await form.getByLabel(en.t('alerts.ui.kind')).selectOption('webhook');
  await form.getByLabel(en.t('alerts.ui.name')).fill('Ops hook');
  await form.getByLabel(en.t('alerts.ui.url')).fill(receiverUrl);
  await form.getByLabel(en.t('alerts.ui.secret')).fill('a-signing-secret-of-32-characters');
  await form.getByRole('button', { name: en.t('alerts.ui.save') }).click();
  const row = alerts.locator('li[data-channel="Ops hook"]');
  await expect(row.getByRole('checkbox')).toBeChecked();
  await expect(row.getByRole('combobox')).toHaveValue('newly_broken');

  await alerts.getByTestId('list-alerts-test').click();
  await expect(
    alerts.getByRole('status').filter({ hasText: en.t('lists.alerts.testSent', { count: '1' }) }),
  ).toBeVisible();
  expect(received).toHaveLength(1);
  expect(received[0]?.headers['x-m365dh-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  const log = page.getByTestId('delivery-log');
  await expect(log.getByTestId('delivery-row')).toHaveCount(1);
  await expect(log.getByTestId('delivery-row')).toContainText(en.t('alerts.ui.deliveryStatus.sent'));
  await expect(log.getByTestId('delivery-row')).toContainText(en.t('alerts.ui.deliveryKind.test'));

  // The overview shows the next run in the schedule's own zone, named (not the server's).
  await page.goto(`${app.url}/lists?lang=en`);
  const overview = page.getByTestId('next-run');
  await expect(overview).toContainText('Wednesday');
  await expect(overview).toContainText('9:30');
  await expect(overview).toContainText('(Asia/Tokyo)');

  await page.goto(`${app.url}/lists/${id}?lang=zh-CN`);
  await expect(page.getByTestId('list-schedule')).toContainText('每星期三09:30运行（Asia/Tokyo）');
  for (const code of ['lists.schedule.heading', 'lists.alerts.heading', 'alerts.ui.logTitle'])
    await expect(page.getByRole('heading', { name: zh.t(code), exact: true })).toBeVisible();
  await expect(page.getByTestId('delivery-row')).toContainText(zh.t('alerts.ui.deliveryStatus.sent'));
});

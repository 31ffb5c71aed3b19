/**
 * Lists in the browser (issue 17), on an app and a fake DNS server of this file's own: a list made from a CSV, run
 * twice with a zone change in between (lst-1 fixed, lst-4 broken), the changes read, lst-4's MX accepted as
 * intended, and its timeline on the detail page; then the same pages in Chinese.
 */
import { expect, test } from '@playwright/test';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { type ListDns, listAppEnv, startListDns } from '../support/list-zones';

const en = makeTranslator('en');
const zh = makeTranslator('zh-CN');
let dns: ListDns;
let app: App;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dns = await startListDns({ 'lst-1.test': 'wrong' });
  app = await startApp(listAppEnv(dns));
});

test.afterAll(async () => {
  await app?.stop();
  await dns?.close();
});

test('a list from a CSV, run twice, its changes, an accepted finding and the timeline; then in Chinese', async ({
  page,
}) => {
  await page.goto(`${app.url}/lists/new?lang=en`);
  await page.getByLabel(en.t('lists.new.name')).fill('Customer A');
  await page.getByTestId('list-csv').setInputFiles({
    name: 'customer-a.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('domain,tags\nlst-1.test,mail\nlst-2.test,\nlst-4.test,mail\nnot a domain!!,\n'),
  });
  await page.getByRole('button', { name: en.t('lists.new.submit') }).click();
  await expect(page.getByTestId('list-name')).toHaveText('Customer A');
  await expect(page.getByTestId('list-domains').locator('li')).toHaveCount(3);
  const listPath = new URL(page.url()).pathname;

  const runNow = page.getByTestId('run-now');
  await runNow.click();
  await expect(page.getByTestId('run-history').locator('tbody tr')).toHaveCount(1, { timeout: 20_000 });
  await dns.serve({ 'lst-4.test': 'wrong' });
  await runNow.click();
  await expect(page.getByTestId('run-history').locator('tbody tr')).toHaveCount(2, { timeout: 20_000 });

  await page
    .getByRole('link', { name: en.t('lists.detail.showChanges') })
    .first()
    .click();
  const summary = page.getByTestId('changes-summary');
  await expect(summary).toContainText(en.t('lists.count.fixed', { count: 1 }));
  await expect(summary).toContainText(en.t('lists.count.newly-broken', { count: 1 }));
  const row4 = page.locator('[data-domain="lst-4.test"]');
  await expect(row4).toContainText(en.t('lists.kind.newly-broken'));

  await page.getByTestId('accept-lst-4.test-mx').click();
  await page.getByLabel(en.t('lists.accept.note')).fill('Mail goes through a third-party filter on purpose');
  await page
    .getByTestId('accept-form')
    .getByRole('button', { name: en.t('lists.accept.save'), exact: true })
    .click();
  await expect(row4.getByTestId('accepted')).toBeVisible();
  await expect(summary).not.toContainText(en.t('lists.kind.newly-broken'));

  await page.goto(`${app.url}/d/lst-4.test?cloud=worldwide&lang=en`);
  const timeline = page.getByTestId('domain-timeline');
  await expect(timeline).toContainText('wrong-filter.lst-4.test');
  await expect(timeline.getByTestId('timeline-acceptances')).toContainText('third-party filter');

  await page.goto(`${app.url}/lists?lang=zh-CN`);
  await expect(page.getByTestId('lists-table')).toContainText('Customer A');
  await page.goto(`${app.url}${listPath}/changes?lang=zh-CN`);
  await expect(page.getByTestId('changes-summary')).toContainText(zh.t('lists.count.fixed', { count: 1 }));
  await expect(page.locator('[data-domain="lst-4.test"]')).toContainText(zh.t('lists.changes.accepted'));
});

/**
 * Not a check: saves PNGs of the dashboard to screenshots/ (gitignored) for review — light, dark, and a
 * 390-px-wide window — with record, host and msoid fixtures checked, sorted worst first and one row expanded
 * (helpdesk text, msoid, every record, DNS host, fixes); plus one record's own details opened; and the bulk page
 * after a run of every sample domain (light, dark, zh-CN, 390 px wide), as a consultant scans it.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURES } from '../../lab/fixtures';
import { RECORD_FIXTURES } from '../../lab/fixtures-records';
import { DashboardPage, en } from './pages/dashboard-page';

const DOMAINS = [
  'host-godaddy-ww.test',
  'cf-proxied.test',
  'spf-two.test',
  'mx-old.test',
  'spf-deep.test',
  'healthy-ww.test',
  'host-alibaba-21v.test',
  'missing-21v.test',
  'typo-21v.test',
  'remove-ww.test',
  'nocloud.test',
  'drop.test',
];

const SHOTS = [
  {
    name: 'light',
    colorScheme: 'light' as const,
    viewport: { width: 1400, height: 1000 },
    expand: 'host-godaddy-ww.test',
  },
  { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1400, height: 1000 }, expand: 'cf-proxied.test' },
  {
    name: 'narrow-390',
    colorScheme: 'light' as const,
    viewport: { width: 390, height: 844 },
    expand: 'cf-proxied.test',
  },
];

mkdirSync('screenshots', { recursive: true });

for (const shot of SHOTS) {
  test(`screenshot: ${shot.name}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: shot.colorScheme, viewport: shot.viewport });
    const page = await context.newPage();
    const app = new DashboardPage(page);
    await app.goto(`?d=${DOMAINS.join(',')}&cloud=auto`);
    await app.waitForResults(DOMAINS.length);
    await page.getByRole('button', { name: en.t('ui.table.sortSeverity') }).click();
    const details = await app.expand(shot.expand);
    await page.screenshot({ path: `screenshots/${shot.name}.png`, fullPage: true });
    // The open row on its own, at full size, for a close look.
    await details.screenshot({ path: `screenshots/${shot.name}-details.png` });
    // The viewport alone: what an admin sees first on the results (no scrolling inside the page).
    await app.row(shot.expand).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/${shot.name}-viewport.png` });
    await context.close();
  });
}

test('screenshot: one record opened (SPF over the lookup limit)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const app = new DashboardPage(page);
  await app.goto('?d=spf-deep.test&cloud=auto');
  await app.waitForResults(1);
  const details = await app.expand('spf-deep.test');
  await app.recordRow(details, 'spf').getByRole('button', { expanded: false }).click();
  await app.recordRow(details, 'spf').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/record-details.png', fullPage: true });
  await context.close();
});

test('screenshot: empty state and live validation', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const app = new DashboardPage(page);
  await app.goto();
  await page.screenshot({ path: 'screenshots/empty.png', fullPage: true });
  await app.paste('ok-21v.test\nhttps://MISSING-21V.test/x\n10.0.0.1\ncontoso\nmail.ok-ww.test\nok-21v.test');
  await page.screenshot({ path: 'screenshots/validation.png', fullPage: true });
  await context.close();
});

const BULK_SHOTS = [
  { name: 'bulk-light', lang: 'en', colorScheme: 'light' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'bulk-dark', lang: 'en', colorScheme: 'dark' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'bulk-zh-cn', lang: 'zh-CN', colorScheme: 'light' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'bulk-narrow-390', lang: 'en', colorScheme: 'light' as const, viewport: { width: 390, height: 844 } },
];

for (const shot of BULK_SHOTS) {
  test(`screenshot: ${shot.name}`, async ({ browser }) => {
    const domains = [...new Set([...FIXTURES, ...RECORD_FIXTURES].map((f) => f.domain))];
    const context = await browser.newContext({ colorScheme: shot.colorScheme, viewport: shot.viewport });
    const page = await context.newPage();
    await page.goto(`/bulk?lang=${shot.lang}`);
    await page.getByTestId('bulk-domains').fill(domains.join('\n'));
    await page.getByTestId('bulk-start').click();
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.screenshot({ path: `screenshots/${shot.name}.png`, fullPage: true });
    await page.getByTestId('bulk-row').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/${shot.name}-viewport.png` });
    await context.close();
  });
}

// Big and messy input (issue 15 item 7): over the limit with rejected lines, on / and on /bulk.
const INPUT_SHOTS = [
  { name: 'light', lang: 'en', colorScheme: 'light' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'dark', lang: 'en', colorScheme: 'dark' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'zh-cn', lang: 'zh-CN', colorScheme: 'light' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'narrow-390', lang: 'en', colorScheme: 'light' as const, viewport: { width: 390, height: 844 } },
];

for (const shot of INPUT_SHOTS) {
  test(`screenshot: over-limit input, ${shot.name}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({ colorScheme: shot.colorScheme, viewport: shot.viewport });
    const page = await context.newPage();
    const junk = ['not a domain', 'Contoso Ltd, Beijing', '*.wildcard.com', 'https://www.northwind.test/'];
    await page.goto(`/?lang=${shot.lang}`);
    await page
      .locator('textarea[name="d"]')
      .fill([...junk, ...Array.from({ length: 520 }, (_, i) => `d${i}.test`)].join('\n'));
    await expect(page.getByTestId('open-in-bulk')).toBeVisible({ timeout: 120_000 });
    await page.getByTestId('check-form').screenshot({ path: `screenshots/input-over-limit-${shot.name}.png` });
    await page.goto(`/bulk?lang=${shot.lang}`);
    const list = [...junk, ...Array.from({ length: 5003 }, (_, i) => `d${i}.test`)].join('\n');
    await page
      .getByTestId('bulk-file')
      .setInputFiles({ name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
    await expect(page.getByTestId('bulk-split')).toBeVisible({ timeout: 180_000 });
    await page.getByTestId('bulk-input').screenshot({ path: `screenshots/bulk-over-limit-${shot.name}.png` });
    await context.close();
  });
}

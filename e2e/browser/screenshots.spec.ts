/**
 * Not a check: saves PNGs of the dashboard to screenshots/ (gitignored) for review — light, dark, and a
 * 390-px-wide window — with several fixture domains checked and one row expanded.
 */
import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { DashboardPage, en } from './pages/dashboard-page';

const DOMAINS = [
  'ok-21v.test',
  'missing-21v.test',
  'typo-21v.test',
  'remove-ww.test',
  'remove-gcch.test',
  'nocloud.test',
  'conflict.test',
  'drop.test',
];
const EXPAND = 'typo-21v.test';

const SHOTS = [
  { name: 'light', colorScheme: 'light' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1400, height: 1000 } },
  { name: 'narrow-390', colorScheme: 'light' as const, viewport: { width: 390, height: 844 } },
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
    await app.expand(EXPAND);
    await page.screenshot({ path: `screenshots/${shot.name}.png`, fullPage: true });
    await context.close();
  });
}

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

/**
 * `npx tsx scripts/readme-screenshot.ts`: the README's screenshot (docs/images/dashboard.png). Starts the demo's
 * DNS server and the production build, checks a handful of demo domains in every state in Chromium, sorts them
 * worst first and saves the results as an admin sees them in a 1280 × 900 window.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { DashboardPage, en } from '../e2e/browser/pages/dashboard-page';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { runScript, withDemoApp } from '../e2e/support/demo-app';

const DOMAINS = [
  'remove-ww.test',
  'typo-21v.test',
  'missing-21v.test',
  'cf-proxied.test',
  'host-godaddy-ww.test',
  'drop.test',
  'healthy-ww.test',
  'ok-21v.test',
];
const OUT = 'docs/images/dashboard.png';

async function main(): Promise<void> {
  await withDemoApp({ DNS_TIMEOUT_MS: '500' }, async (app) => {
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      const context = await browser.newContext({
        baseURL: app.url,
        colorScheme: 'light',
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
      });
      const page = await context.newPage();
      const dashboard = new DashboardPage(page);
      await dashboard.goto(`?d=${DOMAINS.join(',')}&cloud=auto`);
      await dashboard.waitForResults(DOMAINS.length);
      await page.getByRole('button', { name: en.t('ui.table.sortSeverity') }).click();
      // The results at the top of the window, as an admin sees them after pressing Check.
      await page
        .getByTestId('results')
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
      mkdirSync('docs/images', { recursive: true });
      await page.screenshot({ path: OUT });
      console.log(`wrote ${OUT}`);
    } finally {
      await browser.close();
    }
  });
}

runScript(main);

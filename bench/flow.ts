/**
 * The consultant's flow, timed in a real Chromium against the production build and the lab: open /bulk, upload
 * a customer CSV (a company column, then the domain column), keep the preselected column, start the run, wait
 * for every row, filter to "broken" by its summary count, export the filtered view as CSV, and open the result
 * link in a fresh browser context until its rows show. Issue 4's "done when": under a minute for 1,000 domains.
 * A measurement, not a test: it reports the time of each step and fails only when the page does not get there.
 */
import { statSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { RECORDS_HEALTH } from '../lib/schema';

/** The flow checks at most this many domains (issue 4's measure is 1,000). */
export const FLOW_DOMAINS = 1000;

export type FlowRun = {
  domains: number;
  /** Page open → list parsed (counts shown). */
  parsedMs: number;
  /** Start clicked → first row in the table. */
  firstRowMs: number;
  /** Start clicked → the run is done with every row shown. */
  runMs: number;
  /** "Broken" count clicked → filtered rows shown. */
  filterMs: number;
  brokenRows: number;
  /** Export clicked → the download finished. */
  exportMs: number;
  exportBytes: number;
  /** Result link opened in a fresh context → its rows shown. */
  shareMs: number;
  /** Page open → shared link shows the rows. */
  totalMs: number;
};

/** A customer spreadsheet: a company name, then the domain, with a header row. */
export function customerCsv(domains: readonly string[]): string {
  return `Company,Domain\n${domains.map((domain, i) => `"Customer ${i + 1}, Ltd",${domain}`).join('\n')}\n`;
}

/** Runs the flow once against `url` (the app's origin) for `domains`. */
export async function runFlow(url: string, domains: readonly string[], timeoutMs: number): Promise<FlowRun> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const t0 = performance.now();
    await page.goto(`${url}/bulk?lang=en`);
    await page.getByTestId('bulk-file').setInputFiles({
      name: 'customer.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customerCsv(domains), 'utf8'),
    });
    await page.getByTestId('bulk-list-counts').waitFor();
    const column = await page.getByTestId('bulk-column').inputValue();
    if (column !== '1') throw new Error(`the domain column was not preselected (got ${column})`);
    const parsed = performance.now();

    await page.getByTestId('bulk-start').click();
    const started = performance.now();
    await page.getByTestId('bulk-row').first().waitFor();
    const firstRow = performance.now();
    // Done: the run says so and every domain has its row counted in the summary.
    await page.waitForFunction(
      ({ total, health }) => {
        if (document.querySelector('[data-testid="bulk-progress"]')?.getAttribute('data-status') !== 'done')
          return false;
        const counts = health.map((h) =>
          Number(
            (document.querySelector(`[data-testid="bulk-count-${h}"] span`)?.textContent ?? '').replace(/[^\d]/g, ''),
          ),
        );
        return counts.reduce((a, b) => a + b, 0) === total;
      },
      { total: domains.length, health: [...RECORDS_HEALTH] },
      { timeout: timeoutMs, polling: 100 },
    );
    const ran = performance.now();

    const brokenCount = page.getByTestId('bulk-count-broken');
    const broken = Number(((await brokenCount.locator('span').textContent()) ?? '0').replace(/[^\d]/g, ''));
    await brokenCount.click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="bulk-row"] [data-testid="health-badge"]')].every(
          (badge) => badge.getAttribute('data-health') === 'broken',
        ),
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    const filtered = performance.now();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-export-csv').click()]);
    const path = await download.path();
    const exportBytes = path ? statSync(path).size : 0;
    const exported = performance.now();

    const link = page.url();
    if (!/[?&]run=/.test(link)) throw new Error(`no result link in the address: ${link}`);
    const other = await browser.newContext();
    const fresh = await other.newPage();
    fresh.setDefaultTimeout(timeoutMs);
    await fresh.goto(link);
    await fresh.getByTestId('bulk-row').first().waitFor();
    const shared = performance.now();
    await other.close();
    await context.close();
    return {
      domains: domains.length,
      parsedMs: parsed - t0,
      firstRowMs: firstRow - started,
      runMs: ran - started,
      filterMs: filtered - ran,
      brokenRows: broken,
      exportMs: exported - filtered,
      exportBytes,
      shareMs: shared - exported,
      totalMs: shared - t0,
    };
  } finally {
    await browser.close();
  }
}

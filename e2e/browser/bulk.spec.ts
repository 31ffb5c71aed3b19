/**
 * The bulk check at /bulk, end to end against the lab: a CSV upload with the Domain column preselected, a run to
 * 4 of 4, the "broken" count as a filter, a CSV export (BOM, the domain), a one-row re-check (new checked-at),
 * and the result link opened in a fresh browser context showing the same rows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { en } from './pages/dashboard-page';

const DOMAINS = ['ok-21v.test', 'missing-21v.test', 'healthy-ww.test', 'spf-two.test'];
const CSV = `Company,Domain\n${DOMAINS.map((d, i) => `Company ${i + 1},${d}`).join('\n')}\n`;

test('upload a CSV, run, filter to broken, export, re-check one row, open the result link', async ({
  page,
  browser,
}) => {
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  // The Domain column (the second) is preselected, with a preview and the parsed counts.
  await expect(page.getByTestId('bulk-column')).toHaveValue('1');
  await expect(page.getByTestId('bulk-preview')).toContainText('missing-21v.test');
  await expect(page.getByTestId('bulk-column-warning')).toHaveCount(0);
  await expect(page.getByTestId('bulk-list-counts')).toHaveText(
    en.t('bulk.input.counts', { valid: '4', duplicates: '0', rejected: '0' }),
  );
  // The wrong column says so.
  await page.getByTestId('bulk-column').selectOption('0');
  await expect(page.getByTestId('bulk-column-warning')).toBeVisible();
  await page.getByTestId('bulk-column').selectOption('1');

  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-progress-text')).toHaveText(en.t('bulk.run.progress', { done: '4', total: '4' }));
  await expect(page).toHaveURL(/[?&]run=/);
  const rows = page.getByTestId('bulk-row');
  await expect(rows).toHaveCount(4);

  // Filter to "broken" through its summary count.
  const brokenCount = page.getByTestId('bulk-count-broken');
  const broken = Number((await brokenCount.locator('span').textContent()) ?? '0');
  expect(broken).toBeGreaterThan(0);
  await brokenCount.click();
  await expect(brokenCount).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(broken);
  for (const badge of await rows.getByTestId('health-badge').all()) {
    await expect(badge).toHaveAttribute('data-health', 'broken');
  }
  const brokenDomain = (await rows.first().getAttribute('data-domain')) ?? '';
  expect(DOMAINS).toContain(brokenDomain);

  // Export the filtered view as CSV: a UTF-8 BOM, and the domain.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-export-csv').click()]);
  const bytes = readFileSync((await download.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain(brokenDomain);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  // Re-check that one row: its checked-at changes.
  const row = page.locator(`[data-testid="bulk-row"][data-domain="${brokenDomain}"]`);
  const before = (await row.getByTestId('bulk-checked-at').getAttribute('datetime')) ?? '';
  await page.waitForTimeout(20);
  await row.getByRole('button', { name: en.t('bulk.table.recheck') }).click();
  await expect(row.getByTestId('bulk-checked-at')).not.toHaveAttribute('datetime', before);
  await expect(row.getByRole('link', { name: en.t('bulk.table.open') })).toHaveAttribute(
    'href',
    `/d/${brokenDomain}?cloud=auto`,
  );

  // The result link in a fresh context shows the same rows.
  const link = page.url();
  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('bulk-row')).toHaveCount(4);
    for (const domain of DOMAINS) {
      await expect(fresh.locator(`[data-testid="bulk-row"][data-domain="${domain}"]`)).toBeVisible();
    }
  } finally {
    await context.close();
  }
});

test('an unknown run says so plainly', async ({ page }) => {
  await page.goto('/bulk?lang=en&run=no-such-run');
  await expect(page.getByTestId('bulk-problem')).toHaveText(en.t('bulk.run.notFound'));
});

test('a bad file gets a clear message and imports nothing; a dropped .txt fills the list', async ({ page }) => {
  await page.goto('/bulk?lang=en');
  await page
    .getByTestId('bulk-file')
    .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByTestId('bulk-file-error')).toHaveText(en.t('bulk.import.empty', { file: 'empty.csv' }));
  await expect(page.getByTestId('bulk-list-summary')).toHaveCount(0);
  await expect(page.getByTestId('bulk-start')).toBeDisabled();

  const drop = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['ok-21v.test\nbad..test\nok-21v.test\n'], 'list.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.getByTestId('bulk-drop').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByTestId('bulk-domains')).toHaveValue(/ok-21v\.test/);
  await expect(page.getByTestId('bulk-list-counts')).toHaveText(
    en.t('bulk.input.counts', { valid: '1', duplicates: '1', rejected: '1' }),
  );
  await expect(page.getByTestId('bulk-rejected')).toContainText('bad..test');
});

test('a list over MAX_DOMAINS_PER_RUN says so and cannot start', async ({ page }) => {
  await page.goto('/bulk?lang=en');
  const list = Array.from({ length: 5001 }, (_, i) => `d${i}.test`).join('\n');
  await page
    .getByTestId('bulk-file')
    .setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
  await expect(page.getByTestId('bulk-over-limit')).toHaveText(
    en.t('bulk.input.overLimit', { count: en.num(5001), limit: en.num(5000) }),
  );
  await expect(page.getByTestId('bulk-start')).toBeDisabled();
});

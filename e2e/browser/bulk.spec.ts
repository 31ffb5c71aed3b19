/**
 * The bulk check at /bulk, end to end against the lab: a CSV upload with the Domain column preselected, a run to
 * 4 of 4, the "broken" count as a filter, a CSV export (BOM, the domain), a one-row re-check (new checked-at),
 * and the result link opened in a fresh browser context showing the same rows. Then the table's filters (cloud,
 * DNS host, severity, record) against the run's stored results, re-checking selected rows only, pages of 100 / all
 * and printing every shown row, the input link in a fresh context, the banner for old results; and, on apps of
 * their own, a cancelled run that keeps its finished rows (one domain at a time, so it is still running when
 * cancelled) and a result link past RUN_RETENTION_S that says it has expired.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { SLOW_ZONE } from '../../lab/fixtures';
import { decodeBulkFragment, decodeBulkParams } from '../../lib/bulk/bulk-link';
import { type RunResult, RunSummary } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
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
  await waitDone(page, 4);
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
  // "Full report" opens the result this run stored (issue 15 item 5), not a fresh check.
  await expect(row.getByRole('link', { name: en.t('bulk.table.open') })).toHaveAttribute(
    'href',
    `/d/${brokenDomain}?cloud=auto&run=${new URL(page.url()).searchParams.get('run')}`,
  );

  // The result link in a fresh context shows the same rows. The address also holds the table's view (the broken
  // filter set above, issue 15 item 5): it is the result link once the filter is cleared.
  await expect(page).toHaveURL(/[?&]health=broken/);
  await page.getByTestId('bulk-clear-filters').click();
  await expect(page).not.toHaveURL(/[?&]health=/);
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

test('a hostile address never breaks the page: a run id that cannot be one is "no such run", garbage z is ignored', async ({
  page,
}) => {
  const response = await page.goto(`/bulk?lang=en&run=${encodeURIComponent('../../etc/passwd')}&z=%E0%A4%A`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('bulk-problem')).toHaveText(en.t('bulk.run.notFound'));
  // (A request line over about 16 KB never reaches the page: the server refuses it. Input links that long put
  // the list after `#`.)
  const garbage = await page.goto(`/bulk?lang=en&z=${'\u00ff'.repeat(1000)}&cloud=mars&s=fax:on`);
  expect(garbage?.status()).toBe(200);
  await expect(page.getByTestId('bulk-domains')).toHaveValue('');
  await expect(page.locator('#bulk-cloud')).toHaveValue('auto');
  await expect(page.getByTestId('bulk-progress')).toHaveCount(0);
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
  // The reason, and the ways on: the first 5,000, or a split into runs.
  await expect(page.getByTestId('bulk-over-limit')).toContainText(
    en.t('bulk.input.overLimit', { count: en.num(5001), limit: en.num(5000) }),
  );
  await expect(page.getByTestId('bulk-start')).toBeDisabled();
  await expect(page.getByTestId('bulk-start-first')).toBeEnabled();
  await expect(page.getByTestId('bulk-split')).toBeEnabled();
});

// ---------------------------------------------------------------------------------------------
// Helpers

const rowsOf = (page: Page) => page.getByTestId('bulk-row');
const rowOf = (page: Page, domain: string) => page.locator(`[data-testid="bulk-row"][data-domain="${domain}"]`);

/** Waits until the run is finished with `total` rows on the page. */
async function waitDone(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-progress-text')).toHaveText(
    en.t('bulk.run.progress', { done: en.num(total), total: en.num(total) }),
  );
}

/** The domains of the rows on the page, sorted. */
async function shownDomains(page: Page): Promise<string[]> {
  const domains = await rowsOf(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-domain') ?? ''));
  return domains.sort();
}

/** checked-at per domain, as the page shows it. */
async function checkedAt(page: Page): Promise<Record<string, string>> {
  return rowsOf(page).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-domain') ?? '',
        r.querySelector('[data-testid="bulk-checked-at"]')?.getAttribute('datetime') ?? '',
      ]),
    ),
  );
}

function runIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get('run');
  expect(id, 'the address names the run').toBeTruthy();
  return id ?? '';
}

/** The run as the server stores it (GET /api/runs/:id), read apart from the page. */
async function storedRun(page: Page, base = ''): Promise<RunSummary> {
  const res = await page.request.get(`${base}/api/runs/${runIdOf(page)}`);
  expect(res.status()).toBe(200);
  return RunSummary.parse(await res.json());
}

const sortedDomains = (results: readonly RunResult[], keep: (r: RunResult) => boolean) =>
  results
    .filter(keep)
    .map((r) => r.domain)
    .sort();

// ---------------------------------------------------------------------------------------------
// Filters, selection, pages, links (the shared app)

/** Lab domains on several DNS hosts and clouds, some broken, some fine. */
const MIXED = [
  'ok-21v.test',
  'missing-21v.test',
  'healthy-ww.test',
  'remove-ww.test',
  'host-alibaba-21v.test',
  'host-godaddy-ww.test',
  'host-dnspod-21v.test',
  'cf-proxied.test',
  'spf-two.test',
];

test('filters by cloud, DNS host, severity and record show exactly the matching domains', async ({ page }) => {
  await page.goto(`/bulk?lang=en&d=${MIXED.join(',')}&cloud=auto`);
  await waitDone(page, MIXED.length);
  const rows = rowsOf(page);
  await expect(rows).toHaveCount(MIXED.length);
  const stored = (await storedRun(page)).results;
  expect(stored).toHaveLength(MIXED.length);

  // Every choice each control offers shows exactly the domains the stored results say match it.
  // (Every report lists every record, so a record alone narrows nothing; with a status it does, below.)
  const controls: Array<{ control: string; narrowing: number; keep: (r: RunResult, value: string) => boolean }> = [
    { control: 'bulk-cloud-filter', narrowing: 2, keep: (r, v) => r.cloud.effective === v },
    { control: 'bulk-host-filter', narrowing: 2, keep: (r, v) => r.dnsHost.id === v },
    { control: 'bulk-severity-filter', narrowing: 2, keep: (r, v) => r.records.some((rec) => rec.severity === v) },
    { control: 'bulk-record-filter', narrowing: 0, keep: (r, v) => r.records.some((rec) => rec.id === v) },
  ];
  for (const { control, narrowing, keep } of controls) {
    const select = page.getByTestId(control);
    const values = (
      await select.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))
    ).filter((v) => v !== '');
    let narrowed = 0;
    for (const value of values) {
      const want = sortedDomains(stored, (r) => keep(r, value));
      expect(want.length, `${control}=${value} is offered, so some domain has it`).toBeGreaterThan(0);
      if (want.length < MIXED.length) narrowed += 1;
      await expect(select.locator(`option[value="${value}"]`)).toHaveText(new RegExp(`\\(${want.length}\\)$`));
      await select.selectOption(value);
      await expect.poll(() => shownDomains(page), { message: `${control}=${value}` }).toEqual(want);
      await expect(page.getByTestId('bulk-shown')).toHaveText(
        en.t('bulk.table.shown', { shown: en.num(want.length), total: en.num(MIXED.length) }),
      );
      await page.getByTestId('bulk-clear-filters').click();
      await expect(rows).toHaveCount(MIXED.length);
    }
    expect(narrowed, `${control} has choices that narrow the rows`).toBeGreaterThanOrEqual(narrowing);
  }

  // A record and each of its statuses: exactly the domains whose record has that status.
  for (const record of ['msoid', 'spf'] as const) {
    await page.getByTestId('bulk-record-filter').selectOption(record);
    const status = page.getByTestId('bulk-record-status-filter');
    const values = (
      await status.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))
    ).filter((v) => v !== '');
    expect(values.length, `${record} has several statuses in this list`).toBeGreaterThanOrEqual(2);
    for (const value of values) {
      const want = sortedDomains(stored, (r) => r.records.some((rec) => rec.id === record && rec.status === value));
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(MIXED.length);
      await status.selectOption(value);
      await expect.poll(() => shownDomains(page), { message: `${record} ${value}` }).toEqual(want);
    }
    await page.getByTestId('bulk-clear-filters').click();
    await expect(status).toBeDisabled();
  }
  // Two filters together narrow further.
  const host = stored.find((r) => r.cloud.effective === '21vianet' && r.dnsHost.id !== 'generic')?.dnsHost.id ?? '';
  const both = sortedDomains(stored, (r) => r.cloud.effective === '21vianet' && r.dnsHost.id === host);
  expect(both.length).toBeGreaterThan(0);
  await page.getByTestId('bulk-cloud-filter').selectOption('21vianet');
  await page.getByTestId('bulk-host-filter').selectOption(host);
  await expect.poll(() => shownDomains(page)).toEqual(both);
  await page.getByTestId('bulk-clear-filters').click();

  // The order button reverses the sort.
  await page.getByTestId('bulk-sort').selectOption('domain');
  const alphabetical = [...MIXED].sort();
  await expect(rows.first()).toHaveAttribute('data-domain', alphabetical[0] ?? '');
  await expect(page.getByTestId('bulk-sort-dir')).toHaveText(en.t('bulk.table.order.domain.asc'));
  await page.getByTestId('bulk-sort-dir').click();
  await expect(page.getByTestId('bulk-sort-dir')).toHaveText(en.t('bulk.table.order.domain.desc'));
  await expect(rows.first()).toHaveAttribute('data-domain', alphabetical.at(-1) ?? '');
  // Fresh results: no banner about old ones.
  await expect(page.getByTestId('bulk-stale')).toHaveCount(0);
});

const SIX = ['ok-21v.test', 'missing-21v.test', 'healthy-ww.test', 'spf-two.test', 'remove-ww.test', 'ok-ww.test'];

test('re-check selected re-checks only the two selected rows', async ({ page }) => {
  await page.goto(`/bulk?lang=en&d=${SIX.join(',')}`);
  await waitDone(page, SIX.length);
  const before = await checkedAt(page);
  const picked = ['missing-21v.test', 'remove-ww.test'];
  const button = page.getByTestId('bulk-recheck-selected');
  await expect(button).toBeDisabled();
  for (const domain of picked) await rowOf(page, domain).getByTestId('bulk-select').check();
  await expect(button).toHaveText(en.t('bulk.table.recheckSelected', { count: '2' }));
  await expect(page.getByTestId('bulk-select-shown')).not.toBeChecked();
  await button.click();
  for (const domain of picked) {
    await expect(rowOf(page, domain).getByTestId('bulk-checked-at')).not.toHaveAttribute(
      'datetime',
      before[domain] ?? '',
    );
  }
  await expect(page.getByTestId('bulk-rechecking')).toHaveCount(0);
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done');
  const after = await checkedAt(page);
  for (const domain of SIX.filter((d) => !picked.includes(d))) {
    expect(after[domain], `${domain} was not re-checked`).toBe(before[domain]);
  }
  // The server holds the same: new times for the two, the old ones for the rest.
  const stored = Object.fromEntries((await storedRun(page)).results.map((r) => [r.domain, r.checkedAt]));
  expect(stored).toEqual(after);
});

test('pages of 100 or all; select all shown takes every filtered row; printing shows every shown row', async ({
  page,
}) => {
  // Names that do not exist answer fast (NXDOMAIN), so 150 rows cost little.
  const domains = Array.from({ length: 150 }, (_, i) => `page-${String(i).padStart(3, '0')}.test`);
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-domains').fill(domains.join('\n'));
  await page.getByTestId('bulk-start').click();
  await waitDone(page, 150);
  const rows = rowsOf(page);
  await expect(rows).toHaveCount(100);
  await expect(page.getByTestId('bulk-page')).toHaveText(en.t('bulk.table.page', { page: 1, pages: 2, count: '150' }));

  // "Select all shown" takes the 150 rows that pass the filters, not just the 100 on the page.
  await page.getByTestId('bulk-select-shown').check();
  await expect(page.getByTestId('bulk-recheck-selected')).toHaveText(
    en.t('bulk.table.recheckSelected', { count: '150' }),
  );
  // With a search, the selection outside it is still counted, and said to be hidden.
  await page.getByTestId('bulk-search').fill('page-14');
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId('bulk-selected')).toHaveText(
    en.t('bulk.table.selectedHidden', { count: '150', hidden: '140' }),
  );
  await page.getByTestId('bulk-clear-selection').click();
  await page.getByTestId('bulk-select-shown').check();
  await expect(page.getByTestId('bulk-recheck-selected')).toHaveText(
    en.t('bulk.table.recheckSelected', { count: '10' }),
  );
  await page.getByTestId('bulk-clear-filters').click();
  await page.getByTestId('bulk-clear-selection').click();

  await page.getByTestId('bulk-page-size').selectOption('all');
  await expect(rows).toHaveCount(150);
  await expect(page.getByTestId('bulk-pages')).toHaveCount(0);
  await page.getByTestId('bulk-page-size').selectOption('100');
  await expect(rows).toHaveCount(100);

  // Printing lays out every shown row, whatever the page size, and goes back afterwards.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(150);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(rows).toHaveCount(100);
  // With a filter, the printout holds the filtered rows (all of them).
  await page.getByTestId('bulk-search').fill('page-1');
  await expect(rows).toHaveCount(50);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(50);
});

test('the input link pre-fills the list, cloud and services in a fresh context and runs them anew', async ({
  page,
  browser,
}) => {
  const domains = ['ok-21v.test', 'missing-21v.test', 'healthy-ww.test'];
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-domains').fill(domains.join('\n'));
  await page.locator('#bulk-cloud').selectOption('21vianet');
  await page.locator('[data-testid="service-toggle"][data-service="mail"] input[value="on"]').check();
  await page.getByTestId('bulk-start').click();
  await waitDone(page, 3);
  const firstRun = runIdOf(page);
  const link = await page.getByTestId('bulk-input-link').inputValue();
  expect(link).toMatch(/\/bulk\?d=/);
  expect(await page.getByTestId('bulk-result-link').inputValue()).toMatch(new RegExp(`/bulk\\?run=${firstRun}$`));

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('bulk-domains')).toHaveValue(domains.join('\n'));
    await expect(fresh.locator('#bulk-cloud')).toHaveValue('21vianet');
    await expect(fresh.locator('[data-testid="service-toggle"][data-service="mail"] input[value="on"]')).toBeChecked();
    await expect(
      fresh.locator('[data-testid="service-toggle"][data-service="teams"] input[value="auto"]'),
    ).toBeChecked();
    await waitDone(fresh, 3);
    expect(await shownDomains(fresh)).toEqual([...domains].sort());
    // A new run, with the same cloud and services, and the address is now its result link.
    const second = await storedRun(fresh);
    expect(second.id).not.toBe(firstRun);
    expect(second.cloud).toBe('21vianet');
    expect(second.services).toEqual({ mail: true });
    expect(new URL(fresh.url()).searchParams.get('d')).toBeNull();
  } finally {
    await context.close();
  }
});

test('results older than STALE_AFTER_H say how old they are and re-check them all', async ({ page, browser }) => {
  const domains = ['ok-21v.test', 'healthy-ww.test'];
  await page.goto(`/bulk?lang=en&d=${domains.join(',')}`);
  await waitDone(page, 2);
  await expect(page.getByTestId('bulk-stale')).toHaveCount(0);
  const before = await checkedAt(page);

  // The same result link, opened 25 hours later (the browser's clock; the default limit is 24 h) in the browser
  // that started the run: its storage holds the run's owner token, which re-checking needs.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const later = await context.newPage();
    await later.clock.setFixedTime(new Date(Date.now() + 25 * 3_600_000));
    await later.goto(page.url());
    const banner = later.getByTestId('bulk-stale');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('2 results were checked more than 24 hours ago');
    await expect(banner).toContainText('the oldest 25 hours ago');
    await later.getByTestId('bulk-stale-recheck').click();
    for (const domain of domains) {
      await expect(rowOf(later, domain).getByTestId('bulk-checked-at')).not.toHaveAttribute(
        'datetime',
        before[domain] ?? '',
      );
    }
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Apps of their own

test.describe('one domain at a time', () => {
  let slow: App;
  test.beforeAll(async () => {
    // One domain at a time, each answered SLOW_ZONE_DELAY_MS late: the run takes about a minute however fast
    // the app checks, so the cancel always lands mid-way.
    slow = await startApp({
      ...appEnv(process.env.LAB_RESOLVER ?? ''),
      BULK_CONCURRENCY: '1',
      MAX_NAMES_PER_REGISTRABLE: '5000',
    });
  });
  test.afterAll(async () => {
    await slow?.stop();
  });

  test('cancelling a run mid-way keeps the finished rows and says it was cancelled', async ({ page }) => {
    const domains = Array.from({ length: 1500 }, (_, i) => `cancel-${String(i).padStart(4, '0')}.${SLOW_ZONE}`);
    await page.goto(`${slow.url}/bulk?lang=en`);
    await page.getByTestId('bulk-domains').fill(domains.join('\n'));
    await page.getByTestId('bulk-start').click();
    await expect.poll(() => rowsOf(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await page.getByTestId('bulk-cancel').click();
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('bulk-run-status')).toHaveText(en.t('bulk.run.status.cancelled'));
    await expect(page.getByTestId('bulk-cancel')).toHaveCount(0);
    await page.getByTestId('bulk-page-size').selectOption('all');
    const kept = await rowsOf(page).count();
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(domains.length);
    await expect(page.getByTestId('bulk-shown')).toHaveText(
      en.t('bulk.table.shown', { shown: en.num(kept), total: en.num(kept) }),
    );
    // Nothing more arrives, and the server kept the same rows: a reload shows them.
    await page.waitForTimeout(1500);
    await expect(rowsOf(page)).toHaveCount(kept);
    const stored = await storedRun(page, slow.url);
    expect(stored.status).toBe('cancelled');
    expect(stored.results).toHaveLength(kept);
    expect(stored.domains).toEqual(domains);
    await page.reload();
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'cancelled');
    await page.getByTestId('bulk-page-size').selectOption('all');
    await expect(rowsOf(page)).toHaveCount(kept);
    // The reopened run's input link runs the whole list again, in the order it was pasted, unchecked names too.
    const link = new URL(await page.getByTestId('bulk-input-link').inputValue());
    const input = link.hash ? decodeBulkFragment(link.hash) : decodeBulkParams(link.searchParams).input;
    expect(input?.domains).toEqual(domains);
  });
});

test.describe('runs kept for 5 seconds', () => {
  let shortLived: App;
  test.beforeAll(async () => {
    shortLived = await startApp({ ...appEnv(process.env.LAB_RESOLVER ?? ''), RUN_RETENTION_S: '5' });
    // The page and the run route render once before the clock starts, so a slow machine's first render
    // does not eat the run's whole lifetime.
    for (const path of ['/bulk?lang=en', '/api/runs/warm-up']) {
      const response = await fetch(`${shortLived.url}${path}`);
      await response.body?.cancel();
    }
  });
  test.afterAll(async () => {
    await shortLived?.stop();
  });

  test('a result link past RUN_RETENTION_S says plainly that the run has expired', async ({ page }) => {
    const res = await page.request.post(`${shortLived.url}/api/runs`, {
      data: { domains: ['ok-21v.test'], cloud: 'auto' },
    });
    expect(res.status()).toBe(201);
    const { id, expiresAt } = (await res.json()) as { id: string; expiresAt: string };
    const link = `${shortLived.url}/bulk?lang=en&run=${id}`;
    // While kept, the link shows the row.
    await page.goto(link);
    await expect(rowsOf(page)).toHaveCount(1);
    await expect(page.getByTestId('bulk-problem')).toHaveCount(0);
    // Past the retention, the same link says the run expired (not "no such run").
    await page.waitForTimeout(Math.max(0, Date.parse(expiresAt) - Date.now()) + 300);
    await page.goto(link);
    await expect(page.getByTestId('bulk-problem')).toHaveText(en.t('bulk.run.expired'));
    await expect(rowsOf(page)).toHaveCount(0);
  });
});

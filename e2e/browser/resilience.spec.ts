/**
 * The page's own defences, with the API answered by the test (page.route), so each case is exact:
 * hostile DNS text stays inert and visible, and a failed re-check never blanks a row or the table.
 */
import { expect, test } from '@playwright/test';
import { makeReport } from '../../lib/client/test-fixtures';
import type { Report } from '../../lib/schema';
import { DashboardPage, en } from './pages/dashboard-page';

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '"><img src=x onerror="window.__pwned=2">';
const RLO = 'evil\u202Emoc.tset';
const LONG_TXT = `v=spf1 ${'include:a-very-long-name.example.test '.repeat(12)}-all`;

function hostileReport(domain: string): Report {
  const report = makeReport(domain, 'wrong-target');
  report.msoid.text.verdict = `msoid.${domain} points to ${SCRIPT}`;
  report.msoid.found = [RLO, IMG];
  report.msoid.fixes = [{ op: 'delete', name: `msoid.${domain}`, host: 'msoid', type: 'CNAME', value: IMG, ttl: 3600 }];
  report.msoid.lookups = [`msoid.${domain} TXT`];
  report.lookups = {
    [`msoid.${domain} TXT`]: {
      outcome: 'answer',
      rcode: 'NOERROR',
      answers: [{ name: `msoid.${domain}`, type: 'TXT', ttl: 300, data: LONG_TXT }],
      chain: [],
      chainEnd: 'none',
      server: '127.0.0.1:5353',
      attempts: 1,
      elapsedMs: 2,
    },
  };
  report.msoid.reference = 'javascript:alert(1)';
  return report;
}

function ndjson(lines: unknown[]): string {
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}

test('hostile DNS text is rendered as inert, visible text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.route('**/api/check', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await route.fulfill({
      contentType: 'application/x-ndjson',
      body: ndjson([
        { type: 'report', ...hostileReport('hostile.test') },
        { type: 'done', checked: 1, invalid: 0, duplicates: 0 },
      ]),
    });
  });
  const app = new DashboardPage(page);
  await app.goto();
  await app.paste('hostile.test');
  await app.check();
  await app.waitForResults(1);

  await expect(app.row('hostile.test').getByTestId('row-verdict')).toContainText(SCRIPT);
  const details = await app.expand('hostile.test');
  // The RLO override is shown as an escape, not applied.
  await expect(details).toContainText('evil\\u202Emoc.tset');
  expect(await details.textContent()).not.toContain('\u202E');
  await expect(details).toContainText(IMG);
  // No reference link (it was not an https URL) and no DNS-derived link: the only link is our own
  // "open full report" link, built from the checked domain name.
  const links = details.getByRole('link');
  await expect(links).toHaveCount(1);
  expect(await links.first().getAttribute('href')).toMatch(/^\/d\/hostile\.test\?/);

  // Long values are cut with a "show all" toggle.
  await details.getByText(en.t('ui.details.technicalHeading')).click();
  const lookups = details.getByTestId('lookup-table');
  await expect(lookups).not.toContainText(LONG_TXT);
  await lookups.getByRole('button', { name: en.tp('ui.text.showAll', Array.from(LONG_TXT).length) }).click();
  await expect(lookups).toContainText(LONG_TXT.trim());

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
});

test('a failed re-check keeps the row, says so, and leaves the other rows alone', async ({ page }) => {
  await page.route('**/api/check*', async (route) => {
    const request = route.request();
    if (request.method() === 'POST') {
      return route.fulfill({
        contentType: 'application/x-ndjson',
        body: ndjson([
          { type: 'report', ...makeReport('a.test', 'ok') },
          { type: 'report', ...makeReport('b.test', 'lookup-failed') },
          { type: 'done', checked: 2, invalid: 0, duplicates: 0 },
        ]),
      });
    }
    return route.fulfill({ status: 500, json: { code: 'internal', message: 'boom' } });
  });
  const app = new DashboardPage(page);
  await app.goto();
  await app.paste('a.test b.test');
  await app.check();
  await app.waitForResults(2);

  await app.recheckButton('b.test').click();
  await expect(app.row('b.test').getByTestId('recheck-error')).toContainText(en.t('ui.errors.internal'));
  await expect(app.rows).toHaveCount(2);
  await expect(app.row('b.test')).toHaveAttribute('data-status', 'lookup-failed');
  await expect(app.row('a.test').getByTestId('recheck-error')).toHaveCount(0);
});

test('a refused request keeps the text and explains the limit', async ({ page }) => {
  await page.route('**/api/check', (route) =>
    route.fulfill({ status: 413, json: { code: 'too-many-domains', message: 'x', limit: 1, count: 2 } }),
  );
  const app = new DashboardPage(page);
  await app.goto();
  await app.paste('a.test\nb.test');
  await app.check();
  await expect(page.getByTestId('run-error')).toContainText(en.t('ui.errors.too-many-domains', { count: 2, limit: 1 }));
  await expect(app.domains).toHaveValue('a.test\nb.test');
});

test('"re-check all that could not be checked" sends only those rows, fresh, and updates them', async ({ page }) => {
  const bodies: unknown[] = [];
  await page.route('**/api/check', async (route) => {
    const body = route.request().postDataJSON() as { domains: string; fresh?: boolean };
    bodies.push(body);
    const recheck = body.fresh === true;
    await route.fulfill({
      contentType: 'application/x-ndjson',
      body: ndjson(
        recheck
          ? [{ type: 'report', ...makeReport('b.test', 'ok', '2026-02-01T00:00:00.000Z') }]
          : [
              { type: 'report', ...makeReport('a.test', 'missing') },
              { type: 'report', ...makeReport('b.test', 'lookup-failed') },
              { type: 'done', checked: 2, invalid: 0, duplicates: 0 },
            ],
      ),
    });
  });
  const app = new DashboardPage(page);
  await app.goto();
  await app.paste('a.test\nb.test');
  await app.check();
  await app.waitForResults(2);
  await expect(page.getByTestId('summary-unchecked').getByTestId('summary-count')).toHaveText('1');

  await page.getByRole('button', { name: en.t('ui.table.recheckAllUnchecked', { count: 1 }) }).click();
  await expect(app.row('b.test')).toHaveAttribute('data-status', 'ok');
  await expect(app.row('a.test')).toHaveAttribute('data-status', 'missing');
  await expect(page.getByTestId('summary-unchecked').getByTestId('summary-count')).toHaveText('0');
  expect(bodies[1]).toMatchObject({ domains: 'b.test', fresh: true, cloud: 'auto' });
});

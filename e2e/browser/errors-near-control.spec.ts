/**
 * Errors where the eyes are (issue 15 item 4): a refused or failed request is said next to the control that sent
 * it (in its container, named by the control's `aria-describedby`, an alert, scrolled into view), never in the
 * results region below. The API is answered by the test (page.route) with each kind of error: 400 with line issues,
 * 413, 500, 503, a gateway's 504, no connection. On `/`: Check and "re-check all that could not be checked"; on
 * /bulk: Start, Cancel, re-check selected, one row's re-check and the summary export; on /d/<domain>: Re-check.
 */
import { expect, type Locator, type Page, type Route, test } from '@playwright/test';
import { makeReport } from '../../lib/client/test-fixtures';
import { makeTranslator } from '../../lib/client/translator';
import { DashboardPage, en } from './pages/dashboard-page';

const zh = makeTranslator('zh-CN');

/** `error` is an alert inside `container`, the control's description, and on screen. */
async function besideControl(control: Locator, container: Locator, error: Locator): Promise<void> {
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  const id = (await error.getAttribute('id')) ?? '';
  expect(id).not.toBe('');
  await expect(container.locator(`[id="${id}"]`)).toHaveCount(1);
  await expect(control).toHaveAttribute('aria-describedby', new RegExp(`(^|\\s)${id}(\\s|$)`));
  await expect(error).toBeInViewport();
}

type Failure = {
  label: string;
  answer: (route: Route) => Promise<void>;
  text: string;
};

const json = (status: number, body: object) => (route: Route) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

const FAILURES: Failure[] = [
  {
    label: '400 bad input, with its lines',
    answer: json(400, {
      code: 'invalid-input',
      message: 'no domain',
      issues: [{ line: 1, input: 'a.test', reason: 'not a domain here' }],
    }),
    text: en.t('ui.errors.invalid-input'),
  },
  {
    label: '413 too many domains',
    answer: json(413, { code: 'too-many-domains', message: 'x', limit: 1, count: 2 }),
    text: en.t('ui.errors.too-many-domains', { count: 2, limit: 1 }),
  },
  { label: '500', answer: json(500, { code: 'internal', message: 'boom' }), text: en.t('ui.errors.internal') },
  { label: '503', answer: json(503, { code: 'not-ready', message: 'x' }), text: en.t('ui.errors.not-ready') },
  {
    label: 'a gateway that gave up (504)',
    answer: (route) => route.fulfill({ status: 504, contentType: 'text/html', body: '<h1>Gateway Timeout</h1>' }),
    text: en.t('ui.errors.timeout'),
  },
  { label: 'no connection', answer: (route) => route.abort('failed'), text: en.t('ui.errors.network') },
];

const ndjson = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');

for (const failure of FAILURES) {
  test(`/: a check refused with ${failure.label} is said under Check, not in the results`, async ({ page }) => {
    await page.route('**/api/check', (route) => failure.answer(route));
    const app = new DashboardPage(page);
    await app.goto('?lang=en');
    await app.paste('a.test\nb.test');
    await app.check();
    const error = page.getByTestId('run-error');
    await expect(error).toContainText(failure.text);
    await besideControl(app.checkButton, page.getByTestId('check-form'), error);
    await expect(page.getByTestId('results').getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('retry-countdown')).toHaveCount(0);
    // The focus is where the eyes are: still on Check (which the error describes), or on the error itself when the
    // results that took it went away; never lost at the top of the page.
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
    );
    expect(['run-error', 'BUTTON']).toContain(focused);
    await expect(app.domains).toHaveValue('a.test\nb.test');
  });
}

test('/: the line issues of a 400 are listed under Check', async ({ page }) => {
  await page.route(
    '**/api/check',
    json(400, {
      code: 'invalid-input',
      message: 'x',
      issues: [{ line: 1, input: 'a.test', reason: 'not a domain here' }],
    }),
  );
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  await app.paste('a.test');
  await app.check();
  await expect(page.getByTestId('check-form').getByTestId('run-error')).toContainText('not a domain here');
});

test('/ in Chinese: the error under Check is in Chinese', async ({ page }) => {
  await page.route('**/api/check', json(503, { code: 'not-ready', message: 'not ready' }));
  await page.goto('/?lang=zh-CN');
  const box = page.getByRole('textbox', { name: zh.t('ui.form.domainsLabel') });
  await box.fill('a.test');
  await expect(page.getByTestId('ready-count')).not.toHaveText(zh.t('ui.feedback.reading'));
  const check = page.getByRole('button', { name: zh.t('ui.form.submit'), exact: true });
  await check.click();
  const error = page.getByTestId('run-error');
  await expect(error).toContainText(zh.t('ui.errors.not-ready'));
  await expect(error).toContainText(zh.t('ui.errors.heading'));
  await besideControl(check, page.getByTestId('check-form'), error);
});

test('/: a failed "re-check all that could not be checked" is said under that button', async ({ page }) => {
  await page.route('**/api/check', async (route) => {
    const body = route.request().postDataJSON() as { fresh?: boolean };
    if (body.fresh === true) return json(500, { code: 'internal', message: 'boom' })(route);
    return route.fulfill({
      contentType: 'application/x-ndjson',
      body: ndjson([
        { type: 'report', ...makeReport('a.test', 'missing') },
        { type: 'report', ...makeReport('b.test', 'lookup-failed') },
        { type: 'done', checked: 2, invalid: 0, duplicates: 0 },
      ]),
    });
  });
  const app = new DashboardPage(page);
  await app.goto('?lang=en');
  await app.paste('a.test\nb.test');
  await app.check();
  await app.waitForResults(2);
  const button = page.getByTestId('recheck-unchecked');
  await button.click();
  const error = page.getByTestId('recheck-unchecked-error');
  await expect(error).toContainText(en.t('ui.errors.internal'));
  await besideControl(button, page.getByTestId('results'), error);
  // Beside the button: nothing under Check, and the rows stay.
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(app.rows).toHaveCount(2);
  // Directly under the button's row (the next element), not further down the results.
  const next = await button.evaluate((b) => b.parentElement?.nextElementSibling?.getAttribute('data-testid'));
  expect(next).toBe('recheck-unchecked-error');
});

/** Waits until the bulk run has finished with `total` rows. */
async function bulkDone(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-row')).toHaveCount(total);
}

for (const failure of FAILURES.filter((f) => f.label !== '400 bad input, with its lines')) {
  test(`/bulk: a Start refused with ${failure.label} is said under Start`, async ({ page }) => {
    await page.route('**/api/runs', (route) =>
      route.request().method() === 'POST' ? failure.answer(route) : route.continue(),
    );
    await page.goto('/bulk?lang=en');
    await page.getByTestId('bulk-domains').fill('ok-21v.test\nmissing-21v.test');
    const start = page.getByTestId('bulk-start');
    await expect(start).toBeEnabled();
    await start.click();
    const error = page.getByTestId('bulk-error-start');
    await expect(error).toContainText(failure.text);
    await besideControl(start, page.getByTestId('bulk-input'), error);
    await expect(page.getByTestId('bulk-problem')).toHaveCount(0);
    await expect(page.getByTestId('retry-countdown')).toHaveCount(0);
  });
}

test('/bulk in Chinese: a refused Start is said in Chinese', async ({ page }) => {
  await page.route('**/api/runs', json(500, { code: 'internal', message: 'boom' }));
  await page.goto('/bulk?lang=zh-CN');
  await page.getByTestId('bulk-domains').fill('ok-21v.test');
  await page.getByTestId('bulk-start').click();
  const error = page.getByTestId('bulk-error-start');
  await expect(error).toContainText(zh.t('ui.errors.internal'));
  await expect(error).not.toContainText('boom');
  await besideControl(page.getByTestId('bulk-start'), page.getByTestId('bulk-input'), error);
});

test('/bulk: a refused Cancel is said beside Cancel', async ({ page }) => {
  // The run's events never come, so the run stays running on the page and Cancel stays.
  await page.route('**/api/runs/*/events**', () => {});
  await page.route('**/api/runs/*/cancel', json(503, { code: 'shutting-down', message: 'x' }));
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-domains').fill('ok-21v.test');
  await page.getByTestId('bulk-start').click();
  const cancel = page.getByTestId('bulk-cancel');
  await cancel.click();
  const error = page.getByTestId('bulk-error-cancel');
  await expect(error).toContainText(en.t('ui.errors.shutting-down'));
  await besideControl(cancel, page.getByTestId('bulk-progress'), error);
  await expect(page.getByTestId('bulk-problem')).toHaveCount(0);
});

test.describe('/bulk: a finished run', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/bulk?lang=en');
    await page.getByTestId('bulk-domains').fill('ok-21v.test\nmissing-21v.test');
    await page.getByTestId('bulk-start').click();
    await bulkDone(page, 2);
  });

  test('a re-check of the selected rows refused with a 429 is said beside its button (no countdown)', async ({
    page,
  }) => {
    await page.route(
      '**/api/runs/*/recheck',
      json(429, { code: 'rate-limited', message: 'wait', retryAfterSeconds: 30 }),
    );
    await page.locator('[data-testid="bulk-row"][data-domain="missing-21v.test"]').getByTestId('bulk-select').check();
    const button = page.getByTestId('bulk-recheck-selected');
    await button.click();
    const error = page.getByTestId('bulk-error-recheck-selected');
    await expect(error).toContainText(en.t('ui.errors.rate-limited', { seconds: 30 }));
    await besideControl(button, page.getByTestId('bulk-actions'), error);
    await expect(page.getByTestId('bulk-problem')).toHaveCount(0);
    await expect(page.getByTestId('retry-countdown')).toHaveCount(0);
  });

  test("one row's failed re-check is said in that row", async ({ page }) => {
    await page.route('**/api/runs/*/recheck', (route) => route.abort('failed'));
    const row = page.locator('[data-testid="bulk-row"][data-domain="missing-21v.test"]');
    const button = row.getByTestId('bulk-recheck');
    await button.click();
    const error = page.getByTestId('bulk-error-recheck-row');
    await expect(error).toContainText(en.t('ui.errors.network'));
    await besideControl(button, row, error);
    await expect(page.getByTestId('bulk-problem')).toHaveCount(0);
  });

  test('a refused summary export is said beside the export buttons', async ({ page }) => {
    await page.route('**/api/runs/*/export**', json(410, { code: 'run-expired', message: 'gone' }));
    const link = page.getByTestId('bulk-export-summary');
    await link.click();
    const error = page.getByTestId('bulk-error-export');
    await expect(error).toContainText(en.t('ui.errors.run-expired'));
    await besideControl(link, page.getByTestId('bulk-handover'), error);
  });
});

test('/d/<domain>: a refused Re-check is said beside it, and the report stays', async ({ page }) => {
  await page.goto('/d/ok-21v.test?lang=en');
  const checkedAt = (await page.getByTestId('detail-checked-at').getAttribute('datetime')) ?? '';
  await page.route(
    (url) => url.pathname === '/api/check',
    json(429, { code: 'rate-limited', message: 'x', retryAfterSeconds: 20 }),
  );
  const button = page.getByTestId('detail-recheck');
  await button.click();
  const error = page.getByTestId('detail-recheck-error');
  await expect(error).toContainText(en.t('ui.errors.rate-limited', { seconds: 20 }));
  await besideControl(button, page.getByTestId('detail-report').locator('header'), error);
  await expect(page.getByTestId('detail-checked-at')).toHaveAttribute('datetime', checkedAt);
  await expect(page).toHaveURL(/\/d\/ok-21v\.test\?lang=en$/);
});

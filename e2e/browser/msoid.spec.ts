/**
 * The dashboard end to end, against the production build and real DNS servers on loopback (the lab):
 * live validation, streamed rows with status labels, the three-layer details, copy, re-check, shared links.
 */
import { expect, test } from '@playwright/test';
import { compressToEncodedURIComponent } from 'lz-string';
import { fixture, MS } from '../../lab/fixtures';
import { DashboardPage, en, statusLabel } from './pages/dashboard-page';

const MIXED = ['ok-21v.test', 'https://MISSING-21V.test/x', '10.0.0.1', 'contoso', 'remove-ww.test', 'drop.test'].join(
  '\n',
);
const VALID = ['ok-21v.test', 'missing-21v.test', 'remove-ww.test', 'drop.test'];

test.describe('checking a pasted list', () => {
  test('invalid lines are listed before checking, and each valid domain gets its status', async ({ page }) => {
    // Hydration mismatches, CSP violations and uncaught errors all surface here. (The app has no favicon yet.)
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new DashboardPage(page);
    await app.goto();
    await app.paste(MIXED);

    // Live validation, before anything is sent.
    await expect(app.invalidEntries).toHaveCount(2);
    await expect(app.invalidLine(3)).toContainText(en.t('ui.feedback.line', { line: 3 }));
    await expect(app.invalidLine(3)).toContainText('10.0.0.1');
    await expect(app.invalidLine(4)).toContainText('contoso');
    await expect(page.getByTestId('ready-count')).toHaveText(en.tp('ui.feedback.ready', VALID.length));

    await app.check();
    await app.waitForResults(VALID.length);

    // Bad input never loses work: the box still holds exactly what was pasted.
    await expect(app.domains).toHaveValue(MIXED);

    for (const domain of VALID) {
      const expected = fixture(domain).expect.msoid;
      await expect(app.row(domain)).toHaveAttribute('data-status', expected);
      await expect(app.statusBadge(domain)).toHaveText(statusLabel(expected));
    }

    // "Could not check" is counted on its own, never as ok or as a problem.
    await expect(page.getByTestId('summary-unchecked').getByTestId('summary-count')).toHaveText('1');
    await expect(page.getByTestId('summary-ok').getByTestId('summary-count')).toHaveText('1');
    await expect(page.getByTestId('summary-problems').getByTestId('summary-count')).toHaveText('2');
    expect(errors).toEqual([]);
  });

  test('a row expands to verdict, impact, the exact fix, and technical details; the fix can be copied', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = new DashboardPage(page);
    await app.goto();
    await app.paste('missing-21v.test\nremove-ww.test');
    await app.check();
    await app.waitForResults(2);

    const rowVerdict = (await app.row('missing-21v.test').getByTestId('row-verdict').textContent())?.trim() ?? '';
    const details = await app.expand('missing-21v.test');
    await expect(details.getByTestId('details-verdict')).toHaveText(rowVerdict);
    await expect(details.getByTestId('details-impact')).not.toBeEmpty();
    await expect(details.getByTestId('details-action')).not.toBeEmpty();

    const fix = details.getByTestId('fix').first();
    await expect(fix).toContainText(MS.msoid21v);
    await expect(fix).toContainText('CNAME');
    await expect(fix).toContainText('msoid');

    await fix.getByRole('button', { name: en.t('ui.details.copyValueAria', { value: MS.msoid21v }) }).click();
    await expect(fix.getByText(en.t('ui.details.copied')).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MS.msoid21v);

    // Layer 3: the lookups behind the verdict.
    await details.getByText(en.t('ui.details.technicalHeading')).click();
    const lookups = details.getByTestId('lookup-table');
    await expect(lookups).toBeVisible();
    await expect(lookups).toContainText('msoid.missing-21v.test');
    await expect(lookups.getByRole('columnheader', { name: en.t('ui.lookup.outcome') })).toBeVisible();

    // Keyboard: the toggle is a real button.
    const toggle = app.row('missing-21v.test').getByRole('button', { expanded: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(app.row('missing-21v.test').getByRole('button', { expanded: false }).first()).toBeVisible();
    await expect(app.details('missing-21v.test')).toHaveCount(0);
  });

  test('one row can be re-checked on its own and its checked-at time moves', async ({ page }) => {
    const app = new DashboardPage(page);
    await app.goto();
    await app.paste('ok-21v.test\nremove-ww.test');
    await app.check();
    await app.waitForResults(2);

    const before = await app.checkedAt('ok-21v.test');
    const other = await app.checkedAt('remove-ww.test');
    await app.recheckButton('ok-21v.test').click();
    await expect.poll(() => app.checkedAt('ok-21v.test'), { timeout: 20_000 }).not.toBe(before);
    await expect(app.recheckButton('ok-21v.test')).toBeEnabled();
    await expect(app.row('ok-21v.test')).toHaveAttribute('data-status', 'ok');
    // Only that row changed.
    expect(await app.checkedAt('remove-ww.test')).toBe(other);
    await expect(app.rows).toHaveCount(2);
  });

  test('the page URL reproduces the check in a new page', async ({ page, context }) => {
    const app = new DashboardPage(page);
    await app.goto();
    await app.paste(MIXED);
    await app.cloud.selectOption('auto');
    await app.check();
    await app.waitForResults(VALID.length);
    await expect(page).toHaveURL(/[?&]d=ok-21v\.test,missing-21v\.test,remove-ww\.test,drop\.test/);
    await expect(page).toHaveURL(/[?&]cloud=auto/);
    const original = await app.table();

    const second = new DashboardPage(await context.newPage());
    await second.page.goto(page.url());
    await second.waitForResults(VALID.length);
    expect(await second.table()).toEqual(original);
    await expect(second.cloud).toHaveValue('auto');
  });
});

test('a compressed shared link (?z=) is accepted and garbage is harmless', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto(`?z=${compressToEncodedURIComponent('ok-21v.test,remove-ww.test')}&cloud=auto`);
  await app.waitForResults(2);
  await expect(app.row('remove-ww.test')).toHaveAttribute('data-status', 'must-remove');

  const garbage = new DashboardPage(page);
  await garbage.goto('?z=%%%garbage&cloud=nope');
  await expect(garbage.domains).toHaveValue('');
  await expect(garbage.cloud).toHaveValue('auto');
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

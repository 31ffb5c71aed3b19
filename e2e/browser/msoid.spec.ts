/**
 * The dashboard end to end, against the production build and real DNS servers on loopback (the lab):
 * live validation, streamed rows with domain health and msoid status, the msoid details, copy, re-check,
 * shared links, sorting worst first, and the card layout of a narrow window.
 */
import { expect, test } from '@playwright/test';
import { compressToEncodedURIComponent } from 'lz-string';
import { fixture, MS } from '../../lab/fixtures';
import { DashboardPage, en, healthLabel, statusLabel } from './pages/dashboard-page';

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

    // msoid keeps its own column and vocabulary.
    for (const domain of VALID) {
      const expected = fixture(domain).expect.msoid;
      await expect(app.row(domain)).toHaveAttribute('data-status', expected);
      await expect(app.statusBadge(domain)).toHaveText(statusLabel(expected));
    }

    // The health column speaks for every record; a domain that timed out could not be checked, never "broken".
    await expect(app.row('drop.test')).toHaveAttribute('data-health', 'could-not-check');
    await expect(app.healthBadge('drop.test')).toHaveText(healthLabel('could-not-check'));
    await expect(app.row('remove-ww.test')).toHaveAttribute('data-health', 'broken');
    await expect(app.healthBadge('remove-ww.test')).toHaveText(healthLabel('broken'));
    await expect(app.row('remove-ww.test').getByTestId('health-counts')).toContainText(
      en.tp('ui.health.counts.broken', 1),
    );

    // The summary tiles count domains by health, "could not check" on its own.
    const healths = (await app.healthTable()).map(([, h]) => h);
    const tiles = { healthy: 'healthy', attention: 'needs-attention', broken: 'broken', unchecked: 'could-not-check' };
    for (const [bucket, health] of Object.entries(tiles)) {
      const count = healths.filter((h) => h === health).length;
      await expect(page.getByTestId(`summary-${bucket}`).getByTestId('summary-count')).toHaveText(String(count));
    }
    await expect(page.getByTestId('summary-unchecked').getByTestId('summary-count')).toHaveText('1');
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

    // msoid is the headline: when nothing is worse, the row shows its verdict.
    const rowVerdict = app.row('missing-21v.test').getByTestId('row-verdict');
    await expect(rowVerdict).toHaveAttribute('data-record', 'msoid');
    const rowText = (await rowVerdict.textContent())?.trim() ?? '';
    const details = await app.expand('missing-21v.test');
    const msoid = details.getByTestId('msoid-section');
    await expect(msoid.getByTestId('details-verdict')).toHaveText(rowText);
    await expect(msoid.getByTestId('details-msoid-badge')).toHaveText(statusLabel('missing'));
    await expect(msoid.getByTestId('details-impact')).not.toBeEmpty();
    await expect(msoid.getByTestId('details-action')).not.toBeEmpty();

    // The msoid change, laid out for the DNS host, its value ready to copy.
    const fix = msoid.getByTestId('host-fix').first();
    await expect(fix).toHaveAttribute('data-op', 'add');
    await expect(fix.getByTestId('fix-op')).toHaveText(en.t('ui.details.fixOp.add'));
    const value = fix.locator('[data-testid="fix-field"][data-key="value"]');
    await expect(value).toContainText(MS.msoid21v);
    await expect(fix.locator('[data-testid="fix-field"][data-key="host"]')).toContainText('msoid');
    await expect(fix.getByTestId('fix-canonical')).toContainText(`msoid.missing-21v.test 3600 CNAME ${MS.msoid21v}`);

    await value.getByRole('button').click();
    await expect(value.getByText(en.t('ui.details.copied')).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MS.msoid21v);

    // Layer 3: the lookups behind the verdict.
    await msoid.getByText(en.t('ui.details.technicalHeading')).click();
    const lookups = msoid.getByTestId('lookup-table');
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

test('worst first orders by domain health, then by the msoid finding', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto(`?d=${VALID.join(',')}&cloud=auto`);
  await app.waitForResults(VALID.length);
  await page.getByRole('button', { name: en.t('ui.table.sortSeverity') }).click();
  // Both "needs attention": the missing msoid (a warning) goes before the right one.
  await expect
    .poll(() => app.healthTable())
    .toEqual([
      ['remove-ww.test', 'broken'],
      ['missing-21v.test', 'needs-attention'],
      ['ok-21v.test', 'needs-attention'],
      ['drop.test', 'could-not-check'],
    ]);
});

test('on a 390-px window each row is a card: health and msoid status are in view without scrolling', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const app = new DashboardPage(page);
  await app.goto(`?d=${VALID.join(',')}&cloud=auto`);
  await app.waitForResults(VALID.length);
  for (const domain of VALID) {
    for (const badge of [app.healthBadge(domain), app.statusBadge(domain)]) {
      await badge.scrollIntoViewIfNeeded();
      const box = await badge.boundingBox();
      expect(box, domain).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390, domain).toBe(true);
    }
  }
  // Nothing on the page is wider than the window, an open row included.
  await app.expand('remove-ww.test');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
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

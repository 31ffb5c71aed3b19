/**
 * Hostile DNS data through the real page: `hostile.test` (lab/fixtures-hostile.ts) is served by the lab's
 * fake DNS server, resolved through unbound, checked by the production server and rendered by the
 * dashboard under its strict CSP. Nothing from DNS may run, become a link, or reorder text.
 */
import { expect, test } from '@playwright/test';
import {
  HOSTILE_4K,
  HOSTILE_DOMAIN,
  HOSTILE_IMG,
  HOSTILE_JS_URL,
  HOSTILE_SCRIPT,
  RLO,
} from '../../lab/fixtures-hostile';
import { DashboardPage, en, statusLabel } from './pages/dashboard-page';

test('hostile TXT, CNAME and SRV data stay inert, visible and truncated; the page stays usable', async ({ page }) => {
  // CSP violations ("Refused to execute…"), hydration errors and uncaught errors all surface here.
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  const app = new DashboardPage(page);
  await app.goto();
  await app.paste(HOSTILE_DOMAIN);
  await app.check();
  await app.waitForResults(1);
  await expect(app.row(HOSTILE_DOMAIN)).toHaveAttribute('data-status', 'must-remove');
  await expect(app.statusBadge(HOSTILE_DOMAIN)).toHaveText(statusLabel('must-remove'));

  const details = await app.expand(HOSTILE_DOMAIN);
  // The msoid CNAME target: markup shown as text, the right-to-left override as a visible escape.
  await expect(details).toContainText('javascript:alert(1)//<script>window.__pwned=4</script>');
  await expect(details).toContainText('\\u202E');
  expect(await details.textContent()).not.toContain(RLO);

  await details.getByText(en.t('ui.details.technicalHeading')).click();
  const lookups = details.getByTestId('lookup-table');
  for (const text of [HOSTILE_SCRIPT, HOSTILE_JS_URL, HOSTILE_IMG, 'invoice\\u202Etxt.exe', 'ctl:\\u001B[31mred']) {
    await expect(lookups).toContainText(text);
  }
  expect(await lookups.textContent()).not.toContain(RLO);

  // The 4 KB TXT string is cut to a preview, with a working "show all".
  await expect(lookups).not.toContainText(HOSTILE_4K);
  await expect(lookups).toContainText(HOSTILE_4K.slice(0, 150));
  await lookups.getByRole('button', { name: en.tp('ui.text.showAll', Array.from(HOSTILE_4K).length) }).click();
  await expect(lookups).toContainText(HOSTILE_4K);

  // Nothing ran, nothing became a link or an image.
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const urls = await page.$$eval('[href], [src], [action], [formaction], [xlink\\:href]', (elements) =>
    elements.flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href']
        .map((name) => el.getAttribute(name))
        .filter((v): v is string => v !== null),
    ),
  );
  expect(urls.filter((u) => /^\s*(javascript|data|vbscript):/i.test(u))).toEqual([]);
  // The one link that may name the domain is our own "Open full report" (built from the checked name, not DNS data).
  const ownReport = `/d/${HOSTILE_DOMAIN}?cloud=auto&lang=en`;
  expect(urls.filter((u) => u !== ownReport).some((u) => u.includes('hostile') || u.includes('pwned'))).toBe(false);
  expect(await page.locator('img[src="x"], svg[onload], [onerror]').count()).toBe(0);
  // Every script is ours: inline ones carry the nonce; chunks loaded on demand come from our own build
  // (allowed by the CSP's 'strict-dynamic' because a nonce'd script added them).
  expect(await page.locator('script:not([nonce]):not([src^="/_next/static/chunks/"])').count()).toBe(0);

  // The page stays usable: another domain can be checked right after.
  await app.paste('ok-21v.test');
  await app.check();
  await app.waitForResults(1);
  await expect(app.row('ok-21v.test')).toHaveAttribute('data-status', 'ok');
  expect(errors).toEqual([]);
});

test('the bulk table quotes hostile DNS data inertly too: the msoid verdict shows U+202E as an escape', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 }); // the verdict sentence shows from 1280 px
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-domains').fill(`${HOSTILE_DOMAIN}\nok-21v.test`);
  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-progress')).toHaveAttribute('data-status', 'done');
  const row = page.locator(`[data-testid="bulk-row"][data-domain="${HOSTILE_DOMAIN}"]`);
  await expect(row).toContainText('javascript:alert(1)//<script>window.__pwned=4</script>\\u202E');
  expect(await row.textContent()).not.toContain(RLO);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test("the user's own text is shown inertly too: rejected and duplicate lines, a CSV's name, cells and columns", async ({
  page,
}) => {
  await page.goto('/bulk?lang=en');
  await page.getByTestId('bulk-domains').fill(`${RLO}exe.txt\nok-21v.test\n${RLO}ok-21v.test`);
  const rejected = page.getByTestId('bulk-rejected');
  const duplicates = page.getByTestId('bulk-duplicates');
  await expect(rejected).toContainText('“\\u202Eexe.txt”');
  // The override is stripped before the name is read, so the third line is ok-21v.test again: a duplicate.
  await expect(duplicates).toContainText('\\u202Eok-21v.test');
  for (const list of [rejected, duplicates]) expect(await list.textContent()).not.toContain(RLO);

  await page.getByTestId('bulk-file').setInputFiles({
    name: `invoice${RLO}vsc.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`Company${RLO}Name,Domain\nEvil${RLO}Corp,ok-21v.test\n`, 'utf8'),
  });
  const preview = page.getByTestId('bulk-preview');
  await expect(preview).toContainText(`invoice\\u202Evsc.csv`);
  await expect(preview).toContainText('Evil\\u202ECorp');
  expect(await preview.textContent()).not.toContain(RLO);
  const options = await page.getByTestId('bulk-column').locator('option').allTextContents();
  expect(options.join('\n')).toContain('Company\\u202EName');
  expect(options.join('\n')).not.toContain(RLO);
});

test('a crafted detail address is quoted inertly in its "not a domain" message', async ({ page }) => {
  await page.goto(`/d/${encodeURIComponent(`${RLO}exe.txt`)}?lang=en`);
  const invalid = page.getByTestId('detail-invalid');
  await expect(invalid).toContainText('“\\u202Eexe.txt”');
  expect(await invalid.textContent()).not.toContain(RLO);
});

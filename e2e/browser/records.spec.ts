/**
 * Every record, the DNS host and the fixes, end to end against the lab: a domain's expanded row reads the
 * helpdesk paragraph, lists every record with its problems first, names the DNS host, and lays out the fixes
 * in that host's own terms, each value ready to copy, and the whole list as a zone file. What the page shows
 * is compared with what GET /api/check says for the same domain.
 */
import { expect, type Page, test } from '@playwright/test';
import { HOST_NS, RV, recordFixture } from '../../lab/fixtures-records';
import { Report, type ServiceOverride } from '../../lib/schema';
import { DashboardPage, en, healthLabel, recordLabel, recordStatusLabel, statusLabel } from './pages/dashboard-page';

/** The report the API gives for one domain (the page must show the same). */
async function apiReport(page: Page, domain: string): Promise<Report> {
  const res = await page.request.get(`/api/check?domain=${domain}&cloud=auto&lang=en`);
  expect(res.ok()).toBe(true);
  return Report.parse(await res.json());
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe('a domain with record problems at GoDaddy', () => {
  const DOMAIN = 'host-godaddy-ww.test';

  test('helpdesk paragraph, every record, the DNS host, and host-formatted fixes to copy', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const fixture = recordFixture(DOMAIN);
    const report = await apiReport(page, DOMAIN);
    const app = new DashboardPage(page);
    await app.goto();
    await app.paste(DOMAIN);
    await app.check();
    await app.waitForResults(1);

    await expect(app.healthBadge(DOMAIN)).toHaveText(healthLabel(fixture.expect.health));
    await expect(app.statusBadge(DOMAIN)).toHaveText(statusLabel('must-remove'));
    const details = await app.expand(DOMAIN);

    // (a) The helpdesk paragraph comes first, and copies as it reads.
    const helpdesk = details.getByTestId('helpdesk');
    await expect(helpdesk.getByTestId('helpdesk-text')).toHaveText(report.helpdesk.text);
    await expect(helpdesk.getByTestId('helpdesk-text')).toContainText(DOMAIN);
    const first = await details.evaluate((el) => el.firstElementChild?.getAttribute('data-testid'));
    expect(first).toBe('helpdesk');
    await helpdesk.getByRole('button', { name: en.t('ui.helpdesk.copyAria', { domain: DOMAIN }) }).click();
    expect(await clipboard(page)).toBe(report.helpdesk.text);

    // (c) Every record: one row each, problems first, with the status the fixture expects.
    const table = details.getByTestId('records-table');
    await expect(table.getByTestId('record-row')).toHaveCount(report.records.length);
    const groups = await table.getByTestId('record-group').evaluateAll((els) => els.map((e) => e.dataset.group));
    expect(groups[0]).toBe('problem');
    const problems = details.locator('[data-testid="record-group"][data-group="problem"] [data-testid="record-row"]');
    await expect(problems).toHaveCount(2);
    for (const [id, status] of Object.entries(fixture.expect.records)) {
      const row = app.recordRow(details, id as keyof typeof fixture.expect.records);
      await expect(row).toHaveAttribute('data-status', status);
      await expect(row.getByTestId('record-status')).toHaveText(recordStatusLabel(status));
    }
    const autodiscover = app.recordRow(details, 'autodiscover');
    await expect(autodiscover.getByTestId('record-label')).toHaveText(recordLabel('autodiscover'));
    await expect(autodiscover).toContainText(RV.ww.autodiscover);
    // Legacy Skype for Business rows are marked as legacy.
    await expect(app.recordRow(details, 'sip').getByTestId('legacy-badge')).toHaveText(en.t('ui.records.legacy'));
    await expect(app.recordRow(details, 'mx').getByTestId('legacy-badge')).toHaveCount(0);

    // A record opens its own explanation and lookups; only then are they in the page.
    await expect(details.getByTestId('record-details')).toHaveCount(0);
    await autodiscover.getByRole('button', { expanded: false }).click();
    const explained = details.getByTestId('record-details');
    await expect(explained).toHaveCount(1);
    const finding = report.records.find((r) => r.id === 'autodiscover');
    await expect(explained.getByTestId('record-details-verdict')).toHaveText(finding?.text.verdict ?? '');
    await expect(explained.getByTestId('lookup-table')).toContainText(`autodiscover.${DOMAIN}`);

    // (d) The DNS host, from the zone's NS records.
    const host = details.getByTestId('dns-host');
    await expect(host).toHaveAttribute('data-host', 'godaddy');
    await expect(host.getByTestId('dns-host-name')).toHaveText('GoDaddy');
    for (const ns of HOST_NS.godaddy) await expect(host.getByTestId('dns-host-ns')).toContainText(ns);
    await expect(host.getByTestId('dns-host-link')).toHaveAttribute('href', report.dnsHost.instructionsUrl);

    // (e) The fixes in GoDaddy's terms: a host field of the label only, a CNAME value with a trailing dot.
    const fixes = details.getByTestId('host-fixes');
    await expect(fixes.getByTestId('host-fix')).toHaveCount(report.fixes.length);
    const add = fixes.locator('[data-testid="host-fix"][data-record="autodiscover"]');
    await expect(add.getByTestId('fix-op')).toHaveText(en.t('ui.details.fixOp.add'));
    await expect(add.locator('[data-testid="fix-field"][data-key="host"]')).toContainText('autodiscover');
    await expect(add.locator('[data-testid="fix-field"][data-key="host"]')).not.toContainText(DOMAIN);
    await expect(add.getByTestId('fix-canonical')).toContainText(
      `autodiscover.${DOMAIN} 3600 CNAME ${RV.ww.autodiscover}`,
    );
    await expect(add.getByTestId('fix-notes')).not.toBeEmpty();
    const value = add.locator('[data-testid="fix-field"][data-key="value"]');
    await value.getByRole('button').click();
    expect(await clipboard(page)).toBe(`${RV.ww.autodiscover}.`);
    const remove = fixes.locator('[data-testid="host-fix"][data-record="msoid"]');
    await expect(remove).toHaveAttribute('data-op', 'delete');
    await expect(remove).toContainText(RV.msoidLegacyWw);

    // The whole list as a zone file: copied exactly as shown on request. (A deleted record keeps the TTL it was
    // found with, which a cached answer counts down, so the API's copy may differ there.)
    await fixes.getByRole('button', { name: en.t('ui.fixes.zone.copyAria', { domain: DOMAIN }) }).click();
    const copied = await clipboard(page);
    expect(copied.split('\n')[0]).toBe(`$ORIGIN ${DOMAIN}.`);
    expect(copied).toContain('\nautodiscover 3600 IN CNAME autodiscover.outlook.com.\n');
    expect(copied).toMatch(/\n; delete: msoid \d+ IN CNAME clientconfig\.microsoftonline-p\.net\.\n/);
    const zone = fixes.getByTestId('zone-snippet');
    await zone.getByText(en.t('ui.fixes.zone.show')).click();
    const shown = await zone.locator('pre > span').allTextContents();
    expect(shown).toEqual(copied.replace(/\n$/, '').split('\n'));
  });
});

test('Cloudflare: a proxied record, "DNS only" reminders, and tenant-specific values marked as placeholders', async ({
  page,
}) => {
  const DOMAIN = 'cf-proxied.test';
  const app = new DashboardPage(page);
  await app.goto(`?d=${DOMAIN}&cloud=auto`);
  await app.waitForResults(1);
  const details = await app.expand(DOMAIN);
  await expect(app.recordRow(details, 'autodiscover')).toHaveAttribute('data-status', 'proxied');
  await expect(app.recordRow(details, 'autodiscover').getByTestId('record-verdict')).toContainText('Cloudflare');
  await expect(details.getByTestId('dns-host')).toHaveAttribute('data-host', 'cloudflare');

  const dkim = details.locator('[data-testid="host-fix"][data-record="dkim-selector1"]');
  await expect(dkim).toHaveAttribute('data-placeholder', 'true');
  await expect(dkim.getByTestId('placeholder-tag')).toHaveText(en.t('ui.fixes.placeholderTag'));
  // Where to copy the real value from.
  await expect(dkim.getByTestId('placeholder-hint')).toContainText('admin center');
  await expect(dkim.getByTestId('fix-notes')).toContainText('DNS only');
  // Cloudflare's own field names.
  await expect(dkim.locator('[data-testid="fix-field"][data-key="value"] dt')).toHaveText('Target');
});

test('SPF with two records and an old MX first: problem rows with their details', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?d=spf-two.test,mx-old.test,healthy-ww.test&cloud=auto');
  await app.waitForResults(3);
  await expect(app.healthBadge('spf-two.test')).toHaveText(healthLabel('broken'));
  await expect(app.healthBadge('healthy-ww.test')).toHaveText(healthLabel('healthy'));

  const spfDetails = await app.expand('spf-two.test');
  const spf = app.recordRow(spfDetails, 'spf');
  await expect(spf).toHaveAttribute('data-status', 'too-many');
  await spf.getByRole('button', { expanded: false }).click();
  await expect(spfDetails.getByTestId('spf-details')).toContainText(en.tp('ui.records.spf.records', 2));

  const mxDetails = await app.expand('mx-old.test');
  await expect(app.recordRow(mxDetails, 'mx')).toHaveAttribute('data-status', 'wrong-value');
  await expect(app.recordRow(mxDetails, 'mx')).toContainText('mail.oldhost.test');
  await expect(mxDetails.locator('[data-testid="host-fix"][data-record="mx"][data-op="delete"]')).toContainText(
    'mail.oldhost.test',
  );

  // A healthy domain: every record fine, nothing to change.
  const healthy = await app.expand('healthy-ww.test');
  await expect(healthy.locator('[data-testid="record-group"][data-group="problem"]')).toHaveCount(0);
  await expect(healthy.getByTestId('no-fixes')).toHaveText(en.t('ui.fixes.none'));
});

test('a domain whose lookups time out: its DNS host could not be identified, never "generic"', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.goto('?d=drop.test&cloud=auto');
  await app.waitForResults(1);
  const details = await app.expand('drop.test');
  await expect(details.getByTestId('dns-host-failed')).toBeVisible();
  await expect(details.getByTestId('dns-host-link')).toHaveCount(0);
  await expect(details.locator('[data-testid="record-group"][data-group="unchecked"]')).toBeVisible();
  await expect(details.locator('[data-testid="record-group"][data-group="problem"]')).toHaveCount(0);
});

test('services: the toggles go in the POST body, the link and the re-check, and the row says they were set', async ({
  page,
  context,
}) => {
  const posted: Array<{ services?: ServiceOverride }> = [];
  const gets: string[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/check')) return;
    if (r.method() === 'POST') posted.push(r.postDataJSON() as { services?: ServiceOverride });
    else gets.push(r.url());
  });
  const app = new DashboardPage(page);
  await app.goto();
  await app.paste('healthy-ww.test');
  await app.check();
  await app.waitForResults(1);
  // Nothing set: nothing sent, nothing in the link, every service detected.
  expect(posted[0]?.services).toBeUndefined();
  await expect(page).not.toHaveURL(/[?&]s=/);
  const line = app.row('healthy-ww.test').getByTestId('services-line');
  await expect(line).toHaveAttribute('data-detected', 'true');
  await expect(line).toContainText(en.t('ui.services.inUseDetected', { list: 'Email, Teams, Intune' }));

  await app.serviceChoice('teams', 'off').check();
  await app.serviceChoice('mail', 'on').check();
  await app.check();
  // The second POST, not the first run's finished screen, is what this waits for.
  await expect.poll(() => posted[1]?.services).toEqual({ mail: true, teams: false });
  await app.waitForResults(1);
  await expect(page).toHaveURL(/[?&]s=mail:on,teams:off/);
  await expect(line).toHaveAttribute('data-detected', 'false');
  const teams = app.row('healthy-ww.test').locator('[data-testid="service-source"][data-service="teams"]');
  await expect(teams).toHaveAttribute('data-source', 'set');
  await expect(teams).toHaveText(en.t('ui.services.set.off', { service: en.t('records.service.teams') }));

  // The re-check asks for the same services (Intune, left on detect, is not named).
  await app.recheckButton('healthy-ww.test').click();
  await expect.poll(() => gets.length).toBeGreaterThan(0);
  expect(new URL(gets[0] ?? '').searchParams.get('services')).toBe('mail:on,teams:off');

  // The link restores the toggles.
  const second = new DashboardPage(await context.newPage());
  await second.page.goto(page.url());
  await second.waitForResults(1);
  await expect(second.serviceChoice('teams', 'off')).toBeChecked();
  await expect(second.serviceChoice('mail', 'on')).toBeChecked();
  await expect(second.serviceChoice('intune', 'auto')).toBeChecked();
});

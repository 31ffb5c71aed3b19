/**
 * The tenant's expected values in the page (issue 18 item 4): the detail page of a domain in the tenant labels each
 * expected value "from your tenant" or "Microsoft's documented pattern" (DKIM), and a domain not in the tenant says
 * so. Graph is the stand-in (lab/graph-stand-in.ts), asked with the test-only GRAPH_TEST_TOKEN until sign-in lands.
 */
import { expect, test } from '@playwright/test';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS, microsoftZones } from '../../lab/fixtures';
import { type GraphStandIn, graphLabZone, startGraphStandIn, worldwideRecords } from '../../lab/graph-stand-in';
import { withApexRecords } from '../../lab/zone-file';
import type { Zone } from '../../lab/zone-types';
import { makeTranslator } from '../../lib/client/translator';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';

const TOKEN = 'graph-stand-in-token-Zq8vN2xR4tL7pW1m';
const MS_OK = 'MS=ms11112222';
const en = makeTranslator('en');
const ZONES: Zone[] = [
  { apex: '', records: [] },
  { apex: 'test', records: [] },
  graphLabZone('graph-page.test', `graph-page-test.${MS.mxWw}`, MS_OK),
  graphLabZone('graph-page-absent.test', `graph-page-absent-test.${MS.mxWw}`, MS_OK),
  ...microsoftZones(),
];

let dns: FakeServer | undefined;
let graph: GraphStandIn | undefined;
let app: App | undefined;

test.beforeAll(async () => {
  dns = await startFakeDnsServer({ zones: ZONES.map((z) => z.apex), records: ZONES.flatMap(withApexRecords) });
  graph = await startGraphStandIn(
    { 'graph-page.test': worldwideRecords('graph-page.test', 'graph-page-test', MS_OK) },
    TOKEN,
  );
  app = await startApp({ ...appEnv(dns.address), GRAPH_BASE_URL: graph.url, GRAPH_TEST_TOKEN: TOKEN });
});

test.afterAll(async () => {
  await app?.stop();
  await graph?.close();
  await dns?.close();
});

test("the detail page says where each expected value came from, and when the domain isn't in the tenant", async ({
  page,
}) => {
  await page.goto(`${app!.url}/d/graph-page.test?cloud=worldwide&lang=en`);
  const mx = page.locator('[data-testid="record-row"][data-record="mx"]');
  await expect(mx).toContainText('graph-page-test.mail.protection.outlook.com');
  await expect(mx.getByTestId('expected-source')).toHaveAttribute('data-source', 'tenant');
  await expect(mx.getByTestId('expected-source')).toHaveText(en.t('graph.source.tenant'));
  const verification = page.locator('[data-testid="record-row"][data-record="verification"]');
  await expect(verification).toContainText(MS_OK);
  await expect(verification.getByTestId('expected-source')).toHaveAttribute('data-source', 'tenant');
  const dkim = page.locator('[data-testid="record-row"][data-record="dkim-selector1"]');
  await expect(dkim.getByTestId('expected-source')).toHaveText(en.t('graph.source.documented'));

  await page.goto(`${app!.url}/d/graph-page-absent.test?cloud=worldwide&lang=en`);
  await expect(page.getByText("This domain isn't added to your tenant", { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('expected-source')).toHaveCount(0);
});

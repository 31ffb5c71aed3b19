/**
 * The tenant's expected values from Microsoft Graph (issue 18 item 4), over HTTP against the production build, a fake
 * DNS server serving the lab domains (and Microsoft's zones) and the Graph stand-in (lab/graph-stand-in.ts). Until
 * sign-in (branch entra) is merged, the app asks Graph with the test-only GRAPH_TEST_TOKEN, which start-up accepts
 * only with ALLOW_TEST_DOMAINS and a loopback GRAPH_BASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS, microsoftZones } from '../../lab/fixtures';
import { type GraphStandIn, graphLabZone, startGraphStandIn, worldwideRecords } from '../../lab/graph-stand-in';
import type { EntraProvider } from '../../lab/oidc-provider';
import { withApexRecords } from '../../lab/zone-file';
import type { Zone } from '../../lab/zone-types';
import { Report, type ReportRecord, type StreamLine } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { entraClient } from '../support/entra';
import { startEntraLab, stopEntraLab, TENANT_A, users } from '../support/entra-lab';
import { get, parseNdjson, post } from '../support/http';

const TOKEN = 'graph-stand-in-token-Zq8vN2xR4tL7pW1m';
const MS_OK = 'MS=ms11112222';

const ZONES: Zone[] = [
  { apex: '', records: [] },
  { apex: 'test', records: [] },
  graphLabZone('graph-ok.test', `graph-ok-test.${MS.mxWw}`, MS_OK),
  graphLabZone('graph-wrong.test', `someone-else.${MS.mxWw}`, 'MS=ms99990000'),
  graphLabZone('graph-absent.test', `graph-absent-test.${MS.mxWw}`, MS_OK),
  graphLabZone('graph-forbidden.test', `graph-forbidden-test.${MS.mxWw}`, MS_OK),
  graphLabZone('graph-throttle.test', `graph-throttle-test.${MS.mxWw}`, MS_OK),
  ...microsoftZones(),
];

let dns: FakeServer | undefined;
let graph: GraphStandIn | undefined;
let app: App | undefined;

beforeAll(async () => {
  dns = await startFakeDnsServer({ zones: ZONES.map((z) => z.apex), records: ZONES.flatMap(withApexRecords) });
  graph = await startGraphStandIn(
    {
      'graph-ok.test': worldwideRecords('graph-ok.test', 'graph-ok-test', MS_OK),
      'graph-wrong.test': worldwideRecords('graph-wrong.test', 'graph-wrong-test', MS_OK),
      'graph-forbidden.test': { behaviour: 'forbidden' },
      'graph-throttle.test': {
        ...worldwideRecords('graph-throttle.test', 'graph-throttle-test', MS_OK),
        behaviour: 'throttle',
        retryAfterS: 1,
      },
    },
    TOKEN,
  );
  app = await startApp({
    ...appEnv(dns.address),
    GRAPH_BASE_URL: graph.url,
    GRAPH_TEST_TOKEN: TOKEN,
    GRAPH_TIMEOUT_MS: '2000',
  });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await graph?.close();
  await dns?.close();
});

async function check(domain: string, base = app!.url): Promise<Report> {
  const res = await get(base, `/api/check?${new URLSearchParams({ domain, cloud: 'worldwide', lang: 'en' })}`);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return Report.parse(res.json);
}

const row = (report: Report, id: string): ReportRecord => {
  const found = report.records.find((r) => r.id === id);
  if (!found) throw new Error(`no ${id} row`);
  return found;
};

describe("the tenant's expected values (Graph stand-in)", () => {
  it("compares MX and MS= with the tenant's exact values; DKIM stays the documented pattern, labelled so", async () => {
    const report = await check('graph-ok.test');
    expect(report.tenant?.state).toBe('found');
    const mx = row(report, 'mx');
    expect(mx.code).toBe('records.mx.ok.protection');
    expect(mx.expected).toBe('0 graph-ok-test.mail.protection.outlook.com');
    expect(mx.source).toBe('tenant');
    const verification = row(report, 'verification');
    expect(verification.code).toBe('records.verification.ok.present');
    expect(verification.expected).toBe(MS_OK);
    expect(verification.source).toBe('tenant');
    expect(row(report, 'dkim-selector1').source).toBe('documented');
    expect(row(report, 'dkim-selector2').source).toBe('documented');
    expect(row(report, 'autodiscover').source).toBe('tenant');
    expect(report.notes.some((n) => n.includes('from your tenant'))).toBe(true);
    // Every request named the worldwide Graph host and carried the token.
    const mine = graph!.requests.filter((r) => r.path.includes('graph-ok.test'));
    expect(mine.map((r) => r.path).sort()).toEqual([
      '/v1.0/domains/graph-ok.test',
      '/v1.0/domains/graph-ok.test/serviceConfigurationRecords',
      '/v1.0/domains/graph-ok.test/verificationDnsRecords',
    ]);
    for (const r of mine) {
      expect(r.host).toBe('graph.microsoft.com');
      expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it("a Microsoft MX and an MS= value that aren't the tenant's are mismatches, fixed with the exact values", async () => {
    const report = await check('graph-wrong.test');
    const mx = row(report, 'mx');
    expect(mx.code).toBe('records.mx.wrong-value.tenant-mismatch');
    expect(mx.severity).toBe('critical');
    expect(mx.fixes.map((f) => `${f.op} ${f.value}`)).toEqual([
      'delete 0 someone-else.mail.protection.outlook.com',
      'add 0 graph-wrong-test.mail.protection.outlook.com',
    ]);
    const verification = row(report, 'verification');
    expect(verification.code).toBe('records.verification.wrong-value.tenant-mismatch');
    expect(verification.fixes.map((f) => `${f.op} ${f.value}`)).toEqual([`add ${MS_OK}`]);
    // The fix list laid out for the host carries the exact values, never the admin-center placeholder; DKIM (not in
    // Graph) keeps its placeholder.
    const tenantFixes = report.fixes.filter((f) => f.record === 'mx' || f.record === 'verification');
    expect(tenantFixes.length).toBe(3);
    for (const f of tenantFixes) expect(f.placeholder, f.canonical.value).toBe(false);
    expect(report.fixes.filter((f) => f.record === 'dkim-selector1').every((f) => f.placeholder)).toBe(true);
    expect(report.zoneSnippet).toContain('graph-wrong-test.mail.protection.outlook.com');
  });

  it("a domain not in the tenant says so on a single check; a bulk check doesn't ask Graph", async () => {
    const report = await check('graph-absent.test');
    expect(report.tenant?.state).toBe('not-in-tenant');
    expect(report.notes.some((n) => n.includes("This domain isn't added to your tenant"))).toBe(true);
    expect(row(report, 'mx').source).toBeUndefined();
    expect(row(report, 'mx').expected).toBe('0 *.mail.protection.outlook.com | *.mx.microsoft');
    const zh = await get(app!.url, '/api/check?domain=graph-absent.test&cloud=worldwide&lang=zh-CN');
    expect(Report.parse(zh.json).notes.some((n) => n.includes('此域名尚未添加到你的租户'))).toBe(true);

    const asked = graph!.requests.length;
    const bulk = await post(app!.url, '/api/check', { domains: ['graph-absent.test'], cloud: 'worldwide', lang: 'en' });
    expect(bulk.status).toBe(200);
    const reports = parseNdjson(bulk.text).filter(
      (l): l is Extract<StreamLine, { type: 'report' }> => l.type === 'report',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.tenant).toBeUndefined();
    expect(reports[0]?.notes.some((n) => n.includes('tenant'))).toBe(false);
    expect(graph!.requests.length).toBe(asked);
  });

  it('403 → could not check (no permission), naming what to ask the admin for', async () => {
    const report = await check('graph-forbidden.test');
    expect(report.tenant?.state).toBe('no-permission');
    const note = report.notes.find((n) => n.includes('no permission'));
    expect(note).toContain('Domain.Read.All');
    expect(note).toContain('admin consent');
    expect(row(report, 'mx').source).toBeUndefined();
  });

  it('429 with Retry-After is honoured: the retry waits, then the values are used', async () => {
    const report = await check('graph-throttle.test');
    expect(report.tenant?.state).toBe('found');
    expect(row(report, 'mx').source).toBe('tenant');
    const first = graph!.requests.filter((r) => r.path === '/v1.0/domains/graph-throttle.test');
    expect(first).toHaveLength(2);
    // Retry-After: 1 → the second request came at least a second after the throttled one.
    expect((first[1]?.at ?? 0) - (first[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});

describe('21Vianet, through a real signed-in session (Entra ID sign-in with Domain.Read.All)', () => {
  let provider: EntraProvider | undefined;
  let signedIn: GraphStandIn | undefined;
  let vianet: App | undefined;
  const { signIn } = entraClient(() => ({ app: vianet!, provider: provider! }));

  afterAll(async () => {
    await stopEntraLab({ app: vianet, provider });
    await signedIn?.close();
  });

  it("asks Graph with the user's own token, naming only the 21Vianet host", async () => {
    // The session's access token is the provider's random one: this stand-in takes any bearer token.
    signedIn = await startGraphStandIn(
      { 'graph-ok.test': worldwideRecords('graph-ok.test', 'graph-ok-test', MS_OK) },
      'any',
    );
    ({ provider, app: vianet } = await startEntraLab(
      {
        ...appEnv(dns!.address),
        ENTRA_CLOUD: 'china',
        ENTRA_GRAPH_URL: signedIn.url,
        ENTRA_GRAPH_DOMAINS: '1',
      },
      { tenant: TENANT_A },
    ));
    const { session, location } = await signIn(users.viewer);
    expect(session, `callback to ${location}`).not.toBeNull();

    const res = await get(vianet.url, '/api/check?domain=graph-ok.test&cloud=worldwide&lang=en', {
      headers: { cookie: `m365dh-entra=${session}` },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const report = Report.parse(res.json);
    expect(report.tenant?.state).toBe('found');
    expect(row(report, 'mx').source).toBe('tenant');
    expect(signedIn.requests.length).toBe(3);
    for (const r of signedIn.requests) {
      expect(r.host).toBe('microsoftgraph.chinacloudapi.cn');
      expect(r.authorization).toMatch(/^Bearer \S+$/);
    }
    // Not signed in (sign-in required once Entra is on): refused, and Graph is not asked.
    const anonymous = await get(vianet.url, '/api/check?domain=graph-ok.test&cloud=worldwide&lang=en');
    expect(anonymous.status).toBe(401);
    expect(signedIn.requests.length).toBe(3);
  }, 60_000);
});

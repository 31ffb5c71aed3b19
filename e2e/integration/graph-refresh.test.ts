/**
 * A signed-in session's Graph token is refreshed when it is about to expire (lib/server/auth/session.ts
 * `sessionGraphToken`, oauth4webapi's refresh grant in lib/server/auth/entra.ts): the production build, Entra
 * sign-in through the local stand-in (lab/oidc-provider.ts) whose access tokens live 30 s (inside the app's 60 s
 * margin, so the sign-in's token counts as expired at once), and the Graph stand-in that takes only tokens the
 * provider issued. A refresh the provider refuses leaves the check without the tenant's values (Microsoft's
 * documented patterns decide) and says the sign-in to Graph has expired; never a verdict from a token it doesn't have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS, microsoftZones } from '../../lab/fixtures';
import { type GraphStandIn, graphLabZone, startGraphStandIn, worldwideRecords } from '../../lab/graph-stand-in';
import type { EntraProvider } from '../../lab/oidc-provider';
import { withApexRecords } from '../../lab/zone-file';
import type { Zone } from '../../lab/zone-types';
import { Report } from '../../lib/schema';
import type { App } from '../support/app';
import { appEnv } from '../support/app-env';
import { entraClient } from '../support/entra';
import { startEntraLab, stopEntraLab, TENANT_A, users } from '../support/entra-lab';

const MS_OK = 'MS=ms11112222';
const ZONES: Zone[] = [
  { apex: '', records: [] },
  { apex: 'test', records: [] },
  graphLabZone('refresh-ok.test', `refresh-ok-test.${MS.mxWw}`, MS_OK),
  graphLabZone('refresh-refused.test', `refresh-refused-test.${MS.mxWw}`, MS_OK),
  ...microsoftZones(),
];

let dns: FakeServer | undefined;
let graph: GraphStandIn | undefined;
let provider: EntraProvider | undefined;
let app: App | undefined;
const { signIn, api } = entraClient(() => ({ app: app!, provider: provider! }));

beforeAll(async () => {
  dns = await startFakeDnsServer({ zones: ZONES.map((z) => z.apex), records: ZONES.flatMap(withApexRecords) });
  // Graph takes the access tokens the Entra stand-in issued, nothing else.
  graph = await startGraphStandIn(
    {
      'refresh-ok.test': worldwideRecords('refresh-ok.test', 'refresh-ok-test', MS_OK),
      'refresh-refused.test': worldwideRecords('refresh-refused.test', 'refresh-refused-test', MS_OK),
    },
    (bearer) => provider?.issued.some((t) => t.accessToken === bearer) ?? false,
  );
  ({ provider, app } = await startEntraLab(
    { ...appEnv(dns.address), ENTRA_GRAPH_URL: graph.url, ENTRA_GRAPH_DOMAINS: '1', GRAPH_TIMEOUT_MS: '2000' },
    { tenant: TENANT_A, provider: { accessTokenTtlS: 30 } },
  ));
}, 60_000);

afterAll(async () => {
  await stopEntraLab({ app, provider });
  await graph?.close();
  await dns?.close();
});

async function check(domain: string, session: string | null): Promise<Report> {
  const res = await api(`/api/check?${new URLSearchParams({ domain, cloud: 'worldwide', lang: 'en' })}`, session);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return Report.parse(res.body);
}

const mx = (report: Report) => report.records.find((r) => r.id === 'mx');

describe("a session's Graph token, refreshed when it expires", () => {
  it('is refreshed with the refresh token, and Graph is asked with the new access token', async () => {
    const { session } = await signIn(users.viewer);
    expect(session).not.toBeNull();
    expect(provider!.issued.map((t) => t.grant)).toEqual(['authorization_code']);
    const signInToken = provider!.issued[0]?.accessToken;

    const report = await check('refresh-ok.test', session);
    expect(report.tenant?.state).toBe('found');
    expect(mx(report)?.source).toBe('tenant');
    // The app redeemed its refresh token for a new access token...
    expect(provider!.grants).toEqual(['authorization_code', 'refresh_token']);
    const refreshed = provider!.issued[1];
    expect(refreshed?.grant).toBe('refresh_token');
    expect(refreshed?.accessToken).not.toBe(signInToken);
    // ...and every Graph request carried that one.
    const asked = graph!.requests.filter((r) => r.path.includes('refresh-ok.test'));
    expect(asked).toHaveLength(3);
    for (const r of asked) expect(r.authorization).toBe(`Bearer ${refreshed?.accessToken}`);
  });

  it("a refresh the provider refuses: Graph isn't asked, the documented patterns decide, and the report says to sign in again", async () => {
    const { session } = await signIn(users.viewer2);
    expect(session).not.toBeNull();
    provider!.refuseRefresh(true);
    try {
      const grantsBefore = provider!.grants.length;
      const askedBefore = graph!.requests.length;
      const report = await check('refresh-refused.test', session);
      // The app tried (and was refused): the stale token was not used instead.
      expect(provider!.grants.slice(grantsBefore)).toEqual(['refresh_token']);
      expect(graph!.requests.length).toBe(askedBefore);
      // No "from your tenant", no tenant mismatch: the MX (a Microsoft 365 one) passes on Microsoft's documented
      // pattern. And the reader is told why the tenant's values are missing (not silently treated as never asked).
      expect(report.tenant).toEqual({ state: 'sign-in-expired', verified: null, expected: {} });
      expect(report.records.every((r) => r.source !== 'tenant')).toBe(true);
      expect(mx(report)?.code).toBe('records.mx.ok.protection');
      expect(report.notes.some((n) => n.includes('from your tenant'))).toBe(false);
      expect(report.notes).toContain(
        "Could not check your tenant's expected values: your sign-in to Microsoft Graph has expired. Sign out and sign in again to compare refresh-refused.test with your tenant's own records; the expected values below are Microsoft's documented patterns.",
      );
    } finally {
      provider!.refuseRefresh(false);
    }
  });
  it('a refresh Entra gives no usable answer to: the tenant part is "could not check", never the old token', async () => {
    const { session } = await signIn(users.operator);
    expect(session).not.toBeNull();
    provider!.failRefresh(true);
    try {
      const askedBefore = graph!.requests.length;
      const report = await check('refresh-refused.test', session);
      expect(graph!.requests.length).toBe(askedBefore);
      expect(report.tenant).toEqual({ state: 'failed', verified: null, expected: {}, detail: 'token refresh' });
      expect(mx(report)?.code).toBe('records.mx.ok.protection');
      expect(report.notes.some((n) => n.includes("Microsoft Graph didn't answer (token refresh)"))).toBe(true);
    } finally {
      provider!.failRefresh(false);
    }
  });
});

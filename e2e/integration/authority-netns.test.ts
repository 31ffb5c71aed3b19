/**
 * A blocked network, made for real (issue 14): the production app runs in a network namespace of this test's own
 * (e2e/support/netns.ts), joined to ours by a veth pair. The resolver (the authority lab's unbound, through a relay
 * on our end of the veth) answers; the authoritative servers' addresses are dropped inside the namespace as a
 * company firewall's DROP rule does, so their queries time out. The check must say that the domain's own servers
 * can't be reached, fall back to the resolver view labelled as such, keep the right verdict, and finish within
 * its deadline. Without the block the same app reaches the same servers (the control), so it is the block that
 * makes the difference. Needs root and iproute2; skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityLab, ROOT_ADDRESS, startAuthorityLab } from '../../lab/authority-lab';
import { microsoftZonesFor } from '../../lab/fixtures';
import { tenantRecords } from '../../lab/fixtures-records';
import { waitUntil } from '../../lab/process';
import { Report } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get } from '../support/http';
import { createNetns, type Netns, netnsUnavailable } from '../support/netns';

const DOMAIN = 'netns-ok.test';
const DEADLINE_MS = 8000;
/** Every address of the lab's authoritative servers: the root, `test.` and the zones' servers. */
const ALL_AUTHORITATIVE = '127.53.0.0/16';
/** Only the zones' own servers (the lab gives them 127.53.1.x): the root and `test.` still answer. */
const ZONE_SERVERS = '127.53.1.0/24';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`authority-netns.test.ts skipped: ${unavailable}`);

let lab: AuthorityLab;
let netns: Netns | undefined;
let app: App | undefined;
let resolver = '';

/** The records that are not OK, for the failure message. */
function notOk(report: Report): string {
  return JSON.stringify(report.records.filter((r) => r.status !== 'ok').map((r) => [r.id, r.status, r.found, r.chain]));
}

async function check(): Promise<{ report: Report; ms: number }> {
  if (!app) throw new Error('no app');
  const started = Date.now();
  const result = await get(
    app.url,
    `/api/check?${new URLSearchParams({ domain: DOMAIN, cloud: 'worldwide', lang: 'en' })}`,
  );
  const ms = Date.now() - started;
  expect(result.status, result.text.slice(0, 500)).toBe(200);
  return { report: Report.parse(result.json), ms };
}

/** The verdict is the resolver's and right: nothing "missing" or "broken" because the servers were unreachable. */
function expectRightVerdict(report: Report) {
  expect(report.summary.health, notOk(report)).toBe('healthy');
  expect(report.msoid.status).toBe('ok');
  // Exactly what the zone publishes: every record right or fine to lack, none "missing", "wrong" or "could not check".
  expect(report.records.filter((r) => r.status !== 'ok' && r.status !== 'optional-absent').map((r) => r.id)).toEqual(
    [],
  );
  expect(report.lookups[`msoid.${DOMAIN} CNAME`]?.server).toBe(resolver);
}

describe.skipIf(unavailable !== null)(
  `a blocked network (network namespace)${unavailable ? `: skipped, ${unavailable}` : ''}`,
  () => {
    beforeAll(async () => {
      const records = tenantRecords(DOMAIN, 'ww');
      lab = await startAuthorityLab({
        zones: [{ apex: DOMAIN, records }],
        resolverZones: microsoftZonesFor(records),
      });
      netns = await createNetns();
      resolver = await netns.relay(lab.resolver);
      // Blocked from the start: the app's first walk meets the dropping firewall.
      netns.block(ALL_AUTHORITATIVE);
      // Nothing else listens inside the fresh namespace: any port is free there.
      const port = 40_000 + (process.pid % 20_000);
      app = await startApp(
        {
          ...appEnv(resolver),
          AUTHORITATIVE: '1',
          DNS_ROOT_HINTS: lab.rootHints,
          DNS_AUTH_PORT: String(lab.port),
          DOMAIN_DEADLINE_MS: String(DEADLINE_MS),
          // Short, so the control below sees the unblocked network soon (the default remembers it for 5 minutes).
          AUTH_UNREACHABLE_S: '5',
          // The app answers only its own origin when not on loopback.
          PUBLIC_ORIGIN: `http://${netns.nsAddress}:${port}`,
        },
        { host: netns.nsAddress, port, commandPrefix: netns.prefix },
      );
    }, 120_000);

    afterAll(async () => {
      await app?.stop();
      await netns?.destroy();
      await lab?.stop();
    });

    it('all authoritative addresses dropped: "can\'t be reached", the resolver view labelled, the right verdict, within the deadline', async () => {
      const { report, ms } = await check();
      expect(report.authority).toMatchObject({ basedOn: 'resolver', fallback: 'root-unreachable', zone: null });
      // Dropped, not refused: the root's query timed out (a refused one would be `network-error`).
      expect(report.authority?.servers).toEqual([
        expect.objectContaining({ name: '.', address: ROOT_ADDRESS, reachable: false, problem: 'timeout' }),
      ]);
      expectRightVerdict(report);
      expect(ms).toBeLessThan(DEADLINE_MS);
      const page = await get(app?.url ?? '', `/d/${DOMAIN}?cloud=worldwide&lang=en`);
      expect(page.text).toContain('data-based-on="resolver"');
      expect(page.text).toContain('(outbound DNS may be blocked); results are from');
      // "Unreachable" is remembered: the next check doesn't wait out the root's timeouts again.
      const again = await check();
      expect(again.report.authority).toMatchObject({ fallback: 'root-unreachable', queries: 0 });
      expectRightVerdict(again.report);
    }, 60_000);

    it("the control: unblocked, the same app in the same namespace judges on the zone's servers", async () => {
      netns?.unblock();
      let last: Report | undefined;
      // The "unreachable" mark lasts AUTH_UNREACHABLE_S (5 s); a background probe clears it sooner.
      await waitUntil(
        async () => {
          last = (await check()).report;
          return last.authority?.basedOn === 'authoritative';
        },
        { timeoutMs: 40_000, intervalMs: 1000, describe: () => JSON.stringify(last?.authority) },
      );
      expect(last?.authority).toMatchObject({ basedOn: 'authoritative', zone: DOMAIN });
      expect(last?.authority?.servers).toEqual([expect.objectContaining({ reachable: true, aa: true })]);
      expect(last?.summary.health, last ? notOk(last) : '').toBe('healthy');
    }, 60_000);

    it("only the zone's servers dropped (the root and test. answer): each server's reason, the resolver view, the right verdict", async () => {
      netns?.block(ZONE_SERVERS);
      const { report, ms } = await check();
      expect(report.authority).toMatchObject({ basedOn: 'resolver', fallback: 'servers-unreachable' });
      expect(report.authority?.servers.length).toBeGreaterThan(0);
      for (const server of report.authority?.servers ?? []) {
        expect(server).toMatchObject({ reachable: false, problem: 'timeout' });
        expect(server.address).toMatch(/^127\.53\.1\./);
      }
      expectRightVerdict(report);
      expect(ms).toBeLessThan(DEADLINE_MS);
      const page = await get(app?.url ?? '', `/d/${DOMAIN}?cloud=worldwide&lang=en`);
      expect(page.text).toContain('data-based-on="resolver"');
    }, 60_000);
  },
);

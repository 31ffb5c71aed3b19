/**
 * The politeness cap during a real bulk run (issue 14, "Tests"): the production app with AUTHORITATIVE=1 walks from
 * the authority lab's root and runs a list of domains (POST /api/runs) that all live on the same two DNS servers,
 * with two check workers beside the main thread. The lab's servers (the fake server, `fake: true`) note when each
 * query arrives, per address. No address may get more than AUTH_QPS_PER_SERVER queries in any one-second window,
 * for the whole process: the cap is shared out among the check threads (lib/server/dns/politeness.ts).
 *
 * The lab notes an arrival when its event loop gets to it, which on a loaded machine can be late and bunch a few
 * together, so the test allows for that in two ways that a process over the cap still fails:
 * - bursts: no more than the cap within any 0.5 s (half a second of tolerance). Limiters with fixed windows, one
 *   per thread, put a burst of the cap at the start of each thread's window, and with two threads two bursts
 *   always fall within 0.5 s of each other: twice the cap;
 * - rate: no more than 5 × the cap, plus one second's worth for late arrivals, within any 5 s. A process sending
 *   at twice the cap, evenly, sends 10 × the cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityLab, type AuthZone, startAuthorityLab } from '../../lab/authority-lab';
import { microsoftZonesFor } from '../../lab/fixtures';
import { tenantRecords } from '../../lab/fixtures-records';
import type { ZoneRecord } from '../../lab/zone-types';
import { type Report, RunCreated, RunSummary } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, post } from '../support/http';

/** AUTH_QPS_PER_SERVER of the app under test (the default). */
const CAP = 20;
const DOMAINS = Array.from({ length: 16 }, (_, i) => `polite-${String(i).padStart(2, '0')}.test`);
const SERVERS = ['pa.lab.test', 'pb.lab.test'];

const soa = (apex: string): ZoneRecord => ({
  name: apex,
  type: 'SOA',
  data: `pa.lab.test hostmaster.lab.test 1 3600 600 86400 300`,
});

/** The most arrivals within any half-open window of `ms`. */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

let lab: AuthorityLab;
let app: App;

beforeAll(async () => {
  const zones: AuthZone[] = DOMAINS.map((apex) => ({
    apex,
    records: [soa(apex), ...tenantRecords(apex, 'ww')],
    servers: SERVERS.map((name) => ({ name, fake: true })),
  }));
  const records = zones.flatMap((z) => z.records);
  // Microsoft's zones (only unbound goes there), with a record at every CNAME target (the DKIM keys are per domain).
  const resolverZones = microsoftZonesFor(records);
  lab = await startAuthorityLab({ zones, resolverZones });
  app = await startApp({
    ...appEnv(lab.resolver),
    AUTHORITATIVE: '1',
    DNS_ROOT_HINTS: lab.rootHints,
    DNS_AUTH_PORT: String(lab.port),
    AUTH_QPS_PER_SERVER: String(CAP),
    // Two workers beside the main thread: each thread has a limiter of its own.
    CHECK_WORKERS: '2',
    // Every domain waits its turn at the same two servers: long enough for the last one.
    DOMAIN_DEADLINE_MS: '90000',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await lab?.stop();
});

async function runToEnd(domains: string[]): Promise<RunSummary> {
  const created = await post(app.url, '/api/runs', { domains, cloud: 'worldwide' });
  expect(created.status, created.text.slice(0, 500)).toBe(201);
  const { id } = RunCreated.parse(created.json);
  for (;;) {
    const res = await get(app.url, `/api/runs/${id}?from=0&lang=en`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const summary = RunSummary.parse(res.json);
    if (summary.status === 'done' && summary.pending === 0) return summary;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the politeness cap during a bulk run', () => {
  it('no server address gets more than AUTH_QPS_PER_SERVER queries in any second, for the whole process', async () => {
    const summary = await runToEnd(DOMAINS);
    // Judged on the zones' own servers, every one of them (not a fallback to the resolver).
    const results = summary.results as Report[];
    expect(results).toHaveLength(DOMAINS.length);
    expect(results.map((r) => [r.domain, r.authority?.basedOn])).toEqual(
      expect.arrayContaining(DOMAINS.map((d) => [d, 'authoritative'])),
    );
    const arrivals = lab.arrivals();
    const addresses = SERVERS.map((name) => lab.addresses[name] ?? '');
    for (const address of addresses) {
      const times = arrivals[address] ?? [];
      // Enough queries that the run had to spread them over several seconds: the cap was what held them back.
      expect(times.length, address).toBeGreaterThan(5 * CAP);
      const burst = busiest(times, 500);
      expect(burst, `${address}: ${burst} queries within 0.5 s (cap ${CAP}/s)`).toBeLessThanOrEqual(CAP);
      const rate = busiest(times, 5000);
      expect(rate, `${address}: ${rate} queries within 5 s (cap ${CAP}/s)`).toBeLessThanOrEqual(6 * CAP);
    }
  }, 180_000);
});

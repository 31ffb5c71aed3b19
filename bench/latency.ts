/**
 * `latency`: the authoritative path's cost where servers are far away (issue 14 item 6). The authority lab
 * (lab/authority-lab.ts: a root, `test.` and the zones' own servers on 127.53.x.y, one port) with N domains spread
 * over SERVERS name servers (two per zone), each answering after its own delay of 20–300 ms (log-uniform: most real
 * servers are near, a few far), and 3% of the domains dead (their servers' addresses have nothing listening).
 * `test.` has 13 servers, as a real TLD.
 * unbound resolves the same tree through the same delayed servers. One bulk run (`POST /api/runs`, events to
 * `done`) with AUTHORITATIVE=0 and one with AUTHORITATIVE=1, each on an app of its own and a cold unbound,
 * repeated `reps` times; the figure is the ratio of the median wall times (target: on ≤ 1.5 × off).
 */
import { type App, startApp } from '../e2e/support/app';
import { type AuthorityLab, type AuthZone, startAuthorityLab } from '../lab/authority-lab';
import { microsoftZonesFor } from '../lab/fixtures';
import { tenantRecords } from '../lab/fixtures-records';
import type { ZoneRecord } from '../lab/zone-types';
import { type ApiRun, runBulkRun } from './api';
import { fmt } from './measure';
import { median } from './stats';

/** Name servers the domains are spread over (two per zone), each on its own loopback address. */
export const LATENCY_SERVERS = 200;
/** One domain in this many is dead (3%). */
export const LATENCY_DEAD_EVERY = 33;
export const LATENCY_MIN_MS = 20;
export const LATENCY_MAX_MS = 300;

export type LatencyRun = { authoritative: boolean; rep: number; run: ApiRun };
export type LatencyResult = {
  domains: number;
  dead: number;
  servers: number;
  delayMs: { min: number; median: number; max: number };
  runs: LatencyRun[];
  offMedianMs: number;
  onMedianMs: number;
  /** onMedianMs / offMedianMs. */
  ratio: number;
  settings: Record<string, string>;
};

const serverName = (i: number) => `s${String(i).padStart(3, '0')}.lab.test`;
const domainName = (i: number) => `lat-${String(i).padStart(5, '0')}.test`;

/** A deterministic delay per server: log-uniform in [LATENCY_MIN_MS, LATENCY_MAX_MS] (a fixed LCG, no Math.random). */
export function serverDelays(count: number): number[] {
  let seed = 0x2545f491;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const lo = Math.log(LATENCY_MIN_MS);
  const hi = Math.log(LATENCY_MAX_MS);
  return Array.from({ length: count }, () => Math.round(Math.exp(lo + (hi - lo) * next())));
}

function soa(apex: string, ns: string): ZoneRecord {
  return { name: apex, type: 'SOA', data: `${ns} hostmaster.lab.test 1 3600 600 86400 300` };
}

/** The zones: domain i on servers i and i+1 (mod SERVERS); every LATENCY_DEAD_EVERY-th on the two dead ones. */
export function latencyZones(domains: number): { zones: AuthZone[]; dead: string[] } {
  const dead = ['dead1.lab.test', 'dead2.lab.test'];
  const zones = Array.from({ length: domains }, (_, i): AuthZone => {
    const apex = domainName(i);
    const names =
      i % LATENCY_DEAD_EVERY === LATENCY_DEAD_EVERY - 1
        ? dead
        : [serverName(i % LATENCY_SERVERS), serverName((i + 1) % LATENCY_SERVERS)];
    const live = !dead.includes(names[0] ?? '');
    return {
      apex,
      records: [soa(apex, names[0] ?? ''), ...tenantRecords(apex, 'ww')],
      // A dead zone's servers are only named (glue to addresses where nothing listens): the lab runs nothing there.
      ...(live ? { servers: names.map((name) => ({ name, fake: true })) } : { servers: [], parentNs: dead }),
    };
  });
  return { zones, dead };
}

/** Runs the latency lab; `env` is the bench's app environment (limits raised, DNS budget at its defaults). */
export async function measureLatency(options: {
  domains: number;
  reps: number;
  appDir: string;
  env: Record<string, string>;
  log: (line: string) => void;
}): Promise<LatencyResult> {
  const { domains, reps, log } = options;
  const { zones, dead } = latencyZones(domains);
  const delays = serverDelays(LATENCY_SERVERS);
  const sorted = [...delays].sort((a, b) => a - b);
  let t = performance.now();
  const lab: AuthorityLab = await startAuthorityLab({
    zones,
    deadServers: dead,
    resolverZones: microsoftZonesFor(zones.flatMap((z) => z.records)),
    delays: Object.fromEntries(delays.map((ms, i) => [serverName(i), ms])),
    // `test.` on 13 addresses, as a real TLD: the walk spreads its referral questions over them (each address has
    // its own politeness cap; with one, a 1,000-domain run could not take less than 1,000 / AUTH_QPS_PER_SERVER s).
    tldServers: 13,
  });
  const deadDomains = zones.filter((z) => (z.servers ?? []).length === 0).map((z) => z.apex);
  log(
    `latency lab up in ${fmt(performance.now() - t)} ms: ${domains} domains (${deadDomains.length} dead) on ${LATENCY_SERVERS} servers answering after ${sorted[0]}–${sorted.at(-1)} ms (median ${median(delays)}), unbound ${lab.resolver}`,
  );
  const settings = {
    DNS_ROOT_HINTS: lab.rootHints,
    DNS_AUTH_PORT: String(lab.port),
  };
  const runs: LatencyRun[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      // Alternate the order, so neither mode always runs on the machine the other just warmed.
      const order = rep % 2 === 0 ? [false, true] : [true, false];
      for (const authoritative of order) {
        let app: App | undefined;
        const cwd = process.cwd();
        process.chdir(options.appDir);
        try {
          app = await startApp({
            ...options.env,
            DNS_SERVERS: lab.resolver,
            ...settings,
            AUTHORITATIVE: authoritative ? '1' : '0',
          });
        } finally {
          process.chdir(cwd);
        }
        try {
          await lab.flushCache();
          t = performance.now();
          const run = await runBulkRun({
            url: app.url,
            domains: zones.map((z) => z.apex),
            expected: new Map(),
            timeoutMs: 300_000 + domains * 200,
          });
          runs.push({ authoritative, rep, run });
          log(
            `latency AUTHORITATIVE=${authoritative ? 1 : 0} rep ${rep + 1}: ${fmt(run.wallMs)} ms for ${run.reports} domains (p50 ${fmt(run.p50Ms)} ms, p95 ${fmt(run.p95Ms)} ms, ${fmt(run.sent)} resolver queries)`,
          );
        } finally {
          await app.stop();
        }
      }
    }
  } finally {
    await lab.stop();
  }
  const wall = (on: boolean) => median(runs.filter((r) => r.authoritative === on).map((r) => r.run.wallMs));
  const offMedianMs = wall(false);
  const onMedianMs = wall(true);
  return {
    domains,
    dead: deadDomains.length,
    servers: LATENCY_SERVERS,
    delayMs: { min: sorted[0] ?? 0, median: median(delays), max: sorted.at(-1) ?? 0 },
    runs,
    offMedianMs,
    onMedianMs,
    ratio: onMedianMs / offMedianMs,
    settings: { ...settings, AUTHORITATIVE: '0 / 1' },
  };
}

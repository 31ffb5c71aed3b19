/**
 * The authority lab: a real delegation tree on loopback. A root server, the `test.` TLD server and one nsd per
 * name server, each on its own 127.53.x.y address and all on ONE port (real servers all listen on 53; the app
 * gets that port as DNS_AUTH_PORT and the root as DNS_ROOT_HINTS). The root delegates `test.` with glue, `test.`
 * delegates each zone to its servers with glue, and each server serves its own copy of its zones, so a walk
 * from the root sees referrals, apex NS sets, serials and lame servers as in the real world. unbound resolves
 * the same tree (stub zones: it cannot follow a referral to a port other than 53).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeServer, type Rule, startFakeDnsServer } from './fake-dns-server';
import { freePort, portFree } from './net';
import { type Nsd, startNsd } from './nsd';
import { flushCache, startUnbound, type Unbound } from './unbound';
import { absolute, withApexRecords } from './zone-file';
import type { Zone, ZoneRecord } from './zone-types';

/** Address of the root server. */
export const ROOT_ADDRESS = '127.53.0.1';
/** Address of the `test.` TLD server. */
export const TLD_ADDRESS = '127.53.0.2';
/** Address of the server of `resolverZones` (Microsoft's zones: only unbound goes there). */
export const OTHER_ADDRESS = '127.53.0.3';
/** Name of the root server and of the `test.` server (their glue is in the root zone). */
export const ROOT_NS = 'a.root.lab.test';
export const TLD_NS = 'tld.lab.test';

export type AuthServerSpec = {
  /** Name server name, under `test.` (e.g. `ns1.lab.test`); one name is one server and one address. */
  name: string;
  /** The copy this server serves instead of the zone's records (an older serial, a stale record). */
  records?: ZoneRecord[];
  /** Named in the NS sets but does not serve the zone: nsd answers REFUSED (a lame server). */
  lame?: boolean;
  /**
   * Served by the fake server instead of nsd (data nsd refuses to load, like a CNAME beside a TXT). Every zone
   * a fake server name serves must say so.
   */
  fake?: boolean;
};

export type AuthZone = Zone & {
  /** The zone's servers; default one, `ns1.lab.test`. The apex NS set is their names unless `records` has apex NS. */
  servers?: AuthServerSpec[];
  /** The NS names `test.` delegates to (the referral); default the servers' names. */
  parentNs?: string[];
};

export type AuthorityLabOptions = {
  zones: AuthZone[];
  /** Server names given a glue address where nothing listens (an unreachable server). */
  deadServers?: string[];
  /**
   * Zones outside the tree that only unbound resolves (Microsoft's zones the fixtures' CNAMEs point into),
   * served by one nsd at OTHER_ADDRESS and given to unbound as stub zones.
   */
  resolverZones?: Zone[];
  /**
   * Server name → milliseconds its answers are held back (the bench's latency lab: real servers answer after
   * 20–300 ms). Only servers run by the fake server (`fake: true`) can be delayed.
   */
  delays?: Record<string, number>;
  /**
   * Servers of `test.` (default 1, at TLD_ADDRESS as TLD_NS): more, like a real TLD's 13, at 127.53.0.11… as
   * tld2.lab.test…, so a bulk walk spreads its referral questions as it would over a real TLD's servers.
   */
  tldServers?: number;
  keepDir?: boolean;
};

export type AuthorityLab = {
  /** `127.53.0.1:port`: DNS_ROOT_HINTS. */
  rootHints: string;
  /** The one port every server listens on: DNS_AUTH_PORT. */
  port: number;
  /** `127.0.0.1:port` of unbound resolving the same tree: DNS_SERVERS. */
  resolver: string;
  unboundConfig: string;
  /** Server name → its address (dead servers included). */
  addresses: Record<string, string>;
  /**
   * Replaces a zone's records on its servers (or only on `server`) and reloads them. Apex NS records are added
   * as at start when `records` has none; give the SOA with a new serial as a real change would.
   */
  update(apex: string, records: ZoneRecord[], server?: string): Promise<void>;
  flushCache(): Promise<void>;
  /**
   * When each query reached each server the fake server runs (`fake: true`), by address (performance.now(), ms):
   * for counting queries per second per address (the politeness cap). nsd servers are not counted.
   */
  arrivals(): Record<string, number[]>;
  stop(): Promise<void>;
  dir: string;
};

const DEFAULT_SERVER = 'ns1.lab.test';

function serversOf(zone: AuthZone): AuthServerSpec[] {
  return zone.servers ?? [{ name: DEFAULT_SERVER }];
}

function hasApexNs(zone: Zone, records: ZoneRecord[]): boolean {
  return records.some((r) => r.type === 'NS' && absolute(r.name) === absolute(zone.apex));
}

/** The zone as one server serves it: its copy, with the apex NS set of the zone's server names when absent. */
function copyFor(zone: AuthZone, spec: AuthServerSpec, records: ZoneRecord[] = spec.records ?? zone.records): Zone {
  const ns = hasApexNs(zone, records)
    ? []
    : serversOf(zone).map((s): ZoneRecord => ({ name: zone.apex, type: 'NS', data: s.name }));
  return { apex: zone.apex, records: [...records, ...ns] };
}

/** Server name → address: the servers in order of first mention, then the dead ones, from 127.53.1.1 up. */
function assignAddresses(zones: AuthZone[], dead: string[]): Map<string, string> {
  const names: string[] = [];
  const add = (name: string) => {
    const n = absolute(name).slice(0, -1);
    if (!names.includes(n)) names.push(n);
  };
  for (const zone of zones) {
    for (const s of serversOf(zone)) add(s.name);
    for (const n of zone.parentNs ?? []) add(n);
  }
  for (const n of dead) add(n);
  if (names.length > 250) throw new Error('authority lab: at most 250 server names');
  return new Map(names.map((n, i) => [n, `127.53.1.${i + 1}`]));
}

type TldServer = { name: string; address: string };

function tldServers(count = 1): TldServer[] {
  return Array.from({ length: Math.max(1, Math.min(13, count)) }, (_, i) =>
    i === 0 ? { name: TLD_NS, address: TLD_ADDRESS } : { name: `tld${i + 1}.lab.test`, address: `127.53.0.${10 + i}` },
  );
}

function tldZone(zones: AuthZone[], addresses: Map<string, string>, tld: TldServer[]): Zone {
  const records: ZoneRecord[] = tld.flatMap((t): ZoneRecord[] => [
    { name: 'test', type: 'NS', data: t.name },
    { name: t.name, type: 'A', data: t.address },
  ]);
  for (const zone of zones) {
    for (const n of zone.parentNs ?? serversOf(zone).map((s) => s.name)) {
      records.push({ name: zone.apex, type: 'NS', data: n });
    }
  }
  for (const [name, address] of addresses) records.push({ name, type: 'A', data: address });
  return { apex: 'test', records };
}

function rootZone(tld: TldServer[]): Zone {
  return {
    apex: '',
    records: [
      { name: '', type: 'NS', data: ROOT_NS },
      { name: ROOT_NS, type: 'A', data: ROOT_ADDRESS },
      ...tld.flatMap((t): ZoneRecord[] => [
        { name: 'test', type: 'NS', data: t.name },
        { name: t.name, type: 'A', data: t.address },
      ]),
    ],
  };
}

function delayRules(delays: Record<string, number> | undefined, name: string): Rule[] {
  const entry = Object.entries(delays ?? {}).find(([n]) => absolute(n) === absolute(name));
  return entry && entry[1] > 0 ? [{ suffix: '', behaviour: { kind: 'delay', ms: entry[1] } }] : [];
}

async function sharedPort(hosts: string[]): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort(hosts[0]);
    const free = await Promise.all(hosts.map((h) => portFree(h, port)));
    if (free.every(Boolean)) return port;
  }
  throw new Error(`authority lab: no port free on all of ${hosts.join(', ')}`);
}

/** Starts the root, the TLD, every zone's servers and unbound; waits until each answers. */
export async function startAuthorityLab(options: AuthorityLabOptions): Promise<AuthorityLab> {
  for (const zone of options.zones) {
    const apex = absolute(zone.apex);
    if (!apex.endsWith('.test.') || apex === 'test.') throw new Error(`authority lab: ${apex} is not below test.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'm365-authlab-'));
  const keep = options.keepDir === true || process.env.LAB_KEEP === '1';
  const addresses = assignAddresses(options.zones, options.deadServers ?? []);
  const dead = new Set((options.deadServers ?? []).map((n) => absolute(n).slice(0, -1)));
  const started: Nsd[] = [];
  const fakes: FakeServer[] = [];
  const byServer = new Map<string, Nsd>();
  let unbound: Unbound | undefined;
  const stop = async () => {
    await unbound?.stop();
    await Promise.all([...started.map((n) => n.stop()), ...fakes.map((f) => f.close())]);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const live = [...addresses].filter(([name]) => !dead.has(name));
    const tld = tldServers(options.tldServers);
    const port = await sharedPort([
      ROOT_ADDRESS,
      ...tld.map((t) => t.address),
      OTHER_ADDRESS,
      ...live.map(([, a]) => a),
    ]);
    const nsd = async (label: string, host: string, zones: Zone[]) => {
      const sub = join(dir, label);
      mkdirSync(sub, { recursive: true });
      const server = await startNsd({
        dir: sub,
        zones,
        host,
        port,
        baseZones: false,
        cleanupPath: keep ? undefined : dir,
      });
      started.push(server);
      return server;
    };
    await nsd('root', ROOT_ADDRESS, [rootZone(tld)]);
    const testZone = tldZone(options.zones, addresses, tld);
    for (const [i, t] of tld.entries()) await nsd(i === 0 ? 'tld' : `tld${i + 1}`, t.address, [testZone]);
    const others = options.resolverZones ?? [];
    if (others.length > 0) await nsd('others', OTHER_ADDRESS, others);
    await Promise.all(
      live.map(async ([name, address]) => {
        const specs = options.zones.flatMap((zone) =>
          serversOf(zone)
            .filter((s) => absolute(s.name) === absolute(name) && s.lame !== true)
            .map((s) => ({ spec: s, zone: copyFor(zone, s) })),
        );
        if (specs.length > 0 && specs.every((x) => x.spec.fake === true)) {
          fakes.push(
            await startFakeDnsServer({
              host: address,
              port,
              zones: specs.map((x) => x.zone.apex),
              records: specs.flatMap((x) => withApexRecords(x.zone)),
              rules: delayRules(options.delays, name),
            }),
          );
          return;
        }
        if (specs.some((x) => x.spec.fake === true)) throw new Error(`authority lab: ${name} mixes fake and nsd zones`);
        byServer.set(
          name,
          await nsd(
            name,
            address,
            specs.map((x) => x.zone),
          ),
        );
      }),
    );
    const at = (host: string) => ({ host, port });
    const stubs = [
      { zone: '.', servers: [at(ROOT_ADDRESS)] },
      { zone: 'test', servers: tld.map((t) => at(t.address)) },
      ...others.map((zone) => ({ zone: zone.apex, servers: [at(OTHER_ADDRESS)] })),
      ...options.zones.map((zone) => ({
        zone: zone.apex,
        servers: (zone.parentNs ?? serversOf(zone).map((s) => s.name)).flatMap((n) => {
          const address = addresses.get(absolute(n).slice(0, -1));
          return address ? [at(address)] : [];
        }),
      })),
    ];
    unbound = await startUnbound({ dir, stubs });
    const configFile = unbound.configFile;
    return {
      rootHints: `${ROOT_ADDRESS}:${port}`,
      port,
      resolver: unbound.address,
      unboundConfig: configFile,
      addresses: Object.fromEntries(addresses),
      dir,
      update: async (apex, records, server) => {
        const zone = options.zones.find((z) => absolute(z.apex) === absolute(apex));
        if (!zone) throw new Error(`authority lab: no zone ${absolute(apex)}`);
        const specs = serversOf(zone).filter(
          (s) => s.lame !== true && (server === undefined || absolute(s.name) === absolute(server)),
        );
        await Promise.all(
          specs.map((s) => byServer.get(absolute(s.name).slice(0, -1))?.reload([copyFor(zone, s, records)])),
        );
      },
      flushCache: () => flushCache(configFile),
      arrivals: () => Object.fromEntries(fakes.map((f) => [f.host, [...f.stats.arrivals]])),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

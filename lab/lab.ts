/**
 * The DNS lab: nsd (authoritative, all lab zones) behind unbound (recursive, what the app asks),
 * plus an optional fake server for misbehaving zones that unbound forwards to. Loopback only,
 * random free ports, everything in one temp directory, every daemon stopped by PID.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeServer, type Rule, startFakeDnsServer } from './fake-dns-server';
import { type Nsd, startNsd } from './nsd';
import { flushCache, flushInfra, startUnbound, type Unbound } from './unbound';
import type { Zone, ZoneRecord } from './zone-types';

export type FakeZones = { zones: string[]; records: ZoneRecord[]; rules: Rule[] };

export type LabOptions = {
  /** Zones nsd serves (the root and `test.` are added automatically). */
  zones: Zone[];
  /** Zones served by the fake server; unbound forwards each of them there. */
  fakeZones?: FakeZones;
  /** Keep the temp dir (configs, zone files, logs) after stop; also when LAB_KEEP=1. */
  keepDir?: boolean;
};

export type Lab = {
  /** `127.0.0.1:port` of unbound: the resolver to point the app at. */
  resolver: string;
  /** `127.0.0.1:port` of nsd. */
  nsd: string;
  fake?: FakeServer;
  /** Temp dir with configs, zone files and logs. */
  dir: string;
  /** unbound.conf path, for `unbound-control -c` from other processes (see `flushInfra` in ./unbound). */
  unboundConfig: string;
  /** Forget unbound's "server down" marks (it remembers a dead upstream for 15 minutes). */
  flushInfra(): Promise<void>;
  /** Empty unbound's caches. */
  flushCache(): Promise<void>;
  /** nsd serves new contents for some of its zones (give each a higher SOA serial); see `Nsd.reload`. */
  reloadZones(zones: Zone[]): Promise<void>;
  /**
   * Restart unbound on the same port (cold cache, fresh infra cache). `onDown` runs once the old process has
   * stopped; the promise resolves once the new one answers a real query.
   */
  restartUnbound(onDown?: () => void): Promise<void>;
  stop(): Promise<void>;
};

/** Starts nsd, the fake server (when given) and unbound; waits until each answers a real query. */
export async function startLab(options: LabOptions): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), 'm365-lab-'));
  const keep = options.keepDir === true || process.env.LAB_KEEP === '1';
  let nsd: Nsd | undefined;
  let fake: FakeServer | undefined;
  let unbound: Unbound | undefined;
  const stopAll = async () => {
    await unbound?.stop();
    await fake?.close();
    await nsd?.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    nsd = await startNsd({ dir, zones: options.zones, cleanupPath: keep ? undefined : dir });
    if (options.fakeZones) {
      fake = await startFakeDnsServer({
        host: '127.0.0.1',
        zones: options.fakeZones.zones,
        records: options.fakeZones.records,
        rules: options.fakeZones.rules,
      });
    }
    const forwards = fake
      ? (options.fakeZones?.zones ?? []).map((zone) => ({ zone, host: fake!.host, port: fake!.port }))
      : [];
    const upstream = { host: nsd.host, port: nsd.port };
    unbound = await startUnbound({ dir, upstream, forwards });
    const configFile = unbound.configFile;
    const lab: Lab = {
      resolver: unbound.address,
      nsd: nsd.address,
      fake,
      dir,
      unboundConfig: configFile,
      flushInfra: async () => {
        await flushInfra(configFile);
      },
      flushCache: () => flushCache(configFile),
      reloadZones: (zones) => nsd!.reload(zones),
      restartUnbound: async (onDown) => {
        const port = unbound!.port;
        await unbound!.stop();
        onDown?.();
        unbound = await startUnbound({ dir, upstream, forwards, port });
      },
      stop: stopAll,
    };
    return lab;
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

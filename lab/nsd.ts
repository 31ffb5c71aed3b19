/**
 * NSD (authoritative) for the lab: serves the root zone, `test.` and the given zones from a temp
 * directory on a free loopback port, as a plain foreground process stopped by PID.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary, freePort, queryOnce } from './net';
import { logTail, type Managed, spawnManaged, waitUntil } from './process';
import { absolute, LAB_NS, renderZone, withApexRecords } from './zone-file';
import type { Zone } from './zone-types';

export type NsdOptions = {
  /** Directory of its own (created by the caller); config, zones, pid and logs go here. */
  dir: string;
  zones: Zone[];
  host?: string;
  /** Fixed port (the authority lab runs every server on one port, as real servers all use 53); free one when absent. */
  port?: number;
  /** Add the root and `test.` zones when not given (default true). Without them, any reply means "started". */
  baseZones?: boolean;
  /** How long to wait for the first answer. */
  startTimeoutMs?: number;
  /** Removed by the watchdog if this process dies without stopping nsd. */
  cleanupPath?: string;
};

export type Nsd = {
  host: string;
  port: number;
  /** `127.0.0.1:port`. */
  address: string;
  configFile: string;
  logFile: string;
  process: Managed;
  /**
   * Serves new contents for zones it already serves: rewrites their files, signals a reload (SIGHUP) and waits until
   * each answers with the SOA serial of its new contents (give a higher serial than before).
   */
  reload(zones: Zone[]): Promise<void>;
  stop(): Promise<void>;
};

/** Zones nsd always serves unless given: the root (so unknown TLDs are NXDOMAIN) and `test.`. */
export function baseZones(host: string): Zone[] {
  return [
    { apex: '', records: [] },
    { apex: 'test', records: [{ name: LAB_NS, type: 'A', data: host }] },
  ];
}

function zoneFileName(apex: string): string {
  const a = absolute(apex);
  return a === '.' ? 'root.zone' : `${a.slice(0, -1)}.zone`;
}

/** Renders nsd.conf for the lab (settings from dns-test-servers.md). */
export function renderNsdConfig(options: { dir: string; host: string; port: number; zones: Zone[] }): string {
  const { dir, host, port } = options;
  const lines = [
    'server:',
    `  ip-address: ${host}`,
    `  port: ${port}`,
    '  server-count: 1',
    '  username: ""',
    '  chroot: ""',
    '  database: ""',
    `  zonesdir: "${join(dir, 'zones')}"`,
    `  zonelistfile: "${join(dir, 'zone.list')}"`,
    `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `  xfrdir: "${dir}"`,
    `  pidfile: "${join(dir, 'nsd.pid')}"`,
    `  logfile: "${join(dir, 'nsd.log')}"`,
    '  verbosity: 1',
    '  hide-version: yes',
    '  refuse-any: no',
    '  rrl-ratelimit: 0',
    '  rrl-whitelist-ratelimit: 0',
    '  tcp-count: 200',
    '',
    'remote-control:',
    '  control-enable: no',
    '',
  ];
  for (const zone of options.zones) {
    lines.push('zone:', `  name: "${absolute(zone.apex)}"`, `  zonefile: "${zoneFileName(zone.apex)}"`, '');
  }
  return lines.join('\n');
}

/** Merges the base zones with the given ones (a given zone with the same apex wins). Throws on duplicates. */
function allZones(host: string, zones: Zone[]): Zone[] {
  const seen = new Set<string>();
  for (const zone of zones) {
    const apex = absolute(zone.apex);
    if (seen.has(apex)) throw new Error(`nsd: zone ${apex} given twice`);
    seen.add(apex);
  }
  return [...baseZones(host).filter((z) => !seen.has(absolute(z.apex))), ...zones];
}

/** Starts nsd and waits until it answers `test. SOA`; the error includes nsd's log tail. */
export async function startNsd(options: NsdOptions): Promise<Nsd> {
  const host = options.host ?? '127.0.0.1';
  const nsdBin = findBinary('nsd');
  const base = options.baseZones !== false;
  const zones = base ? allZones(host, options.zones) : options.zones;
  mkdirSync(join(options.dir, 'zones'), { recursive: true });
  for (const zone of zones) writeFileSync(join(options.dir, 'zones', zoneFileName(zone.apex)), renderZone(zone));

  let lastError: unknown;
  for (let attempt = 1; attempt <= (options.port === undefined ? 3 : 1); attempt++) {
    const port = options.port ?? (await freePort(host));
    const configFile = join(options.dir, 'nsd.conf');
    const logFile = join(options.dir, 'nsd.log');
    const outFile = join(options.dir, 'nsd.out');
    writeFileSync(configFile, renderNsdConfig({ dir: options.dir, host, port, zones }));
    try {
      execFileSync(findBinary('nsd-checkconf'), [configFile], { stdio: 'pipe' });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(`nsd: invalid configuration ${configFile}:\n${stderr}`);
    }
    const proc = spawnManaged({
      name: 'nsd',
      command: nsdBin,
      args: ['-d', '-c', configFile],
      logFile: outFile,
      cleanupPath: options.cleanupPath,
    });
    const logs = () => `nsd log (${logFile}):\n${logTail(logFile)}\n${logTail(outFile)}`;
    try {
      const answers = async () =>
        base
          ? (await queryOnce(host, port, 'test.', 'SOA', 300)).rcode === 'NOERROR'
          : !!(await queryOnce(host, port, '.', 'SOA', 300));
      await waitUntil(answers, {
        timeoutMs: options.startTimeoutMs ?? 20_000,
        abortIf: () => (proc.hasExited ? `nsd exited during start (port ${port})` : undefined),
        describe: logs,
      });
      return {
        host,
        port,
        address: `${host}:${port}`,
        configFile,
        logFile,
        process: proc,
        reload: (changed) => reloadZones(options.dir, host, port, proc, changed),
        stop: () => proc.stop(),
      };
    } catch (error) {
      const exitedEarly = proc.hasExited;
      await proc.stop();
      lastError = error;
      // A port taken between probing and binding makes nsd exit at once: try another port.
      if (!exitedEarly || !/address already in use|can't bind/i.test(logs())) break;
    }
  }
  throw new Error(`nsd did not start: ${(lastError as Error).message}`);
}

/** See `Nsd.reload`. */
async function reloadZones(dir: string, host: string, port: number, proc: Managed, zones: Zone[]): Promise<void> {
  // nsd reads a zone file again only when its mtime changed: a rewrite within the same second must count too.
  const later = new Date(Date.now() + 2000);
  for (const zone of zones) {
    const file = join(dir, 'zones', zoneFileName(zone.apex));
    writeFileSync(file, renderZone(zone));
    utimesSync(file, later, later);
  }
  process.kill(proc.pid, 'SIGHUP');
  for (const zone of zones) {
    const soa = withApexRecords(zone)[0];
    const serial = String(soa?.data).split(' ')[2];
    await waitUntil(
      async () => {
        const reply = await queryOnce(host, port, absolute(zone.apex), 'SOA', 300);
        const data = reply.answers.find((a) => a.type === 'SOA')?.data as { serial?: number } | undefined;
        return String(data?.serial) === serial;
      },
      { timeoutMs: 10_000, describe: () => `nsd did not load serial ${serial} of ${zone.apex}` },
    );
  }
}

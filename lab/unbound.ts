/**
 * Unbound (recursive) for the lab: forwards `.` to nsd and each fake-server zone to the fake server,
 * from a temp directory on a free loopback port, with remote control on a unix socket.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findBinary, freePort, queryOnce } from './net';
import { logTail, type Managed, spawnManaged, waitUntil } from './process';
import { absolute } from './zone-file';

const execFileAsync = promisify(execFile);

export type Forward = { zone: string; host: string; port: number };

/** A zone unbound resolves iteratively (RD=0) from the given servers, as from a real delegation. */
export type Stub = { zone: string; servers: Array<{ host: string; port: number }> };
/** A zone of its own (`static`: only its data, answered with AA); records in zone-file form (`name TTL IN TYPE data`). */
export type LocalZone = { zone: string; records: string[] };

export type UnboundOptions = {
  dir: string;
  /** Where `.` goes (nsd); absent when stubs give the root. */
  upstream?: { host: string; port: number };
  /** More specific forward zones (the fake server's zones). */
  forwards?: Forward[];
  /**
   * Stub zones (the authority lab: unbound cannot follow a referral to a port other than 53, so every zone of
   * the hierarchy is a stub naming its servers with their port).
   */
  stubs?: Stub[];
  host?: string;
  /** Fixed port (used by restart); a free one when absent. */
  port?: number;
  /** Zones this unbound serves from its own data (split-brain DNS): `local-zone` + `local-data` lines. */
  localZones?: LocalZone[];
  startTimeoutMs?: number;
};

export type Unbound = {
  host: string;
  port: number;
  /** `127.0.0.1:port`, what the app's DNS_SERVERS gets. */
  address: string;
  configFile: string;
  logFile: string;
  process: Managed;
  stop(): Promise<void>;
};

/** Renders unbound.conf for the lab (settings from dns-test-servers.md). */
export function renderUnboundConfig(options: {
  dir: string;
  host: string;
  port: number;
  upstream?: { host: string; port: number };
  forwards: Forward[];
  stubs?: Stub[];
  localZones?: LocalZone[];
}): string {
  const { dir, host, port, upstream } = options;
  const lines = [
    'server:',
    `  interface: ${host}`,
    `  port: ${port}`,
    '  interface-automatic: no',
    '  do-ip4: yes',
    '  do-ip6: no',
    '  do-udp: yes',
    '  do-tcp: yes',
    '  num-threads: 1',
    '  so-reuseport: no',
    '  username: ""',
    '  chroot: ""',
    `  directory: "${dir}"`,
    `  pidfile: "${join(dir, 'unbound.pid')}"`,
    `  logfile: "${join(dir, 'unbound.log')}"`,
    '  use-syslog: no',
    '  log-servfail: yes',
    '  verbosity: 1',
    '  module-config: "iterator"',
    '  do-not-query-localhost: no',
    '  outgoing-interface: 127.0.0.1',
    '  access-control: 127.0.0.0/8 allow',
    '  access-control: ::1 allow',
    '  local-zone: "test." nodefault',
    '  hide-identity: yes',
    '  hide-version: yes',
    '  prefetch: no',
    '  qname-minimisation: no',
    '  incoming-num-tcp: 100',
    '  outgoing-num-tcp: 50',
    // A server that answers some names but drops others (msoid-drop.test) must not be written off.
    '  infra-keep-probing: yes',
    ...(options.localZones ?? []).flatMap((z) => [
      `  local-zone: "${absolute(z.zone)}" static`,
      ...z.records.map((r) => `  local-data: "${r}"`),
    ]),
    '',
    'remote-control:',
    '  control-enable: yes',
    `  control-interface: "${join(dir, 'unbound.ctl')}"`,
    '  control-use-cert: no',
    '',
  ];
  if (upstream) lines.push('forward-zone:', '  name: "."', `  forward-addr: ${upstream.host}@${upstream.port}`, '');
  for (const stub of options.stubs ?? []) {
    lines.push('stub-zone:', `  name: "${absolute(stub.zone)}"`);
    for (const s of stub.servers) lines.push(`  stub-addr: ${s.host}@${s.port}`);
    lines.push('');
  }
  for (const f of options.forwards) {
    lines.push('forward-zone:', `  name: "${absolute(f.zone)}"`, `  forward-addr: ${f.host}@${f.port}`, '');
  }
  return lines.join('\n');
}

/** Runs `unbound-control -c <config> <args…>` and returns its output (usable from any process). */
export async function unboundControl(configFile: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(findBinary('unbound-control'), ['-c', configFile, ...args], {
      timeout: 10_000,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`unbound-control ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

/** Forget "server down" marks and RTTs (Unbound remembers a dead upstream for 15 minutes). */
export function flushInfra(configFile: string): Promise<string> {
  return unboundControl(configFile, ['flush_infra', 'all']);
}

/** Empty the message and RRset caches (a cold cache), incl. negative answers. */
export async function flushCache(configFile: string): Promise<void> {
  await unboundControl(configFile, ['flush_zone', '.']);
  await unboundControl(configFile, ['flush_negative']);
  await unboundControl(configFile, ['flush_requestlist']);
}

/** Starts unbound and waits until it answers `test. SOA` through nsd; the error includes its log tail. */
export async function startUnbound(options: UnboundOptions): Promise<Unbound> {
  const host = options.host ?? '127.0.0.1';
  const bin = findBinary('unbound');
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = options.port ?? (await freePort(host));
    const configFile = join(options.dir, 'unbound.conf');
    const logFile = join(options.dir, 'unbound.log');
    const outFile = join(options.dir, 'unbound.out');
    writeFileSync(
      configFile,
      renderUnboundConfig({
        dir: options.dir,
        host,
        port,
        upstream: options.upstream,
        forwards: options.forwards ?? [],
        stubs: options.stubs,
        localZones: options.localZones,
      }),
    );
    try {
      await execFileAsync(findBinary('unbound-checkconf'), [configFile]);
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`unbound: invalid configuration ${configFile}:\n${e.stderr || e.stdout || e.message}`);
    }
    const proc = spawnManaged({ name: 'unbound', command: bin, args: ['-d', '-c', configFile], logFile: outFile });
    const logs = () => `unbound log (${logFile}):\n${logTail(logFile)}\n${logTail(outFile)}`;
    try {
      await waitUntil(async () => (await queryOnce(host, port, 'test.', 'SOA', 500)).rcode === 'NOERROR', {
        timeoutMs: options.startTimeoutMs ?? 20_000,
        abortIf: () => (proc.hasExited ? `unbound exited during start (port ${port})` : undefined),
        describe: logs,
      });
      return { host, port, address: `${host}:${port}`, configFile, logFile, process: proc, stop: () => proc.stop() };
    } catch (error) {
      const exitedEarly = proc.hasExited;
      await proc.stop();
      lastError = error;
      // A port taken between probing and binding makes unbound exit at once: try another port.
      const portClash = /address already in use|could not open ports/i.test(logs());
      if (options.port !== undefined || !exitedEarly || !portClash) break;
    }
  }
  throw new Error(`unbound did not start: ${(lastError as Error).message}`);
}

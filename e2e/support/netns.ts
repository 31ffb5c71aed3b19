/**
 * A network namespace of the test's own, for running the app behind a blocked network (the outbound DNS a company
 * firewall drops). A veth pair joins it to ours: `hostAddress` on our side, `nsAddress` inside. The authority lab
 * listens on 127.53.x.y in our namespace; inside, 127.53.0.0/16 is routed through the veth (route_localnet on both
 * ends lets 127/8 cross it), so without a block the app reaches every lab server exactly as from our namespace.
 *
 * `block(cidr)` drops what the namespace sends there, silently, as a firewall's DROP rule does: the queries time
 * out. Debian's iproute2 has no DROP of its own (`ip route add blackhole|prohibit|unreachable` fail the sender at
 * once with EINVAL/EACCES/EHOSTUNREACH, the REJECT kind) and nftables/iptables are extra packages, so the drop is
 * made with `tc`, also iproute2: the veth's egress goes through an HTB qdisc whose u32 filter sends the blocked
 * destinations to a class whose queue holds nothing (`pfifo limit 0`). Needs root.
 */
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, type Server, connect as tcpConnect } from 'node:net';
import { freePort } from '../../lab/net';

export type Netns = {
  name: string;
  /** Our end of the veth (reachable from inside). */
  hostAddress: string;
  /** The namespace's end of the veth: what the app binds to, reachable from us. */
  nsAddress: string;
  /** Runs a command inside: `[...prefix, command, ...args]`. */
  prefix: string[];
  /** Drops (silently) what the namespace sends to `cidr`; replaces an earlier block. */
  block(cidr: string): void;
  unblock(): void;
  /**
   * Relays UDP and TCP DNS from `hostAddress:<port>` to `target` (host:port in our namespace) and returns
   * `hostAddress:<port>`. The lab's unbound listens on 127.0.0.1 and only answers 127/8; through the relay the
   * namespace's queries reach it from 127.0.0.1.
   */
  relay(target: string): Promise<string>;
  /** Removes the namespace and the veth pair (and stops the relays); safe to call more than once. */
  destroy(): Promise<void>;
};

/** Why the namespace can't be made here (the test is skipped with this reason), or null when it can. */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'creating a network namespace needs root (CI runs as root)';
  for (const tool of ['ip', 'tc']) {
    try {
      execFileSync(tool, ['-V'], { stdio: 'ignore' });
    } catch {
      return `\`${tool}\` (iproute2) is missing: apt-get install iproute2`;
    }
  }
  return null;
}

function ip(args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the namespace with names unique to this process (`m365t<pid>`, veth `m3h<pid>`/`m3n<pid>`). */
export async function createNetns(): Promise<Netns> {
  const pid = process.pid;
  const name = `m365t${pid}`;
  const hostIf = `m3h${pid}`;
  const nsIf = `m3n${pid}`;
  // A private /30 chosen by pid (10.200-249.x.0/30): two runs at once share one only if their pids are 12,800 apart.
  const net = `10.${200 + ((pid >> 8) % 50)}.${pid % 256}`;
  const hostAddress = `${net}.1`;
  const nsAddress = `${net}.2`;
  const inNs = ['ip', 'netns', 'exec', name];
  const servers: Server[] = [];
  const sockets: ReturnType<typeof createSocket>[] = [];
  let destroyed = false;
  // Deleting the namespace destroys its veth end, and with it ours; delete ours too should the move have failed.
  const removeLinks = () => {
    for (const args of [
      ['netns', 'del', name],
      ['link', 'del', hostIf],
    ]) {
      try {
        ip(args);
      } catch {
        // already gone
      }
    }
  };
  // Should the test process exit without afterAll (an interrupted run), the namespace goes with it.
  process.once('exit', removeLinks);
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    for (const s of sockets) s.close();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    removeLinks();
    process.off('exit', removeLinks);
  };
  const tc = (args: string[]) =>
    execFileSync(inNs[0] as string, [...inNs.slice(1), 'tc', ...args], { stdio: 'ignore' });
  try {
    removeLinks(); // left by a killed run that had our pid
    ip(['netns', 'add', name]);
    ip(['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf]);
    ip(['link', 'set', nsIf, 'netns', name]);
    ip(['addr', 'add', `${hostAddress}/30`, 'dev', hostIf]);
    ip(['link', 'set', hostIf, 'up']);
    ip(['-n', name, 'addr', 'add', `${nsAddress}/30`, 'dev', nsIf]);
    ip(['-n', name, 'link', 'set', nsIf, 'up']);
    ip(['-n', name, 'link', 'set', 'lo', 'up']);
    // 127/8 may cross the veth (else both ends drop it as a martian); per interface, gone with it.
    execFileSync('sh', ['-c', `echo 1 > /proc/sys/net/ipv4/conf/${hostIf}/route_localnet`]);
    execFileSync(inNs[0] as string, [
      ...inNs.slice(1),
      'sh',
      '-c',
      `echo 1 > /proc/sys/net/ipv4/conf/${nsIf}/route_localnet`,
    ]);
    // More specific than `local 127.0.0.0/8` in the same table: the lab's addresses go to us, 127.0.0.1 stays local.
    ip(['-n', name, 'route', 'add', '127.53.0.0/16', 'via', hostAddress, 'dev', nsIf, 'table', 'local']);
  } catch (error) {
    await destroy();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not set up network namespace ${name}: ${(error as Error).message} ${stderr}`);
  }
  const unblock = () => {
    try {
      tc(['qdisc', 'del', 'dev', nsIf, 'root']);
    } catch {
      // no block in place
    }
  };
  return {
    name,
    hostAddress,
    nsAddress,
    prefix: inNs,
    block(cidr) {
      unblock();
      tc(['qdisc', 'add', 'dev', nsIf, 'root', 'handle', '1:', 'htb', 'default', '1']);
      tc(['class', 'add', 'dev', nsIf, 'parent', '1:', 'classid', '1:1', 'htb', 'rate', '10gbit']);
      tc(['class', 'add', 'dev', nsIf, 'parent', '1:', 'classid', '1:2', 'htb', 'rate', '10gbit']);
      tc(['qdisc', 'add', 'dev', nsIf, 'parent', '1:2', 'handle', '20:', 'pfifo', 'limit', '0']);
      tc(
        ['filter', 'add', 'dev', nsIf, 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32'].concat([
          'match',
          'ip',
          'dst',
          cidr,
          'flowid',
          '1:2',
        ]),
      );
    },
    unblock,
    async relay(target) {
      const [targetHost, targetPort] = [
        target.slice(0, target.lastIndexOf(':')),
        Number(target.slice(target.lastIndexOf(':') + 1)),
      ];
      const port = await freePort(hostAddress);
      const udp = createSocket('udp4');
      sockets.push(udp);
      udp.on('message', (message, from) => {
        const upstream = createSocket('udp4');
        const done = setTimeout(() => upstream.close(), 10_000);
        upstream.on('message', (reply) => {
          clearTimeout(done);
          upstream.close();
          if (!destroyed) udp.send(reply, from.port, from.address);
        });
        upstream.on('error', () => undefined);
        upstream.send(message, targetPort, targetHost);
      });
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(port, hostAddress, () => resolve());
      });
      const tcp = createServer((client) => {
        const upstream = tcpConnect(targetPort, targetHost);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      servers.push(tcp);
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, hostAddress, () => resolve());
      });
      return `${hostAddress}:${port}`;
    },
    destroy,
  };
}

/**
 * Loopback networking helpers for the lab: free ports, a one-shot DNS query, binary lookup.
 */
import { createSocket } from 'node:dgram';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import dnsPacket from 'dns-packet';

function freeTcpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function udpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

function tcpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** True when `port` is free for both TCP and UDP on `host` right now. */
export async function portFree(host: string, port: number): Promise<boolean> {
  return (await tcpPortFree(host, port)) && (await udpPortFree(host, port));
}

/** A port that is free for both TCP and UDP on `host` right now (found by binding port 0). Never 3000. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freeTcpPort(host);
    if (port !== 3000 && port > 0 && (await udpPortFree(host, port))) return port;
  }
  throw new Error(`no free TCP+UDP port on ${host}`);
}

export type ProbeAnswer = { rcode: string; answers: Array<{ name: string; type: string; data: unknown }> };

/** Sends one UDP query (RD set) to `host:port` and resolves with the reply, or rejects after `timeoutMs`. */
export function queryOnce(
  host: string,
  port: number,
  name: string,
  type: dnsPacket.RecordType,
  timeoutMs = 1000,
): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const id = Math.floor(Math.random() * 65535);
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no reply from ${host}:${port} for ${name} ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.on('message', (message) => {
      try {
        const reply = dnsPacket.decode(message);
        if (reply.id !== id) return;
        clearTimeout(timer);
        socket.close();
        resolve({
          rcode: (reply as { rcode?: string }).rcode ?? 'NOERROR',
          answers: (reply.answers ?? []).map((a) => ({ name: a.name, type: a.type, data: 'data' in a ? a.data : '' })),
        });
      } catch {
        // ignore undecodable datagrams
      }
    });
    const packet = dnsPacket.encode({
      type: 'query',
      id,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type, name, class: 'IN' }],
    });
    socket.send(packet, port, host);
  });
}

/** Absolute path of an executable: PATH first, then the sbin directories (nsd/unbound live in /usr/sbin). */
export function findBinary(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error(
    `${name} is not installed. Install the lab's system packages with:\n` +
      '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y nsd unbound bind9-dnsutils',
  );
}

/** Splits `127.0.0.1:5353` / `[::1]:5353` into host and port. */
export function splitHostPort(address: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^([^:]+):(\d+)$/.exec(address);
  if (!m?.[1] || !m[2]) throw new Error(`not an ip:port address: ${address}`);
  return { host: m[1], port: Number(m[2]) };
}

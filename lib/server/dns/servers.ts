/**
 * Resolver addresses: parsing `DNS_SERVERS`, formatting `ip:port`, and the system's own servers.
 * Hostnames are rejected on purpose: resolving the resolver's name would need a resolver.
 */
import { getServers } from 'node:dns';
import { isIP, isIPv4, isIPv6 } from 'node:net';

export type ServerAddress = { host: string; port: number; family: 4 | 6 };

const DEFAULT_PORT = 53;

function parsePort(text: string, entry: string, variable: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new Error(`${variable} entry "${entry}": port "${text}" is not a number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new Error(`${variable} entry "${entry}": port ${port} is outside 1-65535`);
  return port;
}

function parseEntry(entry: string, variable = 'DNS_SERVERS', defaultPort = DEFAULT_PORT): ServerAddress {
  // `[v6]` or `[v6]:port`
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const host = bracketed[1] ?? '';
    if (!isIPv6(host)) throw new Error(`${variable} entry "${entry}": "${host}" is not an IPv6 address`);
    const port = bracketed[2] === undefined ? defaultPort : parsePort(bracketed[2], entry, variable);
    return { host, port, family: 6 };
  }
  if (isIPv6(entry)) return { host: entry, port: defaultPort, family: 6 };
  const colon = entry.lastIndexOf(':');
  if (colon !== -1 && entry.indexOf(':') !== colon) {
    throw new Error(`${variable} entry "${entry}": not an IP address (write IPv6 with a port as [addr]:port)`);
  }
  const host = colon === -1 ? entry : entry.slice(0, colon);
  const port = colon === -1 ? defaultPort : parsePort(entry.slice(colon + 1), entry, variable);
  if (!isIPv4(host)) {
    throw new Error(`${variable} entry "${entry}": "${host}" is not an IP address (hostnames are not allowed)`);
  }
  return { host, port, family: 4 };
}

/**
 * Parses a comma-separated server list: `ip`, `ip:port`, `[ipv6]:port`, bare `ipv6` (port 53 by default).
 * Throws an Error naming the bad entry for hostnames, ports outside 1-65535, empty entries or an empty list;
 * `variable` is the setting the errors name (default `DNS_SERVERS`).
 */
export function parseServerList(value: string, variable = 'DNS_SERVERS', defaultPort = DEFAULT_PORT): ServerAddress[] {
  if (value.trim() === '') throw new Error(`${variable} is empty: give at least one IP address`);
  return value.split(',').map((raw, index) => {
    const entry = raw.trim();
    if (entry === '') throw new Error(`${variable} entry #${index + 1} is empty (check for a stray comma)`);
    return parseEntry(entry, variable, defaultPort);
  });
}

/** `127.0.0.1:5300` or `[::1]:5300`: the form used in `Lookup.server` and in reports. */
export function formatServer(s: ServerAddress): string {
  return s.family === 6 ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`;
}

/** The system's resolvers (node:dns `getServers()`, i.e. resolv.conf at process start); unusable entries are skipped. */
export function systemServers(): ServerAddress[] {
  const out: ServerAddress[] = [];
  for (const entry of getServers()) {
    try {
      out.push(parseEntry(entry));
    } catch {
      // getServers() only returns IPs; anything else is not ours to fix here.
    }
  }
  return out;
}

/** True when `value` is an IPv4 or IPv6 address (the network module's parser; used for client addresses too). */
export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

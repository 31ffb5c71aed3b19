/**
 * The authority part as plain data: the zone cut, its servers and the zone health checks, judged from what
 * the walk (lib/server/dns/authority.ts) recorded. Pure: no I/O. Types come from the zod schema.
 */
import type { Authority, AuthServer, ZoneHealth } from '@/lib/schema';

export type { AuthAnswer, Authority, AuthorityBasis, AuthorityFallback, AuthServer, ZoneHealth } from '@/lib/schema';

/** Lower-case, no trailing dot, sorted, unique. */
export function nsSet(names: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const n of names) {
    const lower = n.toLowerCase();
    set.add(lower.endsWith('.') ? lower.slice(0, -1) : lower);
  }
  return [...set].sort();
}

/** Parent and apex NS sets are the same set; null when either is empty (unknown). */
export function delegationMatch(parentNs: string[], apexNs: string[]): boolean | null {
  if (parentNs.length === 0 || apexNs.length === 0) return null;
  const a = nsSet(parentNs);
  const b = nsSet(apexNs);
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

const LAME = new Set(['error-rcode', 'not-authoritative']);
const UNREACHABLE = new Set(['timeout', 'network-error']);

/**
 * The zone health checks, worst first: a lame server and parent ≠ apex NS are warnings (resolvers that pick
 * that server or that NS set get errors or stale data); an unreachable server while others answer, and SOA
 * serials that differ (normal for a few minutes after a change), are notices. A server is named once per check,
 * by name (its addresses folded).
 */
export function zoneHealth(parts: { parentNs: string[]; apexNs: string[]; servers: AuthServer[] }): ZoneHealth[] {
  const health: ZoneHealth[] = [];
  const names = (pick: (s: AuthServer) => boolean) => nsSet(parts.servers.filter(pick).map((s) => s.name));
  const lame = names((s) => s.problem !== undefined && LAME.has(s.problem));
  if (lame.length > 0) health.push({ code: 'lame-server', severity: 'warning', servers: lame });
  if (delegationMatch(parts.parentNs, parts.apexNs) === false) {
    const parent = nsSet(parts.parentNs);
    const apex = nsSet(parts.apexNs);
    const differ = [...parent.filter((n) => !apex.includes(n)), ...apex.filter((n) => !parent.includes(n))].sort();
    health.push({ code: 'ns-mismatch', severity: 'warning', servers: differ });
  }
  const answering = parts.servers.some((s) => s.aa === true);
  const unreachable = names((s) => s.problem !== undefined && UNREACHABLE.has(s.problem));
  if (answering && unreachable.length > 0) {
    health.push({ code: 'server-unreachable', severity: 'notice', servers: unreachable });
  }
  const serials = parts.servers.flatMap((s) => (s.soaSerial === null ? [] : [s.soaSerial]));
  if (new Set(serials).size > 1) {
    const newest = newestSerial(serials);
    health.push({
      code: 'serials-differ',
      severity: 'notice',
      servers: names((s) => s.soaSerial !== null && s.soaSerial !== newest),
    });
  }
  return health;
}

/**
 * The newest of some SOA serials in serial-number arithmetic (RFC 1982): `a` is newer than `b` when it is
 * ahead by less than 2^31, so a serial that wrapped past 2^32 still counts as newer.
 */
export function newestSerial(serials: number[]): number | null {
  let newest: number | null = null;
  for (const s of serials) {
    if (newest === null) newest = s;
    else {
      const ahead = (s - newest + 2 ** 32) % 2 ** 32;
      if (ahead !== 0 && ahead < 2 ** 31) newest = s;
    }
  }
  return newest;
}

/** The authority part for a check that rests on the resolver only (the walk was off, blocked or failed). */
export function resolverOnly(
  fallback: NonNullable<Authority['fallback']>,
  partial: Partial<Pick<Authority, 'zone' | 'parentNs' | 'apexNs' | 'servers' | 'queries'>> = {},
): Authority {
  const parentNs = nsSet(partial.parentNs ?? []);
  const apexNs = nsSet(partial.apexNs ?? []);
  const servers = partial.servers ?? [];
  return {
    zone: partial.zone ?? null,
    basedOn: 'resolver',
    fallback,
    parentNs,
    apexNs,
    delegationMatch: delegationMatch(parentNs, apexNs),
    servers,
    health: zoneHealth({ parentNs, apexNs, servers }),
    queries: partial.queries ?? 0,
  };
}

/** The authority part of a zone whose servers answered. */
export function fromServers(parts: {
  zone: string;
  parentNs: string[];
  apexNs: string[];
  servers: AuthServer[];
  queries: number;
}): Authority {
  const parentNs = nsSet(parts.parentNs);
  const apexNs = nsSet(parts.apexNs);
  return {
    zone: parts.zone,
    basedOn: 'authoritative',
    parentNs,
    apexNs,
    delegationMatch: delegationMatch(parentNs, apexNs),
    servers: parts.servers,
    health: zoneHealth({ parentNs, apexNs, servers: parts.servers }),
    queries: parts.queries,
  };
}

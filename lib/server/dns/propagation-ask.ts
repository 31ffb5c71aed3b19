/**
 * The propagation questions of one check (issue 14 item 3): each record's question asked of the zone's own servers
 * with recursion off (what is published) and of each resolver separately with recursion on (what users get), keeping
 * the AA flag, the TTLs and the negative answer's SOA. Nothing here is cached: a re-check always sees a change.
 * Never rejects: a question that fails is an answer `failed`.
 *
 * The zone's servers: with AUTHORITATIVE on, the ones the root-to-zone discovery found (`zoneServers`, handed over
 * by lib/server/check.ts); otherwise, or when it found none we may ask, `findZoneServers` looks them up the simple
 * way (its NS names through the process resolver, their addresses, port DNS_AUTH_PORT). The published answers are
 * asked here either way: the discovery's answers lack the negative answer's SOA TTL and MNAME this comparison needs.
 */
import { BlockList, isIP } from 'node:net';
import type { Answer, DecodedPacket } from 'dns-packet';
import {
  type Answered,
  needsSecondAsk,
  type Published,
  propagationOf,
  type ResolverAsk,
} from '@/lib/findings/propagation';
import { lookupId, type Propagation, type RecordType } from '@/lib/schema';
import type { DnsResolver } from './resolver';
import { formatServer, parseServerList, type ServerAddress } from './servers';
import { createTransport, type Transport, type WireResult } from './transport';
import { interpretReply, normaliseQueryName, normName, type Question, type WireLimits } from './wire';

/** Between two asks of one resolver, so that a TTL that counts down has ticked at least once. */
export const SECOND_ASK_AFTER_MS = 1100;
/** Zone server names whose addresses are looked up, and addresses asked in turn. */
const MAX_ZONE_SERVERS = 4;

export type PropagationQuestion = { name: string; type: RecordType };

export type PropagationDeps = {
  /** Finds the zone's servers (NS, then addresses). */
  resolver: DnsResolver;
  /** Each resolver to compare, asked separately. */
  resolvers: readonly ServerAddress[];
  /** Port of the zone's own servers. */
  authPort: number;
  timeoutMs: number;
  limits: WireLimits;
  signal: AbortSignal;
  /** Re-check: the NS and address lookups skip our cache too. */
  fresh?: boolean;
  /** Zone servers on private or loopback addresses are asked too (labs: ALLOW_TEST_DOMAINS). */
  allowPrivate?: boolean;
  /** Test seams. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The zone's servers, when known (skips `findZoneServers`). */
  zoneServers?: readonly ServerAddress[];
};

type Asked = Answered & { askedAt: number };

const FAILED: Answered = { answer: 'failed', values: [], ttl: null };

function ttlOf(rec: Answer): number {
  const ttl = 'ttl' in rec && typeof rec.ttl === 'number' ? rec.ttl : 0;
  return ttl > 0x7fffffff ? 0 : ttl;
}

/** The SOA of a negative reply: its MNAME, and the negative TTL (RFC 2308 §5: min of its TTL and MINIMUM). */
function negativeSoa(packet: DecodedPacket): { ttl: number | null; mname?: string } {
  const soa = (packet.authorities ?? []).find((a) => a.type === 'SOA');
  if (soa?.type !== 'SOA') return { ttl: null };
  return { ttl: Math.min(ttlOf(soa), soa.data.minimum ?? 0), mname: normName(soa.data.mname) };
}

/** A reply in the terms propagation compares (see `Answered`). Exported for the unit test. */
export function answeredOf(packet: DecodedPacket, q: Question, limits: WireLimits): Answered {
  let meaning: ReturnType<typeof interpretReply>;
  try {
    meaning = interpretReply(packet, q, limits);
  } catch {
    return FAILED;
  }
  const aa = packet.flag_aa === true;
  if (meaning.outcome === 'nxdomain' || meaning.outcome === 'nodata') {
    // An alias to a missing name is not "no record at the name": compare the alias.
    if (meaning.chain.length > 0) {
      return { answer: 'answer', values: meaning.chain.map((c) => `CNAME ${c}`), ttl: null, aa };
    }
    return { answer: meaning.outcome, values: [], aa, ...negativeSoa(packet) };
  }
  if (meaning.outcome !== 'answer') return FAILED;
  const values = [...meaning.chain.map((c) => `CNAME ${c}`), ...meaning.answers.map((a) => a.data)];
  const ttl = meaning.answers.reduce((t, a) => Math.min(t, a.ttl), Number.POSITIVE_INFINITY);
  return { answer: 'answer', values, ttl: Number.isFinite(ttl) ? ttl : null, aa };
}

/** One question to one server (UDP, TCP after TC=1). Never rejects. */
export async function askServer(
  transport: Transport,
  server: ServerAddress,
  q: Question,
  options: { recursion: boolean; timeoutMs: number; signal: AbortSignal; limits: WireLimits; now?: () => number },
): Promise<Asked> {
  const x = { server, question: q, timeoutMs: options.timeoutMs, signal: options.signal, recursion: options.recursion };
  let wire: WireResult = await transport.udp(x);
  if (wire.kind === 'reply' && wire.packet.flag_tc) wire = await transport.tcp(x);
  const askedAt = (options.now ?? Date.now)();
  if (wire.kind !== 'reply') return { ...FAILED, askedAt };
  return { ...answeredOf(wire.packet, q, options.limits), askedAt };
}

/** Addresses a domain's NS records must not make us send to: this host, private networks, link-local, multicast. */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');
}

/** IPv4-mapped IPv6 (a list of its own: BlockList would match IPv4 addresses against it too). */
const MAPPED = new BlockList();
MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** True for an address on the public internet (see NOT_PUBLIC). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // No real DNS server is reached through an IPv4-mapped IPv6 address (::ffff:127.0.0.1, ::ffff:7f00:1): never asked.
  if (family === 6 && MAPPED.check(address, 'ipv6')) return false;
  return !NOT_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The zone's servers: its NS names through the resolver, their IPv4/IPv6 addresses, at `port`. Anyone may name any
 * address in their NS records: unless `allowPrivate` (a lab), only public addresses are asked.
 */
export async function findZoneServers(
  zone: string,
  resolver: DnsResolver,
  port: number,
  options: { signal: AbortSignal; fresh?: boolean; allowPrivate?: boolean },
): Promise<ServerAddress[]> {
  const ns = await resolver.lookup(zone, 'NS', { signal: options.signal, fresh: options.fresh });
  const names = ns.answers.map((a) => a.data).slice(0, MAX_ZONE_SERVERS);
  const found = await Promise.all(
    names.flatMap((name) =>
      (['A', 'AAAA'] as const).map((type) =>
        resolver.lookup(name, type, { signal: options.signal, fresh: options.fresh }),
      ),
    ),
  );
  const addresses = new Set<string>();
  for (const lookup of found) for (const a of lookup.answers) addresses.add(a.data);
  const servers: ServerAddress[] = [];
  for (const address of addresses) {
    if (!options.allowPrivate && !isPublicAddress(address)) continue;
    try {
      const entry = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
      servers.push(...parseServerList(entry));
    } catch {
      // An address we cannot use (a resolver's odd answer) is left out.
    }
    if (servers.length >= MAX_ZONE_SERVERS) break;
  }
  return servers;
}

const firstToken = (data: string | undefined): string | undefined => data?.split(' ')[0];

/** The zone's SOA MNAME as one server hands it out. */
async function zoneMname(
  transport: Transport,
  server: ServerAddress,
  zone: string,
  options: { recursion: boolean; timeoutMs: number; signal: AbortSignal; limits: WireLimits },
): Promise<string | undefined> {
  const soa = await askServer(transport, server, { name: zone, type: 'SOA' }, options);
  return soa.answer === 'answer' ? firstToken(soa.values[0]) : undefined;
}

/**
 * Propagation of each question, by lookup id (`<name> <type>`): the published answer (the first of the zone's
 * servers that answers), each resolver's answer, a second ask of the resolvers whose differing answer does not tell
 * a cache from a copy of the zone of its own, and the state (lib/findings/propagation.ts).
 */
export async function askPropagation(
  zone: string,
  questions: readonly PropagationQuestion[],
  deps: PropagationDeps,
): Promise<Map<string, Propagation>> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const out = new Map<string, Propagation>();
  const qs: Question[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    const name = normaliseQueryName(q.name);
    if (name === null || seen.has(`${name} ${q.type}`)) continue;
    seen.add(`${name} ${q.type}`);
    qs.push({ name, type: q.type });
  }
  const zoneName = normaliseQueryName(zone);
  if (qs.length === 0 || zoneName === null) return out;
  const transport = createTransport();
  const base = { timeoutMs: deps.timeoutMs, signal: deps.signal, limits: deps.limits, now };
  const auth = { ...base, recursion: false };
  const rec = { ...base, recursion: true };
  try {
    const servers =
      deps.zoneServers ??
      (await findZoneServers(zoneName, deps.resolver, deps.authPort, {
        signal: deps.signal,
        fresh: deps.fresh,
        allowPrivate: deps.allowPrivate,
      }));
    /** The first zone server that answers (a server that fails is skipped, never taken as "no record"). */
    const publishedOf = async (q: Question): Promise<Published> => {
      for (const server of servers) {
        const a = await askServer(transport, server, q, auth);
        if (a.answer !== 'failed') return { ...a, server: formatServer(server) };
      }
      return FAILED;
    };
    const [publishedMname, resolverMnames] = await Promise.all([
      servers[0] ? zoneMname(transport, servers[0], zoneName, auth) : Promise.resolve(undefined),
      Promise.all(deps.resolvers.map((r) => zoneMname(transport, r, zoneName, rec))),
    ]);
    const published = await Promise.all(qs.map(publishedOf));
    const firsts = await Promise.all(
      qs.map((q) => Promise.all(deps.resolvers.map((r) => askServer(transport, r, q, rec)))),
    );
    // A negative reply names its SOA's MNAME itself; a positive one gets the zone SOA's as that server hands it out.
    const withMname = <T extends Answered>(a: T, mname: string | undefined): T =>
      a.mname === undefined && mname !== undefined ? { ...a, mname } : a;
    const pubs = published.map((p) => withMname(p, publishedMname));
    const asks: ResolverAsk[][] = firsts.map((row) =>
      row.map((first, j) => {
        const resolver = deps.resolvers[j] as ServerAddress;
        return { resolver: formatServer(resolver), first: withMname(first, resolverMnames[j]), askedAt: first.askedAt };
      }),
    );
    const again: Array<[number, number]> = [];
    asks.forEach((row, i) => {
      row.forEach((a, j) => {
        if (needsSecondAsk(pubs[i] as Published, a.first)) again.push([i, j]);
      });
    });
    if (again.length > 0 && !deps.signal.aborted) {
      await sleep(SECOND_ASK_AFTER_MS, deps.signal);
      await Promise.all(
        again.map(async ([i, j]) => {
          const ask = asks[i]?.[j];
          const q = qs[i];
          const resolver = deps.resolvers[j];
          if (!ask || !q || !resolver) return;
          const second = await askServer(transport, resolver, q, rec);
          ask.second = withMname(second, resolverMnames[j]);
          ask.secondAfterMs = second.askedAt - ask.askedAt;
        }),
      );
    }
    const at = now();
    qs.forEach((q, i) => {
      out.set(lookupId(q), propagationOf(pubs[i] as Published, asks[i] ?? [], at));
    });
    return out;
  } finally {
    await transport.close();
  }
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

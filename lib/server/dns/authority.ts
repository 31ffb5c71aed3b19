/**
 * The authoritative path's DNS I/O: walk from the root hints down to the zone cut (the parent's referral NS
 * set and glue, the apex NS set, the server addresses), probe each server with the apex SOA, and ask every
 * server a question with RD=0. Every outcome is recorded as data (`Authority`, `AuthAnswer`); judging is in
 * lib/lookups/authority.ts.
 *
 * Bounds: each domain has its own query budget (AUTH_MAX_QUERIES_PER_DOMAIN; MAX_QUERIES_PER_DOMAIN stays the
 * resolvers'), at most AUTH_MAX_SERVERS names and AUTH_MAX_ADDRESSES addresses per zone, and every query waits
 * for its server address's politeness limiter (AUTH_QPS_PER_SERVER per process in any one-second window, counted
 * across the check threads: ./politeness.ts). A root that does not answer is remembered for AUTH_UNREACHABLE_S
 * so that a blocked network does not make every check wait out the root timeouts; a background probe clears the
 * mark as soon as the root answers again.
 */
import type { Answer, DecodedPacket } from 'dns-packet';
import {
  type AuthAnswer,
  type Authority,
  type AuthServer,
  fromServers,
  nsSet,
  resolverOnly,
} from '@/lib/lookups/authority';
import type { AuthServerProblem, DnsAnswer, RecordType } from '@/lib/schema';
import type { AuthorityConfig } from '../env';
import { NEVER_ABORTED } from './abort';
import {
  createPoliteness,
  localSlots,
  type Politeness,
  processNow,
  processPolitenessBuffer,
  qpsPerThread,
  sharedSlots,
} from './politeness';
import type { ServerAddress } from './servers';
import type { Transport, WireResult } from './transport';
import {
  type Interpretation,
  interpretReply,
  normName,
  presentData,
  type Question,
  rcodeName,
  replyRcode,
  type WireLimits,
} from './wire';

/** Deepest walk: root → TLD → … → zone; real names need 3-5 referrals. */
const MAX_REFERRALS = 12;
const MAX_TXT_BYTES = 4096;

export type AuthorityDeps = {
  transport: Transport;
  config: AuthorityConfig;
  /** Addresses of a server name without glue (the configured resolver's A answer). */
  resolveAddresses(name: string, signal: AbortSignal): Promise<string[]>;
  /** How replies are read into lookups (the resolver's limits); default 8 hops, 4096 TXT bytes, 50 records. */
  limits?: WireLimits;
  now?: () => number;
};

/** One server's reply to one question: the plain data, and its reading as a lookup (null when it failed). */
export type AuthReply = { answer: AuthAnswer; interpretation: Interpretation | null };

/** A zone found by the walk, with the addresses to ask. */
export type ZoneServers = {
  zone: string;
  targets: Array<{ name: string; address: ServerAddress }>;
  /** SOA serial per address as the server probe saw it (`host` → serial). */
  serials: Map<string, number | null>;
};

export type Discovery = { authority: Authority; servers: ZoneServers | null };

/** One domain's authoritative queries: its budget and its abort signal. */
export type AuthBudget = { left: number; sent: number };

export function authBudget(config: AuthorityConfig): AuthBudget {
  return { left: config.maxQueriesPerDomain, sent: 0 };
}

type Reply = { packet: DecodedPacket } | { problem: AuthServerProblem };

type Referral = { cut: string; ns: string[]; glue: Map<string, string[]>; ttl: number };

/** A referral above the zone (the root's to the TLD, …), kept so a bulk run does not ask the root for every domain. */
type CachedCut = { referral: Referral; servers: ServerAddress[]; until: number };

/** Longest a referral above the zone is kept (the zone's own referral is never kept: it is health data). */
const CUT_CACHE_S = 300;
const CUT_CACHE_ENTRIES = 10_000;

type UnreachableMark = { until: number; servers: AuthServer[]; probing: boolean; lastProbe: number };

type AuthorityState = {
  limiter?: Politeness;
  unreachable: Map<string, UnreachableMark>;
  cuts: Map<string, CachedCut>;
};

const g = globalThis as typeof globalThis & { __m365Authority?: AuthorityState };
/** Shared by every check of this process (route handlers and runs alike). */
function state(): AuthorityState {
  g.__m365Authority ??= { unreachable: new Map(), cuts: new Map() };
  return g.__m365Authority;
}

/**
 * Waits until a query to `host` may go: at most AUTH_QPS_PER_SERVER in any one second for the whole process, the
 * main thread and the check workers counting in one shared log (./politeness.ts); a cap too large for it is shared
 * out among the threads instead.
 */
async function polite(host: string, config: AuthorityConfig, signal: AbortSignal): Promise<void> {
  const s = state();
  const buffer = processPolitenessBuffer(config.qpsPerServer);
  if (!s.limiter) {
    s.limiter = buffer
      ? createPoliteness(processNow, undefined, sharedSlots(buffer))
      : createPoliteness(undefined, undefined, localSlots());
  }
  const qps = buffer ? config.qpsPerServer : qpsPerThread(config.qpsPerServer, config.threads ?? 1);
  await s.limiter.wait(host, qps, signal);
}

/** Forgets the remembered "root unreachable" marks and the limiter (tests). */
export function resetAuthorityState(): void {
  g.__m365Authority = { unreachable: new Map(), cuts: new Map() };
}

function problemOf(result: WireResult): AuthServerProblem {
  switch (result.kind) {
    case 'timeout':
    case 'aborted':
      return 'timeout';
    case 'network-error':
      return 'network-error';
    default:
      return 'bad-response';
  }
}

function rootKey(config: AuthorityConfig): string {
  return config.rootHints.map((s) => `${s.host}:${s.port}`).join(',');
}

/** Creates the authoritative path over a transport. One per process (the limiter and marks are global). */
export function createAuthority(deps: AuthorityDeps) {
  const { transport, config } = deps;
  const now = deps.now ?? Date.now;
  const limits = deps.limits ?? { maxCnameHops: 8, maxTxtBytes: MAX_TXT_BYTES, maxRecordsPerRrset: 50 };

  /** One question to one address: UDP, TCP after TC=1, `tries` attempts; spends the budget per attempt. */
  async function ask(
    server: ServerAddress,
    question: Question,
    budget: AuthBudget,
    signal: AbortSignal,
  ): Promise<Reply> {
    let last: AuthServerProblem = 'timeout';
    for (let attempt = 0; attempt < config.tries; attempt++) {
      if (budget.left <= 0) return { problem: 'not-asked' };
      if (signal.aborted) return { problem: 'timeout' };
      budget.left--;
      budget.sent++;
      await polite(server.host, config, signal);
      if (signal.aborted) return { problem: 'timeout' };
      const x = { server, question, timeoutMs: config.timeoutMs, signal, recursion: false };
      let result = await transport.udp(x);
      if (result.kind === 'reply' && result.packet.flag_tc && budget.left > 0) {
        budget.left--;
        budget.sent++;
        result = await transport.tcp(x);
      }
      if (result.kind === 'reply') return { packet: result.packet };
      last = problemOf(result);
      if (result.kind === 'aborted') break;
    }
    return { problem: last };
  }

  /** Asks the addresses in order until one replies (any rcode); the problems of those that did not. */
  async function askAny(servers: ServerAddress[], question: Question, budget: AuthBudget, signal: AbortSignal) {
    const failed: Array<{ server: ServerAddress; problem: AuthServerProblem }> = [];
    for (const server of servers) {
      const reply = await ask(server, question, budget, signal);
      if ('packet' in reply && replyRcode(reply.packet) !== 5) return { reply: reply.packet, server, failed };
      failed.push({ server, problem: 'packet' in reply ? 'error-rcode' : reply.problem });
    }
    return { reply: null, server: null, failed };
  }

  const at = (host: string): ServerAddress => ({ host, port: config.port, family: host.includes(':') ? 6 : 4 });

  function referralOf(packet: DecodedPacket, below: string): Referral | null {
    const ns = (packet.authorities ?? []).filter((r) => r.type === 'NS');
    const cut = ns[0] ? normName(ns[0].name) : null;
    if (!cut || !isBelow(cut, below)) return null;
    const names = nsSet(ns.filter((r) => normName(r.name) === cut).map((r) => dataOf(r)));
    const glue = new Map<string, string[]>();
    for (const r of packet.additionals ?? []) {
      if ((r.type === 'A' || r.type === 'AAAA') && names.includes(normName(r.name))) {
        glue.set(normName(r.name), [...(glue.get(normName(r.name)) ?? []), dataOf(r)]);
      }
    }
    const ttl = Math.min(...ns.map((r) => ('ttl' in r ? (r.ttl ?? 0) : 0)));
    return { cut, ns: names, glue, ttl };
  }

  async function addressesOf(names: string[], glue: Map<string, string[]>, signal: AbortSignal) {
    const out = new Map<string, string[]>();
    await Promise.all(
      names.map(async (name) => {
        const known = glue.get(name);
        out.set(name, known && known.length > 0 ? known : await deps.resolveAddresses(name, signal).catch(() => []));
      }),
    );
    // IPv4 first: the common case, and what a host without an IPv6 route can reach.
    for (const [name, list] of out)
      out.set(
        name,
        [...list].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':'))),
      );
    return out;
  }

  function rootServersDown(failed: Array<{ server: ServerAddress; problem: AuthServerProblem }>): AuthServer[] {
    return failed.map(({ server, problem }) => ({
      name: '.',
      address: server.host,
      inParent: false,
      inApex: false,
      reachable: problem === 'error-rcode',
      aa: null,
      soaSerial: null,
      problem,
    }));
  }

  function keepCut(key: string, referral: Referral, servers: ServerAddress[]): void {
    const cuts = state().cuts;
    if (cuts.size >= CUT_CACHE_ENTRIES) cuts.clear();
    const seconds = Math.min(referral.ttl, CUT_CACHE_S);
    if (seconds > 0) cuts.set(`${key} ${referral.cut}`, { referral, servers, until: now() + seconds * 1000 });
  }

  /** The kept referral closest above `name` (never `name` itself), if any. */
  function closestCut(key: string, name: string): CachedCut | null {
    const cuts = state().cuts;
    for (let at = name.indexOf('.'); at !== -1; at = name.indexOf('.', at + 1)) {
      const hit = cuts.get(`${key} ${name.slice(at + 1)}`);
      if (hit && hit.until > now()) return hit;
    }
    return null;
  }

  /** A background probe of the root hints; clears the mark when any answers. */
  function reprobe(key: string, mark: UnreachableMark): void {
    if (mark.probing || now() - mark.lastProbe < Math.min(30_000, config.unreachableS * 1000)) return;
    mark.probing = true;
    mark.lastProbe = now();
    const budget = { left: config.rootHints.length * config.tries, sent: 0 };
    askAny(config.rootHints, { name: '.', type: 'NS' }, budget, NEVER_ABORTED)
      .then(({ reply }) => {
        if (reply) state().unreachable.delete(key);
      })
      .catch(() => undefined)
      .finally(() => {
        mark.probing = false;
      });
  }

  /**
   * Walks from the root hints to the zone holding `domain` and probes its servers. Never rejects: a blocked
   * network, a lame delegation or a spent budget is an `authority` with `basedOn: 'resolver'`.
   */
  async function discover(domain: string, budget: AuthBudget, signal: AbortSignal = NEVER_ABORTED): Promise<Discovery> {
    if (!config.enabled) return { authority: resolverOnly('disabled'), servers: null };
    const name = normName(domain);
    const key = rootKey(config);
    const mark = state().unreachable.get(key);
    if (mark && mark.until > now()) {
      reprobe(key, mark);
      return { authority: resolverOnly('root-unreachable', { servers: mark.servers }), servers: null };
    }
    // Start below the root when a referral above this name is still kept (the walk's politeness in bulk runs).
    const cached = closestCut(key, name);
    let servers = cached ? rotate(cached.servers) : rotate(config.rootHints);
    let referral: Referral | null = cached?.referral ?? null;
    const atRoot = !cached;
    let apexNs: string[] = [];
    let zone: string | null = null;
    for (let depth = 0; depth < MAX_REFERRALS; depth++) {
      const { reply, failed } = await askAny(servers, { name, type: 'NS' }, budget, signal);
      if (!reply) {
        const queries = budget.sent;
        if (failed.some((f) => f.problem === 'not-asked'))
          return { authority: resolverOnly('over-budget', { queries }), servers: null };
        if (depth === 0 && atRoot) {
          const down = rootServersDown(failed);
          if (failed.every((f) => f.problem === 'timeout' || f.problem === 'network-error')) {
            state().unreachable.set(key, {
              until: now() + config.unreachableS * 1000,
              servers: down,
              probing: false,
              lastProbe: now(),
            });
          }
          return { authority: resolverOnly('root-unreachable', { servers: down, queries }), servers: null };
        }
        const cut = referral?.cut ?? null;
        const down = failed.map(({ server, problem }) =>
          serverRow(nameFor(referral, server.host), server.host, referral, [], problem),
        );
        return {
          authority: resolverOnly('servers-unreachable', { zone: cut, parentNs: referral?.ns, servers: down, queries }),
          servers: null,
        };
      }
      if (reply.flag_aa) {
        const ns = (reply.answers ?? []).filter((r) => r.type === 'NS' && normName(r.name) === name);
        if (ns.length > 0) {
          zone = name;
          apexNs = nsSet(ns.map((r) => dataOf(r)));
        } else {
          const soa = (reply.authorities ?? []).find((r) => r.type === 'SOA');
          zone = soa ? normName(soa.name) : null;
        }
        break;
      }
      const next = referralOf(reply, referral?.cut ?? '.');
      if (!next) break;
      referral = next;
      const addresses = await addressesOf(next.ns, next.glue, signal);
      servers = [...addresses.values()].flat().map(at);
      if (servers.length === 0) break;
      if (next.cut !== name) keepCut(key, next, servers);
      servers = rotate(servers);
    }
    if (zone === null) return { authority: resolverOnly('no-zone', { queries: budget.sent }), servers: null };

    // The zone's own NS set when the name is below the apex (or the answer came without it).
    if (apexNs.length === 0) {
      const { reply } = await askAny(servers, { name: zone, type: 'NS' }, budget, signal);
      apexNs = nsSet((reply?.answers ?? []).filter((r) => r.type === 'NS').map((r) => dataOf(r)));
    }
    const parentNs = referral?.cut === zone ? referral.ns : [];
    const names = pickNames(parentNs, apexNs, config.maxServers);
    const addresses = await addressesOf(names, referral?.cut === zone ? referral.glue : new Map(), signal);
    const targets = pickAddresses(names, addresses, config.maxAddresses).map(({ name: n, host }) => ({
      name: n,
      address: at(host),
    }));

    const serials = new Map<string, number | null>();
    const rows: AuthServer[] = await Promise.all(
      targets.map(async ({ name: n, address }) => {
        const reply = await ask(address, { name: zone!, type: 'SOA' }, budget, signal);
        const row = serverRow(n, address.host, referral?.cut === zone ? referral : null, apexNs, undefined);
        if ('problem' in reply) return { ...row, problem: reply.problem };
        const serial = soaSerial(reply.packet);
        serials.set(address.host, serial);
        const aa = reply.packet.flag_aa === true;
        const rcode = replyRcode(reply.packet);
        const problem: AuthServerProblem | undefined =
          rcode !== 0 ? 'error-rcode' : aa ? undefined : 'not-authoritative';
        return { ...row, reachable: true, aa, soaSerial: aa ? serial : null, ...(problem ? { problem } : {}) };
      }),
    );
    // Every other name of either NS set: without an address, or past the caps.
    for (const n of [...new Set([...names, ...parentNs, ...apexNs])]) {
      if (rows.some((r) => r.name === n)) continue;
      const problem = names.includes(n) && (addresses.get(n) ?? []).length === 0 ? 'no-address' : 'not-asked';
      rows.push(serverRow(n, null, referral?.cut === zone ? referral : null, apexNs, problem));
    }
    if (!rows.some((r) => r.aa === true)) {
      const fallback = budget.left <= 0 ? 'over-budget' : 'servers-unreachable';
      return {
        authority: resolverOnly(fallback, { zone, parentNs, apexNs, servers: rows, queries: budget.sent }),
        servers: null,
      };
    }
    const good = targets.filter((t) => rows.some((r) => r.address === t.address.host && r.aa === true));
    return {
      authority: fromServers({ zone, parentNs, apexNs, servers: rows, queries: budget.sent }),
      servers: { zone, targets: good, serials },
    };
  }

  /**
   * Asks every authoritative address of the zone one question (RD=0). One row per address; the answers are
   * the reply's answer section with TTLs as published, the serial from a negative answer's SOA or the probe.
   * The reading as a lookup is there only for an authoritative (AA) NOERROR or NXDOMAIN reply.
   */
  async function askEach(
    zone: ZoneServers,
    question: { name: string; type: RecordType },
    budget: AuthBudget,
    signal: AbortSignal = NEVER_ABORTED,
  ): Promise<AuthReply[]> {
    const q: Question = { name: normName(question.name), type: question.type };
    return Promise.all(
      zone.targets.map(async ({ name, address }): Promise<AuthReply> => {
        const probed = zone.serials.get(address.host) ?? null;
        const reply = await ask(address, q, budget, signal);
        if ('problem' in reply) {
          const answer: AuthAnswer = {
            server: name,
            address: address.host,
            aa: null,
            rcode: null,
            answers: [],
            soaSerial: probed,
            problem: reply.problem,
          };
          return { answer, interpretation: null };
        }
        const p = reply.packet;
        const rcode = replyRcode(p);
        const aa = p.flag_aa === true;
        const problem: AuthServerProblem | undefined =
          rcode !== 0 && rcode !== 3 ? 'error-rcode' : aa ? undefined : 'not-authoritative';
        const answer: AuthAnswer = {
          server: name,
          address: address.host,
          aa,
          rcode: rcodeName(rcode),
          answers: (p.answers ?? []).flatMap((r) => present(r)),
          soaSerial: soaSerial(p) ?? probed,
          ...(problem ? { problem } : {}),
        };
        let interpretation: Interpretation | null = null;
        if (!problem) {
          try {
            interpretation = interpretReply(p, q, limits);
          } catch {
            interpretation = null;
          }
        }
        return { answer, interpretation };
      }),
    );
  }

  /** `askEach` as plain data: what each server publishes for the question. */
  async function askAll(
    zone: ZoneServers,
    question: { name: string; type: RecordType },
    budget: AuthBudget,
    signal: AbortSignal = NEVER_ABORTED,
  ): Promise<AuthAnswer[]> {
    return (await askEach(zone, question, budget, signal)).map((r) => r.answer);
  }

  return { discover, askEach, askAll, port: config.port };
}

export type AuthorityPath = ReturnType<typeof createAuthority>;

/** The list started at a random entry, so that the first server of a set does not take every walk. */
function rotate<T>(list: readonly T[]): T[] {
  const at = Math.floor(Math.random() * list.length);
  return [...list.slice(at), ...list.slice(0, at)];
}

function isBelow(name: string, above: string): boolean {
  return above === '.' ? name !== '.' : name !== above && name.endsWith(`.${above}`);
}

function nameFor(referral: Referral | null, host: string): string {
  for (const [n, list] of referral?.glue ?? []) if (list.includes(host)) return n;
  return '?';
}

function serverRow(
  name: string,
  address: string | null,
  referral: Referral | null,
  apexNs: string[],
  problem: AuthServerProblem | undefined,
): AuthServer {
  return {
    name,
    address,
    inParent: referral?.ns.includes(name) ?? false,
    inApex: apexNs.includes(name),
    reachable: false,
    aa: null,
    soaSerial: null,
    ...(problem ? { problem } : {}),
  };
}

/** Names in both NS sets first, then the parent's, then the apex's; at most `max`. */
function pickNames(parentNs: string[], apexNs: string[], max: number): string[] {
  const both = parentNs.filter((n) => apexNs.includes(n));
  const rest = [...parentNs.filter((n) => !both.includes(n)), ...apexNs.filter((n) => !both.includes(n))];
  return [...both, ...rest].slice(0, max);
}

/** Round-robin over the names so every name gets an address before any gets a second one; at most `max`. */
function pickAddresses(names: string[], addresses: Map<string, string[]>, max: number) {
  const out: Array<{ name: string; host: string }> = [];
  const seen = new Set<string>();
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const name of names) {
      const host = addresses.get(name)?.[round];
      if (host === undefined) continue;
      any = true;
      if (!seen.has(host) && out.length < max) {
        seen.add(host);
        out.push({ name, host });
      }
    }
    if (!any) break;
  }
  return out;
}

function dataOf(record: Answer): string {
  return 'data' in record ? String(record.data) : '';
}

function soaSerial(packet: DecodedPacket): number | null {
  const soa = [...(packet.answers ?? []), ...(packet.authorities ?? [])].find((r) => r.type === 'SOA');
  const data = soa && 'data' in soa ? (soa.data as { serial?: unknown }) : null;
  return data && typeof data.serial === 'number' ? data.serial : null;
}

function present(record: Answer): DnsAnswer[] {
  if (record.type === 'OPT') return [];
  const data = presentData(record, MAX_TXT_BYTES);
  if (data === null) return [];
  return [{ name: normName(record.name), type: record.type, ttl: 'ttl' in record ? (record.ttl ?? 0) : 0, data }];
}

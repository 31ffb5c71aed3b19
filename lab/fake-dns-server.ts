/**
 * A small programmable authoritative DNS server (UDP + TCP on loopback) for tests, the demo and the bench.
 * It answers from plain ZoneRecords like a simplified nsd (RFC 1034 4.3.2), and per-name rules make it
 * misbehave: drop, delay, SERVFAIL/REFUSED/FORMERR/NOTIMP, garbage bytes, wrong ids, truncation without TCP.
 * It never throws on bad input: undecodable packets are ignored.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv6, type Server, type Socket } from 'node:net';
import type { Answer, DecodedPacket, Packet, Question } from 'dns-packet';
import * as dnsPacket from 'dns-packet';
import type { ZoneRecord } from './zone-types';

export type Behaviour =
  | { kind: 'answer' }
  | { kind: 'drop' }
  | { kind: 'servfail' }
  | { kind: 'refused' }
  | { kind: 'formerr' }
  | { kind: 'notimp' }
  | { kind: 'delay'; ms: number }
  | { kind: 'garbage' }
  | { kind: 'wrong-id' }
  | { kind: 'truncate-close' }
  | { kind: 'drop-rate'; rate: number; seed?: number };

/** `suffix` matches whole labels: `broken.test` matches `broken.test` and `x.broken.test`, not `notbroken.test`; `''` matches every name. The first matching rule wins. */
export type Rule = { suffix: string; type?: string; behaviour: Behaviour };

export type FakeServerOptions = {
  host?: string;
  port?: number;
  records: ZoneRecord[];
  zones: string[];
  rules?: Rule[];
  /** Default 1232: larger answers are sent with TC=1 over UDP and in full over TCP. */
  udpMaxBytes?: number;
};

export type FakeServer = {
  host: string;
  port: number;
  /** `127.0.0.1:port` or `[::1]:port`. */
  address: string;
  /**
   * Queries received per transport, and per lower-case query name (both transports); `arrivals`: when each message
   * arrived (performance.now(), ms), decodable or not, for counting queries per second (the politeness cap).
   */
  stats: { udp: number; tcp: number; byName: Map<string, number>; arrivals: number[] };
  setRules(rules: Rule[]): void;
  close(): Promise<void>;
};

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const MAX_CHASE = 8;
const DEFAULT_TTL = 3600;

function norm(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function parent(name: string): string | null {
  const dot = name.indexOf('.');
  return dot === -1 ? null : name.slice(dot + 1);
}

function isUnder(name: string, suffix: string): boolean {
  return suffix === '' || name === suffix || name.endsWith(`.${suffix}`);
}

/** Splits a TXT string into ≤255-byte character-strings (a longer one cannot be encoded). */
function txtChunks(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return [bytes];
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) out.push(bytes.subarray(i, i + 255));
  return out;
}

function numbers(fields: string[], rec: ZoneRecord, count: number): number[] {
  const out = fields.slice(0, count).map(Number);
  if (out.length < count || out.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`fake DNS server: bad ${rec.type} data for ${rec.name}: ${JSON.stringify(rec.data)}`);
  }
  return out;
}

/** Converts one ZoneRecord into a dns-packet record owned by `owner` (differs from rec.name for wildcards). */
function toAnswer(rec: ZoneRecord, owner: string): Answer {
  const ttl = rec.ttl ?? DEFAULT_TTL;
  const base = { name: owner, ttl, class: 'IN' as const };
  if (rec.type === 'TXT') {
    const parts = Array.isArray(rec.data) ? rec.data : [rec.data];
    return { ...base, type: 'TXT', data: parts.flatMap(txtChunks) };
  }
  const text = Array.isArray(rec.data) ? rec.data.join(' ') : rec.data;
  const fields = text.trim().split(/\s+/);
  switch (rec.type) {
    case 'A':
    case 'AAAA':
      return { ...base, type: rec.type, data: text.trim() };
    case 'CNAME':
    case 'NS':
      return { ...base, type: rec.type, data: norm(text.trim()) };
    case 'MX': {
      const [preference = 0] = numbers(fields, rec, 1);
      return { ...base, type: 'MX', data: { preference, exchange: norm(fields[1] ?? '.') } };
    }
    case 'SRV': {
      const [priority = 0, weight = 0, port = 0] = numbers(fields, rec, 3);
      return { ...base, type: 'SRV', data: { priority, weight, port, target: norm(fields[3] ?? '.') } };
    }
    case 'SOA': {
      const [serial = 1, refresh = 3600, retry = 600, expire = 86400, minimum = 60] = numbers(
        fields.slice(2),
        rec,
        Math.min(5, fields.length - 2),
      );
      return {
        ...base,
        type: 'SOA',
        data: { mname: norm(fields[0] ?? '.'), rname: norm(fields[1] ?? '.'), serial, refresh, retry, expire, minimum },
      };
    }
  }
}

/** mulberry32: a tiny deterministic PRNG for `drop-rate`. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ZoneData = {
  zones: string[];
  byName: Map<string, ZoneRecord[]>;
  /** Names with records, plus every ancestor up to its zone apex (empty non-terminals). */
  existing: Set<string>;
};

function buildZoneData(records: ZoneRecord[], zoneList: string[]): ZoneData {
  const zones = [...new Set(zoneList.map(norm))].sort((a, b) => b.length - a.length);
  const byName = new Map<string, ZoneRecord[]>();
  const add = (rec: ZoneRecord): void => {
    const name = norm(rec.name);
    const list = byName.get(name) ?? [];
    list.push({ ...rec, name });
    byName.set(name, list);
  };
  for (const rec of records) {
    toAnswer(rec, norm(rec.name)); // validates the data once, at start-up
    add(rec);
  }
  for (const apex of zones) {
    const atApex = byName.get(apex) ?? [];
    if (!atApex.some((r) => r.type === 'SOA')) {
      add({ name: apex, type: 'SOA', data: `ns1.${apex} hostmaster.${apex} 1 3600 600 86400 60` });
    }
    if (!atApex.some((r) => r.type === 'NS')) add({ name: apex, type: 'NS', data: `ns1.${apex}` });
  }
  const existing = new Set<string>();
  for (const name of byName.keys()) {
    const zone = zones.find((z) => isUnder(name, z));
    for (let n: string | null = name; n !== null; n = parent(n)) {
      existing.add(n);
      if (zone === undefined || n === zone) break;
    }
  }
  return { zones, byName, existing };
}

type Resolution = { rcode: number; aa: boolean; answers: Answer[]; authorities: Answer[] };

type NameResult =
  | { kind: 'records'; rrs: Answer[] }
  | { kind: 'cname'; rr: Answer; target: string }
  | { kind: 'nodata' }
  | { kind: 'nxdomain' };

function lookupName(data: ZoneData, name: string, qtype: string, zone: string): NameResult {
  const fromRecords = (rrs: ZoneRecord[]): NameResult => {
    const ofType = rrs.filter((r) => r.type === qtype);
    if (ofType.length > 0) return { kind: 'records', rrs: ofType.map((r) => toAnswer(r, name)) };
    const cname = rrs.find((r) => r.type === 'CNAME');
    if (cname) return { kind: 'cname', rr: toAnswer(cname, name), target: norm(String(cname.data)) };
    return { kind: 'nodata' };
  };
  const own = data.byName.get(name);
  if (own) return fromRecords(own);
  if (data.existing.has(name)) return { kind: 'nodata' };
  // Wildcard (RFC 4592): find the closest encloser, then `*.<encloser>`.
  for (let n = parent(name); n !== null && isUnder(n, zone); n = parent(n)) {
    if (!data.existing.has(n)) continue;
    const wild = data.byName.get(`*.${n}`);
    return wild ? fromRecords(wild) : { kind: 'nxdomain' };
  }
  return { kind: 'nxdomain' };
}

/** The authoritative answer for one question, CNAMEs chased within served zones (max 8 hops). */
function resolve(data: ZoneData, qname: string, qtype: string): Resolution {
  const zoneOf = (name: string): string | undefined => data.zones.find((z) => isUnder(name, z));
  let zone = zoneOf(qname);
  if (zone === undefined) return { rcode: RCODE.REFUSED, aa: false, answers: [], authorities: [] };
  const answers: Answer[] = [];
  const soa = (z: string): Answer[] => {
    const rec = data.byName.get(z)?.find((r) => r.type === 'SOA');
    return rec ? [toAnswer(rec, z)] : [];
  };
  const visited = new Set<string>();
  let current = qname;
  for (let hop = 0; ; hop++) {
    visited.add(current);
    const result = lookupName(data, current, qtype, zone);
    if (result.kind === 'records')
      return { rcode: RCODE.NOERROR, aa: true, answers: [...answers, ...result.rrs], authorities: [] };
    if (result.kind === 'nodata') return { rcode: RCODE.NOERROR, aa: true, answers, authorities: soa(zone) };
    if (result.kind === 'nxdomain') return { rcode: RCODE.NXDOMAIN, aa: true, answers, authorities: soa(zone) };
    answers.push(result.rr);
    const targetZone = zoneOf(result.target);
    if (qtype === 'CNAME' || targetZone === undefined || visited.has(result.target) || hop >= MAX_CHASE) {
      return { rcode: RCODE.NOERROR, aa: true, answers, authorities: [] };
    }
    current = result.target;
    zone = targetZone;
  }
}

function optRecord(): Answer {
  return {
    type: 'OPT',
    name: '.',
    udpPayloadSize: 1232,
    extendedRcode: 0,
    ednsVersion: 0,
    flags: 0,
    flag_do: false,
    options: [],
  };
}

/** Starts the server; resolves once both UDP and TCP listen on the same port. */
export async function startFakeDnsServer(options: FakeServerOptions): Promise<FakeServer> {
  const host = options.host ?? '127.0.0.1';
  const family = isIPv6(host) ? 6 : 4;
  const udpMaxBytes = options.udpMaxBytes ?? 1232;
  const data = buildZoneData(options.records, options.zones);
  let rules: Rule[] = options.rules ?? [];
  const rngs = new WeakMap<Rule, () => number>();
  const stats = { udp: 0, tcp: 0, byName: new Map<string, number>(), arrivals: [] as number[] };
  const timers = new Set<NodeJS.Timeout>();
  const connections = new Set<Socket>();
  let closed = false;

  const ruleFor = (qname: string, qtype: string): Rule | undefined =>
    rules.find((r) => isUnder(qname, norm(r.suffix)) && (r.type === undefined || r.type.toUpperCase() === qtype));

  const encode = (packet: Packet): Buffer | null => {
    try {
      return dnsPacket.encode(packet);
    } catch {
      return null;
    }
  };

  /** Handles one query message; `reply` sends bytes back, `hangUp` closes a TCP connection. */
  const handle = (msg: Buffer, transport: 'udp' | 'tcp', reply: (buf: Buffer) => void, hangUp: () => void): void => {
    stats.arrivals.push(performance.now());
    let query: DecodedPacket;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    if (query.flag_qr) return;
    const id = query.id ?? 0;
    const question: Question | undefined = query.questions?.[0];
    const rd = (query.flags ?? 0) & dnsPacket.RECURSION_DESIRED;
    const opt = (query.additionals ?? []).find((a) => a.type === 'OPT');
    const additionals = opt ? [optRecord()] : [];
    if (!question || typeof question.name !== 'string') {
      const buf = encode({ type: 'response', id, flags: rd | RCODE.FORMERR, questions: [], additionals });
      if (buf) reply(buf);
      return;
    }
    const qname = norm(question.name);
    const qtype = String(question.type).toUpperCase();
    stats[transport]++;
    stats.byName.set(qname, (stats.byName.get(qname) ?? 0) + 1);
    const rule = ruleFor(qname, qtype);
    const behaviour: Behaviour = rule?.behaviour ?? { kind: 'answer' };

    const respond = (
      rcode: number,
      aa: boolean,
      answers: Answer[],
      authorities: Answer[],
      replyId = id,
      tc = 0,
    ): void => {
      const flags = (aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | rd | rcode | tc;
      const packet: Packet = {
        type: 'response',
        id: replyId,
        flags,
        questions: [question],
        answers,
        authorities,
        additionals,
      };
      let buf = encode(packet);
      if (buf === null) buf = encode({ ...packet, flags: rd | RCODE.SERVFAIL, answers: [], authorities: [] });
      if (buf === null) return;
      const clientMax = opt && 'udpPayloadSize' in opt ? Math.max(512, opt.udpPayloadSize) : 512;
      if (transport === 'udp' && buf.length > Math.min(udpMaxBytes, clientMax)) {
        buf = encode({ ...packet, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [] });
        if (buf === null) return;
      }
      reply(buf);
    };
    const answerNormally = (replyId = id): void => {
      const r = resolve(data, qname, qtype);
      respond(r.rcode, r.aa, r.answers, r.authorities, replyId);
    };

    switch (behaviour.kind) {
      case 'answer':
        answerNormally();
        break;
      case 'drop':
        break;
      case 'servfail':
        respond(RCODE.SERVFAIL, false, [], []);
        break;
      case 'refused':
        respond(RCODE.REFUSED, false, [], []);
        break;
      case 'formerr':
        respond(RCODE.FORMERR, false, [], []);
        break;
      case 'notimp':
        respond(RCODE.NOTIMP, false, [], []);
        break;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!closed) answerNormally();
        }, behaviour.ms);
        timers.add(timer);
        break;
      }
      case 'garbage': {
        // Right id, QR set, then counts that promise far more than the bytes hold: never decodable.
        const buf = Buffer.alloc(20);
        buf.writeUInt16BE(id, 0);
        buf.writeUInt16BE(0x8180, 2);
        buf.writeUInt16BE(1, 4);
        buf.writeUInt16BE(0xffff, 6);
        for (let i = 12; i < 20; i++) buf[i] = Math.floor(Math.random() * 256);
        reply(buf);
        break;
      }
      case 'wrong-id':
        answerNormally(id ^ 0x5a5a);
        break;
      case 'truncate-close':
        if (transport === 'tcp') hangUp();
        else respond(RCODE.NOERROR, true, [], [], id, dnsPacket.TRUNCATED_RESPONSE);
        break;
      case 'drop-rate': {
        let rng = rule ? rngs.get(rule) : undefined;
        if (!rng) {
          rng = prng(behaviour.seed ?? 1);
          if (rule) rngs.set(rule, rng);
        }
        if (rng() >= behaviour.rate) answerNormally();
        break;
      }
    }
  };

  const udpType = family === 6 ? 'udp6' : 'udp4';

  const bindUdp = (port: number): Promise<UdpSocket> =>
    new Promise((resolveBind, reject) => {
      const socket = createSocket({ type: udpType });
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.removeListener('error', reject);
        socket.on('error', () => {});
        resolveBind(socket);
      });
    });

  const listenTcp = (port: number): Promise<Server> =>
    new Promise((resolveListen, reject) => {
      const server = createServer((conn) => {
        connections.add(conn);
        conn.on('error', () => {});
        conn.on('close', () => connections.delete(conn));
        let buffered: Buffer = Buffer.alloc(0);
        conn.on('data', (chunk: Buffer) => {
          buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
          while (buffered.length >= 2 && !conn.destroyed) {
            const length = buffered.readUInt16BE(0);
            if (buffered.length < 2 + length) break;
            const message = buffered.subarray(2, 2 + length);
            buffered = buffered.subarray(2 + length);
            try {
              handle(
                message,
                'tcp',
                (buf) => {
                  if (conn.destroyed || buf.length > 0xffff) return;
                  const prefix = Buffer.alloc(2);
                  prefix.writeUInt16BE(buf.length, 0);
                  conn.write(Buffer.concat([prefix, buf]));
                },
                () => conn.destroy(),
              );
            } catch {
              // never crash on hostile input
            }
          }
        });
      });
      server.once('error', reject);
      server.listen(port, host, () => {
        server.removeListener('error', reject);
        server.on('error', () => {});
        resolveListen(server);
      });
    });

  let udp: UdpSocket | undefined;
  let tcp: Server | undefined;
  for (let attempt = 0; attempt < 20 && !tcp; attempt++) {
    udp = await bindUdp(options.port ?? 0);
    try {
      tcp = await listenTcp(udp.address().port);
    } catch (err) {
      await new Promise<void>((r) => udp?.close(() => r()));
      udp = undefined;
      if (options.port !== undefined) throw err;
    }
  }
  if (!udp || !tcp) throw new Error('fake DNS server: could not bind UDP and TCP on one port');
  const udpSocket = udp;
  const tcpServer = tcp;
  udpSocket.on('message', (msg, rinfo) => {
    try {
      handle(
        msg,
        'udp',
        (buf) => {
          if (!closed) udpSocket.send(buf, rinfo.port, rinfo.address, () => {});
        },
        () => {},
      );
    } catch {
      // never crash on hostile input
    }
  });

  const port = udpSocket.address().port;
  return {
    host,
    port,
    address: family === 6 ? `[${host}]:${port}` : `${host}:${port}`,
    stats,
    setRules(next) {
      rules = next;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const conn of connections) conn.destroy();
      connections.clear();
      await Promise.all([
        new Promise<void>((r) => udpSocket.close(() => r())),
        new Promise<void>((r) => tcpServer.close(() => r())),
      ]);
    },
  };
}

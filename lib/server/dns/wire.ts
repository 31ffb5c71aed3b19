/**
 * DNS wire format for the resolver: building queries, matching replies to questions and turning a
 * decoded reply into Lookup data. Pure functions over `dns-packet`; no sockets here.
 */
import type { Answer, DecodedPacket } from 'dns-packet';
import * as dnsPacket from 'dns-packet';
import type { ChainEnd, DnsAnswer, LookupOutcome, RecordType } from '@/lib/schema';

/** EDNS0 UDP payload size we advertise (the DNS Flag Day 2020 value). */
export const EDNS_UDP_SIZE = 1232;
/** Upper bound for any cache lifetime, seconds. */
export const MAX_CACHE_TTL = 300;
/** Negative-cache lifetime when a negative reply carries no SOA, seconds. */
export const DEFAULT_NEGATIVE_TTL = 60;

export type Question = { name: string; type: RecordType };

export type WireLimits = { maxCnameHops: number; maxTxtBytes: number; maxRecordsPerRrset: number };

/** What one reply means, before the resolver adds timing and server data. */
export type Interpretation = {
  outcome: LookupOutcome;
  rcode: string;
  answers: DnsAnswer[];
  chain: string[];
  chainEnd: ChainEnd;
  /** Seconds this result may be cached; 0 = never. */
  cacheTtl: number;
};

const RCODE_NAMES = [
  'NOERROR',
  'FORMERR',
  'SERVFAIL',
  'NXDOMAIN',
  'NOTIMP',
  'REFUSED',
  'YXDOMAIN',
  'YXRRSET',
  'NXRRSET',
  'NOTAUTH',
  'NOTZONE',
];

/** RCODE number to its mnemonic (`RCODE<n>` for unassigned values, `BADVERS` for 16). */
export function rcodeName(rcode: number): string {
  if (rcode === 16) return 'BADVERS';
  return RCODE_NAMES[rcode] ?? `RCODE${rcode}`;
}

/** Full RCODE of a reply: the 4 header bits plus the EDNS extended bits. */
export function replyRcode(packet: DecodedPacket): number {
  const low = (packet.flags ?? 0) & 0xf;
  const opt = (packet.additionals ?? []).find((a) => a.type === 'OPT');
  const high = opt && 'extendedRcode' in opt ? opt.extendedRcode : 0;
  return (high << 4) | low;
}

/** Lower-case, strip one trailing dot; the root stays `.`. For names taken from replies (never validated). */
export function normName(name: string): string {
  if (name === '.' || name === '') return '.';
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Query-name policy: printable ASCII (callers pass punycode), labels 1-63 bytes, at most 253 bytes.
 * Returns the lower-case name without trailing dot, or null when it cannot be sent safely.
 */
export function normaliseQueryName(name: string): string | null {
  const n = normName(name);
  if (n === '.' || n.length > 253 || !/^[\x21-\x7e]+$/.test(n)) return null;
  return n.split('.').every((label) => label.length >= 1 && label.length <= 63) ? n : null;
}

/** Query type numbers of the types we ask (RFC 1035, 3596, 2782). */
const TYPE_CODE: Record<RecordType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28, SRV: 33 };
/** Root name, type OPT (41), class = UDP payload size, TTL 0 (extended RCODE, version, DO all 0), no options. */
const OPT_RECORD = Buffer.from([0, 0, 41, EDNS_UDP_SIZE >> 8, EDNS_UDP_SIZE & 0xff, 0, 0, 0, 0, 0, 0]);

/** The same query through dns-packet: for names the fast path does not take. */
function encodeQueryGeneric(id: number, q: Question, recursion = true): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: recursion ? dnsPacket.RECURSION_DESIRED : 0,
    questions: [{ name: q.name, type: q.type, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_UDP_SIZE,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
    ],
  });
}

/**
 * One query: RD=1 (RD=0 with `recursion` false, for a zone's own servers), one question, EDNS0 OPT advertising 1232 bytes. Written directly for a name as
 * `normaliseQueryName` leaves it (printable ASCII, labels of 1–63 bytes): the bytes dns-packet would write,
 * without its object work (this runs for every query sent).
 */
export function encodeQuery(id: number, q: Question, recursion = true): Buffer {
  const name = q.name;
  const code = TYPE_CODE[q.type];
  if (code === undefined || name.length === 0 || name.length > 253 || !/^[\x21-\x7e]+$/.test(name)) {
    return encodeQueryGeneric(id, q, recursion);
  }
  const buf = Buffer.allocUnsafe(12 + name.length + 2 + 4 + OPT_RECORD.length);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(recursion ? dnsPacket.RECURSION_DESIRED : 0, 2);
  buf.writeUInt16BE(1, 4); // QDCOUNT
  buf.writeUInt32BE(0, 6); // ANCOUNT, NSCOUNT
  buf.writeUInt16BE(1, 10); // ARCOUNT
  let at = 12;
  let start = 0;
  for (;;) {
    const dot = name.indexOf('.', start);
    const end = dot === -1 ? name.length : dot;
    const length = end - start;
    if (length < 1 || length > 63) return encodeQueryGeneric(id, q, recursion);
    buf[at++] = length;
    buf.write(name.slice(start, end), at, 'latin1');
    at += length;
    if (dot === -1) break;
    start = dot + 1;
  }
  buf[at++] = 0;
  buf.writeUInt16BE(code, at);
  buf.writeUInt16BE(1, at + 2); // class IN
  OPT_RECORD.copy(buf, at + 4);
  return buf;
}

/** Decodes a reply; null when the bytes are not a DNS message dns-packet can read. */
export function decodeReply(buf: Buffer): DecodedPacket | null {
  try {
    return dnsPacket.decode(buf);
  } catch {
    return null;
  }
}

/**
 * True when a decoded message is a reply to `q`: QR set and the same single question (name compared
 * case-insensitively). Error replies without a question section (some servers send FORMERR/REFUSED so)
 * are accepted, since they carry no data that could poison a result.
 */
export function matchesQuestion(packet: DecodedPacket, q: Question): boolean {
  try {
    if (!packet.flag_qr) return false;
    const questions = packet.questions ?? [];
    if (questions.length === 0) {
      const rcode = replyRcode(packet);
      return rcode !== 0 && rcode !== 3;
    }
    const pq = questions[0];
    return (
      questions.length === 1 &&
      pq !== undefined &&
      normName(pq.name) === q.name &&
      pq.type === q.type &&
      (pq.class ?? 'IN') === 'IN'
    );
  } catch {
    return false; // a malformed message is nobody's reply
  }
}

function ttlOf(rec: Answer): number {
  const ttl = 'ttl' in rec && typeof rec.ttl === 'number' ? rec.ttl : 0;
  // RFC 2181 8: a TTL with the top bit set is treated as zero.
  return ttl > 0x7fffffff ? 0 : ttl;
}

function txtText(data: unknown, maxBytes: number): string {
  const parts = Array.isArray(data) ? data : [data];
  const bufs: Buffer[] = [];
  let total = 0;
  for (const part of parts) {
    if (total >= maxBytes) break;
    const buf = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    const take = buf.subarray(0, maxBytes - total);
    bufs.push(take);
    total += take.length;
  }
  // Invalid UTF-8 becomes U+FFFD; the text is for display and matching, never for markup.
  return Buffer.concat(bufs).toString('utf8');
}

/** Presentation form of one record's data (see `DnsAnswer.data`), or null for a type we do not present. */
export function presentData(rec: Answer, maxTxtBytes: number): string | null {
  switch (rec.type) {
    case 'A':
    case 'AAAA':
      return String(rec.data);
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'DNAME':
      return normName(rec.data);
    case 'MX':
      return `${rec.data.preference ?? 0} ${normName(rec.data.exchange)}`;
    case 'SRV':
      return `${rec.data.priority ?? 0} ${rec.data.weight ?? 0} ${rec.data.port} ${normName(rec.data.target)}`;
    case 'SOA':
      return `${normName(rec.data.mname)} ${normName(rec.data.rname)} ${rec.data.serial ?? 0}`;
    case 'TXT':
      return txtText(rec.data, maxTxtBytes);
    default:
      return null;
  }
}

function isIn(rec: Answer): boolean {
  return rec.type !== 'OPT' && (!('class' in rec) || rec.class === undefined || rec.class === 'IN');
}

function negativeTtl(packet: DecodedPacket): number {
  const soa = (packet.authorities ?? []).find((a) => a.type === 'SOA');
  if (soa?.type !== 'SOA') return DEFAULT_NEGATIVE_TTL;
  // RFC 2308 5: the negative TTL is the minimum of the SOA's own TTL and its MINIMUM field.
  return Math.min(ttlOf(soa), soa.data.minimum ?? 0, MAX_CACHE_TTL);
}

/** A NOERROR reply with nothing in the answer section, no SOA but NS records is a referral (RFC 2308 2.2), not NODATA. */
function isReferral(packet: DecodedPacket): boolean {
  const authority = packet.authorities ?? [];
  return (
    (packet.answers ?? []).length === 0 &&
    !authority.some((a) => a.type === 'SOA') &&
    authority.some((a) => a.type === 'NS')
  );
}

type Walk = { chain: string[]; end: ChainEnd | null; finalName: string; chainTtl: number };

/** Follows CNAMEs inside one answer section from `qname`, bounded by `maxHops` and a loop check. */
function walkChain(records: Answer[], qname: string, maxHops: number): Walk {
  const chain: string[] = [];
  const seen = new Set([qname]);
  let current = qname;
  let chainTtl = Number.POSITIVE_INFINITY;
  for (;;) {
    const cname = records.find((r) => r.type === 'CNAME' && normName(r.name) === current);
    if (cname?.type !== 'CNAME') return { chain, end: null, finalName: current, chainTtl };
    const target = normName(cname.data);
    chainTtl = Math.min(chainTtl, ttlOf(cname));
    if (seen.has(target)) {
      chain.push(target);
      return { chain, end: 'loop', finalName: target, chainTtl };
    }
    if (chain.length >= maxHops) return { chain, end: 'too-long', finalName: current, chainTtl };
    chain.push(target);
    seen.add(target);
    current = target;
  }
}

function badResponse(rcode: string): Interpretation {
  return { outcome: 'bad-response', rcode, answers: [], chain: [], chainEnd: 'none', cacheTtl: 0 };
}

/**
 * Turns a reply to `q` into Lookup data. NOERROR with records of `q.type` at the end of the CNAME chain →
 * `answer`; NOERROR without → `nodata`; NXDOMAIN → `nxdomain` (RFC 6604: the RCODE is about the last name
 * of the chain, so `chain` non-empty means "alias to a missing name"); SERVFAIL/REFUSED → their outcome;
 * anything else (FORMERR, NOTIMP, a referral) → `bad-response`. For `q.type` CNAME the chain is not walked:
 * `answers` holds the CNAME at the name itself.
 */
export function interpretReply(packet: DecodedPacket, q: Question, limits: WireLimits): Interpretation {
  const rcodeNum = replyRcode(packet);
  const rcode = rcodeName(rcodeNum);
  if (rcodeNum === 2) return { ...badResponse(rcode), outcome: 'servfail' };
  if (rcodeNum === 5) return { ...badResponse(rcode), outcome: 'refused' };
  if (rcodeNum !== 0 && rcodeNum !== 3) return badResponse(rcode);

  const records = (packet.answers ?? []).filter(isIn);
  const walk: Walk =
    q.type === 'CNAME'
      ? { chain: [], end: null, finalName: q.name, chainTtl: Number.POSITIVE_INFINITY }
      : walkChain(records, q.name, limits.maxCnameHops);
  const answers: DnsAnswer[] = [];
  let answerTtl = walk.chainTtl;
  if (walk.end === null) {
    for (const rec of records) {
      if (answers.length >= limits.maxRecordsPerRrset) break;
      if (rec.type !== q.type || normName(rec.name) !== walk.finalName) continue;
      const data = presentData(rec, limits.maxTxtBytes);
      if (data === null) continue;
      const ttl = ttlOf(rec);
      answerTtl = Math.min(answerTtl, ttl);
      answers.push({ name: walk.finalName, type: q.type, ttl, data });
    }
  }
  const chain = walk.chain;
  if (rcodeNum === 3) {
    const chainEnd: ChainEnd = walk.end ?? (chain.length > 0 ? 'nxdomain' : 'none');
    return { outcome: 'nxdomain', rcode, answers: [], chain, chainEnd, cacheTtl: negativeTtl(packet) };
  }
  if (answers.length > 0) {
    const chainEnd: ChainEnd = chain.length > 0 ? 'terminal' : 'none';
    return { outcome: 'answer', rcode, answers, chain, chainEnd, cacheTtl: Math.min(answerTtl, MAX_CACHE_TTL) };
  }
  if (chain.length === 0 && isReferral(packet)) return badResponse(rcode);
  const chainEnd: ChainEnd = walk.end ?? (chain.length > 0 ? 'terminal' : 'none');
  return { outcome: 'nodata', rcode, answers: [], chain, chainEnd, cacheTtl: negativeTtl(packet) };
}

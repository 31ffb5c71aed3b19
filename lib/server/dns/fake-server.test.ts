/**
 * The lab's fake authoritative server, queried with raw dns-packet messages (no resolver in between),
 * so a resolver test failure can be told apart from a fake-server bug.
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import type { Answer, DecodedPacket } from 'dns-packet';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, type Rule, startFakeDnsServer } from '@/lab/fake-dns-server';
import type { ZoneRecord } from '@/lab/zone-types';

const LONG = 'x'.repeat(600);
const records: ZoneRecord[] = [
  { name: 'www.zone.test', type: 'A', data: '192.0.2.1' },
  { name: 'www.zone.test', type: 'AAAA', data: '2001:db8::1' },
  { name: 'zone.test', type: 'MX', data: '10 mail.zone.test' },
  { name: '_sip._tls.zone.test', type: 'SRV', data: '100 1 443 sip.zone.test' },
  { name: 'zone.test', type: 'TXT', data: ['v=spf1 include:spf.protection.outlook.com', ' -all'] },
  { name: 'long.zone.test', type: 'TXT', data: LONG },
  { name: 'leaf.ent.zone.test', type: 'A', data: '192.0.2.2' },
  { name: 'a.zone.test', type: 'CNAME', data: 'b.zone.test' },
  { name: 'b.zone.test', type: 'CNAME', data: 'www.zone.test' },
  { name: 'cross.zone.test', type: 'CNAME', data: 'host.other.test' },
  { name: 'host.other.test', type: 'A', data: '192.0.2.3' },
  { name: 'out.zone.test', type: 'CNAME', data: 'target.unserved.test' },
  { name: 'dangling.zone.test', type: 'CNAME', data: 'missing.zone.test' },
  { name: 'loop1.zone.test', type: 'CNAME', data: 'loop2.zone.test' },
  { name: 'loop2.zone.test', type: 'CNAME', data: 'loop1.zone.test' },
  { name: 'conflict.zone.test', type: 'CNAME', data: 'www.zone.test' },
  { name: 'conflict.zone.test', type: 'TXT', data: 'ms=1234' },
  { name: '*.wild.zone.test', type: 'TXT', data: 'wildcard' },
  { name: 'real.wild.zone.test', type: 'A', data: '192.0.2.4' },
  ...Array.from(
    { length: 40 },
    (_, i): ZoneRecord => ({ name: 'big.zone.test', type: 'TXT', data: `record-${i}-${'y'.repeat(40)}` }),
  ),
  { name: 'x.broken.test', type: 'A', data: '192.0.2.9' },
  { name: 'x.notbroken.test', type: 'A', data: '192.0.2.10' },
  { name: 'sample.rate.test', type: 'A', data: '192.0.2.11' },
];

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeDnsServer({
    records,
    zones: ['zone.test', 'other.test', 'broken.test', 'notbroken.test', 'rate.test'],
  });
});
afterAll(async () => {
  await server.close();
});

type Reply = { packet: DecodedPacket | null; raw: Buffer } | null;

const OPT: Answer = {
  type: 'OPT',
  name: '.',
  udpPayloadSize: 1232,
  extendedRcode: 0,
  ednsVersion: 0,
  flags: 0,
  flag_do: false,
  options: [],
};

function query(name: string, type: string, id = 4242, edns = true): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as 'A' }],
    additionals: edns ? [OPT] : [],
  });
}

function decode(raw: Buffer): DecodedPacket | null {
  try {
    return dnsPacket.decode(raw);
  } catch {
    return null;
  }
}

/** One UDP exchange; null when nothing came back within `waitMs`. */
function udpAsk(msg: Buffer, waitMs = 300): Promise<Reply> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(null);
    }, waitMs);
    socket.on('message', (raw) => {
      clearTimeout(timer);
      socket.close();
      resolve({ packet: decode(raw), raw });
    });
    socket.send(msg, server.port, server.host);
  });
}

/** Sends `msgs` over one TCP connection; collects replies until `count` arrived, the peer closed, or `waitMs`. */
function tcpAsk(msgs: Buffer[], count: number, waitMs = 300): Promise<{ replies: DecodedPacket[]; closed: boolean }> {
  return new Promise((resolve) => {
    const replies: DecodedPacket[] = [];
    let buffered: Buffer = Buffer.alloc(0);
    let closed = false;
    const socket = connect(server.port, server.host);
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies, closed });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('connect', () => {
      for (const m of msgs) {
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(m.length, 0);
        socket.write(Buffer.concat([prefix, m]));
      }
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const len = buffered.readUInt16BE(0);
        const p = decode(buffered.subarray(2, 2 + len));
        if (p) replies.push(p);
        buffered = buffered.subarray(2 + len);
      }
      if (replies.length >= count) done();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      done();
    });
  });
}

const rcodeOf = (p: DecodedPacket | null | undefined): number => (p?.flags ?? -1) & 0xf;
const summary = (answers: Answer[] | undefined): string[] =>
  (answers ?? []).map((a) => {
    if (a.type === 'TXT') {
      const parts = Array.isArray(a.data) ? a.data : [a.data];
      return `${a.name} TXT ${parts.map((b) => `[${b.toString()}]`).join('')}`;
    }
    return `${a.name} ${a.type} ${JSON.stringify('data' in a ? a.data : null)}`;
  });

describe('authoritative answers (UDP)', () => {
  const rows: Array<{ label: string; name: string; type: string; rcode: number; answers: string[]; soa?: boolean }> = [
    { label: 'A record', name: 'www.zone.test', type: 'A', rcode: 0, answers: ['www.zone.test A "192.0.2.1"'] },
    {
      label: 'name is matched case-insensitively',
      name: 'WWW.Zone.TEST',
      type: 'AAAA',
      rcode: 0,
      answers: ['www.zone.test AAAA "2001:db8::1"'],
    },
    {
      label: 'MX',
      name: 'zone.test',
      type: 'MX',
      rcode: 0,
      answers: ['zone.test MX {"preference":10,"exchange":"mail.zone.test"}'],
    },
    {
      label: 'SRV',
      name: '_sip._tls.zone.test',
      type: 'SRV',
      rcode: 0,
      answers: ['_sip._tls.zone.test SRV {"priority":100,"weight":1,"port":443,"target":"sip.zone.test"}'],
    },
    {
      label: 'TXT array = one record, several strings',
      name: 'zone.test',
      type: 'TXT',
      rcode: 0,
      answers: ['zone.test TXT [v=spf1 include:spf.protection.outlook.com][ -all]'],
    },
    {
      label: 'TXT longer than 255 bytes is split in 255-byte strings',
      name: 'long.zone.test',
      type: 'TXT',
      rcode: 0,
      answers: [`long.zone.test TXT [${'x'.repeat(255)}][${'x'.repeat(255)}][${'x'.repeat(90)}]`],
    },
    { label: 'NODATA: name exists, other type', name: 'www.zone.test', type: 'MX', rcode: 0, answers: [], soa: true },
    { label: 'NODATA: empty non-terminal', name: 'ent.zone.test', type: 'A', rcode: 0, answers: [], soa: true },
    { label: 'NXDOMAIN with SOA', name: 'nope.zone.test', type: 'A', rcode: 3, answers: [], soa: true },
    { label: 'REFUSED outside served zones', name: 'www.example.test', type: 'A', rcode: 5, answers: [] },
    {
      label: 'CNAME chain chased in-zone',
      name: 'a.zone.test',
      type: 'A',
      rcode: 0,
      answers: ['a.zone.test CNAME "b.zone.test"', 'b.zone.test CNAME "www.zone.test"', 'www.zone.test A "192.0.2.1"'],
    },
    {
      label: 'CNAME query is not chased',
      name: 'a.zone.test',
      type: 'CNAME',
      rcode: 0,
      answers: ['a.zone.test CNAME "b.zone.test"'],
    },
    {
      label: 'CNAME into another served zone is chased',
      name: 'cross.zone.test',
      type: 'A',
      rcode: 0,
      answers: ['cross.zone.test CNAME "host.other.test"', 'host.other.test A "192.0.2.3"'],
    },
    {
      label: 'CNAME out of served zones: just the CNAME',
      name: 'out.zone.test',
      type: 'A',
      rcode: 0,
      answers: ['out.zone.test CNAME "target.unserved.test"'],
    },
    {
      label: 'dangling CNAME: NXDOMAIN with the CNAME',
      name: 'dangling.zone.test',
      type: 'TXT',
      rcode: 3,
      answers: ['dangling.zone.test CNAME "missing.zone.test"'],
      soa: true,
    },
    {
      label: 'CNAME loop terminates',
      name: 'loop1.zone.test',
      type: 'A',
      rcode: 0,
      answers: ['loop1.zone.test CNAME "loop2.zone.test"', 'loop2.zone.test CNAME "loop1.zone.test"'],
    },
    {
      label: 'CNAME+TXT conflict: TXT query gets the TXT',
      name: 'conflict.zone.test',
      type: 'TXT',
      rcode: 0,
      answers: ['conflict.zone.test TXT [ms=1234]'],
    },
    {
      label: 'CNAME+TXT conflict: CNAME query gets the CNAME',
      name: 'conflict.zone.test',
      type: 'CNAME',
      rcode: 0,
      answers: ['conflict.zone.test CNAME "www.zone.test"'],
    },
    {
      label: 'wildcard synthesises with owner = qname',
      name: 'anything.wild.zone.test',
      type: 'TXT',
      rcode: 0,
      answers: ['anything.wild.zone.test TXT [wildcard]'],
    },
    {
      label: 'wildcard does not cover an existing name',
      name: 'real.wild.zone.test',
      type: 'TXT',
      rcode: 0,
      answers: [],
      soa: true,
    },
    {
      label: 'default SOA at the apex',
      name: 'other.test',
      type: 'SOA',
      rcode: 0,
      answers: [
        'other.test SOA {"mname":"ns1.other.test","rname":"hostmaster.other.test","serial":1,"refresh":3600,"retry":600,"expire":86400,"minimum":60}',
      ],
    },
    {
      label: 'default NS at the apex',
      name: 'other.test',
      type: 'NS',
      rcode: 0,
      answers: ['other.test NS "ns1.other.test"'],
    },
  ];
  it.each(rows)('$label', async (row) => {
    const reply = await udpAsk(query(row.name, row.type));
    const p = reply?.packet;
    expect(p?.id).toBe(4242);
    expect(rcodeOf(p)).toBe(row.rcode);
    expect(summary(p?.answers)).toEqual(row.answers);
    expect((p?.authorities ?? []).some((a) => a.type === 'SOA')).toBe(row.soa === true);
    expect(p?.flag_aa).toBe(row.rcode !== 5);
    expect(p?.flag_ra).toBe(false);
    expect(p?.flag_rd).toBe(true);
  });
});

describe('truncation and TCP', () => {
  it('a 40-record TXT RRset is truncated over UDP and complete over TCP', async () => {
    const udp = await udpAsk(query('big.zone.test', 'TXT'));
    expect(udp?.packet?.flag_tc).toBe(true);
    expect(udp?.packet?.answers).toEqual([]);
    const tcp = await tcpAsk([query('big.zone.test', 'TXT')], 1);
    expect(tcp.replies[0]?.flag_tc).toBe(false);
    expect(tcp.replies[0]?.answers).toHaveLength(40);
  });

  it('a client without EDNS gets TC=1 above 512 bytes', async () => {
    const withEdns = await udpAsk(query('long.zone.test', 'TXT'));
    const without = await udpAsk(query('long.zone.test', 'TXT', 1, false));
    expect([withEdns?.packet?.flag_tc, without?.packet?.flag_tc]).toEqual([false, true]);
  });

  it('answers several queries on one TCP connection', async () => {
    const tcp = await tcpAsk([query('www.zone.test', 'A', 1), query('nope.zone.test', 'A', 2)], 2);
    expect(tcp.replies.map((r) => [r.id, rcodeOf(r)])).toEqual([
      [1, 0],
      [2, 3],
    ]);
  });
});

describe('rules', () => {
  const rows: Array<{
    label: string;
    rules: Rule[];
    name: string;
    expect: 'no-reply' | 'undecodable' | { rcode: number; id?: number; tc?: boolean; answers?: number };
  }> = [
    {
      label: 'drop',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'drop' } }],
      name: 'x.broken.test',
      expect: 'no-reply',
    },
    {
      label: 'servfail',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'servfail' } }],
      name: 'x.broken.test',
      expect: { rcode: 2 },
    },
    {
      label: 'refused',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'refused' } }],
      name: 'x.broken.test',
      expect: { rcode: 5 },
    },
    {
      label: 'formerr',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'formerr' } }],
      name: 'x.broken.test',
      expect: { rcode: 1 },
    },
    {
      label: 'notimp',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'notimp' } }],
      name: 'x.broken.test',
      expect: { rcode: 4 },
    },
    {
      label: 'garbage keeps the id but does not decode',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'garbage' } }],
      name: 'x.broken.test',
      expect: 'undecodable',
    },
    {
      label: 'wrong-id',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'wrong-id' } }],
      name: 'x.broken.test',
      expect: { rcode: 0, id: 4242 ^ 0x5a5a, answers: 1 },
    },
    {
      label: 'truncate-close: TC=1 over UDP',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'truncate-close' } }],
      name: 'x.broken.test',
      expect: { rcode: 0, tc: true, answers: 0 },
    },
    {
      label: 'suffix matches whole labels only',
      rules: [{ suffix: 'broken.test', behaviour: { kind: 'drop' } }],
      name: 'x.notbroken.test',
      expect: { rcode: 0, answers: 1 },
    },
    {
      label: 'rule limited to another type does not apply',
      rules: [{ suffix: 'broken.test', type: 'TXT', behaviour: { kind: 'drop' } }],
      name: 'x.broken.test',
      expect: { rcode: 0, answers: 1 },
    },
    {
      label: 'rule on the exact suffix name',
      rules: [{ suffix: 'x.broken.test', type: 'a', behaviour: { kind: 'refused' } }],
      name: 'x.broken.test',
      expect: { rcode: 5 },
    },
  ];
  it.each(rows)('$label', async (row) => {
    server.setRules(row.rules);
    try {
      const reply = await udpAsk(query(row.name, 'A'), 200);
      if (row.expect === 'no-reply') {
        expect(reply).toBeNull();
      } else if (row.expect === 'undecodable') {
        expect(reply?.raw.readUInt16BE(0)).toBe(4242);
        expect(reply?.packet).toBeNull();
      } else {
        const p = reply?.packet;
        expect(rcodeOf(p)).toBe(row.expect.rcode);
        expect(p?.id).toBe(row.expect.id ?? 4242);
        expect(p?.flag_tc).toBe(row.expect.tc ?? false);
        if (row.expect.answers !== undefined) expect(p?.answers).toHaveLength(row.expect.answers);
      }
    } finally {
      server.setRules([]);
    }
  });

  it('truncate-close closes TCP connections without a reply', async () => {
    server.setRules([{ suffix: 'broken.test', behaviour: { kind: 'truncate-close' } }]);
    const tcp = await tcpAsk([query('x.broken.test', 'A')], 1);
    server.setRules([]);
    expect(tcp).toEqual({ replies: [], closed: true });
  });

  it('delay answers after the given time', async () => {
    server.setRules([{ suffix: 'broken.test', behaviour: { kind: 'delay', ms: 120 } }]);
    const started = performance.now();
    const reply = await udpAsk(query('x.broken.test', 'A'), 1000);
    server.setRules([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(reply?.packet?.answers).toHaveLength(1);
  });

  it('drop-rate drops about the given fraction, deterministically per seed', async () => {
    const run = async (): Promise<number> => {
      server.setRules([{ suffix: 'rate.test', behaviour: { kind: 'drop-rate', rate: 0.5, seed: 7 } }]);
      let answered = 0;
      for (let i = 0; i < 40; i++) if (await udpAsk(query('sample.rate.test', 'A', i), 30)) answered++;
      return answered;
    };
    const first = await run();
    const second = await run();
    server.setRules([]);
    expect(first).toBeGreaterThan(8);
    expect(first).toBeLessThan(32);
    expect(second).toBe(first);
  });
});

describe('robustness and stats', () => {
  it('ignores undecodable input and keeps answering', async () => {
    for (const junk of [
      Buffer.alloc(0),
      Buffer.from([1]),
      Buffer.from('not dns at all, just text'),
      Buffer.alloc(12, 0xff),
    ]) {
      expect(await udpAsk(junk, 50)).toBeNull();
    }
    const tcp = await tcpAsk([Buffer.from('garbage!'), query('www.zone.test', 'A', 9)], 1);
    expect(tcp.replies.map((r) => r.id)).toEqual([9]);
    const reply = await udpAsk(query('www.zone.test', 'A'));
    expect(rcodeOf(reply?.packet)).toBe(0);
  });

  it('counts queries per transport and per name', async () => {
    const before = { udp: server.stats.udp, tcp: server.stats.tcp, n: server.stats.byName.get('count.zone.test') ?? 0 };
    await udpAsk(query('Count.zone.test', 'A'));
    await tcpAsk([query('count.zone.test', 'TXT')], 1);
    expect(server.stats.udp - before.udp).toBe(1);
    expect(server.stats.tcp - before.tcp).toBe(1);
    expect(server.stats.byName.get('count.zone.test')).toBe(before.n + 2);
  });

  it('rejects bad record data at start-up', async () => {
    await expect(
      startFakeDnsServer({
        records: [{ name: 'zone.test', type: 'MX', data: 'ten mail.zone.test' }],
        zones: ['zone.test'],
      }),
    ).rejects.toThrow(/bad MX data/);
  });
});

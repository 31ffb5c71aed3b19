import type { Answer, DecodedPacket, Packet } from 'dns-packet';
import * as dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOOKUP_OUTCOMES, RECORD_TYPES, type RecordType } from '@/lib/schema';
import {
  decodeReply,
  encodeQuery,
  type Interpretation,
  interpretReply,
  matchesQuestion,
  normaliseQueryName,
  type Question,
} from './wire';

const LIMITS = { maxCnameHops: 8, maxTxtBytes: 4096, maxRecordsPerRrset: 50 };

/** Encodes then decodes, so the tests see exactly what arrives off the wire. */
function reply(p: Packet & { rcode?: number }): DecodedPacket {
  const { rcode = 0, ...rest } = p;
  const packet = decodeReply(dnsPacket.encode({ type: 'response', id: 1, ...rest, flags: (rest.flags ?? 0) | rcode }));
  if (!packet) throw new Error('test packet did not decode');
  return packet;
}

const q = (name: string, type: Question['type'] = 'A'): Question => ({ name, type });
const soa = (zone: string, ttl: number, minimum: number): Answer => ({
  type: 'SOA',
  name: zone,
  ttl,
  data: { mname: `ns1.${zone}`, rname: `hostmaster.${zone}`, serial: 7, minimum },
});
const cname = (name: string, target: string, ttl = 300): Answer => ({ type: 'CNAME', name, ttl, data: target });
const a = (name: string, data: string, ttl = 300): Answer => ({ type: 'A', name, ttl, data });

describe('matchesQuestion (R11: replies to other questions are ignored)', () => {
  const rows: Array<{ label: string; packet: DecodedPacket; matches: boolean }> = [
    { label: 'same question', packet: reply({ questions: [q('www.ok.test')] }), matches: true },
    { label: 'same name in other case (0x20)', packet: reply({ questions: [q('WWW.Ok.test')] }), matches: true },
    { label: 'other name', packet: reply({ questions: [q('evil.ok.test')] }), matches: false },
    { label: 'other type', packet: reply({ questions: [q('www.ok.test', 'AAAA')] }), matches: false },
    {
      label: 'a query, not a reply (QR unset)',
      packet: decodeReply(dnsPacket.encode({ type: 'query', id: 1, questions: [q('www.ok.test')] })) as DecodedPacket,
      matches: false,
    },
    { label: 'no question, SERVFAIL', packet: reply({ questions: [], rcode: 2 }), matches: true },
    { label: 'no question, FORMERR', packet: reply({ questions: [], rcode: 1 }), matches: true },
    { label: 'no question, NOERROR (could carry data)', packet: reply({ questions: [], rcode: 0 }), matches: false },
    { label: 'two questions', packet: reply({ questions: [q('www.ok.test'), q('www.ok.test')] }), matches: false },
  ];
  it.each(rows)('$label', ({ packet, matches }) => {
    expect(matchesQuestion(packet, q('www.ok.test'))).toBe(matches);
  });
});

describe('interpretReply', () => {
  type Row = { label: string; question: Question; packet: DecodedPacket; expect: Partial<Interpretation> };
  const rows: Row[] = [
    {
      label: 'answer: TTL of the RRset is the cache TTL',
      question: q('www.ok.test'),
      packet: reply({ answers: [a('www.ok.test', '192.0.2.1', 120), a('www.ok.test', '192.0.2.2', 60)] }),
      expect: { outcome: 'answer', rcode: 'NOERROR', chainEnd: 'none', cacheTtl: 60 },
    },
    {
      label: 'answer TTL is capped at 300 s',
      question: q('www.ok.test'),
      packet: reply({ answers: [a('www.ok.test', '192.0.2.1', 86_400)] }),
      expect: { outcome: 'answer', cacheTtl: 300 },
    },
    {
      label: 'a TTL with the top bit set counts as 0',
      question: q('www.ok.test'),
      packet: reply({ answers: [a('www.ok.test', '192.0.2.1', 0x80000000)] }),
      expect: {
        outcome: 'answer',
        cacheTtl: 0,
        answers: [{ name: 'www.ok.test', type: 'A', ttl: 0, data: '192.0.2.1' }],
      },
    },
    {
      label: 'records owned by other names are ignored',
      question: q('www.ok.test'),
      packet: reply({ answers: [a('evil.test', '192.0.2.66')], authorities: [soa('ok.test', 3600, 30)] }),
      expect: { outcome: 'nodata', answers: [], cacheTtl: 30 },
    },
    {
      label: 'NODATA: negative TTL = min(SOA TTL, SOA minimum)',
      question: q('www.ok.test'),
      packet: reply({ authorities: [soa('ok.test', 20, 600)] }),
      expect: { outcome: 'nodata', cacheTtl: 20 },
    },
    {
      label: 'NODATA without SOA: 60 s',
      question: q('www.ok.test'),
      packet: reply({}),
      expect: { outcome: 'nodata', cacheTtl: 60 },
    },
    {
      label: 'referral (NS, no SOA, no answer) is not NODATA',
      question: q('www.ok.test'),
      packet: reply({ authorities: [{ type: 'NS', name: 'ok.test', ttl: 60, data: 'ns1.ok.test' }] }),
      expect: { outcome: 'bad-response', rcode: 'NOERROR', cacheTtl: 0 },
    },
    {
      label: 'NXDOMAIN',
      question: q('nope.ok.test'),
      packet: reply({ rcode: 3, authorities: [soa('ok.test', 3600, 45)] }),
      expect: { outcome: 'nxdomain', rcode: 'NXDOMAIN', chain: [], chainEnd: 'none', cacheTtl: 45 },
    },
    {
      label: 'SERVFAIL',
      question: q('www.ok.test'),
      packet: reply({ rcode: 2 }),
      expect: { outcome: 'servfail', rcode: 'SERVFAIL', cacheTtl: 0 },
    },
    {
      label: 'REFUSED',
      question: q('www.ok.test'),
      packet: reply({ rcode: 5 }),
      expect: { outcome: 'refused', rcode: 'REFUSED' },
    },
    {
      label: 'other RCODE → bad-response with its name',
      question: q('www.ok.test'),
      packet: reply({ rcode: 9 }),
      expect: { outcome: 'bad-response', rcode: 'NOTAUTH' },
    },
    {
      label: 'EDNS extended RCODE (BADVERS)',
      question: q('www.ok.test'),
      packet: reply({
        additionals: [
          {
            type: 'OPT',
            name: '.',
            udpPayloadSize: 1232,
            extendedRcode: 1,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: [],
          },
        ],
      }),
      expect: { outcome: 'bad-response', rcode: 'BADVERS' },
    },
    {
      label: 'CNAME chain in the answer, out of order, owner case-insensitive',
      question: q('a.ok.test'),
      packet: reply({
        answers: [
          a('C.ok.test', '192.0.2.3', 50),
          cname('b.ok.test', 'c.ok.test', 40),
          cname('A.OK.TEST', 'b.ok.test'),
        ],
      }),
      expect: {
        outcome: 'answer',
        chain: ['b.ok.test', 'c.ok.test'],
        chainEnd: 'terminal',
        cacheTtl: 40,
        answers: [{ name: 'c.ok.test', type: 'A', ttl: 50, data: '192.0.2.3' }],
      },
    },
    {
      label: 'CNAME loop inside one answer',
      question: q('a.ok.test'),
      packet: reply({ answers: [cname('a.ok.test', 'b.ok.test'), cname('b.ok.test', 'a.ok.test')] }),
      expect: { outcome: 'nodata', chain: ['b.ok.test', 'a.ok.test'], chainEnd: 'loop' },
    },
    {
      label: 'CNAME chain longer than maxCnameHops inside one answer',
      question: q('h0.ok.test'),
      packet: reply({
        answers: [
          ...Array.from({ length: 10 }, (_, i) => cname(`h${i}.ok.test`, `h${i + 1}.ok.test`)),
          a('h10.ok.test', '192.0.2.10'),
        ],
      }),
      expect: { outcome: 'nodata', chainEnd: 'too-long', answers: [] },
    },
    {
      label: 'NXDOMAIN after a CNAME: alias to a missing name',
      question: q('msoid.ok.test', 'TXT'),
      packet: reply({ rcode: 3, answers: [cname('msoid.ok.test', 'gone.ok.test')] }),
      expect: { outcome: 'nxdomain', chain: ['gone.ok.test'], chainEnd: 'nxdomain', cacheTtl: 60 },
    },
    {
      label: 'CNAME question: the CNAME at the name, chain not walked',
      question: q('a.ok.test', 'CNAME'),
      packet: reply({ answers: [cname('a.ok.test', 'B.Ok.Test.'), cname('b.ok.test', 'c.ok.test')] }),
      expect: {
        outcome: 'answer',
        chain: [],
        chainEnd: 'none',
        answers: [{ name: 'a.ok.test', type: 'CNAME', ttl: 300, data: 'b.ok.test' }],
      },
    },
  ];
  it.each(rows)('$label', ({ question, packet, expect: expected }) => {
    expect(interpretReply(packet, question, LIMITS)).toMatchObject(expected);
  });

  const presentation: Array<{ label: string; type: Question['type']; record: Answer; data: string }> = [
    {
      label: 'MX',
      type: 'MX',
      record: { type: 'MX', name: 'ok.test', data: { preference: 10, exchange: 'Mail.Ok.Test' } },
      data: '10 mail.ok.test',
    },
    {
      label: 'null MX',
      type: 'MX',
      record: { type: 'MX', name: 'ok.test', data: { preference: 0, exchange: '.' } },
      data: '0 .',
    },
    {
      label: 'SRV',
      type: 'SRV',
      record: { type: 'SRV', name: 'ok.test', data: { priority: 100, weight: 1, port: 443, target: 'sip.ok.test' } },
      data: '100 1 443 sip.ok.test',
    },
    { label: 'SOA', type: 'SOA', record: soa('ok.test', 60, 60), data: 'ns1.ok.test hostmaster.ok.test 7' },
    { label: 'NS', type: 'NS', record: { type: 'NS', name: 'ok.test', data: 'NS1.ok.test' }, data: 'ns1.ok.test' },
    {
      label: 'AAAA',
      type: 'AAAA',
      record: { type: 'AAAA', name: 'ok.test', data: '2001:db8::1' },
      data: '2001:db8::1',
    },
    {
      label: 'TXT chunks joined, invalid UTF-8 replaced',
      type: 'TXT',
      record: { type: 'TXT', name: 'ok.test', data: [Buffer.from('v=spf1 '), Buffer.from([0xff, 0x41])] },
      data: 'v=spf1 \ufffdA',
    },
  ];
  it.each(presentation)('presents $label', ({ type, record, data }) => {
    const result = interpretReply(reply({ answers: [record] }), q('ok.test', type), LIMITS);
    expect(result.answers.map((x) => x.data)).toEqual([data]);
  });
});

describe('queries', () => {
  it('carry RD, one question and an EDNS0 OPT of 1232 bytes', () => {
    const packet = dnsPacket.decode(encodeQuery(0xbeef, q('www.ok.test', 'TXT')));
    expect(packet.id).toBe(0xbeef);
    expect(packet.flag_rd).toBe(true);
    expect(packet.questions).toEqual([{ name: 'www.ok.test', type: 'TXT', class: 'IN' }]);
    expect(packet.additionals).toMatchObject([{ type: 'OPT', udpPayloadSize: 1232 }]);
  });

  it.each([
    { label: 'the fast path', name: 'ok.test' },
    { label: 'the dns-packet path', name: `${'a'.repeat(64)}.test` },
  ])('ask an authoritative server without RD when recursion is false: $label', ({ name }) => {
    const flags = (recursion?: boolean) => encodeQuery(7, { name, type: 'NS' }, recursion).readUInt16BE(2);
    expect(flags(false) & dnsPacket.RECURSION_DESIRED).toBe(0);
    expect(flags() & dnsPacket.RECURSION_DESIRED).toBe(dnsPacket.RECURSION_DESIRED);
  });

  const encoded: Array<{ label: string; name: string; type: RecordType }> = [
    { label: 'a plain name', name: 'www.ok.test', type: 'TXT' },
    ...RECORD_TYPES.map((type) => ({ label: `type ${type}`, name: '_sip._tls.ok.test', type })),
    { label: 'a 63-byte label', name: `${'a'.repeat(63)}.test`, type: 'A' },
    {
      label: 'a 253-byte name',
      name: `${'b'.repeat(61)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}`,
      type: 'A',
    },
    { label: 'punctuation in labels', name: 'a-b_c*!~.x--y.test', type: 'CNAME' },
    { label: 'a label over 63 bytes (dns-packet path)', name: `${'a'.repeat(64)}.test`, type: 'A' },
    { label: 'an empty label (dns-packet path)', name: 'a..test', type: 'A' },
  ];
  it.each(encoded)('writes the bytes dns-packet writes: $label', ({ name, type }) => {
    const id = 0x1234;
    const ours = encodeQuery(id, q(name, type));
    const theirs = dnsPacket.encode({
      type: 'query',
      id,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ name, type, class: 'IN' }],
      additionals: [
        {
          type: 'OPT',
          name: '.',
          udpPayloadSize: 1232,
          extendedRcode: 0,
          ednsVersion: 0,
          flags: 0,
          flag_do: false,
          options: [],
        },
      ],
    });
    expect(ours.toString('hex')).toBe(theirs.toString('hex'));
  });

  const names: Array<{ input: string; out: string | null }> = [
    { input: 'WWW.Ok.Test.', out: 'www.ok.test' },
    { input: '_sip._tls.ok.test', out: '_sip._tls.ok.test' },
    { input: 'xn--ncode-cta3g.test', out: 'xn--ncode-cta3g.test' },
    { input: '', out: null },
    { input: '.', out: null },
    { input: 'a..b', out: null },
    { input: 'ünïcode.test', out: null },
    { input: 'with space.test', out: null },
    { input: `${'a'.repeat(64)}.test`, out: null },
    { input: `${'a'.repeat(63)}.test`, out: `${'a'.repeat(63)}.test` },
    { input: Array.from({ length: 64 }, () => 'abc').join('.'), out: null },
  ];
  it.each(names)('normaliseQueryName($input)', ({ input, out }) => {
    expect(normaliseQueryName(input)).toBe(out);
  });
});

describe('hostile replies (R12 stand-in: random and mutated messages)', () => {
  const valid = dnsPacket.encode({
    type: 'response',
    id: 7,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: [q('a.ok.test', 'TXT')],
    answers: [cname('a.ok.test', 'b.ok.test'), { type: 'TXT', name: 'b.ok.test', ttl: 60, data: ['v=spf1', ' -all'] }],
    authorities: [soa('ok.test', 60, 60)],
  });
  const check = (buf: Buffer): void => {
    const packet = decodeReply(buf);
    if (packet === null) return;
    if (!matchesQuestion(packet, q('a.ok.test', 'TXT'))) return;
    const result = interpretReply(packet, q('a.ok.test', 'TXT'), LIMITS);
    expect(LOOKUP_OUTCOMES).toContain(result.outcome);
    for (const answer of result.answers) expect(typeof answer.data).toBe('string');
  };

  it('random bytes never throw out of decode/match', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => check(Buffer.from(bytes))),
      { numRuns: 2000 },
    );
  });

  it('byte mutations of a valid reply never throw out of decode/match', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const buf = Buffer.from(valid);
          for (const [at, value] of edits) buf[at] = value;
          check(buf);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

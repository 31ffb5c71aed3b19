import type { DecodedPacket } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { answeredOf, isPublicAddress } from './propagation-ask';
import { encodeQuery } from './wire';

const LIMITS = { maxCnameHops: 8, maxTxtBytes: 4096, maxRecordsPerRrset: 50 };
const Q = { name: 'autodiscover.contoso.test', type: 'CNAME' as const };
const soa = (ttl: number, minimum: number) => ({
  name: 'contoso.test',
  type: 'SOA',
  class: 'IN',
  ttl,
  data: { mname: 'NS1.Lab.Test.', rname: 'hostmaster.lab.test', serial: 4, refresh: 1, retry: 1, expire: 1, minimum },
});
const reply = (over: Partial<DecodedPacket>): DecodedPacket =>
  ({
    type: 'response',
    id: 1,
    flags: 0,
    flag_qr: true,
    questions: [{ name: Q.name, type: 'CNAME', class: 'IN' }],
    answers: [],
    authorities: [],
    additionals: [],
    ...over,
  }) as unknown as DecodedPacket;

describe('answeredOf: a reply in the terms propagation compares', () => {
  it.each([
    [
      'a CNAME with its remaining TTL',
      reply({
        answers: [{ name: Q.name, type: 'CNAME', class: 'IN', ttl: 42, data: 'Autodiscover.Outlook.com.' }],
      } as Partial<DecodedPacket>),
      { answer: 'answer', values: ['autodiscover.outlook.com'], ttl: 42, aa: false },
    ],
    [
      'NXDOMAIN: the negative TTL is the SOA TTL when it is the smaller (a resolver counting down)',
      reply({ flags: 3, authorities: [soa(120, 300)] } as Partial<DecodedPacket>),
      { answer: 'nxdomain', values: [], ttl: 120, aa: false, mname: 'ns1.lab.test' },
    ],
    [
      'NODATA from the zone server: the SOA MINIMUM when it is the smaller, AA kept',
      reply({ flag_aa: true, authorities: [soa(3600, 300)] } as Partial<DecodedPacket>),
      { answer: 'nodata', values: [], ttl: 300, aa: true, mname: 'ns1.lab.test' },
    ],
    ['SERVFAIL: no answer', reply({ flags: 2 } as Partial<DecodedPacket>), { answer: 'failed', values: [], ttl: null }],
  ])('%s', (_label, packet, expected) => {
    expect(answeredOf(packet, Q, LIMITS)).toEqual(expected);
  });
});

describe("isPublicAddress: where a domain's NS records may send our questions", () => {
  it.each([
    ['198.41.0.4', true],
    ['2001:503:ba3e::2:30', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.251', false],
    ['::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('encodeQuery', () => {
  it('sets RD for a resolver and clears it for a zone server', () => {
    const q = { name: 'contoso.test', type: 'SOA' as const };
    expect(encodeQuery(1, q).readUInt16BE(2) & 0x0100).toBe(0x0100);
    expect(encodeQuery(1, q, false).readUInt16BE(2) & 0x0100).toBe(0);
    const long = { name: `${'a'.repeat(64)}.test`, type: 'SOA' as const };
    expect(encodeQuery(1, long, false).readUInt16BE(2) & 0x0100).toBe(0);
  });
});

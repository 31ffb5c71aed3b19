import { describe, expect, it } from 'vitest';
import type { AuthServer } from '@/lib/schema';
import { delegationMatch, fromServers, newestSerial, resolverOnly, zoneHealth } from './authority';

const server = (name: string, over: Partial<AuthServer> = {}): AuthServer => ({
  name,
  address: '192.0.2.1',
  inParent: true,
  inApex: true,
  reachable: true,
  aa: true,
  soaSerial: 1,
  ...over,
});

describe('delegationMatch', () => {
  it.each([
    { label: 'same set, other order and case', parent: ['b.test', 'A.test.'], apex: ['a.test', 'b.test'], match: true },
    { label: 'one more at the parent', parent: ['a.test', 'b.test'], apex: ['a.test'], match: false },
    { label: 'disjoint', parent: ['a.test'], apex: ['c.test'], match: false },
    { label: 'apex unknown', parent: ['a.test'], apex: [], match: null },
    { label: 'parent unknown', parent: [], apex: ['a.test'], match: null },
  ])('$label', ({ parent, apex, match }) => {
    expect(delegationMatch(parent, apex)).toBe(match);
  });
});

describe('newestSerial (RFC 1982)', () => {
  it.each([
    { label: 'plain', serials: [1, 3, 2], newest: 3 },
    { label: 'date serials', serials: [2026120701, 2026120702], newest: 2026120702 },
    { label: 'wrapped past 2^32', serials: [4294967295, 5], newest: 5 },
    { label: 'none', serials: [], newest: null },
  ])('$label', ({ serials, newest }) => {
    expect(newestSerial(serials)).toBe(newest);
  });
});

describe('zoneHealth', () => {
  it.each([
    { label: 'healthy', parentNs: ['a.test'], apexNs: ['a.test'], servers: [server('a.test')], codes: [] },
    {
      label: 'lame (REFUSED) and lame (no AA)',
      parentNs: ['a.test', 'b.test', 'c.test'],
      apexNs: ['a.test', 'b.test', 'c.test'],
      servers: [
        server('a.test'),
        server('b.test', { aa: false, soaSerial: null, problem: 'error-rcode' }),
        server('c.test', { aa: false, soaSerial: null, problem: 'not-authoritative' }),
      ],
      codes: [['lame-server', 'warning', ['b.test', 'c.test']]],
    },
    {
      label: 'parent ≠ apex',
      parentNs: ['a.test', 'old.test'],
      apexNs: ['a.test', 'new.test'],
      servers: [server('a.test')],
      codes: [['ns-mismatch', 'warning', ['new.test', 'old.test']]],
    },
    {
      label: 'serials differ: the older copies are named',
      parentNs: ['a.test', 'b.test'],
      apexNs: ['a.test', 'b.test'],
      servers: [server('a.test', { soaSerial: 9 }), server('b.test', { soaSerial: 8 })],
      codes: [['serials-differ', 'notice', ['b.test']]],
    },
    {
      label: 'one server down while another answers',
      parentNs: ['a.test', 'b.test'],
      apexNs: ['a.test', 'b.test'],
      servers: [
        server('a.test'),
        server('b.test', { reachable: false, aa: null, soaSerial: null, problem: 'timeout' }),
      ],
      codes: [['server-unreachable', 'notice', ['b.test']]],
    },
    {
      label: 'every server down: no health finding (the fallback says it)',
      parentNs: ['a.test'],
      apexNs: [],
      servers: [server('a.test', { reachable: false, aa: null, soaSerial: null, problem: 'timeout' })],
      codes: [],
    },
  ])('$label', ({ parentNs, apexNs, servers, codes }) => {
    expect(zoneHealth({ parentNs, apexNs, servers }).map((h) => [h.code, h.severity, h.servers])).toEqual(codes);
  });
});

describe('the authority part', () => {
  it('rests on the servers when they answered', () => {
    const a = fromServers({
      zone: 'x.test',
      parentNs: ['A.test.'],
      apexNs: ['a.test'],
      servers: [server('a.test')],
      queries: 3,
    });
    expect(a).toMatchObject({ basedOn: 'authoritative', parentNs: ['a.test'], delegationMatch: true, health: [] });
    expect(a.fallback).toBeUndefined();
  });

  it('labels a resolver-only verdict with the reason', () => {
    expect(resolverOnly('root-unreachable')).toEqual({
      zone: null,
      basedOn: 'resolver',
      fallback: 'root-unreachable',
      parentNs: [],
      apexNs: [],
      delegationMatch: null,
      servers: [],
      health: [],
      queries: 0,
    });
  });
});

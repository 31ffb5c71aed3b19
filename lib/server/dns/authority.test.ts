/**
 * The authoritative path against a real delegation tree on loopback (lab/authority-lab.ts: root, `test.` and
 * one nsd per name server, all on one port): the walk, the zone's servers, the per-server answers, the
 * fallbacks and the bounds.
 */
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuthorityLab, startAuthorityLab } from '../../../lab/authority-lab';
import type { ZoneRecord } from '../../../lab/zone-types';
import type { AuthorityConfig } from '../env';
import { authBudget, createAuthority, resetAuthorityState } from './authority';
import { createResolver, type DnsResolver } from './resolver';
import { parseServerList } from './servers';
import { createTransport, type Transport } from './transport';

const soa = (apex: string, serial: number): ZoneRecord => ({
  name: apex,
  type: 'SOA',
  data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 300`,
});

let lab: AuthorityLab;
let transport: Transport;
let resolver: DnsResolver;

function config(overrides: Partial<AuthorityConfig> = {}): AuthorityConfig {
  return {
    enabled: true,
    rootHints: parseServerList(lab.rootHints, 'DNS_ROOT_HINTS'),
    port: lab.port,
    timeoutMs: 400,
    tries: 1,
    maxServers: 4,
    maxAddresses: 4,
    qpsPerServer: 1000,
    maxQueriesPerDomain: 150,
    unreachableS: 300,
    ...overrides,
  };
}

function path(overrides: Partial<AuthorityConfig> = {}) {
  return createAuthority({
    transport,
    config: config(overrides),
    resolveAddresses: async (name) => (await resolver.lookup(name, 'A')).answers.map((a) => a.data),
  });
}

beforeAll(async () => {
  lab = await startAuthorityLab({
    zones: [
      {
        apex: 'auth-ok.test',
        records: [soa('auth-ok.test', 7), { name: 'auth-ok.test', type: 'TXT', ttl: 120, data: 'MS=ms1' }],
      },
      {
        apex: 'auth-old.test',
        records: [soa('auth-old.test', 2), { name: 'auth-old.test', type: 'TXT', data: 'MS=new' }],
        servers: [
          { name: 'ns1.lab.test' },
          {
            name: 'ns2.lab.test',
            records: [soa('auth-old.test', 1), { name: 'auth-old.test', type: 'TXT', data: 'MS=old' }],
          },
        ],
      },
      {
        apex: 'auth-lame.test',
        records: [{ name: 'auth-lame.test', type: 'TXT', data: 'MS=ms1' }],
        servers: [{ name: 'ns1.lab.test' }, { name: 'ns3.lab.test', lame: true }],
      },
      {
        apex: 'auth-mismatch.test',
        // The apex names ns1 only; the parent still delegates to ns1 and ns4 (which serves the zone too).
        records: [{ name: 'auth-mismatch.test', type: 'NS', data: 'ns1.lab.test' }],
        servers: [{ name: 'ns1.lab.test' }, { name: 'ns4.lab.test' }],
      },
      {
        apex: 'auth-dead.test',
        records: [
          { name: 'auth-dead.test', type: 'NS', data: 'ns1.lab.test' },
          { name: 'auth-dead.test', type: 'NS', data: 'ns5.lab.test' },
        ],
        parentNs: ['ns1.lab.test', 'ns5.lab.test'],
      },
      {
        apex: 'auth-down.test',
        records: [],
        servers: [{ name: 'ns5.lab.test' }],
      },
    ],
    deadServers: ['ns5.lab.test'],
  });
  transport = createTransport();
  resolver = createResolver({ servers: parseServerList(lab.resolver), timeoutMs: 1000, tries: 2, maxInFlight: 50 });
});

afterAll(async () => {
  await resolver?.close();
  await transport?.close();
  await lab?.stop();
  // A query waiting for the politeness limiter sleeps on a timer (at most a second): let those timers run out
  // here, so that a later test file in this worker that counts open timers does not see ours.
  await new Promise((resolve) => setTimeout(resolve, 1100));
});

beforeEach(() => resetAuthorityState());

describe('discovery from the root hints', () => {
  it('finds the zone cut, the referral and apex NS sets, and probes each server', async () => {
    const { authority, servers } = await path().discover('auth-ok.test', authBudget(config()));
    expect(authority).toMatchObject({
      zone: 'auth-ok.test',
      basedOn: 'authoritative',
      parentNs: ['ns1.lab.test'],
      apexNs: ['ns1.lab.test'],
      delegationMatch: true,
      health: [],
    });
    expect(authority.fallback).toBeUndefined();
    expect(authority.servers).toEqual([
      {
        name: 'ns1.lab.test',
        address: '127.53.1.1',
        inParent: true,
        inApex: true,
        reachable: true,
        aa: true,
        soaSerial: 7,
      },
    ]);
    expect(servers?.targets.map((t) => t.address.host)).toEqual(['127.53.1.1']);
  });

  it('finds the zone of a name below the apex', async () => {
    const { authority } = await path().discover('www.sub.auth-ok.test', authBudget(config()));
    expect(authority).toMatchObject({ zone: 'auth-ok.test', basedOn: 'authoritative', apexNs: ['ns1.lab.test'] });
  });

  it('asks every server with RD=0 and keeps each copy: answer, published TTL, AA, serial', async () => {
    const p = path();
    const budget = authBudget(config());
    const { servers } = await p.discover('auth-old.test', budget);
    const answers = await p.askAll(servers!, { name: 'auth-old.test', type: 'TXT' }, budget);
    expect(answers).toEqual([
      {
        server: 'ns1.lab.test',
        address: '127.53.1.1',
        aa: true,
        rcode: 'NOERROR',
        answers: [{ name: 'auth-old.test', type: 'TXT', ttl: 3600, data: 'MS=new' }],
        soaSerial: 2,
      },
      {
        server: 'ns2.lab.test',
        address: '127.53.1.2',
        aa: true,
        rcode: 'NOERROR',
        answers: [{ name: 'auth-old.test', type: 'TXT', ttl: 3600, data: 'MS=old' }],
        soaSerial: 1,
      },
    ]);
    const missing = await p.askAll(servers!, { name: 'msoid.auth-old.test', type: 'CNAME' }, budget);
    expect(missing.map((a) => [a.server, a.rcode, a.answers.length, a.soaSerial])).toEqual([
      ['ns1.lab.test', 'NXDOMAIN', 0, 2],
      ['ns2.lab.test', 'NXDOMAIN', 0, 1],
    ]);
  });

  it('says that the serials differ, naming the server with the older copy', async () => {
    const { authority } = await path().discover('auth-old.test', authBudget(config()));
    expect(authority.health).toEqual([{ code: 'serials-differ', severity: 'notice', servers: ['ns2.lab.test'] }]);
  });

  it('finds a lame server (REFUSED) and keeps judging on the others', async () => {
    const { authority, servers } = await path().discover('auth-lame.test', authBudget(config()));
    expect(authority.basedOn).toBe('authoritative');
    expect(authority.servers.find((s) => s.name === 'ns3.lab.test')).toMatchObject({
      reachable: true,
      problem: 'error-rcode',
    });
    expect(authority.health).toEqual([{ code: 'lame-server', severity: 'warning', servers: ['ns3.lab.test'] }]);
    expect(servers?.targets.map((t) => t.name)).toEqual(['ns1.lab.test']);
  });

  it('finds parent NS ≠ apex NS', async () => {
    const { authority } = await path().discover('auth-mismatch.test', authBudget(config()));
    expect(authority).toMatchObject({
      parentNs: ['ns1.lab.test', 'ns4.lab.test'],
      apexNs: ['ns1.lab.test'],
      delegationMatch: false,
    });
    expect(authority.health).toEqual([{ code: 'ns-mismatch', severity: 'warning', servers: ['ns4.lab.test'] }]);
  });

  it('names an unreachable server while the others answer', async () => {
    const { authority } = await path().discover('auth-dead.test', authBudget(config()));
    expect(authority.basedOn).toBe('authoritative');
    expect(authority.servers.find((s) => s.name === 'ns5.lab.test')).toMatchObject({
      reachable: false,
      problem: 'network-error',
    });
    expect(authority.health).toEqual([{ code: 'server-unreachable', severity: 'notice', servers: ['ns5.lab.test'] }]);
  });

  it("falls back to the resolver when none of the zone's servers answers, with each server's reason", async () => {
    const { authority, servers } = await path().discover('auth-down.test', authBudget(config()));
    expect(servers).toBeNull();
    expect(authority).toMatchObject({ zone: 'auth-down.test', basedOn: 'resolver', fallback: 'servers-unreachable' });
    expect(authority.servers).toEqual([
      {
        name: 'ns5.lab.test',
        address: '127.53.1.5',
        inParent: true,
        inApex: false,
        reachable: false,
        aa: null,
        soaSerial: null,
        problem: 'network-error',
      },
    ]);
  });
});

describe('unreachable root, off, and the budget', () => {
  it('falls back when no root server answers, and remembers it: the next check sends nothing', async () => {
    // Nothing listens there: the kernel answers "port unreachable" at once (a blocked network would time out).
    const blocked = { rootHints: parseServerList(`127.53.9.9:${lab.port}`, 'DNS_ROOT_HINTS') };
    const first = await path(blocked).discover('auth-ok.test', authBudget(config()));
    expect(first.authority).toMatchObject({ basedOn: 'resolver', fallback: 'root-unreachable', zone: null });
    expect(first.authority.servers).toEqual([
      {
        name: '.',
        address: '127.53.9.9',
        inParent: false,
        inApex: false,
        reachable: false,
        aa: null,
        soaSerial: null,
        problem: 'network-error',
      },
    ]);
    expect(first.authority.queries).toBe(1);
    const second = await path(blocked).discover('auth-ok.test', authBudget(config()));
    expect(second.authority).toMatchObject({ fallback: 'root-unreachable', queries: 0 });
  });

  it('re-probes a remembered unreachable root in the background and forgets the mark once it answers', async () => {
    let clock = 1_000_000;
    const rootHints = parseServerList(`127.53.9.8:${lab.port}`, 'DNS_ROOT_HINTS');
    const p = createAuthority({
      transport,
      config: config({ rootHints }),
      resolveAddresses: async () => [],
      now: () => clock,
    });
    expect((await p.discover('auth-ok.test', authBudget(config()))).authority.fallback).toBe('root-unreachable');
    // The network opens: something answers at the root address now (AA, no data).
    const root = createSocket('udp4');
    root.on('message', (msg, from) => {
      const q = dnsPacket.decode(msg);
      const reply = dnsPacket.encode({
        type: 'response',
        id: q.id,
        flags: dnsPacket.AUTHORITATIVE_ANSWER,
        questions: q.questions,
      });
      root.send(reply, from.port, from.address);
    });
    await new Promise<void>((resolve) => root.bind(lab.port, '127.53.9.8', resolve));
    try {
      // Within the probe interval the mark holds and nothing is sent.
      clock += 5_000;
      expect((await p.discover('auth-ok.test', authBudget(config()))).authority).toMatchObject({ queries: 0 });
      // Later, a check still gets the remembered answer at once, and starts a probe in the background…
      clock += 30_000;
      const meanwhile = await p.discover('auth-ok.test', authBudget(config()));
      expect(meanwhile.authority).toMatchObject({ fallback: 'root-unreachable', queries: 0 });
      // …which clears the mark: the next check walks from the root again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await p.discover('auth-ok.test', authBudget(config()));
      expect(after.authority.fallback).not.toBe('root-unreachable');
      expect(after.authority.queries).toBeGreaterThan(0);
    } finally {
      root.close();
    }
  });

  it('does nothing when AUTHORITATIVE is off', async () => {
    const { authority } = await path({ enabled: false }).discover('auth-ok.test', authBudget(config()));
    expect(authority).toMatchObject({ basedOn: 'resolver', fallback: 'disabled', queries: 0 });
  });

  it('stops at AUTH_MAX_QUERIES_PER_DOMAIN and says so', async () => {
    const budget = authBudget(config({ maxQueriesPerDomain: 2 }));
    const { authority } = await path({ maxQueriesPerDomain: 2 }).discover('auth-ok.test', budget);
    expect(authority).toMatchObject({ basedOn: 'resolver', fallback: 'over-budget' });
    expect(budget.sent).toBe(2);
  });

  it('keeps the referrals above the zone: the next domain under test. does not ask the root again', async () => {
    const cold = authBudget(config());
    await path().discover('auth-old.test', cold);
    resetAuthorityState();
    const p = path();
    await p.discover('auth-ok.test', authBudget(config()));
    const warm = authBudget(config());
    const { authority } = await p.discover('auth-old.test', warm);
    expect(warm.sent).toBe(cold.sent - 1);
    // The zone's own referral is still asked each time: the parent's NS set is health data.
    expect(authority).toMatchObject({ parentNs: ['ns1.lab.test', 'ns2.lab.test'], basedOn: 'authoritative' });
  });

  it('asks at most AUTH_MAX_ADDRESSES addresses and lists the rest as not asked', async () => {
    const { authority, servers } = await path({ maxAddresses: 1 }).discover('auth-old.test', authBudget(config()));
    expect(servers?.targets.map((t) => t.name)).toEqual(['ns1.lab.test']);
    expect(authority.servers.find((s) => s.name === 'ns2.lab.test')).toMatchObject({ problem: 'not-asked' });
  });
});

describe('politeness', () => {
  it('sends at most AUTH_QPS_PER_SERVER queries per second to one address, the rest wait their turn', async () => {
    // A server that notes when each query arrives and answers it (AA, no data).
    const arrivals: number[] = [];
    const server = createSocket('udp4');
    server.on('message', (msg, from) => {
      arrivals.push(performance.now());
      const query = dnsPacket.decode(msg);
      const reply = dnsPacket.encode({
        type: 'response',
        id: query.id,
        flags: dnsPacket.AUTHORITATIVE_ANSWER,
        questions: query.questions,
      });
      server.send(reply, from.port, from.address);
    });
    await new Promise<void>((resolve) => server.bind(0, '127.53.3.1', resolve));
    try {
      const port = server.address().port;
      const zone = {
        zone: 'count.test',
        targets: [{ name: 'ns.count.test', address: { host: '127.53.3.1', port, family: 4 as const } }],
        serials: new Map<string, number | null>(),
      };
      const p = path({ qpsPerServer: 5 });
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          p.askAll(zone, { name: `n${i}.count.test`, type: 'TXT' }, authBudget(config())),
        ),
      );
      expect(answers.flat().every((a) => a.rcode === 'NOERROR' && a.aa === true)).toBe(true);
      expect(arrivals).toHaveLength(12);
      // Any 6 queries in a row span most of a second: never 6 within one second's window (jitter allowed).
      const sorted = [...arrivals].sort((a, b) => a - b);
      for (let i = 0; i + 5 < sorted.length; i++) {
        expect((sorted[i + 5] ?? 0) - (sorted[i] ?? 0)).toBeGreaterThan(800);
      }
    } finally {
      server.close();
    }
  });
});

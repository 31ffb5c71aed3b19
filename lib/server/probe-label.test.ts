import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '@/lab/fake-dns-server';
import { MS } from '@/lab/fixtures';
import type { CheckResult } from '@/lib/schema';
import { type CheckTarget, checkResult } from './check';
import { createResolver, type DnsResolver, parseServerList } from './dns/resolver';
import { createProbeLabels, probeLabel } from './probe-label';

describe('probe labels', () => {
  test('ten hex digits, none repeated over several pool refills', () => {
    const labels = Array.from({ length: 1000 }, () => probeLabel());
    for (const label of labels) expect(label).toMatch(/^[0-9a-f]{10}$/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each([
    ['the same domain within the TTL: the same label', 'x.test', {}, 299_999, true],
    ['the same domain in other case: the same label', 'X.Test', {}, 1000, true],
    ['after the TTL: a new label', 'x.test', {}, 300_000, false],
    ['a re-check (fresh): a new label', 'x.test', { fresh: true }, 1000, false],
    ['another name under the same parent: its own label', 'a.x.test', {}, 1000, false],
  ])('%s', (_label, domain, options, later, same) => {
    const labels = createProbeLabels(10, 300_000);
    const first = labels.labelFor('x.test', { nowMs: 0 });
    expect(labels.labelFor(domain, { ...options, nowMs: later }) === first).toBe(same);
  });

  test('a fresh label is the one remembered from then on', () => {
    const labels = createProbeLabels(10, 300_000);
    labels.labelFor('x.test', { nowMs: 0 });
    const fresh = labels.labelFor('x.test', { fresh: true, nowMs: 1 });
    expect(labels.labelFor('x.test', { nowMs: 2 })).toBe(fresh);
  });

  test('forget drops the domain and the names under it', () => {
    const labels = createProbeLabels(10, 300_000);
    const kept = labels.labelFor('y.test', { nowMs: 0 });
    const dropped = labels.labelFor('a.x.test', { nowMs: 0 });
    labels.labelFor('x.test', { nowMs: 0 });
    labels.forget('x.test');
    expect(labels.size()).toBe(1);
    expect(labels.labelFor('y.test', { nowMs: 1 })).toBe(kept);
    expect(labels.labelFor('a.x.test', { nowMs: 1 })).not.toBe(dropped);
  });

  test('bounded: past maxEntries the oldest go first; expired ones go as new ones come', () => {
    const labels = createProbeLabels(3, 300_000);
    const first = labels.labelFor('a.test', { nowMs: 0 });
    for (const d of ['b.test', 'c.test', 'd.test']) labels.labelFor(d, { nowMs: 1 });
    expect(labels.size()).toBe(3);
    expect(labels.labelFor('a.test', { nowMs: 2 })).not.toBe(first);
    labels.labelFor('e.test', { nowMs: 400_000 });
    expect(labels.size()).toBe(1);
  });
});

/**
 * The wildcard probe through a real check (resolver with its cache, fake authoritative server): a second check
 * of a domain asks the probe of nobody; a re-check asks it again; a failed probe is not kept.
 */
describe('the wildcard probe is cached per domain like every other answer', () => {
  let server: FakeServer;
  let resolver: DnsResolver;
  const saved = process.env.DNS_SERVERS;

  beforeAll(async () => {
    server = await startFakeDnsServer({
      zones: ['nx.test', 'wild.test', 'fail.test'],
      records: [
        { name: 'msoid.nx.test', type: 'CNAME', data: MS.msoid21v },
        // A wildcard that synthesises msoid: the probe's CNAME answer has TTL 120.
        { name: '*.wild.test', type: 'CNAME', data: 'www.hoster.test', ttl: 120 },
        { name: 'fail.test', type: 'MX', data: `0 fail-test.${MS.mx21v}` },
      ],
      // Every A question under fail.test fails: the probe's A among them.
      rules: [{ suffix: 'fail.test', type: 'A', behaviour: { kind: 'servfail' } }],
    });
    // checkResult reads the process configuration (deadlines, the cache switch); the resolver is passed in.
    process.env.DNS_SERVERS = server.address;
    resolver = createResolver({
      servers: parseServerList(server.address),
      timeoutMs: 500,
      tries: 1,
      maxInFlight: 64,
      cache: true,
    });
  });
  afterAll(async () => {
    await resolver.close();
    await server.close();
    process.env.DNS_SERVERS = saved;
  });

  const target = (ascii: string): CheckTarget => ({ ascii, display: ascii, registrable: ascii, isSubdomain: false });
  const probeQueries = () =>
    [...server.stats.byName].filter(([name]) => name.startsWith('_m365dh-')).reduce((n, [, count]) => n + count, 0);
  const probeOf = (result: CheckResult) => {
    const ids = Object.keys(result.lookups).filter((id) => id.startsWith('_m365dh-'));
    return { ids: ids.sort(), lookups: ids.map((id) => result.lookups[id]) };
  };
  const check = (domain: string, fresh = false) => checkResult(target(domain), { cloud: 'auto', resolver, fresh });

  test.each([
    ['NXDOMAIN (negative TTL)', 'nx.test', 'nxdomain'],
    ['a wildcard CNAME (its TTL)', 'wild.test', 'answer'],
  ])(
    '%s: a second check asks nothing for the probe and shows it cached; fresh asks again',
    async (_l, domain, cname) => {
      const before = probeQueries();
      const first = probeOf(await check(domain));
      expect(probeQueries() - before).toBe(2);
      expect(first.ids).toHaveLength(2);
      expect(first.lookups.every((l) => l?.cached !== true)).toBe(true);
      expect(first.lookups.map((l) => l?.outcome)).toContain(cname);

      const second = probeOf(await check(domain));
      expect(probeQueries() - before).toBe(2);
      expect(second.ids).toEqual(first.ids);
      expect(second.lookups.every((l) => l?.cached === true)).toBe(true);

      const fresh = probeOf(await check(domain, true));
      expect(probeQueries() - before).toBe(4);
      expect(fresh.ids).not.toEqual(first.ids);
      expect(fresh.lookups.every((l) => l?.cached !== true)).toBe(true);
      // The domain keeps the re-check's label: the next check is answered from the cache again.
      expect(probeOf(await check(domain)).ids).toEqual(fresh.ids);
      expect(probeQueries() - before).toBe(4);
    },
  );

  test('a failed probe is never cached: the next check asks it again (the answered half stays cached)', async () => {
    const before = probeQueries();
    const first = await check('fail.test');
    expect(probeQueries() - before).toBe(2);
    const probeA = (result: CheckResult) =>
      Object.entries(result.lookups).find(([id]) => id.startsWith('_m365dh-') && id.endsWith(' A'))?.[1];
    expect(probeA(first)?.outcome).toBe('servfail');
    const second = await check('fail.test');
    expect(probeQueries() - before).toBe(3);
    expect(probeA(second)).toMatchObject({ outcome: 'servfail' });
    expect(probeA(second)?.cached).not.toBe(true);
  });
});

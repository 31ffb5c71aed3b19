import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '@/lab/fake-dns-server';
import { probeResolvers, probeServer, sharedProbe } from './probe';
import type { ServerAddress } from './resolver';
import { parseServerList } from './resolver';

let root: FakeServer;
let servfail: FakeServer;
let silent: FakeServer;
let dead: ServerAddress;

async function closedPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const address = (server: FakeServer) => parseServerList(server.address)[0] as ServerAddress;

beforeAll(async () => {
  root = await startFakeDnsServer({ zones: [''], records: [] });
  servfail = await startFakeDnsServer({
    zones: [''],
    records: [],
    rules: [{ suffix: '', behaviour: { kind: 'servfail' } }],
  });
  silent = await startFakeDnsServer({ zones: [''], records: [], rules: [{ suffix: '', behaviour: { kind: 'drop' } }] });
  dead = parseServerList(`127.0.0.1:${await closedPort()}`)[0] as ServerAddress;
});
afterAll(async () => {
  await Promise.all([root.close(), servfail.close(), silent.close()]);
});

describe('probeServer (`. NS`)', () => {
  test.each([
    ['a server that answers', () => address(root), 'answer'],
    ['SERVFAIL', () => address(servfail), 'servfail'],
    ['silence', () => address(silent), 'timeout'],
    ['nothing listening', () => dead, 'network-error'],
  ])('%s', async (_label, server, outcome) => {
    const result = await probeServer(server(), 200);
    expect(result.outcome).toBe(outcome);
    expect(result.elapsedMs).toBeLessThan(1500);
  });

  test('the root question reaches the server', async () => {
    const before = root.stats.byName.get('.') ?? root.stats.byName.get('') ?? 0;
    await probeServer(address(root), 200);
    expect((root.stats.byName.get('.') ?? root.stats.byName.get('') ?? 0) - before).toBe(1);
  });
});

describe('probeResolvers', () => {
  test('ready when one of several answers; not ready when none does', async () => {
    expect((await probeResolvers([dead, address(servfail), address(root)], 200)).ready).toBe(true);
    const none = await probeResolvers([dead, address(servfail), address(silent)], 200);
    expect(none.ready).toBe(false);
    expect(none.results.map((r) => r.outcome)).toEqual(['network-error', 'servfail', 'timeout']);
  });
});

describe('sharedProbe (GET /api/ready)', () => {
  const rootQueries = () => root.stats.byName.get('') ?? 0;

  test('50 callers at once and within maxAgeMs: one query; after maxAgeMs the next caller probes again', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const before = rootQueries();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => sharedProbe([address(root)], 500, 2000, now)));
    expect(outcomes.every((o) => o.ready && o.at === 1_000_000)).toBe(true);
    clock += 1999;
    expect((await sharedProbe([address(root)], 500, 2000, now)).at).toBe(1_000_000);
    expect(rootQueries() - before).toBe(1);
    clock += 1;
    expect((await sharedProbe([address(root)], 500, 2000, now)).at).toBe(1_002_000);
    expect(rootQueries() - before).toBe(2);
  });

  test('a not-ready outcome is shared too; other servers get a probe of their own', async () => {
    let clock = 5_000_000;
    const now = () => clock;
    const failing = [address(servfail)];
    const first = await sharedProbe(failing, 200, 2000, now);
    expect(first.ready).toBe(false);
    const before = servfail.stats.udp;
    clock += 500;
    expect(await sharedProbe(failing, 200, 2000, now)).toBe(await sharedProbe(failing, 200, 2000, now));
    expect(servfail.stats.udp).toBe(before);
    const other = await sharedProbe([address(root)], 200, 2000, now);
    expect(other.ready).toBe(true);
  });
});

/**
 * `npm run demo`: every sample domain, no nsd needed. Starts the fake DNS server on 127.0.0.1
 * (random free port) with all fixture zones and the Microsoft target zones, runs the production app on
 * PORT (default 3000) pointed at it, prints a link that checks every sample domain, and stops it all on
 * Ctrl-C / SIGTERM.
 */
import { createServer } from 'node:net';
import { type App, startApp } from '../e2e/support/app';
import { type FakeServer, startFakeDnsServer } from '../lab/fake-dns-server';
import { demoServerZones, FIXTURES } from '../lab/fixtures';
import { RECORD_FIXTURES } from '../lab/fixtures-records';

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.DEMO_HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${process.env.PORT}`);
  if (!(await portFree(port, host))) {
    throw new Error(`port ${port} is already in use; pick another one, e.g.  PORT=${port + 1} npm run demo`);
  }

  let dns: FakeServer | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the demo …');
    await app?.stop();
    await dns?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const zones = demoServerZones();
  dns = await startFakeDnsServer({ host: '127.0.0.1', ...zones });
  console.log(`demo DNS server (fake, authoritative) on ${dns.address}: ${zones.zones.length} zones`);

  // The demo's one DNS server has no root and no delegations, so the domains' own servers can't be found from
  // the root down: the demo judges on what that server answers (AUTHORITATIVE=0), and says so.
  console.log('authoritative answers: off (AUTHORITATIVE=0): the demo DNS server has no root or delegations');
  app = await startApp(
    // The demo's one DNS server is both the zones' server and the resolver: nothing to compare (PROPAGATION=0).
    {
      DNS_SERVERS: dns.address,
      ALLOW_TEST_DOMAINS: '1',
      DNS_TIMEOUT_MS: '800',
      DNS_TRIES: '2',
      AUTHORITATIVE: '0',
      PROPAGATION: '0',
    },
    { port, host, inheritOutput: true },
  );
  const base = host === '0.0.0.0' || host === '::' ? `http://localhost:${port}` : app.url;
  const recordDomains = new Set(RECORD_FIXTURES.map((f) => f.domain));
  const msoidFixtures = FIXTURES.filter((f) => !recordDomains.has(f.domain));
  const all = FIXTURES.map((f) => f.domain).join(',');
  const width = Math.max(...FIXTURES.map((f) => f.domain.length));
  console.log(
    `\nm365-dns-health demo is running at ${base} (with PROPAGATION=0: one DNS server, nothing to compare)\n`,
  );
  console.log('msoid sample domains (expected msoid status, cloud):');
  for (const f of msoidFixtures) {
    console.log(`  ${f.domain.padEnd(width)}  ${f.expect.msoid} / ${f.expect.cloud}  – ${f.description}`);
  }
  console.log('\nEvery-record sample domains (expected health, cloud, DNS host):');
  for (const f of RECORD_FIXTURES) {
    const host = f.expect.host ? ` / ${f.expect.host}` : '';
    console.log(`  ${f.domain.padEnd(width)}  ${f.expect.health} / ${f.cloud}${host}  – ${f.description}`);
  }
  const records = RECORD_FIXTURES.map((f) => f.domain).join(',');
  console.log(`\nCheck them all:\n  ${base}/?d=${all}&cloud=auto\n`);
  console.log(`Only the every-record samples:\n  ${base}/?d=${records}&cloud=auto\n`);
  console.log('Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

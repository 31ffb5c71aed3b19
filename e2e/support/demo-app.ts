/**
 * The production build against the demo's own DNS server (lab/fixtures.ts: every sample domain, authoritative,
 * on a free loopback port), for scripts that look at what the demo shows: the golden texts, the README
 * screenshot, the report-size bench. Both are stopped when `use` settles, by PID.
 */
import { startFakeDnsServer } from '../../lab/fake-dns-server';
import { demoServerZones } from '../../lab/fixtures';
import { type App, startApp } from './app';

/** Runs `use` with the app started on the demo DNS server (plus `env`); stops both after. */
export async function withDemoApp<T>(env: Record<string, string>, use: (app: App) => Promise<T>): Promise<T> {
  const dns = await startFakeDnsServer({ host: '127.0.0.1', ...demoServerZones() });
  try {
    // One DNS server, both the zones' and the resolver: no propagation to compare (as `npm run demo`).
    const app = await startApp({ DNS_SERVERS: dns.address, ALLOW_TEST_DOMAINS: '1', PROPAGATION: '0', ...env });
    try {
      return await use(app);
    } finally {
      await app.stop();
    }
  } finally {
    await dns.close();
  }
}

/** Runs a script's `main`, printing an error and exiting 1 when it fails. */
export function runScript(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

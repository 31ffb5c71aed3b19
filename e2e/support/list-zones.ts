/**
 * The zones of the lists tests (e2e/integration/lists.test.ts, e2e/browser/lists.spec.ts): a few `lst-N.test`
 * domains with worldwide records whose MX is the right Microsoft host or a third-party filter, served by a fake
 * DNS server that restarts on the same port with other records to change the zones between runs.
 */
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS } from '../../lab/fixtures';
import { withApexRecords } from '../../lab/zone-file';
import type { ZoneRecord } from '../../lab/zone-types';

export const LIST_DOMAINS = [
  'lst-1.test',
  'lst-2.test',
  'lst-3.test',
  'lst-4.test',
  'lst-5.test',
  'lst-6.test',
  'lst-7.test',
];
/** A domain's MX: the right Microsoft host, or a third-party filter (`wrong`, `other`). */
export type Mx = 'good' | 'wrong' | 'other';

/** One list domain's zone: MX per `mx`, a Microsoft autodiscover, SPF and an `MS=` value. */
export function listZone(domain: string, mx: Mx): ZoneRecord[] {
  const rec = (name: string, type: ZoneRecord['type'], data: string): ZoneRecord => ({ name, type, ttl: 60, data });
  const exchange = mx === 'good' ? `${domain.replaceAll('.', '-')}.${MS.mxWw}` : `${mx}-filter.${domain}`;
  return withApexRecords({
    apex: domain,
    records: [
      rec(domain, 'MX', `0 ${exchange}`),
      rec(`${mx}-filter.${domain}`, 'A', '198.51.100.25'),
      rec(`autodiscover.${domain}`, 'CNAME', MS.autodiscoverWw),
      rec(domain, 'TXT', MS.spfWw),
      rec(domain, 'TXT', `MS=ms${domain.length}0000001`),
    ],
  });
}

/** A fake DNS server for the list domains whose records `serve` replaces (a restart on the same port). */
export type ListDns = { address: string; serve(mx: Record<string, Mx>): Promise<void>; close(): Promise<void> };

export async function startListDns(mx: Record<string, Mx>): Promise<ListDns> {
  let server: FakeServer | undefined;
  let port = 0;
  const serve = async (next: Record<string, Mx>) => {
    await server?.close();
    server = await startFakeDnsServer({
      host: '127.0.0.1',
      ...(port ? { port } : {}),
      zones: [...LIST_DOMAINS, 'outlook.com'],
      records: [
        ...LIST_DOMAINS.flatMap((d) => listZone(d, next[d] ?? 'good')),
        { name: `*.${MS.mxWw}`, type: 'A', ttl: 60, data: '203.0.113.31' },
        { name: MS.autodiscoverWw, type: 'A', ttl: 60, data: '203.0.113.32' },
      ],
    });
    port = server.port;
  };
  await serve(mx);
  return {
    get address() {
      return server?.address ?? '';
    },
    serve,
    close: async () => {
      await server?.close();
    },
  };
}

/** The app settings of the lists tests: the fake DNS server, its test domains, no DNS cache (zones change). */
export function listAppEnv(dns: ListDns): Record<string, string> {
  return {
    DNS_SERVERS: dns.address,
    ALLOW_TEST_DOMAINS: '1',
    DNS_CACHE: '0',
    DNS_TIMEOUT_MS: '1000',
    CHECK_WORKERS: '0',
    BULK_CONCURRENCY: '4',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '10000000',
  };
}

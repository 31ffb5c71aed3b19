// Ad-hoc measurement (not committed): delay from a result's checkedAt on A to its line at a follower on B.
import { startFakeDnsServer } from '../lab/fake-dns-server';
import { bulkDomains, bulkZones, demoServerZones } from '../lab/fixtures';
import { startPostgres } from '../lab/postgres';
import { withApexRecords } from '../lab/zone-file';
import { readLines } from '../lib/client/ndjson';
import { startApp } from '../e2e/support/app';

const N = 300;
const main = async () => {
  const demo = demoServerZones();
  const bulk = bulkZones(N);
  const dns = await startFakeDnsServer({
    host: '127.0.0.1',
    zones: [...demo.zones, ...bulk.map((z) => z.apex)],
    records: [...demo.records, ...bulk.flatMap(withApexRecords)],
    rules: [{ suffix: '', behaviour: { kind: 'delay', ms: 40 } }],
  });
  const pg = await startPostgres();
  const url = await pg.createDatabase('delay');
  const env = { DNS_SERVERS: dns.address, ALLOW_TEST_DOMAINS: '1', PROPAGATION: '0', BULK_CONCURRENCY: '8', CHECK_WORKERS: '0', DATABASE_URL: url, RATE_LIMIT_REQUESTS: '100000', RATE_LIMIT_DOMAINS: '10000000' };
  const a = await startApp(env);
  const b = await startApp({ ...env, BULK_CONCURRENCY: '1' });
  try {
    const created = await fetch(`${a.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domains: bulkDomains(N), cloud: 'auto' }) });
    const run = (await created.json()) as { id: string };
    const res = await fetch(`${b.url}/api/runs/${run.id}/events?from=0`);
    const delays: number[] = [];
    for await (const line of readLines(res.body as ReadableStream<Uint8Array>)) {
      const at = Date.now();
      const ev = JSON.parse(line) as { type: string; report?: { checkedAt: string }; checkedAt?: string };
      const checkedAt = ev.report?.checkedAt ?? ev.checkedAt;
      if (ev.type === 'report' && checkedAt) delays.push(at - Date.parse(checkedAt));
      if (ev.type === 'done') break;
    }
    delays.sort((x, y) => x - y);
    const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))];
    console.log(JSON.stringify({ rows: delays.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: delays.at(-1) }));
  } finally {
    await a.stop();
    await b.stop();
    await pg.stop();
    await dns.close();
  }
};
void main();

/**
 * Propagation with the authoritative path on (issue 14 items 1–3 together): the zone's own servers that the
 * propagation comparison asks are the ones the root-to-zone discovery found, not a lookup of the zone's NS through
 * the resolver. The app's resolver here refuses the zone's NS question, so the resolver lookup finds no server
 * (AUTHORITATIVE=0 shows it: the published answer is unavailable), while the walk from the lab's root finds them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityLab, startAuthorityLab } from '../../lab/authority-lab';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS } from '../../lab/fixtures';
import type { ZoneRecord } from '../../lab/zone-types';
import { type Propagation, Report, type ReportRecord } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get } from '../support/http';

const APEX = 'prop-auth.test';
const records: ZoneRecord[] = [
  { name: APEX, type: 'SOA', data: 'ns1.lab.test hostmaster.lab.test 5 3600 600 86400 300' },
  { name: APEX, type: 'MX', data: `0 prop-auth-test.${MS.mxWw}` },
  { name: APEX, type: 'TXT', data: MS.spfWw },
  { name: `autodiscover.${APEX}`, type: 'CNAME', data: MS.autodiscoverWw },
];

let lab: AuthorityLab | undefined;
let resolver: FakeServer | undefined;
const apps: App[] = [];

/** The app with the lab's root and servers, its resolver the fake server, propagation on. */
function start(authoritative: '0' | '1'): Promise<App> {
  return startApp({
    ...appEnv(resolver!.address),
    AUTHORITATIVE: authoritative,
    DNS_ROOT_HINTS: lab!.rootHints,
    DNS_AUTH_PORT: String(lab!.port),
    AUTH_TIMEOUT_MS: '500',
    AUTH_TRIES: '1',
    PROPAGATION: '1',
    CHECK_WORKERS: '0',
  });
}

beforeAll(async () => {
  lab = await startAuthorityLab({ zones: [{ apex: APEX, records }] });
  // The resolver hands out the zone's records but refuses the question for its NS set.
  resolver = await startFakeDnsServer({
    host: '127.0.0.1',
    records,
    zones: [APEX],
    rules: [{ suffix: APEX, type: 'NS', behaviour: { kind: 'refused' } }],
  });
  apps.push(await start('1'), await start('0'));
}, 180_000);

afterAll(async () => {
  for (const app of apps) await app.stop();
  await resolver?.close();
  await lab?.stop();
});

async function autodiscover(app: App): Promise<Propagation> {
  const res = await get(app.url, `/api/check?domain=${APEX}&lang=en&fresh=1`);
  expect(res.status, res.text.slice(0, 500)).toBe(200);
  const report = Report.parse(res.json);
  const row = report.records.find((r: ReportRecord) => r.name === `autodiscover.${APEX}` && r.type === 'CNAME');
  expect(row?.propagation, JSON.stringify(row)).toBeDefined();
  return row!.propagation!;
}

describe('propagation asks the servers the authoritative discovery found', () => {
  it('AUTHORITATIVE=1: the published answer comes from the zone server found from the root', async () => {
    const p = await autodiscover(apps[0]!);
    expect(p.published.answer, JSON.stringify(p)).toBe('answer');
    expect(p.published.server).toBe(`${lab!.addresses['ns1.lab.test']}:${lab!.port}`);
    expect(p.published.values.join(' ').toLowerCase()).toContain(MS.autodiscoverWw.toLowerCase());
    expect(p.reason).toBeUndefined();
  });

  it('AUTHORITATIVE=0: propagation looks the servers up through the resolver (here refused: unknown)', async () => {
    const p = await autodiscover(apps[1]!);
    expect(p.published.answer, JSON.stringify(p)).toBe('failed');
    expect(p.state).toBe('unknown');
    expect(p.reason).toBe('published-unavailable');
  });
});

/**
 * Propagation (issue 14 item 3) against real servers: nsd publishes the zones, unbound (the app's resolver) caches
 * them, and a second unbound holds a zone of its own (split-brain DNS, PROPAGATION_RESOLVERS). A record changed or
 * added after unbound cached the old answer is `pending` until unbound's copy runs out, at the time unbound itself
 * gives; the second unbound's own copy is `internal-copy`, and the fix list names both places to change (the DNS host
 * and the internal copy) or, when the published record is right, the internal copy alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MS } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { splitHostPort } from '../../lab/net';
import { startUnbound, type Unbound } from '../../lab/unbound';
import type { Zone } from '../../lab/zone-types';
import { type Propagation, Report, type ReportRecord } from '../../lib/schema';
import { askServer } from '../../lib/server/dns/propagation-ask';
import { parseServerList } from '../../lib/server/dns/servers';
import { createTransport } from '../../lib/server/dns/transport';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get } from '../support/http';

const OLD_TARGET = 'old-autodiscover.hoster.test';
/** Negative TTL of added.test: SOA MINIMUM 300 (its SOA TTL is the default 3600). */
const NEGATIVE_TTL = 300;

const mail = (apex: string) => [
  { name: apex, type: 'MX' as const, data: `0 ${apex.replace('.', '-')}.${MS.mxWw}` },
  { name: apex, type: 'TXT' as const, data: MS.spfWw },
];

const changedBefore: Zone = {
  apex: 'changed.test',
  records: [...mail('changed.test'), { name: 'autodiscover.changed.test', type: 'CNAME', data: OLD_TARGET, ttl: 600 }],
};
const changedAfter: Zone = {
  apex: 'changed.test',
  records: [
    { name: 'changed.test', type: 'SOA', data: 'ns1.lab.test hostmaster.lab.test 2 3600 600 86400 3600' },
    ...mail('changed.test'),
    { name: 'autodiscover.changed.test', type: 'CNAME', data: MS.autodiscoverWw, ttl: 600 },
  ],
};
const soaAdded = (serial: number) => ({
  name: 'added.test',
  type: 'SOA' as const,
  data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 ${NEGATIVE_TTL}`,
});
const addedBefore: Zone = { apex: 'added.test', records: [soaAdded(1), ...mail('added.test')] };
const addedAfter: Zone = {
  apex: 'added.test',
  records: [
    soaAdded(2),
    ...mail('added.test'),
    { name: 'autodiscover.added.test', type: 'CNAME', data: MS.autodiscoverWw },
  ],
};
const split: Zone = {
  apex: 'split.test',
  records: [...mail('split.test'), { name: 'autodiscover.split.test', type: 'CNAME', data: MS.autodiscoverWw }],
};

/** Split-brain where the published record is wrong too: both places need the change. */
const splitWrong: Zone = {
  apex: 'split-wrong.test',
  records: [...mail('split-wrong.test'), { name: 'autodiscover.split-wrong.test', type: 'CNAME', data: OLD_TARGET }],
};

let lab: Lab | undefined;
let internal: Unbound | undefined;
let internalDir: string | undefined;
let app: App | undefined;

beforeAll(async () => {
  lab = await startLab({ zones: [changedBefore, addedBefore, split, splitWrong] });
  const nsd = splitHostPort(lab.nsd);
  // The company's own DNS: recursive for everything, but split.test from a copy of its own (another primary server).
  internalDir = mkdtempSync(join(tmpdir(), 'm365-internal-'));
  internal = await startUnbound({
    dir: internalDir,
    upstream: nsd,
    localZones: [
      {
        zone: 'split.test',
        records: [
          'split.test. 3600 IN SOA dc1.corp.internal. hostmaster.corp.internal. 7 3600 600 86400 3600',
          'split.test. 3600 IN NS dc1.corp.internal.',
          `split.test. 3600 IN MX 0 split-test.${MS.mxWw}.`,
          'autodiscover.split.test. 3600 IN CNAME mail.corp.internal.',
        ],
      },
      {
        zone: 'split-wrong.test',
        records: [
          'split-wrong.test. 3600 IN SOA dc1.corp.internal. hostmaster.corp.internal. 7 3600 600 86400 3600',
          'split-wrong.test. 3600 IN NS dc1.corp.internal.',
          `split-wrong.test. 3600 IN MX 0 split-wrong-test.${MS.mxWw}.`,
          'autodiscover.split-wrong.test. 3600 IN CNAME mail.corp.internal.',
        ],
      },
    ],
  });
  app = await startApp({
    ...appEnv(lab.resolver),
    PROPAGATION: '1',
    PROPAGATION_RESOLVERS: internal.address,
    DNS_AUTH_PORT: String(nsd.port),
    CHECK_WORKERS: '0',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await internal?.stop();
  await lab?.stop();
  if (internalDir) rmSync(internalDir, { recursive: true, force: true });
});

async function check(domain: string, fresh = false): Promise<Report> {
  const res = await get(app!.url, `/api/check?domain=${domain}&lang=en${fresh ? '&fresh=1' : ''}`);
  expect(res.status, res.text).toBe(200);
  return Report.parse(res.json);
}

function autodiscover(report: Report): ReportRecord & { propagation: Propagation } {
  const row = report.records.find((r) => r.name === `autodiscover.${report.domain}` && r.type === 'CNAME');
  expect(row?.propagation, JSON.stringify(row)).toBeDefined();
  return row as ReportRecord & { propagation: Propagation };
}

/** What unbound (the app's resolver) itself holds now: the remaining TTL, asked the way the app asks. */
async function unboundHolds(name: string) {
  const transport = createTransport();
  try {
    const [server] = parseServerList(lab!.resolver);
    return await askServer(
      transport,
      server!,
      { name, type: 'CNAME' },
      {
        recursion: true,
        timeoutMs: 2000,
        signal: new AbortController().signal,
        limits: { maxCnameHops: 8, maxTxtBytes: 4096, maxRecordsPerRrset: 50 },
      },
    );
  } finally {
    await transport.close();
  }
}

const seconds = (iso: string | null | undefined) => Date.parse(iso ?? '') / 1000;

describe('propagation through real resolvers', () => {
  it('unchanged zone: live at every resolver we asked', async () => {
    const row = autodiscover(await check('changed.test'));
    expect(row.propagation.state).toBe('live');
    expect(row.propagation.published).toMatchObject({ answer: 'answer', values: [OLD_TARGET], ttl: 600 });
    expect(row.propagation.resolvers.map((r) => [r.resolver, r.view])).toEqual([
      [lab!.resolver, 'same'],
      [internal!.address, 'same'],
    ]);
  });

  it("a record changed after unbound cached the old answer: pending, with unbound's remaining TTL and liveBy", async () => {
    // The check above made unbound cache the old CNAME; it expires when unbound says.
    const held = await unboundHolds('autodiscover.changed.test');
    expect(held.values).toEqual([OLD_TARGET]);
    const expiresAt = held.askedAt / 1000 + (held.ttl ?? 0);
    await lab!.reloadZones([changedAfter]);
    // Let unbound's copy age a little, so that its remaining TTL can't be mistaken for the published 600.
    await new Promise((resolve) => setTimeout(resolve, 2100));

    const report = await check('changed.test', true);
    const p = autodiscover(report).propagation;
    expect(p.state).toBe('pending');
    expect(p.published).toMatchObject({ answer: 'answer', values: [MS.autodiscoverWw], ttl: 600 });
    const seen = p.resolvers.find((r) => r.resolver === lab!.resolver);
    expect(seen).toMatchObject({ view: 'old', answer: 'answer', values: [OLD_TARGET] });
    // The remaining TTL is unbound's own countdown: it runs out at the moment unbound's copy expires (TTLs are whole
    // seconds, so within a second and a half).
    const askedAt = seconds(p.askedAt);
    expect(Math.abs(askedAt + (seen?.ttl ?? 0) - expiresAt)).toBeLessThanOrEqual(1.5);
    expect(seen?.ttl).toBeLessThanOrEqual(598);
    expect(Math.abs(seconds(seen?.liveBy) - expiresAt)).toBeLessThanOrEqual(1.5);
    // The second resolver cached the old answer in the first check too: the record is live when the later one expires.
    const other = p.resolvers.find((r) => r.resolver === internal!.address);
    expect(other).toMatchObject({ view: 'old', values: [OLD_TARGET] });
    expect(p.liveBy).toBe([seen?.liveBy, other?.liveBy].sort().at(-1));
    // The helpdesk paragraph opens with it (the page shows the time in the reader's time zone).
    expect(report.helpdesk.text.startsWith(`The change is done; users will see it by ${p.liveBy}.`)).toBe(true);
  });

  it('a record added after unbound cached its absence: pending until the negative TTL (RFC 2308) runs out', async () => {
    const before = autodiscover(await check('added.test'));
    expect(before.propagation.state).toBe('live');
    expect(before.propagation.published).toMatchObject({ answer: 'nxdomain', values: [], ttl: NEGATIVE_TTL });
    const held = await unboundHolds('autodiscover.added.test');
    expect(held.answer).toBe('nxdomain');
    expect(held.ttl).toBeLessThanOrEqual(NEGATIVE_TTL);
    const expiresAt = held.askedAt / 1000 + (held.ttl ?? 0);
    await lab!.reloadZones([addedAfter]);

    const p = autodiscover(await check('added.test', true)).propagation;
    expect(p.state).toBe('pending');
    expect(p.published).toMatchObject({ answer: 'answer', values: [MS.autodiscoverWw] });
    const seen = p.resolvers.find((r) => r.resolver === lab!.resolver);
    expect(seen).toMatchObject({ view: 'old', answer: 'nxdomain', values: [] });
    expect(seen?.ttl).toBeLessThanOrEqual(NEGATIVE_TTL);
    expect(seen?.ttl).toBeGreaterThan(NEGATIVE_TTL - 60);
    expect(Math.abs(seconds(seen?.liveBy) - expiresAt)).toBeLessThanOrEqual(1.5);
  });

  it('an unbound with a copy of the zone of its own: internal copy differs (AA, another primary server)', async () => {
    const report = await check('split.test');
    const p = autodiscover(report).propagation;
    expect(p.state).toBe('internal-copy');
    expect(report.helpdesk.text).toContain(
      `The inside and the outside of the network differ: computers inside the company network (using ${internal!.address})`,
    );
    expect(p.published.values).toEqual([MS.autodiscoverWw]);
    const inside = p.resolvers.find((r) => r.resolver === internal!.address);
    expect(inside).toMatchObject({ view: 'internal', values: ['mail.corp.internal'] });
    expect(inside?.signs).toEqual(expect.arrayContaining(['aa', 'mname']));
    expect(p.resolvers.find((r) => r.resolver === lab!.resolver)?.view).toBe('same');
  });

  it('split-brain, the published record right: the fix list changes the internal copy, naming its server', async () => {
    const report = await check('split.test');
    const fix = report.fixes.find((f) => f.canonical.name === 'autodiscover.split.test');
    expect(fix?.canonical).toMatchObject({
      op: 'change',
      type: 'CNAME',
      value: MS.autodiscoverWw,
      places: [{ kind: 'internal', resolver: internal!.address }],
    });
    expect(fix?.notes[0]).toContain(
      `Change it in the copy of the zone on your internal DNS server ${internal!.address}`,
    );
    expect(autodiscover(report).text.notes.join(' ')).toContain(`internal DNS server ${internal!.address}`);
  });

  it('split-brain, the published record wrong too: the fix list names both places to change', async () => {
    const report = await check('split-wrong.test');
    const row = autodiscover(report);
    expect(row.propagation.state).toBe('internal-copy');
    expect(row.status).toBe('wrong-value');
    const fix = report.fixes.find((f) => f.canonical.name === 'autodiscover.split-wrong.test');
    expect(fix?.canonical).toMatchObject({
      value: MS.autodiscoverWw,
      places: [{ kind: 'dns-host' }, { kind: 'internal', resolver: internal!.address }],
    });
    expect(fix?.notes[0]).toContain("Change it in both places: at the domain's DNS host");
    expect(fix?.notes[0]).toContain(`internal DNS server ${internal!.address}`);
    expect(row.text.notes.join(' ')).toContain('Change it in both places');
    // In Chinese too.
    const zh = Report.parse((await get(app!.url, '/api/check?domain=split-wrong.test&lang=zh-CN')).json);
    const zhFix = zh.fixes.find((f) => f.canonical.name === 'autodiscover.split-wrong.test');
    expect(zhFix?.notes[0]).toContain(`内部 DNS 服务器（${internal!.address}）`);
  });
});

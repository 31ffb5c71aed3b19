/**
 * The authoritative path end to end: the production app with AUTHORITATIVE=1 walks from the authority lab's root
 * (lab/authority-lab.ts: root, `test.`, one nsd per name server, all on one loopback port) and judges on what each
 * zone's servers publish; unbound resolves the same tree for the resolver view and Microsoft's zones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityLab, type AuthZone, startAuthorityLab } from '../../lab/authority-lab';
import { microsoftZonesFor } from '../../lab/fixtures';
import { tenantRecords } from '../../lab/fixtures-records';
import { queryOnce } from '../../lab/net';
import type { ZoneRecord } from '../../lab/zone-types';
import { Report } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get } from '../support/http';

const soa = (apex: string, serial: number): ZoneRecord => ({
  name: apex,
  type: 'SOA',
  data: `ns1.lab.test hostmaster.lab.test ${serial} 3600 600 86400 300`,
});

const isVerification = (r: ZoneRecord) => r.type === 'TXT' && String(r.data).startsWith('MS=');

let lab: AuthorityLab;
let app: App;

function authEnv(rootHints = lab.rootHints): Record<string, string> {
  return {
    ...appEnv(lab.resolver),
    AUTHORITATIVE: '1',
    DNS_ROOT_HINTS: rootHints,
    DNS_AUTH_PORT: String(lab.port),
    AUTH_TIMEOUT_MS: '500',
    AUTH_TRIES: '1',
  };
}

/** The records that are not OK, for the failure message. */
function notOk(report: Report): string {
  return JSON.stringify(report.records.filter((r) => r.status !== 'ok').map((r) => [r.id, r.status, r.found, r.chain]));
}

async function check(base: App, domain: string, cloud = 'worldwide', lang = 'en'): Promise<Report> {
  const result = await get(base.url, `/api/check?${new URLSearchParams({ domain, cloud, lang })}`);
  expect(result.status, result.text.slice(0, 500)).toBe(200);
  return Report.parse(result.json);
}

beforeAll(async () => {
  const zones: AuthZone[] = [
    { apex: 'auth-ok.test', records: [soa('auth-ok.test', 3), ...tenantRecords('auth-ok.test', 'ww')] },
    {
      apex: 'auth-old.test',
      records: [soa('auth-old.test', 2), ...tenantRecords('auth-old.test', 'ww')],
      servers: [
        { name: 'ns1.lab.test' },
        // An older copy, from before the verification TXT was added.
        {
          name: 'ns2.lab.test',
          records: [soa('auth-old.test', 1), ...tenantRecords('auth-old.test', 'ww').filter((r) => !isVerification(r))],
        },
      ],
    },
    {
      apex: 'auth-remove.test',
      // A worldwide tenant with a leftover 21Vianet msoid (to delete), published with a one-hour TTL.
      records: [
        ...tenantRecords('auth-remove.test', 'ww'),
        {
          name: 'msoid.auth-remove.test',
          type: 'CNAME',
          ttl: 3600,
          data: 'clientconfig.partner.microsoftonline-p.net.cn',
        },
      ],
    },
    {
      apex: 'auth-lame.test',
      records: tenantRecords('auth-lame.test', 'ww'),
      servers: [{ name: 'ns1.lab.test' }, { name: 'ns3.lab.test', lame: true }],
    },
    {
      apex: 'auth-mismatch.test',
      records: [
        { name: 'auth-mismatch.test', type: 'NS', data: 'ns1.lab.test' },
        ...tenantRecords('auth-mismatch.test', 'ww'),
      ],
      servers: [{ name: 'ns1.lab.test' }, { name: 'ns4.lab.test' }],
    },
    {
      apex: 'auth-conflict.test',
      // A CNAME beside a TXT at autodiscover: nsd refuses such a zone, so the fake server serves it.
      records: tenantRecords('auth-conflict.test', 'ww', {
        autodiscover: [
          { name: 'autodiscover.auth-conflict.test', type: 'CNAME', data: 'autodiscover.outlook.com' },
          { name: 'autodiscover.auth-conflict.test', type: 'TXT', data: 'v=verify1; owner=it@auth-conflict.test' },
        ],
      }),
      servers: [{ name: 'ns6.lab.test', fake: true }],
    },
  ];
  lab = await startAuthorityLab({ zones, resolverZones: microsoftZonesFor(zones.flatMap((z) => z.records)) });
  app = await startApp(authEnv());
});

afterAll(async () => {
  await app?.stop();
  await lab?.stop();
});

describe('judged on what the zone publishes', () => {
  it('a healthy zone: the verdict rests on its servers, and the report says which', async () => {
    const report = await check(app, 'auth-ok.test');
    expect(report.summary.health, notOk(report)).toBe('healthy');
    expect(report.authority).toMatchObject({
      zone: 'auth-ok.test',
      basedOn: 'authoritative',
      parentNs: ['ns1.lab.test'],
      apexNs: ['ns1.lab.test'],
      delegationMatch: true,
      health: [],
    });
    expect(report.authority?.servers).toEqual([
      {
        name: 'ns1.lab.test',
        address: '127.53.1.1',
        inParent: true,
        inApex: true,
        reachable: true,
        aa: true,
        soaSerial: 3,
      },
    ]);
    // Questions in the zone went to its server; the msoid chain into Microsoft's zone went on through unbound.
    const msoid = report.lookups[`msoid.auth-ok.test CNAME`];
    expect(msoid?.server).toBe(`127.53.1.1:${lab.port}`);
    expect(report.msoid.status).toBe('ok');
  });

  it('a second server with an older copy: "servers disagree", naming which server says what and its serial', async () => {
    const report = await check(app, 'auth-old.test');
    const verification = report.records.find((r) => r.id === 'verification');
    // The worst of the two copies: the older one lacks the verification TXT (a notice once the domain is set up).
    expect(verification).toMatchObject({ status: 'inconsistent', severity: 'notice', outcome: 'problem' });
    const notes = verification?.text.notes.join('\n') ?? '';
    expect(notes).toContain('ns1.lab.test (SOA serial 2): MS=ms');
    expect(notes).toContain('ns2.lab.test (SOA serial 1): no such record.');
    expect(report.authority?.health).toEqual([
      { code: 'serials-differ', severity: 'notice', servers: ['ns2.lab.test'] },
    ]);
    // The other records agree on both copies.
    expect(report.records.find((r) => r.id === 'mx')?.status).toBe('ok');
    const zh = await check(app, 'auth-old.test', 'worldwide', 'zh-CN');
    expect(zh.records.find((r) => r.id === 'verification')?.text.notes.join('\n')).toContain(
      'ns2.lab.test（SOA 序列号 1）',
    );
  });

  it('a lame server is a zone health warning, not the Microsoft 365 verdict', async () => {
    const report = await check(app, 'auth-lame.test');
    expect(report.summary.health, notOk(report)).toBe('healthy');
    expect(report.authority?.basedOn).toBe('authoritative');
    expect(report.authority?.health).toEqual([{ code: 'lame-server', severity: 'warning', servers: ['ns3.lab.test'] }]);
  });

  it('the detail page shows the DNS servers card, in both languages', async () => {
    const en = await get(app.url, '/d/auth-lame.test?cloud=worldwide&lang=en');
    expect(en.status).toBe(200);
    expect(en.text).toContain('data-testid="dns-servers"');
    expect(en.text).toContain('data-based-on="authoritative"');
    expect(en.text).toMatch(/data-code="lame-server" data-severity="warning"/);
    expect(en.text).toContain('Refuses the zone (lame)');
    expect(en.text).toContain('Zone health (never decides the Microsoft 365 verdict)');
    const zh = await get(app.url, '/d/auth-lame.test?cloud=worldwide&lang=zh-CN');
    expect(zh.text).toContain('DNS 服务器');
    expect(zh.text).toContain('拒绝该区域（失效委派）');
  });

  it('parent NS ≠ apex NS', async () => {
    const report = await check(app, 'auth-mismatch.test');
    expect(report.authority).toMatchObject({ delegationMatch: false, parentNs: ['ns1.lab.test', 'ns4.lab.test'] });
    expect(report.authority?.health).toEqual([{ code: 'ns-mismatch', severity: 'warning', servers: ['ns4.lab.test'] }]);
    expect(report.summary.health, notOk(report)).toBe('healthy');
  });

  it('the CNAME beside a TXT is judged on the authoritative answer, whatever unbound has cached', async () => {
    // unbound holds the CNAME: it answers the later TXT question from it, so through unbound alone
    // (AUTHORITATIVE=0, the path before) the conflict is invisible.
    const [host, port] = lab.resolver.split(':');
    await queryOnce(host ?? '', Number(port), 'autodiscover.auth-conflict.test.', 'CNAME', 2000);
    const resolverOnly = await startApp(appEnv(lab.resolver));
    try {
      const before = await check(resolverOnly, 'auth-conflict.test');
      expect(before.authority).toMatchObject({ basedOn: 'resolver', fallback: 'disabled' });
      expect(before.records.find((r) => r.id === 'autodiscover')?.status).toBe('ok');
    } finally {
      await resolverOnly.stop();
    }
    const report = await check(app, 'auth-conflict.test');
    expect(report.authority?.basedOn).toBe('authoritative');
    expect(report.records.find((r) => r.id === 'autodiscover')?.status).toBe('conflict');
  });
});

describe('the delete card', () => {
  it("shows the record's TTL as published, not a resolver's countdown", async () => {
    // unbound caches the record, and its TTL counts down from there.
    const [host, port] = lab.resolver.split(':');
    await queryOnce(host ?? '', Number(port), 'msoid.auth-remove.test.', 'CNAME', 2000);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const deleteFix = (report: Report) => report.msoid.fixes.find((f) => f.op === 'delete');

    const resolverOnly = await startApp(appEnv(lab.resolver));
    try {
      const seen = deleteFix(await check(resolverOnly, 'auth-remove.test'));
      expect(seen?.ttl, 'through unbound: the countdown').toBeLessThan(3600);
    } finally {
      await resolverOnly.stop();
    }
    const report = await check(app, 'auth-remove.test');
    expect(report.msoid.status).toBe('must-remove');
    expect(deleteFix(report)).toMatchObject({ name: 'msoid.auth-remove.test', type: 'CNAME', ttl: 3600 });
  });
});

describe('servers that cannot be reached', () => {
  let blocked: App | undefined;
  afterAll(async () => {
    await blocked?.stop();
  });

  it('falls back to the resolver view, labelled, with the same verdict; the next check does not wait again', async () => {
    // Nothing listens at 127.53.9.9: as when outbound DNS to the root servers is blocked.
    blocked = await startApp(authEnv(`127.53.9.9:${lab.port}`));
    const report = await check(blocked, 'auth-ok.test');
    expect(report.authority).toMatchObject({ basedOn: 'resolver', fallback: 'root-unreachable', zone: null });
    expect(report.authority?.servers).toEqual([
      expect.objectContaining({ name: '.', address: '127.53.9.9', reachable: false, problem: 'network-error' }),
    ]);
    expect(report.summary.health, notOk(report)).toBe('healthy');
    expect(report.msoid.status).toBe('ok');
    expect(report.lookups['msoid.auth-ok.test CNAME']?.server).toBe(lab.resolver);
    const page = await get(blocked.url, '/d/auth-ok.test?cloud=worldwide&lang=en');
    expect(page.text).toContain('data-based-on="resolver"');
    expect(page.text).toContain('(outbound DNS may be blocked); results are from');
    const again = await check(blocked, 'auth-ok.test');
    expect(again.authority).toMatchObject({ fallback: 'root-unreachable', queries: 0 });
  });
});

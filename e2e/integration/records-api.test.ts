/**
 * The full record diagnosis over HTTP, against the production build and real DNS (nsd + unbound + the fake
 * server, started by e2e/support/global-setup.ts): every fixture of lab/fixtures-records.ts, the DNS host,
 * fixes laid out for that host, the zone snippet, the helpdesk paragraph, the `services` override (GET and
 * POST) and machine fields that do not change with the language.
 *
 * Fixtures marked `via: 'direct'` (a CNAME with a TXT beside it) are checked against a second app that asks
 * the fake server directly, as the demo does: through unbound, a TXT query at a name whose CNAME is cached is
 * answered from that CNAME, so the TXT never shows. Every fixture runs through that second app too, which
 * also proves the demo shows every state.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { demoServerZones } from '../../lab/fixtures';
import { HOST_NS, RECORD_FIXTURES, type RecordFixture, recordFixture } from '../../lab/fixtures-records';
import { flushInfra } from '../../lab/unbound';
import { lookupsOf } from '../../lib/client/records-view';
import {
  ApiError,
  type Fix,
  type HostFix,
  RECORD_IDS,
  type RecordId,
  Report,
  type ReportRecord,
} from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, type HttpResult, parseNdjson, post } from '../support/http';

const appUrl = inject('appUrl');
const unboundConfig = inject('unboundConfig');

/** GET /api/check for one domain (extra query parameters and headers as given); the body must be a Report. */
async function check(
  domain: string,
  query: Record<string, string> = {},
  base = appUrl,
  headers: Record<string, string> = {},
): Promise<Report> {
  const path = `/api/check?${new URLSearchParams({ domain, cloud: 'auto', ...query })}`;
  const result = await get(base, path, { headers });
  expect(result.status, `GET ${path} → ${result.status}: ${result.text.slice(0, 500)}`).toBe(200);
  return Report.parse(result.json);
}

function expectApiError(result: HttpResult, status: number, code: string): void {
  expect(result.status, result.text.slice(0, 500)).toBe(status);
  const body = ApiError.parse(result.json);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
}

function row(report: Report, id: RecordId): ReportRecord {
  const found = report.records.find((r) => r.id === id);
  if (!found) throw new Error(`${report.domain}: no ${id} row`);
  return found;
}

const fixKey = (f: Fix) => `${f.op}|${f.name}|${f.type}|${f.value}`;

/** What every report must satisfy, whatever the fixture. */
function expectConsistent(report: Report): void {
  expect(report.records.map((r) => r.id)).toEqual([...RECORD_IDS]);
  // msoid keeps its own finding and also appears as a record row with the same code and vocabulary.
  expect(row(report, 'msoid').code).toBe(report.msoid.code);

  // Every row is in exactly one count; "could not check" is its own count, never healthy or broken.
  const { counts, health } = report.summary;
  expect(counts.ok + counts.attention + counts.broken + counts.couldNotCheck + counts.notApplicable).toBe(15);
  const unchecked = report.records.filter((r) => r.outcome === 'could-not-check');
  expect(counts.couldNotCheck).toBe(unchecked.length);
  for (const r of unchecked) {
    expect(r.severity, r.id).toBe('unchecked');
    expect(r.status, r.id).toBe('lookup-failed');
  }
  for (const r of report.records.filter((x) => x.status === 'lookup-failed')) {
    expect(r.outcome, r.id).toBe('could-not-check');
  }
  if (health === 'healthy') expect(counts.attention + counts.broken + counts.couldNotCheck).toBe(0);
  if (health === 'could-not-check') {
    expect(counts.couldNotCheck).toBeGreaterThan(0);
    expect(counts.attention + counts.broken).toBe(0);
  }

  // The host list is the records' fixes, in row order, once each; added and changed values use TTL 3600.
  const seen = new Set<string>();
  const canonical = report.records.flatMap((r) => r.fixes).filter((f) => !seen.has(fixKey(f)) && seen.add(fixKey(f)));
  expect(report.fixes.map((f) => f.canonical)).toEqual(canonical);
  for (const f of report.fixes) {
    expect(row(report, f.record).fixes).toContainEqual(f.canonical);
    if (f.canonical.op === 'delete') expect(f.canonical.ttl).toBeGreaterThan(0);
    else expect(f.canonical.ttl, `${f.record} ${f.canonical.op}`).toBe(3600);
    expect(f.copyValue.length).toBeGreaterThan(0);
    expect(f.fields.find((x) => x.key === 'value')?.value).toBe(f.copyValue);
  }
  // The zone snippet: `$ORIGIN`, then one line per fix.
  const lines = report.zoneSnippet.trimEnd().split('\n');
  expect(lines[0]).toBe(`$ORIGIN ${report.registrable}.`);
  expect(lines).toHaveLength(1 + report.fixes.length);

  // The helpdesk paragraph is built from the findings and names the domain.
  expect(report.helpdesk.text.trim().length).toBeGreaterThan(0);
  expect(report.helpdesk.text).toContain(report.display);
}

/** The fixture's own expectations. */
function expectFixture(report: Report, f: RecordFixture): void {
  expect(report.domain).toBe(f.domain);
  expect(report.cloud.effective).toBe(f.cloud);
  const statuses = Object.fromEntries(
    Object.keys(f.expect.records).map((id) => [id, row(report, id as RecordId).status]),
  );
  expect({ health: report.summary.health, records: statuses }).toEqual({
    health: f.expect.health,
    records: f.expect.records,
  });
  if (f.expect.msoid) expect(report.msoid.status).toBe(f.expect.msoid);
  if (f.expect.host) {
    expect(report.dnsHost).toMatchObject({ id: f.expect.host, confidence: 'high', mixed: false, lookup: 'answer' });
  } else {
    // Lab zones name the lab's own server: no host is recognised, and that is said with confidence none.
    expect(report.dnsHost).toMatchObject({ id: 'generic', confidence: 'none', ns: ['ns1.lab.test'] });
  }
  // The helpdesk paragraph opens with the intro that fits the health (the reports carry its text only).
  const intro = {
    healthy: 'look right',
    'could-not-check': "couldn't finish checking",
    other: 'We found DNS settings',
  };
  if (f.expect.health === 'healthy') expect(report.fixes).toEqual([]);
  const opening = f.expect.health === 'healthy' || f.expect.health === 'could-not-check' ? f.expect.health : 'other';
  expect(report.helpdesk.text.split('. ')[0]).toContain(intro[opening]);
}

beforeAll(async () => {
  // Unbound remembers a dead upstream for 15 minutes: start from a clean slate.
  await flushInfra(unboundConfig);
});

describe('GET /api/check: every record fixture (lab: nsd + unbound + fake server)', () => {
  const rows = RECORD_FIXTURES.filter((f) => f.via !== 'direct').map((f): [string, RecordFixture] => [
    `${f.domain}: ${f.description}`,
    f,
  ]);
  it.each(rows)('%s', async (_label, f) => {
    const report = await check(f.domain, { lang: 'en' });
    expectFixture(report, f);
    expectConsistent(report);
  });
});

describe('GET /api/check: every record fixture, asking the fake DNS server directly (as the demo does)', () => {
  let dns: FakeServer | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    dns = await startFakeDnsServer({ host: '127.0.0.1', ...demoServerZones() });
    app = await startApp(appEnv(dns.address));
  });
  afterAll(async () => {
    await app?.stop();
    await dns?.close();
  });

  it.each(RECORD_FIXTURES.map((f): [string, RecordFixture] => [f.domain, f]))('%s', async (_label, f) => {
    const report = await check(f.domain, { lang: 'en' }, app?.url);
    expectFixture(report, f);
    expectConsistent(report);
  });

  it('cname-conflict.test: the TXT beside the autodiscover CNAME is found, and deleting it is the fix', async () => {
    const report = await check('cname-conflict.test', { lang: 'en' }, app?.url);
    const autodiscover = row(report, 'autodiscover');
    expect(autodiscover).toMatchObject({ status: 'conflict', outcome: 'problem', severity: 'critical' });
    expect(autodiscover.found).toEqual(['autodiscover.outlook.com', 'TXT "v=verify1; owner=it@cname-conflict.test"']);
    expect(report.fixes.map((f) => f.canonical)).toEqual([
      {
        op: 'delete',
        name: 'autodiscover.cname-conflict.test',
        host: 'autodiscover',
        type: 'TXT',
        value: 'v=verify1; owner=it@cname-conflict.test',
        ttl: 3600,
      },
    ]);
    expect(report.zoneSnippet).toContain(
      '; delete: autodiscover 3600 IN TXT "v=verify1; owner=it@cname-conflict.test"',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Details: SPF, MX, DKIM, hosts, fixes

type FixExpectation = {
  record: RecordId;
  canonical: Omit<Fix, 'name' | 'ttl'>;
  copyValue?: string;
  /** Host form fields (key → value) that must be present. */
  fields?: Record<string, string>;
  placeholder?: boolean;
  /** A host note that must be among the fix's notes (English). */
  note?: RegExp;
  /** A line the zone snippet must contain (the TTL of a delete line is the found record's, which counts down). */
  snippet?: string;
  /** SPF merges keep the records' terms in answer order, which DNS does not fix: compare the terms as a set. */
  anyTermOrder?: boolean;
};

const FIX_TABLE: Array<{ domain: string; fixes: FixExpectation[] }> = [
  {
    domain: 'host-godaddy-ww.test',
    fixes: [
      {
        record: 'msoid',
        canonical: { op: 'delete', host: 'msoid', type: 'CNAME', value: 'clientconfig.microsoftonline-p.net' },
        fields: { host: 'msoid' },
        snippet: '; delete: msoid 3600 IN CNAME clientconfig.microsoftonline-p.net.',
      },
      {
        // GoDaddy: the host field takes the label only, and CNAME values end with a period.
        record: 'autodiscover',
        canonical: { op: 'add', host: 'autodiscover', type: 'CNAME', value: 'autodiscover.outlook.com' },
        copyValue: 'autodiscover.outlook.com.',
        fields: { host: 'autodiscover', type: 'CNAME', ttl: '3600' },
        placeholder: false,
        note: /Enter only autodiscover in the Name field/,
        snippet: 'autodiscover 3600 IN CNAME autodiscover.outlook.com.',
      },
    ],
  },
  {
    domain: 'host-alibaba-21v.test',
    fixes: [
      {
        record: 'msoid',
        canonical: { op: 'add', host: 'msoid', type: 'CNAME', value: 'clientconfig.partner.microsoftonline-p.net.cn' },
        copyValue: 'clientconfig.partner.microsoftonline-p.net.cn',
        fields: { host: 'msoid' },
        placeholder: false,
        note: /Request source \(解析请求来源\) at Default/,
        snippet: 'msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.',
      },
    ],
  },
  {
    domain: 'host-dnspod-21v.test',
    fixes: [
      {
        // DNSPod has no Service/Protocol/Priority/Weight/Port fields: name and combined value.
        record: 'sipfederation',
        canonical: {
          op: 'add',
          host: '_sipfederationtls._tcp',
          type: 'SRV',
          value: '100 1 5061 sipfed.online.partner.lync.cn',
        },
        copyValue: '100 1 5061 sipfed.online.partner.lync.cn.',
        fields: { host: '_sipfederationtls._tcp' },
        note: /no separate Priority, Weight and Port fields/,
        snippet: '_sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.partner.lync.cn.',
      },
    ],
  },
  {
    domain: 'cf-proxied.test',
    fixes: [
      {
        record: 'dkim-selector1',
        canonical: {
          op: 'add',
          host: 'selector1._domainkey',
          type: 'CNAME',
          value: '<selector1 CNAME value from the admin center>',
        },
        placeholder: true,
        note: /DNS only/,
      },
      {
        record: 'dkim-selector2',
        canonical: {
          op: 'add',
          host: 'selector2._domainkey',
          type: 'CNAME',
          value: '<selector2 CNAME value from the admin center>',
        },
        placeholder: true,
        note: /DNS only/,
      },
    ],
  },
  {
    domain: 'host-msdns-ww.test',
    fixes: [
      {
        record: 'dmarc',
        canonical: {
          op: 'add',
          host: '_dmarc',
          type: 'TXT',
          value: 'v=DMARC1; p=none; rua=mailto:<mailbox for DMARC reports>',
        },
        placeholder: true,
        note: /Microsoft manages this domain's DNS records/,
      },
    ],
  },
  {
    domain: 'spf-two.test',
    fixes: [
      {
        record: 'spf',
        canonical: { op: 'delete', host: '@', type: 'TXT', value: 'v=spf1 include:spf.protection.outlook.com -all' },
      },
      {
        record: 'spf',
        canonical: { op: 'delete', host: '@', type: 'TXT', value: 'v=spf1 include:_spf.oldmail.test ~all' },
      },
      {
        record: 'spf',
        canonical: {
          op: 'add',
          host: '@',
          type: 'TXT',
          value: 'v=spf1 include:spf.protection.outlook.com include:_spf.oldmail.test -all',
        },
        placeholder: false,
        anyTermOrder: true,
      },
    ],
  },
  {
    domain: 'mx-old.test',
    fixes: [
      {
        record: 'mx',
        canonical: { op: 'change', host: '@', type: 'MX', value: '0 mx-old-test.mail.protection.outlook.com' },
        fields: { priority: '0' },
        copyValue: 'mx-old-test.mail.protection.outlook.com',
        snippet: '@ 3600 IN MX 0 mx-old-test.mail.protection.outlook.com.',
      },
      {
        record: 'mx',
        canonical: { op: 'delete', host: '@', type: 'MX', value: '0 mail.oldhost.test' },
        snippet: '; delete: @ 3600 IN MX 0 mail.oldhost.test.',
      },
    ],
  },
  {
    domain: 'teams-port.test',
    fixes: [
      {
        record: 'sipfederation',
        canonical: {
          op: 'delete',
          host: '_sipfederationtls._tcp',
          type: 'SRV',
          value: '100 1 443 sipfed.online.lync.com',
        },
      },
      {
        record: 'sipfederation',
        canonical: {
          op: 'add',
          host: '_sipfederationtls._tcp',
          type: 'SRV',
          value: '100 1 5061 sipfed.online.lync.com',
        },
        fields: { service: '_sipfederationtls', protocol: '_tcp', port: '5061', priority: '100', weight: '1' },
        snippet: '_sipfederationtls._tcp 3600 IN SRV 100 1 5061 sipfed.online.lync.com.',
      },
    ],
  },
  {
    domain: 'dmarc-none.test',
    fixes: [
      {
        record: 'dmarc',
        canonical: {
          op: 'change',
          host: '_dmarc',
          type: 'TXT',
          value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@dmarc-none.test',
        },
        snippet: '_dmarc 3600 IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@dmarc-none.test"',
      },
    ],
  },
  {
    domain: 'intune-old.test',
    fixes: [
      {
        record: 'enterpriseenrollment',
        canonical: {
          op: 'change',
          host: 'enterpriseenrollment',
          type: 'CNAME',
          value: 'enterpriseenrollment-s.manage.microsoft.com',
        },
        snippet: 'enterpriseenrollment 3600 IN CNAME enterpriseenrollment-s.manage.microsoft.com.',
      },
    ],
  },
  {
    domain: 'null-mx.test',
    fixes: [
      { record: 'mx', canonical: { op: 'delete', host: '@', type: 'MX', value: '0 .' } },
      {
        record: 'mx',
        canonical: { op: 'add', host: '@', type: 'MX', value: '0 <MX value from the admin center>' },
        placeholder: true,
      },
    ],
  },

  {
    domain: 'sfb-wrong.test',
    fixes: [
      {
        record: 'sip',
        canonical: { op: 'change', host: 'sip', type: 'CNAME', value: 'sipdir.online.lync.com' },
        snippet: 'sip 3600 IN CNAME sipdir.online.lync.com.',
      },
      {
        record: 'sip-tls',
        canonical: { op: 'delete', host: '_sip._tls', type: 'SRV', value: '100 1 5061 sipdir.online.lync.com' },
      },
      {
        record: 'sip-tls',
        canonical: { op: 'add', host: '_sip._tls', type: 'SRV', value: '100 1 443 sipdir.online.lync.com' },
        snippet: '_sip._tls 3600 IN SRV 100 1 443 sipdir.online.lync.com.',
      },
    ],
  },
];

const terms = (value: string) => value.split(/\s+/).sort().join(' ');
/** `; delete: @ 3599 IN MX …` → `; delete: @ TTL IN MX …`. */
const deleteTtl = (line: string) => line.replace(/^(; delete: \S+) \d+ /, '$1 TTL ');

function findFix(report: Report, e: FixExpectation): HostFix {
  const name = e.canonical.host === '@' ? report.domain : `${e.canonical.host}.${report.domain}`;
  const sameValue = (value: string) =>
    e.anyTermOrder ? terms(value) === terms(e.canonical.value) : value === e.canonical.value;
  const match = report.fixes.find(
    (f) =>
      f.record === e.record &&
      f.canonical.op === e.canonical.op &&
      f.canonical.type === e.canonical.type &&
      sameValue(f.canonical.value) &&
      f.canonical.name === name,
  );
  if (!match) {
    const listed = report.fixes.map((f) => `${f.record} ${JSON.stringify(f.canonical)}`).join('\n');
    throw new Error(`${report.domain}: no fix ${JSON.stringify(e.canonical)} for ${e.record}; fixes:\n${listed}`);
  }
  return match;
}

describe('fixes: canonical values, values laid out for the host, zone snippet', () => {
  it.each(FIX_TABLE.map((t): [string, (typeof FIX_TABLE)[number]] => [t.domain, t]))('%s', async (_label, t) => {
    const report = await check(t.domain, { lang: 'en' });
    for (const e of t.fixes) {
      const fix = findFix(report, e);
      expect(fix.canonical.host).toBe(e.canonical.host);
      if (e.canonical.op !== 'delete') expect(fix.canonical.ttl).toBe(3600);
      if (e.copyValue !== undefined) expect(fix.copyValue).toBe(e.copyValue);
      if (e.placeholder !== undefined) expect(fix.placeholder).toBe(e.placeholder);
      for (const [key, value] of Object.entries(e.fields ?? {})) {
        expect(fix.fields.find((f) => f.key === key)?.value, `${e.record} field ${key}`).toBe(value);
      }
      if (e.note)
        expect(
          fix.notes.some((n) => e.note?.test(n)),
          `${e.record} notes: ${fix.notes.join(' | ')}`,
        ).toBe(true);
      if (e.snippet) expect(report.zoneSnippet.split('\n').map(deleteTtl)).toContain(deleteTtl(e.snippet));
      if (e.anyTermOrder) {
        const line = `@ ${fix.canonical.ttl} IN TXT "${fix.canonical.value}"`;
        expect(report.zoneSnippet.split('\n')).toContain(line);
        expect(fix.canonical.value).toMatch(/^v=spf1 .* -all$/);
      }
    }
    // Nothing listed here is left out, and nothing else is on the list.
    expect(report.fixes).toHaveLength(t.fixes.length);
  });
});

describe('record details', () => {
  it('spf-deep.test: 12 lookups counted through nested includes, over the limit of 10', async () => {
    const spf = row(await check('spf-deep.test'), 'spf');
    expect(spf).toMatchObject({
      status: 'wrong-value',
      severity: 'critical',
      code: 'records.spf.wrong-value.lookup-limit',
    });
    expect(spf.spf).toMatchObject({ records: 1, lookups: 12, limit: 10, complete: true, all: '-all' });
    expect(spf.spf?.includes).toEqual(
      expect.arrayContaining(['spf.protection.outlook.com', '_spf-a.spf-deep.test', '_spf-d.spf-deep.test']),
    );
  });

  it('spf-timeout.test: a nested include that times out is "could not check", never missing or healthy', async () => {
    const report = await check('spf-timeout.test');
    const spf = row(report, 'spf');
    expect(spf).toMatchObject({ status: 'lookup-failed', outcome: 'could-not-check', severity: 'unchecked' });
    expect(spf.spf?.complete).toBe(false);
    expect(spf.fixes).toEqual([]);
    expect(report.summary).toEqual({
      health: 'could-not-check',
      counts: { ok: 14, attention: 0, broken: 0, couldNotCheck: 1, notApplicable: 0 },
    });
  });

  it('spf-two.test: two SPF records are too many', async () => {
    const spf = row(await check('spf-two.test'), 'spf');
    expect(spf).toMatchObject({ status: 'too-many', severity: 'critical' });
    expect(spf.spf?.records).toBe(2);
    expect(spf.found).toHaveLength(2);
  });

  it('healthy-ww.test: SPF reports its hard-fail qualifier and lookup count', async () => {
    const spf = row(await check('healthy-ww.test'), 'spf');
    expect(spf.spf).toMatchObject({ records: 1, lookups: 1, complete: true, all: '-all' });
    expect(spf.code).toBe('records.spf.ok.hard-fail');
  });

  it('mx-old.test: the old MX outranks Microsoft’s, which is broken for mail', async () => {
    const mx = row(await check('mx-old.test'), 'mx');
    expect(mx).toMatchObject({ status: 'wrong-value', requirement: 'required', severity: 'critical' });
    expect(mx.found).toEqual(['0 mail.oldhost.test', '10 mx-old-test.mail.protection.outlook.com']);
  });

  it('cf-proxied.test: Cloudflare name servers, and autodiscover answers with addresses → proxied', async () => {
    const report = await check('cf-proxied.test');
    expect(report.dnsHost).toMatchObject({ id: 'cloudflare', name: 'Cloudflare' });
    expect([...report.dnsHost.ns].sort()).toEqual([...HOST_NS.cloudflare].sort());
    expect(report.dnsHost.instructionsUrl).toContain('create-dns-records-at-cloudflare');
    const autodiscover = row(report, 'autodiscover');
    expect(autodiscover).toMatchObject({ status: 'proxied', expected: 'autodiscover.outlook.com' });
    expect([...autodiscover.found].sort()).toEqual(['A 198.51.100.21', 'A 198.51.100.22']);
  });

  it('dkim-mixed.test: selectors in different forms are each fine (only one selector may not mix them)', async () => {
    const report = await check('dkim-mixed.test');
    expect(row(report, 'dkim-selector1').code).toBe('records.dkim-selector1.ok.onmicrosoft');
    expect(row(report, 'dkim-selector2').code).toBe('records.dkim-selector2.ok.dkim-mail-microsoft');
    expect(report.summary.health).toBe('healthy');
  });

  it('sales.dmarc-parent.test: a subdomain without DMARC is covered by its parent, with both lookups shown', async () => {
    const report = await check('sales.dmarc-parent.test');
    const dmarc = row(report, 'dmarc');
    expect(dmarc).toMatchObject({ status: 'ok', code: 'records.dmarc.ok.inherited' });
    expect(lookupsOf(dmarc.lookups, report.lookups).map((l) => [l.name, l.outcome])).toEqual([
      ['_dmarc.sales.dmarc-parent.test', 'nxdomain'],
      ['_dmarc.dmarc-parent.test', 'answer'],
    ]);
    expect(dmarc.text.verdict).toContain('_dmarc.dmarc-parent.test');
  });

  it('mx-eo.test: the legacy mail.eo.outlook.com MX is Microsoft evidence, to be replaced', async () => {
    const report = await check('mx-eo.test');
    expect(row(report, 'mx')).toMatchObject({ status: 'deprecated', severity: 'warning' });
    expect(report.cloud.evidence).toContainEqual(
      expect.objectContaining({ record: 'mx', value: 'mx-eo-test.mail.eo.outlook.com', suggests: 'worldwide-or-gcc' }),
    );
    expect(report.services.mail).toBe(true);
  });

  it('host-godaddy-gcch.test: GCC High links its own DNS page first and GoDaddy second, flagged as commercial', async () => {
    const report = await check('host-godaddy-gcch.test');
    expect(report.cloud.effective).toBe('gcchigh');
    expect(report.dnsHost).toMatchObject({
      id: 'godaddy',
      instructionsKind: 'cloud',
      instructionsUrl: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high',
      hostHelpKind: 'microsoft',
    });
    expect(report.dnsHost.hostHelpUrl).toContain('create-dns-records-at-godaddy');
  });

  it('healthy-21v.test: 21Vianet values are expected (msoid required; DKIM not documented)', async () => {
    const report = await check('healthy-21v.test');
    expect(row(report, 'msoid')).toMatchObject({ status: 'ok', requirement: 'required' });
    expect(row(report, 'autodiscover').expected).toBe('autodiscover.partner.outlook.cn');
    expect(row(report, 'sipfederation').expected).toBe('100 1 5061 sipfed.online.partner.lync.cn');
    expect(row(report, 'dkim-selector1').code).toBe('records.dkim-selector1.optional-absent.undocumented');
  });

  it.each([
    ['host-godaddy-ww.test', 'godaddy', HOST_NS.godaddy, 'microsoft', 'create-dns-records-at-godaddy'],
    ['host-alibaba-21v.test', 'alibaba-cloud-dns', HOST_NS.alibaba, 'host', 'alibabacloud.com'],
    ['host-dnspod-21v.test', 'dnspod', HOST_NS.dnspod, 'host', 'docs.dnspod.com'],
    ['host-msdns-ww.test', 'microsoft-365', HOST_NS.microsoft, 'microsoft', 'domains-faq'],
  ] as const)('%s: DNS host %s', async (domain, id, ns, kind, url) => {
    const report = await check(domain);
    expect(report.dnsHost).toMatchObject({ id, confidence: 'high', matched: ns.length });
    // NS records come in no fixed order.
    expect([...report.dnsHost.ns].sort()).toEqual([...ns].sort());
    expect(report.dnsHost.managedByMicrosoft).toBe(id === 'microsoft-365');
    expect(report.dnsHost.instructionsKind).toBe(kind);
    expect(report.dnsHost.instructionsUrl).toContain(url);
    expect(report.helpdesk.text).toContain(report.dnsHost.name);
  });

  it.each([
    ['host-alibaba-21v.test', 'Alibaba Cloud DNS (HiChina / 万网)', '阿里云 云解析 DNS（万网）'],
    ['host-dnspod-21v.test', 'DNSPod (Tencent Cloud DNS)', '腾讯云 DNS 解析 DNSPod'],
    ['host-godaddy-ww.test', 'GoDaddy', 'GoDaddy'],
  ])('%s on a Chinese page: the host goes by the name its console shows (%s → %s)', async (domain, en, zh) => {
    const english = await check(domain, { lang: 'en' });
    const chinese = await check(domain, { lang: 'zh-CN' });
    expect(english.dnsHost.name).toBe(en);
    // NS records come in no fixed order.
    const sorted = (host: Report['dnsHost']) => ({ ...host, ns: [...host.ns].sort() });
    // Hosts in China also link their Chinese console help on Chinese pages.
    const { instructionsUrl: zhUrl, ...zhRest } = sorted(chinese.dnsHost);
    const { instructionsUrl: enUrl, ...enRest } = sorted(english.dnsHost);
    expect(zhRest).toEqual({ ...enRest, name: zh });
    if (domain === 'host-godaddy-ww.test') expect(zhUrl).toBe(enUrl);
    else expect(zhUrl).not.toBe(enUrl);
    expect(chinese.helpdesk.text).toContain(zh);
  });
});

// ---------------------------------------------------------------------------------------------
// Services override

describe('services: GET parameter and POST field override the inferred services', () => {
  it('inferred by default: healthy-ww.test publishes mail, Teams and Intune records', async () => {
    const report = await check('healthy-ww.test');
    expect(report.services).toEqual({
      mail: true,
      teams: true,
      intune: true,
      inferred: true,
      overridden: [],
      uncertain: [],
    });
    expect(row(report, 'sipfederation').requirement).toBe('required');
    expect(row(report, 'enterpriseregistration').requirement).toBe('recommended');
    // Microsoft calls the enrollment CNAME optional (automatic MDM enrollment doesn't need it).
    expect(row(report, 'enterpriseenrollment').requirement).toBe('optional');
  });

  it('services=mail: Teams and Intune are off, so their records become optional (still judged)', async () => {
    const report = await check('healthy-ww.test', { services: 'mail' });
    expect(report.services).toMatchObject({
      mail: true,
      teams: false,
      intune: false,
      inferred: false,
      overridden: ['mail', 'teams', 'intune'],
    });
    expect(row(report, 'sipfederation')).toMatchObject({ requirement: 'optional', status: 'ok' });
    expect(row(report, 'enterpriseenrollment')).toMatchObject({ requirement: 'optional', status: 'ok' });
    expect(row(report, 'mx').requirement).toBe('required');
    expect(report.summary.health).toBe('healthy');
  });

  it('services=mail,intune: a Teams SRV on the wrong port drops from broken to needs attention', async () => {
    const inferred = await check('teams-port.test');
    expect(row(inferred, 'sipfederation')).toMatchObject({ requirement: 'required', severity: 'critical' });
    expect(inferred.summary.health).toBe('broken');
    const mailOnly = await check('teams-port.test', { services: 'mail,intune' });
    expect(row(mailOnly, 'sipfederation')).toMatchObject({
      requirement: 'optional',
      status: 'wrong-value',
      severity: 'warning',
    });
    expect(mailOnly.summary.health).toBe('needs-attention');
  });

  it('services=mail,teams: mx-old.test has no Teams SRV, which becomes missing instead of not applicable', async () => {
    const inferred = await check('mx-old.test');
    expect(row(inferred, 'sipfederation').status).toBe('not-applicable');
    const withTeams = await check('mx-old.test', { services: 'mail,teams' });
    expect(row(withTeams, 'sipfederation')).toMatchObject({ status: 'missing', requirement: 'required' });
    expect(row(withTeams, 'enterpriseenrollment').status).toBe('not-applicable');
    expect(withTeams.fixes.map((f) => f.canonical)).toContainEqual({
      op: 'add',
      name: '_sipfederationtls._tcp.mx-old.test',
      host: '_sipfederationtls._tcp',
      type: 'SRV',
      value: '100 1 5061 sipfed.online.lync.com',
      ttl: 3600,
    });
  });

  it('services=teams:on (the page-URL form): only Teams is set, the rest stays inferred', async () => {
    const report = await check('mx-old.test', { services: 'teams:on' });
    expect(report.services).toMatchObject({ mail: true, teams: true, intune: false, inferred: false });
    expect(report.services.overridden).toEqual(['teams']);
    expect(row(report, 'sipfederation').status).toBe('missing');
  });

  it('services=none: nothing is in use, so mail records are optional too', async () => {
    const report = await check('healthy-ww.test', { services: 'none' });
    expect(report.services).toMatchObject({ mail: false, teams: false, intune: false, inferred: false });
    expect(row(report, 'mx').requirement).toBe('optional');
  });

  it.each(['', 'auto'])('services=%s: the same as leaving it out (inferred)', async (value) => {
    const report = await check('mx-old.test', { services: value });
    expect(report.services).toMatchObject({ inferred: true, overridden: [], teams: false });
  });

  it.each([
    ['an unknown service', 'mail,fax'],
    ['a repeated service', 'mail,mail'],
    ['the two forms mixed', 'mail,teams:on'],
    ['an unknown state', 'teams:maybe'],
  ])('services with %s → 400 invalid-input', async (_label, value) => {
    const path = `/api/check?${new URLSearchParams({ domain: 'mx-old.test', services: value })}`;
    expectApiError(await get(appUrl, path), 400, 'invalid-input');
  });

  it('POST services {teams: true}: Teams is on, mail and Intune stay inferred', async () => {
    const result = await post(appUrl, '/api/check', { domains: 'mx-old.test', services: { teams: true } });
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    const reports = parseNdjson(result.text).filter((l) => l.type === 'report');
    expect(reports).toHaveLength(1);
    const report = Report.parse(reports[0]);
    expect(report.services).toMatchObject({ mail: true, teams: true, intune: false, overridden: ['teams'] });
    expect(row(report, 'sipfederation').status).toBe('missing');
  });

  it('POST services {teams: false, intune: false}: the Teams SRV on the wrong port is no longer critical', async () => {
    const result = await post(appUrl, '/api/check', {
      domains: ['teams-port.test'],
      services: { teams: false, intune: false },
    });
    expect(result.status, result.text.slice(0, 500)).toBe(200);
    const report = Report.parse(parseNdjson(result.text).find((l) => l.type === 'report'));
    expect(row(report, 'sipfederation')).toMatchObject({ requirement: 'optional', severity: 'warning' });
    expect(report.services.overridden).toEqual(['teams', 'intune']);
  });

  it('POST services with a non-boolean value → 400 invalid-input', async () => {
    expectApiError(
      await post(appUrl, '/api/check', { domains: 'mx-old.test', services: { teams: 'yes' } }),
      400,
      'invalid-input',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Language: text fields change, machine fields never do

/**
 * The report without its text fields (verdict/impact/action text, notes text, host field labels and
 * notes, helpdesk text, lang) and without what differs between two runs anyway: timings, lookups (their
 * TTLs count down in the caches, and the wildcard probe name is random), the TTL of records found
 * (delete fixes), which counts down too, and the order of NS names and found records (DNS fixes none).
 */
function machineFields(report: Report): unknown {
  const {
    checkedAt: _c,
    elapsedMs: _e,
    lang: _l,
    notes: _n,
    helpdesk: _h,
    lookups: _lm,
    msoid,
    records,
    fixes,
    ...rest
  } = report;
  const { text: _t, lookups: _lk, ...msoidMachine } = msoid;
  const foundTtl = (f: Fix): Fix => (f.op === 'delete' ? { ...f, ttl: 0 } : f);
  return {
    ...rest,
    zoneSnippet: report.zoneSnippet.replace(/^(; delete: \S+) \d+ /gm, '$1 TTL '),
    msoid: { ...msoidMachine, fixes: msoid.fixes.map(foundTtl) },
    // The host's name and its own help page are in the reader's language (Chinese console help on zh-CN).
    dnsHost: { ...report.dnsHost, name: 'HOST', instructionsUrl: 'URL', ns: [...report.dnsHost.ns].sort() },
    records: records.map(({ text: _x, lookups: _y, ...r }) => ({
      ...r,
      found: [...r.found].sort(),
      fixes: r.fixes.map(foundTtl),
    })),
    fixes: fixes.map(({ fields, notes: _z, copyFrom: _cf, ...f }) => ({
      ...f,
      canonical: foundTtl(f.canonical),
      // A delete names the record's TTL as found, which a caching resolver counts down between two requests.
      fields: fields.map(({ key, value }) => ({
        key,
        value: f.canonical.op === 'delete' && key === 'ttl' ? 'TTL' : value,
      })),
    })),
  };
}

describe('language: ?lang= and Accept-Language change only the text fields', () => {
  it.each(['host-alibaba-21v.test', 'cf-proxied.test', 'spf-two.test', 'mx-old.test', 'healthy-21v.test'])(
    '%s',
    async (domain) => {
      const en = await check(domain, { lang: 'en' });
      const zh = await check(domain, { lang: 'zh-CN' });
      const header = await check(domain, {}, appUrl, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' });
      expect(en.lang).toBe('en');
      expect(zh.lang).toBe('zh-CN');
      expect(header.lang).toBe('zh-CN');
      expect(machineFields(zh)).toEqual(machineFields(en));
      expect(machineFields(header)).toEqual(machineFields(en));
      // The text did change: the helpdesk paragraph is written in the asked language.
      expect(zh.helpdesk.text).not.toBe(en.helpdesk.text);
      expect(zh.helpdesk.text).toContain(domain);
    },
  );
});

describe('RECORD_FIXTURES', () => {
  it('names each fixture once, under .test, with every host fixture naming a host', () => {
    const domains = RECORD_FIXTURES.map((f) => f.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const f of RECORD_FIXTURES) {
      expect(f.domain).toMatch(/^([a-z0-9-]+\.)+test$/);
      if (f.domain.startsWith('host-') || f.domain.startsWith('cf-')) expect(f.expect.host).toBeDefined();
    }
    expect(recordFixture('healthy-ww.test').expect.health).toBe('healthy');
  });
});

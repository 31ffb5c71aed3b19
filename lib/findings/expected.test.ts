import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatRef } from '@/lib/messages';
import type { RecordId, TenantValues } from '@/lib/schema';
import { type GraphDnsRecord, isTenantMx, tenantExpected } from './expected';
import { answer, DOMAIN, healthy, KEYS, type Lookups, mxHost, run } from './records/test-fixtures';

const TENANT_MX = mxHost('worldwide'); // contoso-test.mail.protection.outlook.com
const found = (expected: TenantValues['expected'], verified: boolean | null = false): TenantValues => ({
  state: 'found',
  verified,
  expected,
});
const TENANT = found({ mx: TENANT_MX, verification: 'MS=ms12345678' });
const ww = (over: Lookups = {}): Lookups => ({ ...healthy('worldwide'), ...over });
const mx = (...data: string[]): Lookups => ({ [KEYS.mx]: answer(DOMAIN, 'MX', ...data) });
const txt = (...data: string[]): Lookups => ({
  [KEYS.txt]: answer(DOMAIN, 'TXT', 'v=spf1 include:spf.protection.outlook.com -all', ...data),
});

type Row = {
  label: string;
  lookups: Lookups;
  tenant?: TenantValues;
  id: RecordId;
  code: string;
  expected?: string | null;
  source?: 'tenant' | 'documented';
  /** A fix's value the row must offer (the exact value, never the placeholder). */
  fix?: string;
};

const ROWS: Row[] = [
  {
    label: 'MX: the exact tenant token published',
    lookups: ww(),
    tenant: TENANT,
    id: 'mx',
    code: 'records.mx.ok.protection',
    expected: `0 ${TENANT_MX}`,
    source: 'tenant',
  },
  {
    label: "MX: another tenant's token (Microsoft's form, wrong token)",
    lookups: ww(mx('0 fabrikam-test.mail.protection.outlook.com')),
    tenant: TENANT,
    id: 'mx',
    code: 'records.mx.wrong-value.tenant-mismatch',
    expected: `0 ${TENANT_MX}`,
    source: 'tenant',
    fix: `0 ${TENANT_MX}`,
  },
  {
    label: 'MX: Graph lists mail.protection, DNS has the mx.microsoft form: not a mismatch',
    lookups: ww(mx('0 contoso-test.o-v1.mx.microsoft')),
    tenant: TENANT,
    id: 'mx',
    code: 'records.mx.ok.mx-microsoft',
    source: 'tenant',
  },
  {
    label: 'MX: absent, the add fix carries the exact value',
    lookups: ww(mx()),
    tenant: TENANT,
    id: 'mx',
    code: 'records.mx.missing.absent',
    fix: `0 ${TENANT_MX}`,
  },
  {
    label: 'MX: no tenant values, the documented pattern (unlabelled)',
    lookups: ww(mx('0 fabrikam-test.mail.protection.outlook.com')),
    id: 'mx',
    code: 'records.mx.ok.protection',
    expected: '0 *.mail.protection.outlook.com | *.mx.microsoft',
  },
  {
    label: "MS=: the tenant's value published",
    lookups: ww(),
    tenant: TENANT,
    id: 'verification',
    code: 'records.verification.ok.present',
    expected: 'MS=ms12345678',
    source: 'tenant',
  },
  {
    label: "MS=: another value than the tenant's (domain not verified yet)",
    lookups: ww(txt('MS=ms99999999')),
    tenant: TENANT,
    id: 'verification',
    code: 'records.verification.wrong-value.tenant-mismatch',
    expected: 'MS=ms12345678',
    source: 'tenant',
    fix: 'MS=ms12345678',
  },
  {
    label: 'MS=: same value, other case',
    lookups: ww(txt('ms=MS12345678')),
    tenant: TENANT,
    id: 'verification',
    code: 'records.verification.ok.present',
  },
  {
    label: 'DKIM: not in Graph, stays the documented pattern, labelled so',
    lookups: ww(),
    tenant: TENANT,
    id: 'dkim-selector1',
    code: 'records.dkim-selector1.ok.onmicrosoft',
    source: 'documented',
  },
  {
    label: "autodiscover: the tenant's exact target differs from DNS",
    lookups: ww(),
    tenant: found({ autodiscover: 'autodiscover.partner.outlook.cn' }),
    id: 'autodiscover',
    code: 'records.autodiscover.wrong-value.other-cloud',
    expected: 'autodiscover.partner.outlook.cn',
    source: 'tenant',
  },
  {
    label: 'not in the tenant: documented patterns, no source label',
    lookups: ww(),
    tenant: { state: 'not-in-tenant', verified: null, expected: {} },
    id: 'mx',
    code: 'records.mx.ok.protection',
  },
];

describe('expected values from the tenant (issue 18 item 4)', () => {
  it.each(ROWS)('$label', (row) => {
    const r = run({ cloud: 'worldwide', lookups: row.lookups, ...(row.tenant ? { tenant: row.tenant } : {}) });
    const finding = r.records.find((f) => f.id === row.id);
    expect(finding?.code).toBe(row.code);
    if (row.expected !== undefined) expect(finding?.expected).toBe(row.expected);
    expect(finding?.source).toBe(row.source ?? (row.tenant?.state === 'found' ? finding?.source : undefined));
    if (row.fix !== undefined) expect(finding?.fixes.map((f) => f.value)).toContain(row.fix);
    for (const f of finding?.fixes ?? []) expect(f.value).not.toMatch(/admin center/);
    // Every message the finding names has text in both languages.
    for (const m of [finding?.messages.verdict, finding?.messages.impact, ...(finding?.messages.notes ?? [])]) {
      for (const catalogue of Object.values(CATALOGUES)) expect(formatRef(catalogue, m!)).not.toMatch(/^graph\.|\{/);
    }
  });
});

describe('tenantExpected (Graph records → one exact value per record)', () => {
  const services: GraphDnsRecord[] = [
    {
      recordType: 'Mx',
      label: 'contoso.test',
      mailExchange: 'contoso-test.mail.protection.outlook.com',
      preference: 0,
    },
    { recordType: 'Txt', label: 'contoso.test', text: 'v=spf1 include:spf.protection.outlook.com -all' },
    { recordType: 'CName', label: 'autodiscover.contoso.test', canonicalName: 'autodiscover.outlook.com' },
    { recordType: 'CName', label: 'msoid.elsewhere.test', canonicalName: 'clientconfig.microsoftonline-p.net' },
    {
      recordType: 'Srv',
      label: 'contoso.test',
      service: '_sipfederationtls',
      protocol: '_tcp',
      nameTarget: 'sipfed.online.lync.com',
      port: 5061,
      priority: 100,
      weight: 1,
    },
  ];
  const verification: GraphDnsRecord[] = [
    { recordType: 'Txt', label: 'contoso.test', text: 'MS=ms12345678' },
    { recordType: 'Mx', label: 'contoso.test', mailExchange: 'ms12345678.msv1.invalid', preference: 32767 },
  ];
  it('maps each Graph record to its row', () => {
    expect(tenantExpected('Contoso.test.', services, verification)).toEqual({
      mx: 'contoso-test.mail.protection.outlook.com',
      spf: 'v=spf1 include:spf.protection.outlook.com -all',
      autodiscover: 'autodiscover.outlook.com',
      sipfederation: '100 1 5061 sipfed.online.lync.com',
      verification: 'MS=ms12345678',
    });
  });
  it.each([
    ['same host', 'a.mail.protection.outlook.com', 'a.mail.protection.outlook.com', true],
    ['mx.microsoft vs Graph mail.protection', 'a.o-v1.mx.microsoft', 'a.mail.protection.outlook.com', true],
    ['other token', 'b.mail.protection.outlook.com', 'a.mail.protection.outlook.com', false],
    ['mail.protection vs Graph mx.microsoft', 'a.mail.protection.outlook.com', 'a.o-v1.mx.microsoft', false],
  ])('isTenantMx: %s', (_label, published, tenant, want) => {
    expect(isTenantMx(published, tenant)).toBe(want);
  });
});

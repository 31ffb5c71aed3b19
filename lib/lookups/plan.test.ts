import { describe, expect, it } from 'vitest';
import { answer, lookup, nodata, nxdomain } from '@/lib/findings/records/test-fixtures';
import { KEYS, recordFollowUps, recordLookups, spfFollowUps } from './plan';

describe('recordLookups', () => {
  const plan = recordLookups('Contoso.TEST.');

  it('asks a modest number of unique questions (15–20)', () => {
    expect(plan.length).toBeGreaterThanOrEqual(15);
    expect(plan.length).toBeLessThanOrEqual(20);
    expect(new Set(plan.map((p) => p.key)).size).toBe(plan.length);
    expect(new Set(plan.map((p) => `${p.name} ${p.type}`)).size).toBe(plan.length);
  });

  it.each([
    [KEYS.mx, 'contoso.test', 'MX', undefined],
    [KEYS.txt, 'contoso.test', 'TXT', undefined],
    [KEYS.autodiscover, 'autodiscover.contoso.test', 'CNAME', true],
    [KEYS.autodiscoverA, 'autodiscover.contoso.test', 'A', undefined],
    [KEYS.autodiscoverTxt, 'autodiscover.contoso.test', 'TXT', undefined],
    [KEYS.autodiscoverSrv, '_autodiscover._tcp.contoso.test', 'SRV', undefined],
    [KEYS.sipfederation, '_sipfederationtls._tcp.contoso.test', 'SRV', undefined],
    [KEYS.sipTls, '_sip._tls.contoso.test', 'SRV', undefined],
    [KEYS.sip, 'sip.contoso.test', 'CNAME', true],
    [KEYS.lyncdiscover, 'lyncdiscover.contoso.test', 'CNAME', true],
    [KEYS.enterpriseregistration, 'enterpriseregistration.contoso.test', 'CNAME', true],
    [KEYS.enterpriseenrollment, 'enterpriseenrollment.contoso.test', 'CNAME', true],
    [KEYS.selector1, 'selector1._domainkey.contoso.test', 'CNAME', true],
    [KEYS.selector1Txt, 'selector1._domainkey.contoso.test', 'TXT', undefined],
    [KEYS.selector2, 'selector2._domainkey.contoso.test', 'CNAME', true],
    [KEYS.selector2Txt, 'selector2._domainkey.contoso.test', 'TXT', undefined],
    [KEYS.dmarc, '_dmarc.contoso.test', 'TXT', undefined],
    [KEYS.msoidTxt, 'msoid.contoso.test', 'TXT', undefined],
  ])('%s → %s %s', (key, name, type, follow) => {
    expect(plan.find((p) => p.key === key)).toEqual({ key, name, type, ...(follow ? { follow } : {}) });
  });
});

describe('recordFollowUps', () => {
  it('asks for A only where a CNAME name answered NODATA and no A was asked yet', () => {
    const lookups = new Map([
      [KEYS.sip, nodata('sip.contoso.test', 'CNAME')],
      [KEYS.lyncdiscover, nxdomain('lyncdiscover.contoso.test', 'CNAME')],
      [KEYS.enterpriseenrollment, nodata('enterpriseenrollment.contoso.test', 'CNAME')],
      ['enterpriseenrollment.a', answer('enterpriseenrollment.contoso.test', 'A', '192.0.2.1')],
      [KEYS.selector1, nodata('selector1._domainkey.contoso.test', 'CNAME')],
      [KEYS.autodiscover, nodata('autodiscover.contoso.test', 'CNAME')],
    ]);
    expect(recordFollowUps('contoso.test', lookups)).toEqual([
      { key: 'sip.a', name: 'sip.contoso.test', type: 'A' },
      { key: 'dkim-selector1.a', name: 'selector1._domainkey.contoso.test', type: 'A' },
    ]);
  });
});

describe('spfFollowUps', () => {
  it('plans TXT lookups keyed by the include domain', () => {
    const txt = answer('contoso.test', 'TXT', 'v=spf1 include:Spf.Protection.Outlook.com include:_spf.other.test -all');
    expect(spfFollowUps(txt, new Map())).toEqual([
      { key: 'spf.protection.outlook.com', name: 'spf.protection.outlook.com', type: 'TXT' },
      { key: '_spf.other.test', name: '_spf.other.test', type: 'TXT' },
    ]);
  });

  it('does not ask again for a failed include (it is "could not check", not a retry loop)', () => {
    const txt = answer('contoso.test', 'TXT', 'v=spf1 include:a.test -all');
    expect(spfFollowUps(txt, new Map([['a.test', lookup('a.test', 'TXT', 'timeout')]]))).toEqual([]);
  });
});

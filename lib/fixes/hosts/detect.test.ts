import { describe, expect, it } from 'vitest';
import { REFERENCES } from '@/lib/findings/catalogue';
import { GENERIC_INSTRUCTIONS_URL, HOSTS, type HostId } from './catalogue';
import { detectDnsHost, matchNameServer } from './detect';
import { compilePattern } from './pattern';
import type { MatchConfidence } from './types';

/** Real-world (or documented) NS sets, one row per pattern family of every host (docs/m365-dns-facts.md §host-detection). */
const POSITIVE: ReadonlyArray<[label: string, ns: string[], id: HostId, confidence: MatchConfidence]> = [
  [
    'Microsoft 365-managed DNS',
    [
      'ns1.bdm.microsoftonline.com',
      'ns2.bdm.microsoftonline.com',
      'ns3.bdm.microsoftonline.com',
      'ns4.bdm.microsoftonline.com',
    ],
    'microsoft-365',
    'high',
  ],
  [
    '21Vianet-managed DNS',
    ['ns1.dns.partner.microsoftonline.cn', 'ns2.dns.partner.microsoftonline.cn'],
    '21vianet-managed',
    'high',
  ],
  ['GoDaddy domaincontrol', ['ns29.domaincontrol.com', 'ns30.domaincontrol.com'], 'godaddy', 'high'],
  ['GoDaddy cns', ['cns1.godaddy.com', 'cns2.godaddy.com'], 'godaddy', 'medium'],
  ['Cloudflare', ['kara.ns.cloudflare.com', 'tim.ns.cloudflare.com'], 'cloudflare', 'high'],
  [
    'Cloudflare Foundation DNS',
    ['amy.foundationdns.com', 'bob.foundationdns.net', 'cy.foundationdns.org'],
    'cloudflare',
    'medium',
  ],
  ['Cloudflare ns#', ['ns3.cloudflare.com', 'ns4.cloudflare.com'], 'cloudflare', 'medium'],
  [
    'Route 53',
    ['ns-1234.awsdns-12.org', 'ns-567.awsdns-06.net', 'ns-89.awsdns-11.com', 'ns-1800.awsdns-33.co.uk'],
    'route-53',
    'high',
  ],
  ['Route 53 China', ['ns-5.awsdns-cn-03.cn', 'ns-1.awsdns-cn-01.cn'], 'route-53', 'medium'],
  [
    'Azure DNS',
    ['ns1-03.azure-dns.com', 'ns2-03.azure-dns.net', 'ns3-03.azure-dns.org', 'ns4-03.azure-dns.info'],
    'azure-dns',
    'high',
  ],
  ['Azure DNS 21Vianet', ['ns1-03.azure-dns.cn', 'ns2-03.azure-dns.cn'], 'azure-dns-21vianet', 'high'],
  ['Google Cloud DNS', ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com'], 'google-cloud-dns', 'high'],
  ['Google Domains (legacy)', ['ns1.googledomains.com', 'ns2.googledomains.com'], 'google-domains', 'low'],
  ['Squarespace', ['dns1.p01.squarespace-dns.com', 'dns2.p01.squarespace-dns.com'], 'squarespace', 'medium'],
  ['Namecheap BasicDNS', ['dns1.registrar-servers.com', 'dns2.registrar-servers.com'], 'namecheap', 'high'],
  ['Namecheap PremiumDNS', ['pdns1.registrar-servers.com', 'pdns2.registrar-servers.com'], 'namecheap', 'low'],
  ['Namecheap hosting', ['ns1.namecheaphosting.com', 'ns2.namecheaphosting.com'], 'namecheap', 'medium'],
  ['IONOS', ['ns1045.ui-dns.com', 'ns1076.ui-dns.de', 'ns1093.ui-dns.org', 'ns1111.ui-dns.biz'], 'ionos', 'high'],
  ['123-reg', ['ns.123-reg.co.uk', 'ns2.123-reg.co.uk'], '123-reg', 'low'],
  ['Network Solutions', ['ns51.worldnic.com', 'ns52.worldnic.com'], 'network-solutions', 'medium'],
  ['OVH', ['dns10.ovh.net', 'ns10.ovh.net'], 'ovh', 'high'],
  ['OVH anycast', ['dns200.anycast.me', 'ns200.anycast.me'], 'ovh', 'medium'],
  ['OVH Canada', ['dns.ovh.ca', 'ns.ovh.ca'], 'ovh', 'medium'],
  ['Wix', ['ns0.wixdns.net', 'ns1.wixdns.net'], 'wix', 'medium'],
  ['Bluehost', ['ns1.bluehost.com', 'ns2.bluehost.com'], 'bluehost', 'medium'],
  ['HostGator', ['ns6010.hostgator.com', 'ns6009.hostgator.com'], 'hostgator', 'medium'],
  ['DreamHost', ['ns1.dreamhost.com', 'ns2.dreamhost.com', 'ns3.dreamhost.com'], 'dreamhost', 'medium'],
  ['DNS Made Easy', ['ns0.dnsmadeeasy.com', 'ns10.dnsmadeeasy.com'], 'dns-made-easy', 'medium'],
  ['Dyn', ['ns1.p01.dynect.net', 'ns2.p01.dynect.net'], 'dyn', 'medium'],
  ['eNom', ['dns1.name-services.com', 'dns5.name-services.com'], 'enom', 'medium'],
  ['Hover', ['ns1.hover.com', 'ns2.hover.com'], 'hover', 'medium'],
  ['name.com', ['ns1qvw.name.com', 'ns2gmz.name.com'], 'name-com', 'high'],
  ['Register.com', ['dns1.register.com', 'dns2.register.com'], 'register-com', 'medium'],
  ['easyDNS', ['dns1.easydns.com', 'dns2.easydns.net', 'dns3.easydns.org'], 'easydns', 'medium'],
  ['easyDNS .info only', ['dns4.easydns.info'], 'easydns', 'low'],
  ['Freenom', ['ns01.freenom.com', 'ns04.freenom.com'], 'freenom', 'low'],
  ['HiChina', ['dns9.hichina.com', 'dns10.hichina.com'], 'alibaba-cloud-dns', 'high'],
  ['Alibaba Cloud DNS', ['ns1.alidns.com', 'ns2.alidns.com'], 'alibaba-cloud-dns', 'high'],
  ['Alibaba Cloud DNS enterprise', ['vip1.alidns.com', 'vip2.alidns.com'], 'alibaba-cloud-dns', 'low'],
  ['DNSPod free', ['f1g1ns1.dnspod.net', 'f1g1ns2.dnspod.net'], 'dnspod', 'high'],
  ['DNSPod paid dnsv5', ['ns3.dnsv5.com', 'ns4.dnsv5.com'], 'dnspod', 'high'],
  ['DNSPod paid dnsv2..dnsv4', ['ns1.dnsv2.com', 'ns2.dnsv3.com', 'ns1.dnsv4.com'], 'dnspod', 'high'],
  ['Tencent Cloud DNS', ['ns1.tencentcloudcns.com', 'ns2.tencentcloudcns.com'], 'dnspod', 'medium'],
  [
    'Huawei Cloud DNS',
    ['ns1.huaweicloud-dns.com', 'ns1.huaweicloud-dns.cn', 'ns1.huaweicloud-dns.net', 'ns1.huaweicloud-dns.org'],
    'huawei-cloud-dns',
    'high',
  ],
  ['Huawei Cloud DNS legacy', ['ns1.hwclouds-dns.com', 'ns1.hwclouds-dns.net'], 'huawei-cloud-dns', 'high'],
  ['Baidu Cloud DNS', ['ns1.bdydns.cn', 'ns2.bdydns.com'], 'baidu-cloud-dns', 'medium'],
  ['Xinnet', ['ns1.xincache.com', 'ns2.xinnet.com'], 'xinnet', 'medium'],
  ['West.cn myhostadmin', ['ns1.myhostadmin.net', 'ns2.myhostadmin.net'], 'west-cn', 'high'],
  ['West.cn west-dns', ['ns1.west-dns.com', 'ns2.west-dns.com'], 'west-cn', 'medium'],
  ['JD Cloud (rated low by its source)', ['ns1.jdgslb.com', 'ns2.jdcache.com'], 'jd-cloud', 'low'],
  ['eName', ['ns1.ename.net', 'ns2.ename.com'], 'ename', 'medium'],
  ['22.cn', ['ns1.22.cn', 'ns2.22.cn'], '22-cn', 'medium'],
  ['DNS.com', ['ns1.dns.com', 'ns2.dns.com'], 'dns-com', 'medium'],
  ['CNDNS', ['ns1.cndns.com', 'ns2.dns-diy.com'], 'cndns', 'medium'],
  ['Volcengine', ['ns1.volcdns.com', 'ns2.volcdns.com'], 'volcengine', 'medium'],
];

describe('detectDnsHost: every host in the catalogue', () => {
  it.each(POSITIVE)('%s', (_label, ns, id, confidence) => {
    const m = detectDnsHost(ns);
    expect(m).toMatchObject({ id, confidence, matched: ns.length, mixed: false, others: [] });
    expect(m.ns).toEqual(ns);
  });

  it('has a sample row for every host except the generic fallback', () => {
    const covered = new Set(POSITIVE.map((r) => r.at(2)));
    const missing = HOSTS.map((h) => h.id).filter((id) => id !== 'generic' && !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('no sample name matches patterns of two different hosts', () => {
    const compiled = HOSTS.flatMap((h) => h.patterns.map((p) => ({ id: h.id, regex: compilePattern(p.pattern) })));
    const overlaps = POSITIVE.flatMap(([, ns]) => ns)
      .map((name) => ({ name, ids: [...new Set(compiled.filter((c) => c.regex.test(name)).map((c) => c.id))] }))
      .filter((r) => r.ids.length !== 1);
    expect(overlaps).toEqual([]);
  });
});

describe('detectDnsHost: names that must not be recognised', () => {
  const rows: ReadonlyArray<[label: string, ns: string]> = [
    ['name.com look-alike under .com.br', 'ns1.name.com.br'],
    ['name.com apex is no NS pattern', 'name.com'],
    ['Cloudflare look-alike domain', 'ns1.notcloudflare.com'],
    ['Cloudflare name under an attacker zone', 'evil-ns.cloudflare.com.attacker.test'],
    ['Cloudflare ns label with nothing before it', 'ns.cloudflare.com'],
    ['GoDaddy name under another zone', 'ns29.domaincontrol.com.evil.test'],
    ['GoDaddy look-alike domain', 'ns29.mydomaincontrol.com'],
    ['GoDaddy three digits', 'ns290.domaincontrol.com'],
    ['Route 53 name under another zone', 'ns-1234.awsdns-12.org.evil.test'],
    ['Azure DNS without the number suffix', 'ns1.azure-dns.com'],
    ['Azure DNS server number on the wrong TLD', 'ns1-03.azure-dns.net'],
    ['Microsoft-managed, out of range', 'ns5.bdm.microsoftonline.com'],
    ['21Vianet-managed, out of range', 'ns3.dns.partner.microsoftonline.cn'],
    ['Google Cloud DNS, letter out of range', 'ns-cloud-f1.googledomains.com'],
    ['Alibaba look-alike domain', 'ns1.fakealidns.com'],
    ['DNSPod apex', 'dnspod.net'],
    ['DNSPod under another TLD', 'f1g1ns1.dnspod.net.cn'],
    ['DNS.com under .cn', 'ns1.dns.com.cn'],
    ['22.cn look-alike (dot is not a wildcard)', 'ns1.22xcn'],
    ['test name', 'ns1.example.test'],
  ];
  it.each(rows)('%s', (_label, ns) => {
    expect(matchNameServer(ns)).toBeNull();
    expect(detectDnsHost([ns])).toMatchObject({ id: 'generic', confidence: 'none', matched: 0, mixed: false });
  });
});

describe('detectDnsHost: input forms, mixed and empty sets', () => {
  it('ignores case and trailing dots, and reports names lower-cased without the dot', () => {
    const m = detectDnsHost(['KARA.NS.CLOUDFLARE.COM.', 'Tim.Ns.Cloudflare.Com']);
    expect(m).toMatchObject({ id: 'cloudflare', confidence: 'high', matched: 2, mixed: false });
    expect(m.ns).toEqual(['kara.ns.cloudflare.com', 'tim.ns.cloudflare.com']);
  });

  it('drops duplicate and empty names before counting', () => {
    const m = detectDnsHost(['kara.ns.cloudflare.com', 'KARA.ns.cloudflare.com.', '', '  ']);
    expect(m).toMatchObject({ id: 'cloudflare', matched: 1, mixed: false, ns: ['kara.ns.cloudflare.com'] });
  });

  const mixed: ReadonlyArray<
    [label: string, ns: string[], id: HostId, confidence: MatchConfidence, matched: number, others: HostId[]]
  > = [
    [
      'majority wins, confidence lowered',
      ['kara.ns.cloudflare.com', 'ns29.domaincontrol.com', 'tim.ns.cloudflare.com'],
      'cloudflare',
      'medium',
      2,
      ['godaddy'],
    ],
    [
      'tie with equal evidence: the first listed wins',
      ['ns29.domaincontrol.com', 'kara.ns.cloudflare.com'],
      'godaddy',
      'medium',
      1,
      ['cloudflare'],
    ],
    [
      'tie: stronger evidence wins',
      ['ns1.googledomains.com', 'kara.ns.cloudflare.com'],
      'cloudflare',
      'medium',
      1,
      ['google-domains'],
    ],
    [
      'recognised host among unknown names',
      ['ns1.example.test', 'ns2.example.test', 'ns1.alidns.com'],
      'alibaba-cloud-dns',
      'medium',
      1,
      [],
    ],
    ['medium evidence, mixed, becomes low', ['cns1.godaddy.com', 'ns1.example.test'], 'godaddy', 'low', 1, []],
    ['low stays low', ['ns01.freenom.com', 'ns1.example.test'], 'freenom', 'low', 1, []],
  ];
  it.each(mixed)('%s', (_label, ns, id, confidence, matched, others) => {
    expect(detectDnsHost(ns)).toMatchObject({ id, confidence, matched, others, mixed: true });
  });

  const none: ReadonlyArray<[label: string, ns: string[]]> = [
    ['empty list', []],
    ['only empty strings', ['', '.']],
    ['only unknown names', ['ns1.example.test', 'ns2.example.test']],
  ];
  it.each(none)('%s: generic fallback with confidence none', (_label, ns) => {
    expect(detectDnsHost(ns)).toMatchObject({
      id: 'generic',
      confidence: 'none',
      matched: 0,
      mixed: false,
      managedByMicrosoft: false,
      instructionsKind: 'generic',
      instructionsUrl: GENERIC_INSTRUCTIONS_URL,
      others: [],
    });
  });
});

describe('detectDnsHost: GCC High and DoD keep the host help second, flagged as commercial', () => {
  it('GoDaddy in GCC High: the GCC High page first, the GoDaddy page as host help', () => {
    const m = detectDnsHost(['ns29.domaincontrol.com'], 'gcchigh');
    expect(m.hostHelp).toEqual({
      url: 'https://learn.microsoft.com/en-us/microsoft-365/admin/dns/create-dns-records-at-godaddy',
      kind: 'microsoft',
    });
  });
  it('an unknown host in DoD has no host help (the generic page lists commercial values too)', () => {
    expect(detectDnsHost(['ns1.example.test'], 'dod').hostHelp).toBeUndefined();
  });
  it('worldwide has no second link', () => {
    expect(detectDnsHost(['ns29.domaincontrol.com'], 'worldwide').hostHelp).toBeUndefined();
  });
});

describe('detectDnsHost: hosts in China link their console help, in Chinese on Chinese pages', () => {
  it.each([
    ['dns9.hichina.com', 'https://help.aliyun.com/zh/dns/pubz-add-parsing-record'],
    ['f1g1ns1.dnspod.net', 'https://cloud.tencent.com/document/product/302/3446'],
    ['ns1.huaweicloud-dns.com', 'https://support.huaweicloud.com/usermanual-dns/dns_usermanual_0601.html'],
  ])('%s on a zh-CN page → %s', (ns, url) => {
    expect(detectDnsHost([ns], 'worldwide', 'zh-CN').instructionsUrl).toBe(url);
    expect(detectDnsHost([ns], 'worldwide', 'en').instructionsUrl).not.toBe(url);
  });
});

describe('detectDnsHost: instructions and managed DNS', () => {
  const MS_PAGE = 'https://learn.microsoft.com/en-us/microsoft-365/admin/dns/create-dns-records-at-godaddy';
  const GENERIC_21V = `${GENERIC_INSTRUCTIONS_URL}?view=o365-21vianet`;
  const rows: ReadonlyArray<
    [label: string, ns: string, cloud: Parameters<typeof detectDnsHost>[1], url: string, kind: string, managed: boolean]
  > = [
    ['GoDaddy worldwide: Microsoft page', 'ns29.domaincontrol.com', 'worldwide', MS_PAGE, 'microsoft', false],
    ['GoDaddy unknown cloud: Microsoft page', 'ns29.domaincontrol.com', undefined, MS_PAGE, 'microsoft', false],
    [
      'GoDaddy GCC High: the GCC High DNS page, not the commercial host page',
      'ns29.domaincontrol.com',
      'gcchigh',
      REFERENCES.gcchigh,
      'cloud',
      false,
    ],
    ['Cloudflare DoD: the DoD DNS page', 'ada.ns.cloudflare.com', 'dod', REFERENCES.dod, 'cloud', false],
    ['unknown host GCC High: the GCC High DNS page', 'ns1.example.test', 'gcchigh', REFERENCES.gcchigh, 'cloud', false],
    [
      'GoDaddy 21Vianet: generic page, 21Vianet view',
      'ns29.domaincontrol.com',
      '21vianet',
      GENERIC_21V,
      'generic',
      false,
    ],
    [
      'unknown host 21Vianet: generic page, 21Vianet view',
      'ns1.example.test',
      '21vianet',
      GENERIC_21V,
      'generic',
      false,
    ],
    [
      'Alibaba 21Vianet: its own page is kept',
      'dns9.hichina.com',
      '21vianet',
      'https://www.alibabacloud.com/help/en/dns/pubz-add-parsing-record',
      'host',
      false,
    ],
    [
      'Microsoft-managed DNS',
      'ns1.bdm.microsoftonline.com',
      'worldwide',
      'https://learn.microsoft.com/en-us/microsoft-365/admin/setup/domains-faq',
      'microsoft',
      true,
    ],
    ['21Vianet-managed DNS', 'ns1.dns.partner.microsoftonline.cn', '21vianet', GENERIC_21V, 'generic', true],
    ['Hover: no host page, generic', 'ns1.hover.com', 'worldwide', GENERIC_INSTRUCTIONS_URL, 'generic', false],
  ];
  it.each(rows)('%s', (_label, ns, cloud, url, kind, managed) => {
    expect(detectDnsHost([ns], cloud)).toMatchObject({
      instructionsUrl: url,
      instructionsKind: kind,
      managedByMicrosoft: managed,
    });
  });
});

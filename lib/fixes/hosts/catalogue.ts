/**
 * DNS hosts as data: how to recognise each from its NS names (docs/m365-dns-facts.md §host-detection), where its
 * instructions live (§host-links, §host-links-china), and how its record form wants values entered
 * (§host-formats). Each entry names its section in `source`. Browser-safe.
 *
 * Field layouts and names marked "GK" are general knowledge, not from a source; those hosts have
 * `layoutKnown: false`, which makes the formatter add Microsoft's "if your host has no … field" hints.
 */
import type { FieldNames, HostEntry, HostFormat } from './types';

const MS = 'https://learn.microsoft.com/en-us/microsoft-365/admin/';
/** Microsoft's "Connect your domain by adding DNS records" page for any host; it has a 21Vianet view. */
export const GENERIC_INSTRUCTIONS_URL = `${MS}get-help-with-domains/create-dns-records-at-any-dns-hosting-provider`;
const DOMAINS_FAQ_URL = `${MS}setup/domains-faq`;

const microsoftPage = (slug: string) => ({ url: `${MS}dns/${slug}`, kind: 'microsoft' }) as const;
const hostPage = (url: string, urlZh?: string) => ({ url, ...(urlZh ? { urlZh } : {}), kind: 'host' }) as const;
const GENERIC_PAGE = { url: GENERIC_INSTRUCTIONS_URL, kind: 'generic' } as const;

// ---------------------------------------------------------------------------------------------
// Field-name presets (message codes under `hosts.field`)

/** The names on Microsoft's generic page (Host name, Points to address or value, TXT value, Target…). */
const GENERIC_FIELDS: FieldNames = {
  host: 'hosts.field.host-name',
  type: 'hosts.field.type',
  value: { default: 'hosts.field.points-to', TXT: 'hosts.field.txt-value', SRV: 'hosts.field.target' },
  ttl: 'hosts.field.ttl',
  priority: 'hosts.field.priority',
  weight: 'hosts.field.weight',
  port: 'hosts.field.port',
  service: 'hosts.field.service',
  protocol: 'hosts.field.protocol',
};

/** Chinese consoles without their own codes share these (主机记录, 记录类型, 记录值, MX优先级…). */
const CN_FIELDS: FieldNames = {
  host: 'hosts.field.cn.host',
  type: 'hosts.field.cn.type',
  value: 'hosts.field.cn.value',
  ttl: 'hosts.field.cn.ttl',
  priority: 'hosts.field.cn.priority',
  weight: 'hosts.field.cn.weight',
  port: 'hosts.field.cn.port',
  service: 'hosts.field.cn.service',
  protocol: 'hosts.field.cn.protocol',
};

const TYPE_FIRST = ['type', 'service', 'protocol', 'host', 'value', 'priority', 'weight', 'port', 'ttl'] as const;
const HOST_FIRST = ['host', 'type', 'service', 'protocol', 'value', 'priority', 'weight', 'port', 'ttl'] as const;

/** Microsoft's generic page layout; used for the fallback and for hosts whose form we do not know (GK). */
const GENERIC_FORMAT: HostFormat = {
  cnameTrailingDot: 'either',
  hostField: 'label',
  apexHost: '@',
  srvFields: 'separate',
  layoutKnown: false,
  order: TYPE_FIRST,
  fieldNames: GENERIC_FIELDS,
};

/** Smaller Chinese consoles (GK): Chinese field names, a 线路 (line) selector to leave at default. */
const CN_FORMAT: HostFormat = {
  ...GENERIC_FORMAT,
  order: HOST_FIRST,
  fieldNames: CN_FIELDS,
  extraNotes: ['hosts.note.line-default'],
};

// ---------------------------------------------------------------------------------------------
// The catalogue. Order matters only for ties; patterns of different hosts never overlap (tested).

export const HOSTS = [
  // Microsoft runs the zone (§microsoft-managed-dns).
  {
    id: 'microsoft-365',
    name: 'Microsoft 365',
    region: 'global',
    patterns: [{ pattern: 'ns[1-4].bdm.microsoftonline.com', evidence: 'ms' }],
    instructions: { url: DOMAINS_FAQ_URL, kind: 'microsoft' },
    source: 'microsoft-managed-dns',
    managedByMicrosoft: true,
    format: GENERIC_FORMAT,
  },
  {
    id: '21vianet-managed',
    name: 'Microsoft 365 operated by 21Vianet',
    nameZh: '由世纪互联运营的 Microsoft 365',
    region: 'china',
    patterns: [{ pattern: 'ns[1-2].dns.partner.microsoftonline.cn', evidence: 'ms' }],
    instructions: { url: DOMAINS_FAQ_URL, kind: 'microsoft' },
    source: 'microsoft-managed-dns',
    managedByMicrosoft: true,
    format: GENERIC_FORMAT,
  },

  // Hosts with Microsoft pages, plus the big clouds (§host-links).
  {
    id: 'godaddy',
    name: 'GoDaddy',
    region: 'global',
    patterns: [
      { pattern: 'ns##.domaincontrol.com', evidence: 't2' },
      { pattern: 'cns#.godaddy.com', evidence: 't1' },
    ],
    instructions: microsoftPage('create-dns-records-at-godaddy'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      // S9: CNAME values "must end with a period"; the Name field takes the label only (EasyDMARC FAQ).
      cnameTrailingDot: 'required',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'separate',
      layoutKnown: true,
      order: TYPE_FIRST,
      fieldNames: {
        host: 'hosts.field.name',
        type: 'hosts.field.type',
        value: { default: 'hosts.field.value', SRV: 'hosts.field.target' },
        ttl: 'hosts.field.ttl',
        priority: 'hosts.field.priority',
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
        service: 'hosts.field.service',
        protocol: 'hosts.field.protocol',
      },
    },
  },
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    region: 'global',
    patterns: [
      { pattern: '*.ns.cloudflare.com', evidence: 't2' },
      { pattern: '**.foundationdns.com', evidence: 't1' },
      { pattern: '**.foundationdns.net', evidence: 't1' },
      { pattern: '**.foundationdns.org', evidence: 't1' },
      { pattern: 'ns#.cloudflare.com', evidence: 't1' },
    ],
    instructions: microsoftPage('create-dns-records-at-cloudflare'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      cnameTrailingDot: 'either',
      hostField: 'either',
      apexHost: '@',
      srvFields: 'name-only',
      proxyWarning: true,
      layoutKnown: true,
      order: ['type', 'host', 'value', 'priority', 'weight', 'port', 'ttl'],
      fieldNames: {
        host: 'hosts.field.name',
        type: 'hosts.field.type',
        value: {
          default: 'hosts.field.content',
          CNAME: 'hosts.field.target',
          MX: 'hosts.field.mail-server',
          SRV: 'hosts.field.target',
          NS: 'hosts.field.nameserver',
          A: 'hosts.field.ipv4-address',
          AAAA: 'hosts.field.ipv6-address',
        },
        ttl: 'hosts.field.ttl',
        priority: 'hosts.field.priority',
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
      },
    },
  },
  {
    id: 'route-53',
    name: 'Amazon Route 53',
    region: 'global',
    patterns: [
      { pattern: 'ns-*.awsdns-##.com', evidence: 't2' },
      { pattern: 'ns-*.awsdns-##.net', evidence: 't2' },
      { pattern: 'ns-*.awsdns-##.org', evidence: 't2' },
      { pattern: 'ns-*.awsdns-##.co.uk', evidence: 't2' },
      { pattern: '*.awsdns-cn-##.cn', evidence: 't1' },
    ],
    instructions: microsoftPage('create-dns-records-at-aws'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      // The console takes one Value box: `10 mail.example.test` for MX, `prio weight port target` for SRV,
      // and TXT in double quotes.
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: 'empty',
      srvFields: 'target-combined',
      txtQuoted: true,
      layoutKnown: true,
      order: ['host', 'type', 'value', 'ttl'],
      fieldNames: {
        host: 'hosts.field.record-name',
        type: 'hosts.field.record-type',
        value: 'hosts.field.value',
        ttl: 'hosts.field.ttl-seconds',
      },
    },
  },
  {
    id: 'azure-dns',
    name: 'Azure DNS',
    region: 'global',
    patterns: [
      { pattern: 'ns1-##.azure-dns.com', evidence: 't2' },
      { pattern: 'ns2-##.azure-dns.net', evidence: 't2' },
      { pattern: 'ns3-##.azure-dns.org', evidence: 't2' },
      { pattern: 'ns4-##.azure-dns.info', evidence: 't2' },
    ],
    // Azure's own portal how-to; Microsoft 365's Azure DNS zones page is retired (§host-links).
    instructions: hostPage('https://learn.microsoft.com/en-us/azure/dns/dns-operations-recordsets-portal'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'name-only',
      layoutKnown: true,
      order: ['host', 'type', 'ttl', 'priority', 'weight', 'port', 'value'],
      fieldNames: {
        host: 'hosts.field.name',
        type: 'hosts.field.type',
        value: {
          default: 'hosts.field.value',
          CNAME: 'hosts.field.alias',
          MX: 'hosts.field.mail-exchange',
          SRV: 'hosts.field.target',
          A: 'hosts.field.ip-address',
          AAAA: 'hosts.field.ip-address',
        },
        ttl: 'hosts.field.ttl',
        priority: { default: 'hosts.field.priority', MX: 'hosts.field.preference' },
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
      },
    },
  },
  {
    id: 'azure-dns-21vianet',
    name: 'Azure DNS operated by 21Vianet',
    nameZh: '由世纪互联运营的 Azure DNS',
    region: 'china',
    patterns: [{ pattern: 'ns#-##.azure-dns.cn', evidence: 't2' }],
    // No page of its own is known for Azure operated by 21Vianet; the generic page (§host-links-21vianet).
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: {
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'name-only',
      layoutKnown: true,
      order: ['host', 'type', 'ttl', 'priority', 'weight', 'port', 'value'],
      fieldNames: {
        host: 'hosts.field.name',
        type: 'hosts.field.type',
        value: {
          default: 'hosts.field.value',
          CNAME: 'hosts.field.alias',
          MX: 'hosts.field.mail-exchange',
          SRV: 'hosts.field.target',
          A: 'hosts.field.ip-address',
          AAAA: 'hosts.field.ip-address',
        },
        ttl: 'hosts.field.ttl',
        priority: { default: 'hosts.field.priority', MX: 'hosts.field.preference' },
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
      },
    },
  },
  {
    id: 'google-cloud-dns',
    name: 'Google Cloud DNS',
    region: 'global',
    patterns: [{ pattern: 'ns-cloud-[a-e][1-4].googledomains.com', evidence: 't2' }],
    instructions: hostPage(
      'https://cloud.google.com/dns/docs/records',
      'https://cloud.google.com/dns/docs/records?hl=zh-cn',
    ),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: 'empty',
      srvFields: 'target-combined',
      layoutKnown: true,
      order: ['host', 'type', 'ttl', 'value'],
      fieldNames: {
        host: 'hosts.field.dns-name',
        type: 'hosts.field.resource-record-type',
        value: {
          default: 'hosts.field.value',
          CNAME: 'hosts.field.canonical-name',
          MX: 'hosts.field.preference-and-mail-server',
        },
        ttl: 'hosts.field.ttl',
      },
    },
  },
  {
    id: 'google-domains',
    name: 'Google Domains (retired)',
    region: 'global',
    patterns: [{ pattern: 'ns[1-4].googledomains.com', evidence: 'gk' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'squarespace',
    name: 'Squarespace Domains',
    region: 'global',
    patterns: [{ pattern: '**.squarespace-dns.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'namecheap',
    name: 'Namecheap',
    region: 'global',
    patterns: [
      { pattern: 'dns[1-2].registrar-servers.com', evidence: 't2' },
      { pattern: 'pdns#*.registrar-servers.com', evidence: 'gk' },
      { pattern: '**.namecheaphosting.com', evidence: 't1' },
    ],
    instructions: microsoftPage('create-dns-records-at-namecheap'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'separate',
      layoutKnown: true,
      order: ['type', 'host', 'service', 'protocol', 'priority', 'weight', 'port', 'value', 'ttl'],
      fieldNames: {
        host: 'hosts.field.host',
        type: 'hosts.field.type',
        value: { default: 'hosts.field.value', CNAME: 'hosts.field.target', SRV: 'hosts.field.target' },
        ttl: 'hosts.field.ttl',
        priority: 'hosts.field.priority',
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
        service: 'hosts.field.service',
        protocol: 'hosts.field.protocol',
      },
    },
  },
  {
    id: 'ionos',
    name: 'IONOS (1&1)',
    region: 'global',
    patterns: [
      { pattern: 'ns####.ui-dns.com', evidence: 't2' },
      { pattern: 'ns####.ui-dns.de', evidence: 't2' },
      { pattern: 'ns####.ui-dns.org', evidence: 't2' },
      { pattern: 'ns####.ui-dns.biz', evidence: 't2' },
    ],
    instructions: microsoftPage('create-dns-records-at-ionos-com'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      ...GENERIC_FORMAT, // GK
      fieldNames: {
        ...GENERIC_FIELDS,
        value: { default: 'hosts.field.points-to-short', SRV: 'hosts.field.points-to-short' },
      },
    },
  },
  {
    id: '123-reg',
    name: '123-reg',
    region: 'global',
    patterns: [
      { pattern: 'ns.123-reg.co.uk', evidence: 'gk' },
      { pattern: 'ns2.123-reg.co.uk', evidence: 'gk' },
    ],
    instructions: microsoftPage('create-dns-records-at-123-reg-co-uk'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'network-solutions',
    name: 'Network Solutions',
    region: 'global',
    patterns: [{ pattern: 'ns##.worldnic.com', evidence: 't1' }],
    instructions: microsoftPage('create-dns-records-at-network-solutions'),
    source: 'host-links',
    managedByMicrosoft: false,
    // S9b: CNAME values "cannot end with a period". Form layout GK.
    format: { ...GENERIC_FORMAT, cnameTrailingDot: 'forbidden' },
  },
  {
    id: 'ovh',
    name: 'OVHcloud',
    region: 'global',
    patterns: [
      { pattern: 'dns#*.ovh.net', evidence: 't2' },
      { pattern: 'ns#*.ovh.net', evidence: 't2' },
      { pattern: '**.anycast.me', evidence: 't1' },
      { pattern: '**.ovh.ca', evidence: 't1' },
    ],
    instructions: microsoftPage('create-dns-records-at-ovh'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: {
      // GK: OVH's zone editor writes zone-file syntax, where a target without a final dot gets the zone
      // appended. The dot is harmless where it is not needed.
      cnameTrailingDot: 'required',
      hostField: 'label',
      apexHost: 'empty',
      srvFields: 'name-only',
      layoutKnown: false,
      order: ['type', 'host', 'ttl', 'priority', 'weight', 'port', 'value'],
      fieldNames: {
        host: 'hosts.field.subdomain',
        type: 'hosts.field.type',
        value: 'hosts.field.target',
        ttl: 'hosts.field.ttl',
        priority: 'hosts.field.priority',
        weight: 'hosts.field.weight',
        port: 'hosts.field.port',
      },
    },
  },
  {
    id: 'wix',
    name: 'Wix',
    region: 'global',
    patterns: [{ pattern: 'ns#.wixdns.net', evidence: 't1' }],
    instructions: microsoftPage('create-dns-records-at-wix'),
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'bluehost',
    name: 'Bluehost',
    region: 'global',
    patterns: [{ pattern: 'ns[1-2].bluehost.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'hostgator',
    name: 'HostGator',
    region: 'global',
    patterns: [{ pattern: '**.hostgator.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'dreamhost',
    name: 'DreamHost',
    region: 'global',
    patterns: [{ pattern: 'ns[1-3].dreamhost.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'dns-made-easy',
    name: 'DNS Made Easy',
    region: 'global',
    patterns: [{ pattern: 'ns#*.dnsmadeeasy.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    // GK: targets outside the zone need the final dot, or the zone is appended. Harmless if not needed.
    format: { ...GENERIC_FORMAT, cnameTrailingDot: 'required' },
  },
  {
    id: 'dyn',
    name: 'Dyn (Oracle)',
    region: 'global',
    patterns: [{ pattern: '**.dynect.net', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'enom',
    name: 'eNom',
    region: 'global',
    patterns: [{ pattern: 'dns[1-5].name-services.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'hover',
    name: 'Hover',
    region: 'global',
    patterns: [{ pattern: 'ns[1-2].hover.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'name-com',
    name: 'Name.com',
    region: 'global',
    patterns: [{ pattern: 'ns*.name.com', evidence: 't2' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'register-com',
    name: 'Register.com',
    region: 'global',
    patterns: [{ pattern: '**.register.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'easydns',
    name: 'easyDNS',
    region: 'global',
    patterns: [
      { pattern: 'dns#.easydns.com', evidence: 't1' },
      { pattern: 'dns#.easydns.net', evidence: 't1' },
      { pattern: 'dns#.easydns.org', evidence: 't1' },
      { pattern: 'dns#.easydns.info', evidence: 'gk' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
  {
    id: 'freenom',
    name: 'Freenom',
    region: 'global',
    patterns: [{ pattern: 'ns0[1-4].freenom.com', evidence: 'gk' }],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },

  // Chinese DNS hosts (§host-links-china).
  {
    id: 'alibaba-cloud-dns',
    name: 'Alibaba Cloud DNS (HiChina / 万网)',
    nameZh: '阿里云 云解析 DNS（万网）',
    region: 'china',
    patterns: [
      { pattern: 'dns#*.hichina.com', evidence: 't2' },
      { pattern: 'ns#*.alidns.com', evidence: 't2' },
      { pattern: 'vip#*.alidns.com', evidence: 'gk' },
    ],
    // The console's "add a DNS record" help (§host-links-china), in English and in Chinese.
    instructions: hostPage(
      'https://www.alibabacloud.com/help/en/dns/pubz-add-parsing-record',
      'https://help.aliyun.com/zh/dns/pubz-add-parsing-record',
    ),
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: {
      // 记录类型, 主机记录, 解析请求来源, 记录值, MX优先级, TTL; SRV 记录值 is `priority weight port target`.
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'target-combined',
      layoutKnown: true,
      order: ['type', 'host', 'value', 'priority', 'ttl'],
      fieldNames: {
        host: 'hosts.field.alibaba.host',
        type: 'hosts.field.alibaba.type',
        value: 'hosts.field.alibaba.value',
        ttl: 'hosts.field.alibaba.ttl',
        priority: 'hosts.field.alibaba.priority',
      },
      extraNotes: ['hosts.note.line-default-alibaba'],
    },
  },
  {
    id: 'dnspod',
    name: 'DNSPod (Tencent Cloud DNS)',
    nameZh: '腾讯云 DNS 解析 DNSPod',
    region: 'china',
    patterns: [
      { pattern: '**.dnspod.net', evidence: 't2' },
      { pattern: 'ns#*.dnsv2.com', evidence: 't2' },
      { pattern: 'ns#*.dnsv3.com', evidence: 't2' },
      { pattern: 'ns#*.dnsv4.com', evidence: 't2' },
      { pattern: 'ns#*.dnsv5.com', evidence: 't2' },
      { pattern: '**.tencentcloudcns.com', evidence: 't1' },
    ],
    // DNSPod's help on the record form's fields (English) and Tencent Cloud's "quick add a record" help (Chinese).
    instructions: hostPage(
      'https://docs.dnspod.com/dns/601114eaf5ab591fcad80e4e/',
      'https://cloud.tencent.com/document/product/302/3446',
    ),
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: {
      // 主机记录, 记录类型, 线路类型, 记录值, MX优先级, TTL; SRV 记录值 is `priority weight port target`.
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: '@',
      srvFields: 'target-combined',
      layoutKnown: true,
      order: ['host', 'type', 'value', 'priority', 'ttl'],
      fieldNames: {
        host: 'hosts.field.dnspod.host',
        type: 'hosts.field.dnspod.type',
        value: 'hosts.field.dnspod.value',
        ttl: 'hosts.field.dnspod.ttl',
        priority: 'hosts.field.dnspod.priority',
      },
      extraNotes: ['hosts.note.line-default-dnspod'],
    },
  },
  {
    id: 'huawei-cloud-dns',
    name: 'Huawei Cloud DNS',
    nameZh: '华为云 云解析服务 DNS',
    region: 'china',
    patterns: [
      { pattern: 'ns#*.huaweicloud-dns.com', evidence: 't2' },
      { pattern: 'ns#*.huaweicloud-dns.cn', evidence: 't2' },
      { pattern: 'ns#*.huaweicloud-dns.net', evidence: 't2' },
      { pattern: 'ns#*.huaweicloud-dns.org', evidence: 't2' },
      { pattern: '**.hwclouds-dns.com', evidence: 't2' },
      { pattern: '**.hwclouds-dns.net', evidence: 't2' },
    ],
    // Huawei Cloud DNS user guide: record set types and how to fill them in (§host-links-china).
    instructions: hostPage(
      'https://support.huaweicloud.com/intl/en-us/usermanual-dns/dns_usermanual_0601.html',
      'https://support.huaweicloud.com/usermanual-dns/dns_usermanual_0601.html',
    ),
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: {
      // 主机记录, 类型, 别名, 线路类型, TTL (秒), 值. MX and SRV go whole into 值. Apex: empty (GK).
      cnameTrailingDot: 'either',
      hostField: 'label',
      apexHost: 'empty',
      srvFields: 'target-combined',
      layoutKnown: true,
      order: ['host', 'type', 'ttl', 'value'],
      fieldNames: {
        host: 'hosts.field.huawei.host',
        type: 'hosts.field.huawei.type',
        value: 'hosts.field.huawei.value',
        ttl: 'hosts.field.huawei.ttl',
      },
      extraNotes: ['hosts.note.huawei-alias-off', 'hosts.note.line-default-huawei'],
    },
  },
  {
    id: 'baidu-cloud-dns',
    name: 'Baidu AI Cloud DNS',
    nameZh: '百度智能云 DNS',
    region: 'china',
    patterns: [
      { pattern: '**.bdydns.cn', evidence: 't1' },
      { pattern: '**.bdydns.com', evidence: 't1' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'xinnet',
    name: 'Xinnet (新网)',
    nameZh: '新网（Xinnet）',
    region: 'china',
    patterns: [
      { pattern: '**.xinnet.com', evidence: 't1' },
      { pattern: '**.xincache.com', evidence: 't1' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'west-cn',
    name: 'West.cn (西部数码)',
    nameZh: '西部数码（West.cn）',
    region: 'china',
    patterns: [
      { pattern: 'ns[1-6].myhostadmin.net', evidence: 't2' },
      { pattern: '**.west-dns.com', evidence: 't1' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'jd-cloud',
    name: 'JD Cloud DNS',
    nameZh: '京东云 DNS',
    region: 'china',
    // The only source itself rates these low.
    patterns: [
      { pattern: '**.jdgslb.com', evidence: 't1', confidence: 'low' },
      { pattern: '**.jdcache.com', evidence: 't1', confidence: 'low' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'ename',
    name: 'eName',
    nameZh: '易名中国（eName）',
    region: 'china',
    patterns: [
      { pattern: '**.ename.net', evidence: 't1' },
      { pattern: '**.ename.com', evidence: 't1' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: '22-cn',
    name: '22.cn (爱名网)',
    nameZh: '爱名网（22.cn）',
    region: 'china',
    patterns: [{ pattern: '**.22.cn', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'dns-com',
    name: 'DNS.com (帝恩思)',
    nameZh: '帝恩思（DNS.com）',
    region: 'china',
    patterns: [{ pattern: 'ns[1-2].dns.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'cndns',
    name: 'CNDNS',
    nameZh: '美橙互联（CNDNS）',
    region: 'china',
    patterns: [
      { pattern: '**.cndns.com', evidence: 't1' },
      { pattern: '**.dns-diy.com', evidence: 't1' },
    ],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },
  {
    id: 'volcengine',
    name: 'Volcengine DNS',
    nameZh: '火山引擎 云解析 DNS',
    region: 'china',
    patterns: [{ pattern: '**.volcdns.com', evidence: 't1' }],
    instructions: GENERIC_PAGE,
    source: 'host-links-china',
    managedByMicrosoft: false,
    format: CN_FORMAT,
  },

  // Fallback: nothing recognised. The display name is a plain description; UIs should prefer `hosts.generic.*`.
  {
    id: 'generic',
    name: 'Any DNS host',
    region: 'global',
    patterns: [],
    instructions: GENERIC_PAGE,
    source: 'host-links',
    managedByMicrosoft: false,
    format: GENERIC_FORMAT,
  },
] as const satisfies readonly HostEntry[];

export type HostId = (typeof HOSTS)[number]['id'];

const BY_ID: ReadonlyMap<string, HostEntry> = new Map(HOSTS.map((h) => [h.id, h]));

/** The fallback entry used when no NS name is recognised. */
export const GENERIC_HOST: HostEntry = BY_ID.get('generic') as HostEntry;

/** The catalogue entry with this id, or undefined. */
export function hostById(id: string): HostEntry | undefined {
  return BY_ID.get(id);
}

/** The host's name as pages in `lang` show it: its own Chinese name on zh-CN pages where it has one. */
export function hostDisplayName(host: Pick<HostEntry, 'name' | 'nameZh'>, lang: string): string {
  return lang === 'zh-CN' && host.nameZh ? host.nameZh : host.name;
}

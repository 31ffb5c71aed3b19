/**
 * DNS 托管提供商识别和按托管提供商给出的修复步骤的中文文本。代码是 `hosts.` 下的点路径。
 * DNS 字面值（名称、值）通过参数传入，此处不写。
 *
 * 字段标签使用各控制台自己的名称。中国的控制台（阿里云、DNSPod、华为云及较小的 cn 托管商）只写中文标签
 * ；其他托管商的控制台字段给出通用的中文译名。
 */
import type { hostMessages } from '../en/hosts';
import type { DeepStringShape } from '../format';

export const zhHostMessages = {
  'managed-by-microsoft': '该域的 DNS 记录由 Microsoft 管理；请在 Microsoft 365 管理中心（设置 > 域）中更改',
  'managed-by-21vianet':
    '该域的 DNS 记录由 Microsoft 为世纪互联管理；请在由世纪互联运营的 Microsoft 365 管理中心（设置 > 域）中更改',
  generic: {
    name: '你的 DNS 托管提供商',
    detected: '无法根据名称服务器判断该域的 DNS 由哪家公司托管。',
    'no-name-servers': '无法读取该域的名称服务器，因此不知道其 DNS 由谁托管。',
    steps: '请按照适用于任何 DNS 托管提供商的步骤操作。你的托管提供商的字段名称可能有所不同。',
  },
  detected: {
    high: '该域的 DNS 托管在{host}。',
    medium: '该域的 DNS 很可能托管在{host}。',
    low: '该域的 DNS 可能托管在{host}。',
  },
  mixed: '该域的名称服务器属于多个 DNS 托管提供商。请在实际管理该区域的地方进行更改，并同时检查另一个托管提供商。',
  confidence: {
    high: '已识别',
    medium: '很可能',
    low: '可能',
    none: '未识别',
  },
  instructions: {
    microsoft: 'Microsoft 针对{host}的操作步骤',
    host: '{host}关于添加记录的帮助页面',
    generic: 'Microsoft 针对任何 DNS 托管提供商的操作步骤',
    cloud: 'Microsoft 为你所在云（GCC High 或 DoD）列出的 DNS 记录',
  },
  'commercial-examples': '该页面的示例值适用于商业版 Microsoft 365。请使用上面页面（或修复列表）中的值，而不是示例值。',
  region: {
    global: '全球',
    china: '中国',
  },
  field: {
    type: '类型',
    'record-type': '记录类型',
    'resource-record-type': '资源记录类型',
    name: '名称',
    host: '主机',
    'host-name': '主机名',
    'host-record': '主机记录',
    'record-name': '记录名称',
    'dns-name': 'DNS 名称',
    subdomain: '子域',
    value: '值',
    'points-to': '指向地址或值',
    'points-to-short': '指向',
    target: '目标',
    content: '内容',
    alias: '别名',
    'canonical-name': '规范名称',
    'mail-server': '邮件服务器',
    'mail-exchange': '邮件交换服务器',
    'preference-and-mail-server': '首选项和邮件服务器',
    nameserver: '名称服务器',
    'ip-address': 'IP 地址',
    'ipv4-address': 'IPv4 地址',
    'ipv6-address': 'IPv6 地址',
    'txt-value': 'TXT 值',
    ttl: 'TTL',
    'ttl-seconds': 'TTL（秒）',
    priority: '优先级',
    preference: '首选项',
    weight: '权重',
    port: '端口',
    service: '服务',
    protocol: '协议',
    alibaba: {
      host: '主机记录',
      type: '记录类型',
      value: '记录值',
      ttl: 'TTL',
      priority: 'MX优先级',
    },
    dnspod: {
      host: '主机记录',
      type: '记录类型',
      value: '记录值',
      ttl: 'TTL',
      priority: 'MX优先级',
    },
    huawei: {
      host: '主机记录',
      type: '类型',
      value: '值',
      ttl: 'TTL（秒）',
    },
    cn: {
      host: '主机记录',
      type: '记录类型',
      value: '记录值',
      ttl: 'TTL',
      priority: 'MX优先级',
      weight: '权重',
      port: '端口',
      service: '服务',
      protocol: '协议',
    },
  },
  note: {
    'host-label-only':
      '“{field}”只填{host}，不要填{name}。大多数 DNS 托管提供商会自动加上域名，填完整名称会变成{doubled}。',
    'host-fqdn': '“{field}”请填写完整名称{host}。',
    'apex-empty': '“{field}”留空：表示域{zone}本身。',
    'outside-zone': '{name}不在{zone}之内。请在包含{name}的区域中用完整名称添加它。',
    'trailing-dot-required': '值必须以点（.）结尾：{value}',
    'trailing-dot-forbidden': '值不能以点（.）结尾：请填写{value}',
    'srv-name-only': '此托管提供商没有“服务”和“协议”字段：请在“{field}”中填写{host}。',
    'srv-target-combined': '此托管提供商没有单独的“优先级”“权重”和“端口”字段：请在“{field}”中填写{value}。',
    'srv-if-no-service-fields': '如果你的托管提供商没有“服务”和“协议”字段，请在“{field}”中填写{host}。',
    'srv-if-no-number-fields': '如果你的托管提供商没有“优先级”“权重”和“端口”字段，请在“{field}”中填写{value}。',
    'mx-combined': '此托管提供商没有单独的优先级字段：请将优先级和邮件服务器一起填写：{value}',
    'txt-quoted': '保留值两侧的双引号。',
    'proxy-dns-only':
      '请将{host}的代理状态设为“仅 DNS”（DNS only，灰色云朵）。开启代理的记录会用 Cloudflare 自己的地址应答，而不是 CNAME，Microsoft 365 因此找不到它。',
    'line-default': '将“线路”保持为“默认”。',
    'line-default-alibaba': '将“解析请求来源”保持为“默认”。',
    'line-default-dnspod': '将“线路类型”保持为“默认”。',
    'line-default-huawei': '将“线路类型”保持为“全网默认”。',
    'huawei-alias-off': '将“别名”开关保持为“否”。它用于把记录集关联到华为云服务，并不是 CNAME 别名。',
  },
} satisfies DeepStringShape<typeof hostMessages>;

/**
 * English text for DNS-host detection and host-specific fix steps. Codes are dot paths under `hosts.`
 * (see `lib/messages/format.ts`). DNS literals (names, values) arrive as params; none are written here.
 *
 * Field labels are the host consoles' own names. Chinese consoles (Alibaba Cloud, DNSPod, Huawei Cloud and
 * the smaller `cn` hosts) are used in Chinese by 21Vianet customers, so the English label gives the console's
 * Chinese label in brackets, letting a reader find the field on a Chinese screen. The zh-CN catalogue gives
 * the Chinese label alone.
 */
export const hostMessages = {
  'managed-by-microsoft':
    "Microsoft manages this domain's DNS records; change them in the Microsoft 365 admin center (Settings > Domains)",
  'managed-by-21vianet':
    "Microsoft manages this domain's DNS records for 21Vianet; change them in the Microsoft 365 admin center operated by 21Vianet (Settings > Domains)",
  generic: {
    name: 'Your DNS host',
    detected: "We couldn't tell which company hosts this domain's DNS from its name servers.",
    'no-name-servers': "We couldn't read this domain's name servers, so we don't know who hosts its DNS.",
    steps: 'Follow the steps for any DNS host. Your host may use different names for the fields.',
  },
  detected: {
    high: "This domain's DNS is hosted at {host}.",
    medium: "This domain's DNS is probably hosted at {host}.",
    low: "This domain's DNS may be hosted at {host}.",
  },
  mixed:
    'The name servers of this domain belong to more than one DNS host. Make the change where the zone is managed, and check the other host too.',
  confidence: {
    high: 'Recognised',
    medium: 'Probably',
    low: 'Possibly',
    none: 'Not recognised',
  },
  instructions: {
    microsoft: "Microsoft's steps for {host}",
    host: "{host}'s help page for adding records",
    generic: "Microsoft's steps for any DNS host",
    cloud: "Microsoft's DNS records for your cloud (GCC High or DoD)",
  },
  'commercial-examples':
    'Its example values are for commercial Microsoft 365. Use the values from the page above (or from the fix list), not the examples.',
  region: {
    global: 'Global',
    china: 'China',
  },
  field: {
    type: 'Type',
    'record-type': 'Record type',
    'resource-record-type': 'Resource record type',
    name: 'Name',
    host: 'Host',
    'host-name': 'Host name',
    'host-record': 'Host record',
    'record-name': 'Record name',
    'dns-name': 'DNS name',
    subdomain: 'Subdomain',
    value: 'Value',
    'points-to': 'Points to address or value',
    'points-to-short': 'Points to',
    target: 'Target',
    content: 'Content',
    alias: 'Alias',
    'canonical-name': 'Canonical name',
    'mail-server': 'Mail server',
    'mail-exchange': 'Mail exchange',
    'preference-and-mail-server': 'Preference and mail server',
    nameserver: 'Nameserver',
    'ip-address': 'IP address',
    'ipv4-address': 'IPv4 address',
    'ipv6-address': 'IPv6 address',
    'txt-value': 'TXT value',
    ttl: 'TTL',
    'ttl-seconds': 'TTL (seconds)',
    priority: 'Priority',
    preference: 'Preference',
    weight: 'Weight',
    port: 'Port',
    service: 'Service',
    protocol: 'Protocol',
    alibaba: {
      host: 'Host record (主机记录)',
      type: 'Record type (记录类型)',
      value: 'Record value (记录值)',
      ttl: 'TTL',
      priority: 'MX priority (MX优先级)',
    },
    dnspod: {
      host: 'Host record (主机记录)',
      type: 'Record type (记录类型)',
      value: 'Record value (记录值)',
      ttl: 'TTL',
      priority: 'MX priority (MX优先级)',
    },
    huawei: {
      host: 'Host record (主机记录)',
      type: 'Type (类型)',
      value: 'Value (值)',
      ttl: 'TTL (seconds) (TTL (秒))',
    },
    cn: {
      host: 'Host record (主机记录)',
      type: 'Record type (记录类型)',
      value: 'Record value (记录值)',
      ttl: 'TTL',
      priority: 'MX priority (MX优先级)',
      weight: 'Weight (权重)',
      port: 'Port (端口)',
      service: 'Service (服务)',
      protocol: 'Protocol (协议)',
    },
  },
  note: {
    'host-label-only':
      'Enter only {host} in the {field} field, not {name}. Most DNS hosts add the domain name themselves, so the full name would become {doubled}.',
    'host-fqdn': 'Enter the full name {host} in the {field} field.',
    'apex-empty': 'Leave the {field} field empty: that means the domain {zone} itself.',
    'outside-zone': '{name} is not inside {zone}. Add it in the zone that holds {name}, using its full name.',
    'trailing-dot-required': 'The value must end with a period: {value}',
    'trailing-dot-forbidden': "The value can't end with a period: enter {value}",
    'srv-name-only': 'This host has no Service and Protocol fields: enter {host} in the {field} field.',
    'srv-target-combined':
      'This host has no separate Priority, Weight and Port fields: enter {value} in the {field} field.',
    'srv-if-no-service-fields': 'If your host has no Service and Protocol fields, enter {host} in the {field} field.',
    'srv-if-no-number-fields':
      'If your host has no Priority, Weight and Port fields, enter {value} in the {field} field.',
    'mx-combined': 'This host has no separate priority field: enter the priority and the mail server together: {value}',
    'txt-quoted': 'Keep the double quotes around the value.',
    'proxy-dns-only':
      "Set the proxy status of {host} to DNS only (grey cloud). A proxied record answers with Cloudflare's own addresses instead of the CNAME, so Microsoft 365 can't find it.",
    'line-default': 'Leave the line (线路) setting at Default (默认).',
    'line-default-alibaba': 'Leave Request source (解析请求来源) at Default (默认).',
    'line-default-dnspod': 'Leave Line type (线路类型) at Default (默认).',
    'line-default-huawei': 'Leave Line type (线路类型) at Default (全网默认).',
    'huawei-alias-off':
      "Leave the Alias (别名) switch at No (否). It links the record set to a Huawei Cloud service; it isn't a CNAME alias.",
  },
};

import { describe, expect, it } from 'vitest';
import type { Fix } from '@/lib/schema';
import { GENERIC_HOST, type HostId, hostById } from './catalogue';
import { formatFixForHost } from './format';
import type { HostEntry } from './types';

const ZONE = 'contoso.test';
const TARGET = 'clientconfig.partner.microsoftonline-p.net.cn';
const SIPFED = 'sipfed.online.lync.com';
const MX_HOST = 'contoso-test.mail.protection.outlook.com';
const SPF = 'v=spf1 include:spf.protection.outlook.com -all';

const cname: Fix = { op: 'add', name: `msoid.${ZONE}`, host: 'msoid', type: 'CNAME', value: TARGET, ttl: 3600 };
const srv: Fix = {
  op: 'add',
  name: `_sipfederationtls._tcp.${ZONE}`,
  host: '_sipfederationtls._tcp',
  type: 'SRV',
  value: `100 1 5061 ${SIPFED}`,
  ttl: 3600,
};
const mx: Fix = { op: 'add', name: ZONE, host: '@', type: 'MX', value: `0 ${MX_HOST}`, ttl: 3600 };
const txt: Fix = { op: 'add', name: ZONE, host: '@', type: 'TXT', value: SPF, ttl: 3600 };

function host(id: HostId): HostEntry {
  const h = hostById(id);
  if (!h) throw new Error(`no host ${id}`);
  return h;
}

/** `key=value` per field, in order: compact and readable in a table. */
function layout(fix: Fix, id: HostId, zone = ZONE): string[] {
  return formatFixForHost(fix, zone, host(id)).fields.map((f) => `${f.key}=${f.value}`);
}
function labels(fix: Fix, id: HostId): string[] {
  return formatFixForHost(fix, ZONE, host(id)).fields.map((f) => f.labelCode);
}
function noteCodes(fix: Fix, id: HostId, zone = ZONE): string[] {
  return formatFixForHost(fix, zone, host(id)).notes.map((n) => n.code);
}

describe('formatFixForHost: field layout per host', () => {
  const rows: ReadonlyArray<[label: string, fix: Fix, id: HostId, fields: string[]]> = [
    [
      'GoDaddy CNAME: label only, value ends with a period',
      cname,
      'godaddy',
      ['type=CNAME', 'host=msoid', `value=${TARGET}.`, 'ttl=3600'],
    ],
    [
      'Network Solutions CNAME: no trailing dot, even if the fix had one',
      { ...cname, value: `${TARGET}.` },
      'network-solutions',
      ['type=CNAME', 'host=msoid', `value=${TARGET}`, 'ttl=3600'],
    ],
    ['Cloudflare CNAME', cname, 'cloudflare', ['type=CNAME', 'host=msoid', `value=${TARGET}`, 'ttl=3600']],
    ['OVH CNAME: trailing dot', cname, 'ovh', ['type=CNAME', 'host=msoid', 'ttl=3600', `value=${TARGET}.`]],
    [
      'subdomain: host field is relative to the registrable zone',
      { ...cname, name: `msoid.sub.${ZONE}` },
      'godaddy',
      ['type=CNAME', 'host=msoid.sub', `value=${TARGET}.`, 'ttl=3600'],
    ],
    ['Route 53: record name first', cname, 'route-53', ['host=msoid', 'type=CNAME', `value=${TARGET}`, 'ttl=3600']],
    [
      'GoDaddy MX at the apex: @ and a priority field',
      mx,
      'godaddy',
      ['type=MX', 'host=@', `value=${MX_HOST}.`, 'priority=0', 'ttl=3600'],
    ],
    [
      'Route 53 MX at the apex: empty name, combined value',
      mx,
      'route-53',
      ['host=', 'type=MX', `value=0 ${MX_HOST}`, 'ttl=3600'],
    ],
    ['Huawei MX: combined into 值', mx, 'huawei-cloud-dns', ['host=', 'type=MX', 'ttl=3600', `value=0 ${MX_HOST}`]],
    [
      'Alibaba MX: MX优先级 field',
      mx,
      'alibaba-cloud-dns',
      ['type=MX', 'host=@', `value=${MX_HOST}`, 'priority=0', 'ttl=3600'],
    ],
    ['Route 53 TXT: quoted', txt, 'route-53', ['host=', 'type=TXT', `value="${SPF}"`, 'ttl=3600']],
    ['GoDaddy TXT: as is', txt, 'godaddy', ['type=TXT', 'host=@', `value=${SPF}`, 'ttl=3600']],
    [
      'GoDaddy SRV: separate Service and Protocol fields',
      srv,
      'godaddy',
      [
        'type=SRV',
        'service=_sipfederationtls',
        'protocol=_tcp',
        'host=@',
        `value=${SIPFED}.`,
        'priority=100',
        'weight=1',
        'port=5061',
        'ttl=3600',
      ],
    ],
    [
      'Cloudflare SRV: service and protocol in Name',
      srv,
      'cloudflare',
      [
        'type=SRV',
        'host=_sipfederationtls._tcp',
        `value=${SIPFED}`,
        'priority=100',
        'weight=1',
        'port=5061',
        'ttl=3600',
      ],
    ],
    [
      'Azure DNS SRV: name-only',
      srv,
      'azure-dns',
      [
        'host=_sipfederationtls._tcp',
        'type=SRV',
        'ttl=3600',
        'priority=100',
        'weight=1',
        'port=5061',
        `value=${SIPFED}`,
      ],
    ],
    [
      'Alibaba SRV: everything in 记录值',
      srv,
      'alibaba-cloud-dns',
      ['type=SRV', 'host=_sipfederationtls._tcp', `value=100 1 5061 ${SIPFED}.`, 'ttl=3600'],
    ],
    [
      'Network Solutions SRV: combined hint without a dot',
      srv,
      'network-solutions',
      [
        'type=SRV',
        'service=_sipfederationtls',
        'protocol=_tcp',
        'host=@',
        `value=${SIPFED}`,
        'priority=100',
        'weight=1',
        'port=5061',
        'ttl=3600',
      ],
    ],
    [
      'SRV below a subdomain keeps the rest in Name',
      { ...srv, name: `_sipfederationtls._tcp.sub.${ZONE}` },
      'godaddy',
      [
        'type=SRV',
        'service=_sipfederationtls',
        'protocol=_tcp',
        'host=sub',
        `value=${SIPFED}.`,
        'priority=100',
        'weight=1',
        'port=5061',
        'ttl=3600',
      ],
    ],
    [
      'unparseable SRV value is passed through',
      { ...srv, value: 'garbage' },
      'cloudflare',
      ['type=SRV', 'host=_sipfederationtls._tcp', 'value=garbage', 'ttl=3600'],
    ],
    [
      'name outside the zone is given in full',
      { ...cname, name: 'msoid.fabrikam.test' },
      'godaddy',
      ['type=CNAME', 'host=msoid.fabrikam.test', `value=${TARGET}.`, 'ttl=3600'],
    ],
    [
      'wildcard delete',
      { ...cname, op: 'delete', name: `*.${ZONE}`, host: '*', value: 'old.example.test' },
      'cloudflare',
      ['type=CNAME', 'host=*', 'value=old.example.test', 'ttl=3600'],
    ],
    [
      'A record',
      { ...cname, type: 'A', value: '192.0.2.1' },
      'cloudflare',
      ['type=A', 'host=msoid', 'value=192.0.2.1', 'ttl=3600'],
    ],
  ];
  it.each(rows)('%s', (_label, fix, id, fields) => {
    expect(layout(fix, id)).toEqual(fields);
  });

  it('copyValue is the value field as the host wants it pasted', () => {
    expect(formatFixForHost(cname, ZONE, host('godaddy')).copyValue).toBe(`${TARGET}.`);
    expect(formatFixForHost(srv, ZONE, host('alibaba-cloud-dns')).copyValue).toBe(`100 1 5061 ${SIPFED}.`);
    expect(formatFixForHost(txt, ZONE, host('route-53')).copyValue).toBe(`"${SPF}"`);
  });

  it('keeps the canonical fix untouched', () => {
    const fix = { ...cname };
    expect(formatFixForHost(fix, ZONE, host('godaddy')).canonical).toEqual(cname);
  });
});

describe('formatFixForHost: field names', () => {
  const rows: ReadonlyArray<[label: string, fix: Fix, id: HostId, codes: string[]]> = [
    [
      'Cloudflare CNAME value is Target',
      cname,
      'cloudflare',
      ['hosts.field.type', 'hosts.field.name', 'hosts.field.target', 'hosts.field.ttl'],
    ],
    [
      'Cloudflare TXT value is Content',
      txt,
      'cloudflare',
      ['hosts.field.type', 'hosts.field.name', 'hosts.field.content', 'hosts.field.ttl'],
    ],
    [
      'Azure MX priority is Preference',
      mx,
      'azure-dns',
      [
        'hosts.field.name',
        'hosts.field.type',
        'hosts.field.ttl',
        'hosts.field.preference',
        'hosts.field.mail-exchange',
      ],
    ],
    [
      'Alibaba uses its own codes',
      cname,
      'alibaba-cloud-dns',
      ['hosts.field.alibaba.type', 'hosts.field.alibaba.host', 'hosts.field.alibaba.value', 'hosts.field.alibaba.ttl'],
    ],
    [
      'DNSPod uses its own codes',
      cname,
      'dnspod',
      ['hosts.field.dnspod.host', 'hosts.field.dnspod.type', 'hosts.field.dnspod.value', 'hosts.field.dnspod.ttl'],
    ],
    [
      'Huawei uses its own codes',
      cname,
      'huawei-cloud-dns',
      ['hosts.field.huawei.host', 'hosts.field.huawei.type', 'hosts.field.huawei.ttl', 'hosts.field.huawei.value'],
    ],
    [
      'generic TXT value is TXT value',
      txt,
      'generic',
      ['hosts.field.type', 'hosts.field.host-name', 'hosts.field.txt-value', 'hosts.field.ttl'],
    ],
  ];
  it.each(rows)('%s', (_label, fix, id, codes) => {
    expect(labels(fix, id)).toEqual(codes);
  });
});

describe('formatFixForHost: notes', () => {
  const rows: ReadonlyArray<[label: string, fix: Fix, id: HostId, codes: string[]]> = [
    ['GoDaddy CNAME', cname, 'godaddy', ['hosts.note.host-label-only', 'hosts.note.trailing-dot-required']],
    [
      'Network Solutions CNAME',
      cname,
      'network-solutions',
      ['hosts.note.host-label-only', 'hosts.note.trailing-dot-forbidden'],
    ],
    ['Cloudflare CNAME: proxy off', cname, 'cloudflare', ['hosts.note.proxy-dns-only']],
    [
      'Cloudflare A: proxy off',
      { ...cname, type: 'A', value: '192.0.2.1' },
      'cloudflare',
      ['hosts.note.proxy-dns-only'],
    ],
    ['Cloudflare TXT: no proxy note', txt, 'cloudflare', []],
    ['Cloudflare delete: no pitfalls', { ...cname, op: 'delete' }, 'cloudflare', []],
    ['GoDaddy MX at the apex: no label note', mx, 'godaddy', ['hosts.note.trailing-dot-required']],
    ['Route 53 MX at the apex', mx, 'route-53', ['hosts.note.apex-empty', 'hosts.note.mx-combined']],
    ['Route 53 TXT', txt, 'route-53', ['hosts.note.apex-empty', 'hosts.note.txt-quoted']],
    ['Cloudflare SRV: name-only', srv, 'cloudflare', ['hosts.note.srv-name-only']],
    [
      'Alibaba SRV: name and combined value',
      srv,
      'alibaba-cloud-dns',
      [
        'hosts.note.host-label-only',
        'hosts.note.srv-name-only',
        'hosts.note.srv-target-combined',
        'hosts.note.line-default-alibaba',
      ],
    ],
    [
      'generic SRV: both "if your host has no … fields" hints',
      srv,
      'generic',
      ['hosts.note.srv-if-no-service-fields', 'hosts.note.srv-if-no-number-fields'],
    ],
    [
      'Huawei MX: combined value, alias switch, line',
      mx,
      'huawei-cloud-dns',
      [
        'hosts.note.apex-empty',
        'hosts.note.mx-combined',
        'hosts.note.huawei-alias-off',
        'hosts.note.line-default-huawei',
      ],
    ],
    ['Microsoft-managed DNS', cname, 'microsoft-365', ['hosts.managed-by-microsoft', 'hosts.note.host-label-only']],
    ['21Vianet-managed DNS', cname, '21vianet-managed', ['hosts.managed-by-21vianet', 'hosts.note.host-label-only']],
    ['managed DNS, delete', { ...cname, op: 'delete' }, 'microsoft-365', ['hosts.managed-by-microsoft']],
    [
      'outside the zone',
      { ...cname, name: 'msoid.fabrikam.test' },
      'godaddy',
      ['hosts.note.outside-zone', 'hosts.note.trailing-dot-required'],
    ],
  ];
  it.each(rows)('%s', (_label, fix, id, codes) => {
    expect(noteCodes(fix, id)).toEqual(codes);
  });

  it('GoDaddy: tells the user to type only the label, with the doubled name it would otherwise make', () => {
    const note = formatFixForHost(cname, ZONE, host('godaddy')).notes[0];
    expect(note).toEqual({
      code: 'hosts.note.host-label-only',
      params: {
        host: 'msoid',
        name: `msoid.${ZONE}`,
        doubled: `msoid.${ZONE}.${ZONE}`,
        field: 'hosts.field.name',
      },
    });
  });

  it('trailing-dot notes carry the exact value to enter', () => {
    expect(formatFixForHost(cname, ZONE, host('network-solutions')).notes[1]).toEqual({
      code: 'hosts.note.trailing-dot-forbidden',
      params: { value: TARGET },
    });
  });

  it('SRV hints carry the Name and the combined Target of Microsoft’s generic page', () => {
    expect(formatFixForHost(srv, ZONE, GENERIC_HOST).notes).toEqual([
      {
        code: 'hosts.note.srv-if-no-service-fields',
        params: { host: '_sipfederationtls._tcp', field: 'hosts.field.host-name' },
      },
      {
        code: 'hosts.note.srv-if-no-number-fields',
        params: { value: `100 1 5061 ${SIPFED}.`, field: 'hosts.field.target' },
      },
    ]);
    expect(formatFixForHost(srv, ZONE, host('network-solutions')).notes.at(-2)).toEqual({
      code: 'hosts.note.srv-if-no-number-fields',
      params: { value: `100 1 5061 ${SIPFED}`, field: 'hosts.field.target' },
    });
  });

  it('Cloudflare proxy note names the record', () => {
    expect(formatFixForHost(cname, ZONE, host('cloudflare')).notes).toEqual([
      { code: 'hosts.note.proxy-dns-only', params: { host: 'msoid' } },
    ]);
  });
});

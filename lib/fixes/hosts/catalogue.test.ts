import { describe, expect, it } from 'vitest';
import { hostMessages } from '@/lib/messages/en/hosts';
import { type Catalogue, formatRef, lookupTemplate } from '@/lib/messages/format';
import { type Fix, RECORD_TYPES } from '@/lib/schema';
import { GENERIC_HOST, HOSTS, hostById, hostDisplayName } from './catalogue';
import { formatFixForHost, labelFor } from './format';
import { compilePattern } from './pattern';
import { FIELD_KEYS, type FieldLabel, type HostEntry } from './types';

const catalogue: Catalogue = { hosts: hostMessages };
const all: readonly HostEntry[] = HOSTS;

function labelCodes(label: FieldLabel | undefined): string[] {
  if (label === undefined) return [];
  return typeof label === 'string' ? [label] : Object.values(label);
}

describe('host catalogue data', () => {
  /** Developer pages, not help for admins at a console (docs/m365-dns-facts.md §host-links-china). */
  const API_REFERENCE = [/\/api\//i, /api-reference/i, /AddDomainRecord/i, /\/document\/api\//i];

  it('every instructions link is https and a help page, never an API reference', () => {
    for (const host of all) {
      for (const url of [host.instructions.url, host.instructions.urlZh].filter((u) => u !== undefined)) {
        expect(url, host.id).toMatch(/^https:\/\/[^/]+\//);
        for (const pattern of API_REFERENCE) expect(url, `${host.id}: ${url}`).not.toMatch(pattern);
      }
    }
  });

  it('the API-reference check refuses the links the catalogue used to have', () => {
    for (const old of [
      'https://www.alibabacloud.com/help/en/dns/api-alidns-2015-01-09-adddomainrecord',
      'https://cloud.tencent.com/document/api/1427/56180',
    ]) {
      expect(
        API_REFERENCE.some((p) => p.test(old)),
        old,
      ).toBe(true);
    }
  });

  it('hosts in China with a help page of their own link it in Chinese too', () => {
    for (const id of ['alibaba-cloud-dns', 'dnspod', 'huawei-cloud-dns']) {
      const host = hostById(id) as HostEntry;
      expect(host.instructions.kind, id).toBe('host');
      expect(host.instructions.urlZh, id).toMatch(/^https:\/\//);
    }
  });

  it('every host in China (21Vianet included) has a Chinese name, in Han script; no other host has one', () => {
    const named = all.filter((h) => h.nameZh !== undefined);
    expect(named.map((h) => h.id)).toEqual(all.filter((h) => h.region === 'china').map((h) => h.id));
    for (const host of named) {
      expect(host.nameZh).toMatch(/\p{Script=Han}/u);
      expect(host.nameZh).not.toBe(host.name);
    }
  });

  it('a page names the host in its language: the Chinese name on zh-CN when there is one, else the brand', () => {
    const alibaba = hostById('alibaba-cloud-dns') as HostEntry;
    expect(hostDisplayName(alibaba, 'zh-CN')).toBe('阿里云 云解析 DNS（万网）');
    expect(hostDisplayName(alibaba, 'en')).toBe('Alibaba Cloud DNS (HiChina / 万网)');
    const godaddy = hostById('godaddy') as HostEntry;
    expect(hostDisplayName(godaddy, 'zh-CN')).toBe('GoDaddy');
    expect(hostDisplayName({ name: 'X', nameZh: '' }, 'zh-CN')).toBe('X');
  });

  it('ids are unique kebab-case', () => {
    const ids = all.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('the generic fallback has no patterns; every other host has at least one', () => {
    expect(GENERIC_HOST.id).toBe('generic');
    expect(GENERIC_HOST.patterns).toEqual([]);
    expect(all.filter((h) => h.id !== 'generic' && h.patterns.length === 0).map((h) => h.id)).toEqual([]);
  });

  it('hostById finds entries and misses unknown ids', () => {
    expect(hostById('cloudflare')?.name).toBe('Cloudflare');
    expect(hostById('nope')).toBeUndefined();
  });

  it.each(all.map((h) => [h.id, h] as const))('%s: patterns compile', (_id, h) => {
    for (const p of h.patterns) expect(() => compilePattern(p.pattern)).not.toThrow();
  });

  it.each(all.map((h) => [h.id, h] as const))('%s: instructions link is https and matches its kind', (_id, h) => {
    expect(h.instructions.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    if (h.instructions.kind === 'generic')
      expect(h.instructions.url).toMatch(/create-dns-records-at-any-dns-hosting-provider$/);
    if (h.instructions.kind === 'microsoft') {
      expect(h.instructions.url.startsWith('https://learn.microsoft.com/en-us/microsoft-365/admin/')).toBe(true);
    }
  });

  it.each(all.map((h) => [h.id, h] as const))('%s: form layout is complete', (_id, h) => {
    const { order, fieldNames, srvFields } = h.format;
    expect(new Set(order).size).toBe(order.length);
    for (const key of ['host', 'type', 'value', 'ttl'] as const) expect(order).toContain(key);
    if (srvFields !== 'target-combined') {
      for (const key of ['priority', 'weight', 'port'] as const) {
        expect(fieldNames[key]).toBeDefined();
        expect(order).toContain(key);
      }
    }
    if (srvFields === 'separate') {
      for (const key of ['service', 'protocol'] as const) {
        expect(fieldNames[key]).toBeDefined();
        expect(order).toContain(key);
      }
    }
    if (fieldNames.priority) expect(order).toContain('priority');
    for (const key of order) expect(FIELD_KEYS).toContain(key);
  });

  it('only the two Microsoft-run zones are managed by Microsoft', () => {
    expect(all.filter((h) => h.managedByMicrosoft).map((h) => h.id)).toEqual(['microsoft-365', '21vianet-managed']);
  });
});

describe('host messages', () => {
  it.each(all.map((h) => [h.id, h] as const))('%s: every field label and fixed note has English text', (_id, h) => {
    const codes = [...Object.values(h.format.fieldNames).flatMap(labelCodes), ...(h.format.extraNotes ?? [])];
    for (const code of codes) expect(lookupTemplate(catalogue, code), code).toBeTypeOf('string');
  });

  it('the required top-level texts exist', () => {
    expect(lookupTemplate(catalogue, 'hosts.managed-by-microsoft')).toBe(
      "Microsoft manages this domain's DNS records; change them in the Microsoft 365 admin center (Settings > Domains)",
    );
    for (const code of ['hosts.generic.name', 'hosts.mixed', 'hosts.detected.high', 'hosts.instructions.generic']) {
      expect(lookupTemplate(catalogue, code), code).toBeTypeOf('string');
    }
  });

  const fixes: Fix[] = [
    { op: 'add', name: 'msoid.contoso.test', host: 'msoid', type: 'CNAME', value: 'a.example.test', ttl: 3600 },
    { op: 'add', name: 'contoso.test', host: '@', type: 'MX', value: '0 mx.example.test', ttl: 3600 },
    { op: 'add', name: 'contoso.test', host: '@', type: 'TXT', value: 'v=spf1 -all', ttl: 3600 },
    {
      op: 'add',
      name: '_sip._tls.contoso.test',
      host: '_sip._tls',
      type: 'SRV',
      value: '100 1 443 s.example.test',
      ttl: 3600,
    },
    { op: 'add', name: 'x.contoso.test', host: 'x', type: 'A', value: '192.0.2.1', ttl: 3600 },
    { op: 'change', name: 'msoid.fabrikam.test', host: 'msoid', type: 'CNAME', value: 'a.example.test', ttl: 3600 },
    { op: 'delete', name: 'msoid.contoso.test', host: 'msoid', type: 'NS', value: 'ns.example.test', ttl: 3600 },
  ];
  it.each(all.map((h) => [h.id, h] as const))(
    '%s: every emitted label and note resolves with all its params filled',
    (_id, h) => {
      for (const fix of fixes) {
        const out = formatFixForHost(fix, 'contoso.test', h);
        for (const f of out.fields) expect(lookupTemplate(catalogue, f.labelCode), f.labelCode).toBeTypeOf('string');
        for (const note of out.notes) {
          expect(lookupTemplate(catalogue, note.code), note.code).toBeTypeOf('string');
          expect(formatRef(catalogue, note)).not.toMatch(/\{\w+\}/);
        }
      }
    },
  );

  it('labelFor picks the per-type code, else the default', () => {
    const label = { default: 'd', CNAME: 'c' };
    expect(RECORD_TYPES.map((t) => labelFor(label, t))).toEqual(['d', 'd', 'c', 'd', 'd', 'd', 'd', 'd']);
    expect(labelFor('plain', 'MX')).toBe('plain');
  });
});

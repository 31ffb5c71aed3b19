/**
 * Host notes name a form field the way that host's console does, in the reader's language (issue 15 item 9):
 * DNSPod's 主机记录, not a generic 名称字段; and each Chinese host gets its own line tip (no Huawei tip on Alibaba).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '@/lib/messages/format';
import { en, zhCN } from '@/lib/messages/index';
import type { Fix } from '@/lib/schema';
import { renderHostNote } from './host-fixes';
import { type HostId, hostById } from './hosts/catalogue';
import { formatFixForHost } from './hosts/format';

const ZONE = 'contoso.test';
const cname: Fix = {
  op: 'add',
  name: `msoid.${ZONE}`,
  host: 'msoid',
  type: 'CNAME',
  value: 'clientconfig.partner.microsoftonline-p.net.cn',
  ttl: 3600,
};

function notes(fix: Fix, id: HostId, catalogue: Catalogue = zhCN): string[] {
  const host = hostById(id);
  if (host === undefined) throw new Error(id);
  return formatFixForHost(fix, ZONE, host).notes.map((n) => renderHostNote(catalogue, n));
}

describe('notes name the field as the host console does', () => {
  it.each([
    ['dnspod', cname, '主机记录'],
    ['alibaba-cloud-dns', cname, '主机记录'],
    ['route-53', cname, '记录名称'],
  ] as const)('%s', (id, fix, field) => {
    const text = notes(fix, id).join('\n');
    expect(text).toContain(`“${field}”`);
    expect(text).not.toMatch(/名称字段|主机字段|值字段|目标字段/);
  });

  it('in English too, with the host’s own label', () => {
    expect(notes(cname, 'dnspod', en).join('\n')).toMatch(/Enter only msoid in the Host record \(主机记录\) field/);
  });
});

describe('each Chinese host gets its own line tip', () => {
  it('Alibaba: 解析请求来源, no Huawei tip', () => {
    const text = notes(cname, 'alibaba-cloud-dns').join('\n');
    expect(text).toContain('解析请求来源');
    expect(text).not.toMatch(/华为|全网默认|别名/);
  });
  it('DNSPod: 线路类型 at 默认', () => {
    const text = notes(cname, 'dnspod').join('\n');
    expect(text).toContain('“线路类型”保持为“默认”');
    expect(text).not.toMatch(/华为|全网默认/);
  });
  it('Huawei: 全网默认 and the alias switch', () => {
    const text = notes(cname, 'huawei-cloud-dns').join('\n');
    expect(text).toContain('全网默认');
    expect(text).toContain('别名');
  });
});

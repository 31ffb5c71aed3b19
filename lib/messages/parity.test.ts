/**
 * The zh-CN catalogue against the English one: the same codes, the same `{param}`s per code, the DNS literals
 * and acronyms kept, the glossary's terms used and its known mistranslations absent.
 * The terms are the ones Microsoft's Chinese pages and the hosts' Chinese consoles use.
 */
import { describe, expect, test } from 'vitest';
import type { Catalogue } from './format';
import { en, zhCN } from './index';

function flatten(catalogue: Catalogue, prefix = ''): Array<[string, string]> {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const enMap = new Map(flatten(en));
const zhMap = new Map(flatten(zhCN));
const both = [...enMap.keys()].filter((code) => zhMap.has(code));
const zh = (code: string) => zhMap.get(code) ?? '';
const params = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

test('the walk finds every namespace', () => {
  expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  expect(enMap.size).toBeGreaterThan(500);
});

test('every English code has a Chinese text', () => {
  expect([...enMap.keys()].filter((code) => !zhMap.has(code))).toEqual([]);
});

test('the Chinese catalogue has no code English lacks', () => {
  expect([...zhMap.keys()].filter((code) => !enMap.has(code))).toEqual([]);
});

test.each(both)('%s has the same {params}', (code) => {
  expect(params(zh(code))).toEqual(params(enMap.get(code) ?? ''));
});

/** DNS literals and protocol acronyms are data, never translated: every one in the English text stays. */
const LITERAL =
  /(?:[a-z0-9-]+)?(?:\.[a-z0-9-]+)+|xn--|\[[-+]x\]|\(\*\)|\b(?:CNAME|MX|TXT|SRV|SPF|DKIM|DMARC|TTL|SERVFAIL|DNSSEC|DANE|TCP|RCODE|IP|GCC|DoD|Teams|Intune|Exchange|Outlook|PowerShell|Cloudflare)\b/g;
test.each(both.filter((code) => (enMap.get(code) ?? '').match(LITERAL)))('%s keeps its DNS literals', (code) => {
  const literals = [...new Set((enMap.get(code) ?? '').replace(/\{\w+\}/g, ' ').match(LITERAL) ?? [])];
  // Chinese text writes the English brackets full-width (`（*）`); the literal inside stays.
  const text = zh(code).replace(/（/g, '(').replace(/）/g, ')');
  for (const literal of literals) expect(text, literal).toContain(literal);
});

/** Texts with no Chinese at all: product names, record types, and layout-only templates. Anything else is untranslated. */
const NO_CHINESE_BY_DESIGN = new Set([
  'cloud.name.gcc',
  'cloud.name.gcchigh',
  'cloud.name.dod',
  'cloud.hint.gcchigh',
  'cloud.hint.dod',
  'hosts.field.ttl',
  'hosts.field.alibaba.ttl',
  'hosts.field.dnspod.ttl',
  'hosts.field.cn.ttl',
  'language.name.en',
  'records.label.msoid',
  'records.label.spf',
  'records.label.dmarc',
  'records.label.sip',
  'records.label.lyncdiscover',
  'records.label.sip-tls',
  'records.service.teams',
  'records.service.intune',
  'records.service.dkim',
  'records.service.dmarc',
  'ui.form.services.teams',
  'ui.cloudChoice.gcc',
  'ui.cloudChoice.gcchigh',
  'ui.cloudChoice.dod',
  'ui.table.status',
  'ui.table.msoidLabel',
  'ui.health.separator',
  'ui.records.none',
  'ui.records.spf.heading',
  'ui.fixes.canonicalLine',
  'ui.form.twoSentences',
  'ui.details.fixTtl',
  'ui.details.meta',
  'ui.lookup.rcode',
  'ui.lookup.tcp',
  'ui.lookup.none',
  'ui.lookup.ttl',
  'ui.lookup.hop',
  'ui.lookup.overTcp',
  'ui.lookup.answer',
]);
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

test.each([...zhMap.keys()].filter((code) => !NO_CHINESE_BY_DESIGN.has(code)))('%s is in Chinese', (code) => {
  expect(zh(code)).toMatch(CHINESE);
});

describe('glossary', () => {
  const all = [...zhMap.entries()];

  test.each([
    { label: '21Vianet is never mistranslated (世纪银行, 世纪通, 世纪网)', bad: /世纪银行|世纪通|世纪网/ },
    { label: 'the worldwide cloud is 全球, not 全局 (全局管理员 is fine)', bad: /全局(?!管理员)/ },
    { label: 'GCC High and DoD stay in English', bad: /GCC ?高|高 ?GCC|国防部|美国军事/ },
    { label: 'Azure AD is not 活动目录; the admin center is not 管理员中心', bad: /活动目录|管理员中心/ },
    { label: 'weight is 权重, never the MT 粗细', bad: /粗细/ },
    { label: 'no ASCII apostrophe (it is ICU syntax, and Chinese does not need it)', bad: /'/ },
    {
      label: 'full-width punctuation next to Chinese',
      bad: /[\u4e00-\u9fff][,;!?]|[,;!?][\u4e00-\u9fff]|[\u4e00-\u9fff]\.(?![a-z])/,
    },
  ])('$label', ({ bad }) => {
    expect(all.filter(([, text]) => bad.test(text)).map(([code]) => code)).toEqual([]);
  });

  test.each(both.filter((code) => /operated by 21Vianet/.test(enMap.get(code) ?? '')))(
    '%s says 由世纪互联运营的',
    (code) => {
      expect(zh(code)).toContain('由世纪互联运营的');
    },
  );

  test.each(both.filter((code) => /\b21Vianet\b/.test(enMap.get(code) ?? '')))('%s names 世纪互联', (code) => {
    expect(zh(code)).toContain('世纪互联');
  });

  test.each(both.filter((code) => /\b[Ww]orldwide\b/.test(enMap.get(code) ?? '')))('%s says 全球', (code) => {
    expect(zh(code)).toContain('全球');
  });

  /** "Could not check" is its own state: never worded as missing (缺失/缺少), always 无法检查. */
  const COULD_NOT_CHECK = [
    'msoid.status.lookup-failed',
    'msoid.severity.unchecked',
    'records.status.lookup-failed',
    'records.health.could-not-check',
    'ui.health.counts.couldNotCheck.other',
    'ui.records.group.unchecked.other',
  ];
  test.each(COULD_NOT_CHECK)('%s says 无法检查 and nothing about missing', (code) => {
    expect(zh(code)).toContain('无法检查');
    expect(zh(code)).not.toMatch(/缺/);
  });
  test.each(
    both.filter((code) => /could not be checked|could not check|couldn’t be checked/i.test(enMap.get(code) ?? '')),
  )('%s (a could-not-check text) never says missing', (code) => {
    expect(zh(code)).not.toMatch(/缺失|缺少/);
  });

  test.each([
    ['msoid.status.ok', '正常'],
    ['records.status.ok', '正常'],
    ['records.health.healthy', '正常'],
    ['records.health.needs-attention', '需要注意'],
    ['records.health.broken', '故障'],
    ['msoid.status.missing', '缺失'],
    ['records.status.missing', '缺失'],
    ['msoid.status.must-remove', '必须删除'],
    ['records.status.must-remove', '必须删除'],
    ['msoid.status.wrong-target', '指向地址不正确'],
    ['ui.table.recheck', '重新检查'],
    ['ui.details.copy', '复制'],
    ['ui.details.copied', '已复制'],
    ['ui.details.technicalHeading', '技术详细信息'],
    ['ui.details.fixHost', '主机记录'],
    ['ui.details.fixValue', '记录值'],
    ['hosts.field.alibaba.host', '主机记录'],
    ['hosts.field.alibaba.value', '记录值'],
    ['hosts.field.alibaba.priority', 'MX优先级'],
    ['hosts.field.huawei.type', '类型'],
    ['hosts.field.huawei.value', '值'],
    ['hosts.field.points-to', '指向地址或值'],
    ['msoid.impact.missing', '美国的默认身份验证终结点'],
    ['msoid.impact.ok.21vianet', '你所在位置的正确身份验证终结点'],
  ])('%s uses %s', (code, term) => {
    expect(zh(code)).toContain(term);
  });

  test('the fix steps call the target 指向地址 and the host field 主机记录', () => {
    for (const code of ['msoid.action.add', 'records.action.add']) {
      expect(zh(code)).toContain('指向地址{value}');
      expect(zh(code)).toContain('主机记录{host}');
    }
  });
});

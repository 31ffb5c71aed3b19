import { describe, expect, test } from 'vitest';
import { en, formatRef, zhCN } from '@/lib/messages';
import { parseDomainList } from '@/lib/report/domain-list';
import type { InputPolicy } from '@/lib/schema';
import { checkInput } from './input-check';

const english = { reasonText: (ref: { code: string; params: Record<string, string | number> }) => formatRef(en, ref) };

const policy: InputPolicy = {
  allowTestDomains: true,
  maxDomainsPerRequest: 3,
  maxLines: 6,
  maxLineLength: 1024,
  maxBodyBytes: 4096,
};

describe('checkInput', () => {
  const cases = [
    { label: 'empty box', text: '', domains: 0, invalidLines: [], canSubmit: false, lines: 0 },
    { label: 'one good domain', text: 'ok-21v.test', domains: 1, invalidLines: [], canSubmit: true, lines: 1 },
    {
      label: 'mixed valid and invalid keeps line numbers',
      text: 'ok-21v.test\nhttps://MISSING-21V.test/x\n10.0.0.1\ncontoso\nremove-ww.test',
      domains: 3,
      invalidLines: [3, 4],
      canSubmit: true,
      lines: 5,
    },
    {
      label: 'only invalid entries',
      text: '10.0.0.1\ncontoso',
      domains: 0,
      invalidLines: [1, 2],
      canSubmit: false,
      lines: 2,
    },
    {
      label: 'over the domain cap',
      text: 'a.test b.test c.test d.test',
      domains: 4,
      invalidLines: [],
      canSubmit: false,
      lines: 1,
    },
    { label: 'too many lines', text: 'a.test\n\n\n\n\n\n\n', domains: 1, invalidLines: [], canSubmit: false, lines: 8 },
    {
      label: 'body too large',
      text: `a.test\n${' '.repeat(5000)}`,
      domains: 1,
      invalidLines: [],
      canSubmit: false,
      lines: 2,
    },
  ];
  test.each(cases)('$label', ({ text, domains, invalidLines, canSubmit, lines }) => {
    const result = checkInput(text, 'auto', policy, english);
    expect(result.list.domains.length).toBe(domains);
    expect(result.list.invalid.map((i) => i.line)).toEqual(invalidLines);
    expect(result.canSubmit).toBe(canSubmit);
    expect(result.lineCount).toBe(lines);
  });

  test('test domains follow the server policy', () => {
    expect(checkInput('ok-21v.test', 'auto', { ...policy, allowTestDomains: false }, english).list.domains).toEqual([]);
  });

  test('each limit is reported with its numbers', () => {
    expect(checkInput('a.test b.test c.test d.test', 'auto', policy, english).list.overLimit).toEqual({
      limit: 3,
      count: 4,
    });
    expect(checkInput('a.test\n\n\n\n\n\n\n', 'auto', policy, english).tooManyLines).toEqual({ count: 8, limit: 6 });
    expect(checkInput(`a.test\n${' '.repeat(5000)}`, 'auto', policy, english).tooLarge?.limit).toBe(4096);
  });
});

describe('the page parses the list as the server does', () => {
  const text = 'ok-21v.test\nhttps://MISSING-21V.test/x\n10.0.0.1\ncontoso\nok-21v.test\nwww.remove-ww.test';
  test.each([
    { lang: 'en', catalogue: en },
    { lang: 'zh-CN', catalogue: zhCN },
  ])('$lang: same domains, rejected entries (with reasons) and duplicates', ({ lang, catalogue }) => {
    const page = checkInput(text, 'auto', policy, { lang, reasonText: (ref) => formatRef(catalogue, ref) });
    const server = parseDomainList(text, {
      allowTestDomains: policy.allowTestDomains,
      maxLineLength: policy.maxLineLength,
      maxDomains: policy.maxDomainsPerRequest,
      lang,
    });
    expect(page.list).toEqual(server);
    expect(server.invalid.length).toBe(2);
  });

  test('the language counts towards the body size', () => {
    const tight = { ...policy, maxBodyBytes: JSON.stringify({ domains: 'a.test', cloud: 'auto' }).length };
    expect(checkInput('a.test', 'auto', tight, english).tooLarge).toBeNull();
    expect(checkInput('a.test', 'auto', tight, { ...english, lang: 'zh-CN' }).tooLarge).not.toBeNull();
  });
});

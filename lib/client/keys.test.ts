import { describe, expect, test } from 'vitest';
import { recheckKey } from './keys';

describe('recheckKey', () => {
  const cases: Array<{ label: string; args: Parameters<typeof recheckKey>; expected: string }> = [
    {
      label: 'plain domain',
      args: ['contoso.com', 'auto'],
      expected: '/api/check?domain=contoso.com&cloud=auto&fresh=1',
    },
    { label: 'cloud is kept', args: ['a.cn', '21vianet'], expected: '/api/check?domain=a.cn&cloud=21vianet&fresh=1' },
    {
      label: 'lang is added when given',
      args: ['a.cn', 'auto', 'zh-CN'],
      expected: '/api/check?domain=a.cn&cloud=auto&fresh=1&lang=zh-CN',
    },
    {
      label: 'odd characters are escaped',
      args: ['a&b=c', 'auto'],
      expected: '/api/check?domain=a%26b%3Dc&cloud=auto&fresh=1',
    },
  ];
  test.each(cases)('$label', ({ args, expected }) => {
    expect(recheckKey(...args)).toBe(expected);
  });

  test('different domains or clouds never share a key', () => {
    expect(recheckKey('a.com', 'auto')).not.toBe(recheckKey('a.com', 'gcc'));
    expect(recheckKey('a.com', 'auto')).not.toBe(recheckKey('b.com', 'auto'));
  });
});

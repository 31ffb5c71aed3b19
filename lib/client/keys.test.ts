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

describe('recheckKey with services', () => {
  test('the services list is sent only when given', () => {
    expect(recheckKey('a.test', 'auto', 'en', 'mail,teams')).toBe(
      '/api/check?domain=a.test&cloud=auto&fresh=1&services=mail%2Cteams&lang=en',
    );
    expect(recheckKey('a.test', 'auto', 'en', '')).toBe(
      '/api/check?domain=a.test&cloud=auto&fresh=1&services=&lang=en',
    );
    expect(recheckKey('a.test', 'auto', 'en')).not.toContain('services');
  });

  test('different services never share a key', () => {
    expect(recheckKey('a.test', 'auto', 'en', 'mail:on')).not.toBe(recheckKey('a.test', 'auto', 'en', 'mail:off'));
    expect(recheckKey('a.test', 'auto', 'en', 'mail:on')).not.toBe(recheckKey('a.test', 'auto', 'en'));
  });
});

import { describe, expect, test } from 'vitest';
import { languageCookie, languageHref, languageSwitchTarget } from './language-switch';

describe('languageSwitchTarget', () => {
  test.each([
    {
      label: 'keeps domains and cloud, drops ?lang= once the cookie holds the choice',
      href: 'http://localhost:3000/?lang=en&d=contoso.com&cloud=21vianet',
      lang: 'zh-CN' as const,
      saved: true,
      expected: '/?d=contoso.com&cloud=21vianet',
    },
    {
      label: 'keeps a compressed share state and the fragment',
      href: 'http://localhost/?z=N4Ig&cloud=auto#results',
      lang: 'zh-CN' as const,
      saved: true,
      expected: '/?z=N4Ig&cloud=auto#results',
    },
    {
      label: 'cookies blocked: the query carries the choice',
      href: 'http://localhost/?d=a.test',
      lang: 'zh-CN' as const,
      saved: false,
      expected: '/?d=a.test&lang=zh-CN',
    },
    {
      label: 'cookies blocked: replaces an old ?lang=',
      href: 'http://localhost/?lang=zh-CN&d=a.test',
      lang: 'en' as const,
      saved: false,
      expected: '/?lang=en&d=a.test',
    },
    { label: 'a bare page stays bare', href: 'http://localhost/', lang: 'en' as const, saved: true, expected: '/' },
  ])('$label', ({ href, lang, saved, expected }) => {
    expect(languageSwitchTarget(href, lang, saved)).toBe(expected);
  });
});

describe('languageCookie', () => {
  test('site-wide, a year, lax', () => {
    expect(languageCookie('zh-CN', false)).toBe('lang=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax');
  });
  test('secure over https', () => {
    expect(languageCookie('en', true)).toMatch(/; Secure$/);
  });
});

test('the no-JavaScript link picks the language by query', () => {
  expect(languageHref('zh-CN')).toBe('?lang=zh-CN');
});

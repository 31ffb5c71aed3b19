import { expect, test } from 'vitest';
import { safeHttpsUrl } from './safe-link';

const cases = [
  {
    label: 'Microsoft docs link',
    input: 'https://learn.microsoft.com/en-us/microsoft-365/x',
    expected: 'https://learn.microsoft.com/en-us/microsoft-365/x',
  },
  { label: 'javascript scheme', input: 'javascript:alert(1)', expected: null },
  { label: 'plain http', input: 'http://learn.microsoft.com/', expected: null },
  { label: 'relative path', input: '/api/check', expected: null },
  { label: 'data URL', input: 'data:text/html,<script>alert(1)</script>', expected: null },
  { label: 'credentials in the URL', input: 'https://user:pw@evil.test/', expected: null },
  { label: 'empty', input: '', expected: null },
];
test.each(cases)('$label', ({ input, expected }) => {
  expect(safeHttpsUrl(input)).toBe(expected);
});

const localised = [
  {
    label: 'a Learn page on a Chinese page opens in Chinese, query and view kept',
    input:
      'https://learn.microsoft.com/en-us/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet',
    lang: 'zh-CN',
    expected:
      'https://learn.microsoft.com/zh-cn/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet',
  },
  {
    label: 'a Learn page on an English page stays',
    input: 'https://learn.microsoft.com/en-us/azure/dns/x',
    lang: 'en',
    expected: 'https://learn.microsoft.com/en-us/azure/dns/x',
  },
  {
    label: 'another site is left alone',
    input: 'https://www.alibabacloud.com/help/en/dns/x',
    lang: 'zh-CN',
    expected: 'https://www.alibabacloud.com/help/en/dns/x',
  },
  {
    label: '"en-us" elsewhere in the path is not a locale',
    input: 'https://learn.microsoft.com/answers/en-us/x',
    lang: 'zh-CN',
    expected: 'https://learn.microsoft.com/answers/en-us/x',
  },
  {
    label: 'a look-alike host is not Learn',
    input: 'https://learn.microsoft.com.evil.test/en-us/x',
    lang: 'zh-CN',
    expected: 'https://learn.microsoft.com.evil.test/en-us/x',
  },
  {
    label: 'an unknown language changes nothing',
    input: 'https://learn.microsoft.com/en-us/x',
    lang: 'fr',
    expected: 'https://learn.microsoft.com/en-us/x',
  },
  { label: 'unsafe stays refused whatever the language', input: 'javascript:alert(1)', lang: 'zh-CN', expected: null },
];
test.each(localised)('$label', ({ input, lang, expected }) => {
  expect(safeHttpsUrl(input, lang)).toBe(expected);
});

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

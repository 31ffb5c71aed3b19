import { describe, expect, test } from 'vitest';
import { cssString } from './print-footer';

describe('cssString: any text as one CSS string token', () => {
  test.each([
    { label: 'plain text is quoted as is', text: 'contoso.com · 26 Nov 2026', css: '"contoso.com · 26 Nov 2026"' },
    { label: 'Chinese text is kept', text: 'bücher.example · 检查时间', css: '"bücher.example · 检查时间"' },
    { label: 'a double quote cannot end the string', text: 'a"b', css: '"a\\22 b"' },
    { label: 'a backslash cannot escape the closing quote', text: 'a\\', css: '"a\\5c "' },
    { label: 'a line break is escaped', text: 'a\nb', css: '"a\\a b"' },
    { label: 'other control characters are escaped', text: 'a\u0000b\u007f', css: '"a\\0 b\\7f "' },
    { label: 'the empty text is an empty string', text: '', css: '""' },
  ])('$label', ({ text, css }) => {
    expect(cssString(text)).toBe(css);
  });

  test('the result never holds an unescaped quote, backslash or line break inside', () => {
    const inner = cssString('x"; } body { display: none; } /*\\\n').slice(1, -1);
    expect(inner.replace(/\\[0-9a-f]{1,6} /g, '')).not.toMatch(/["\\\n]/);
  });
});

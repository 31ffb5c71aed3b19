import { describe, expect, test } from 'vitest';
import { charCount, escapeChar, isLong, preview, type TextSegment, toVisibleSegments, toVisibleText } from './dns-text';

describe('toVisibleSegments', () => {
  const cases: Array<{ label: string; input: string; expected: TextSegment[] }> = [
    {
      label: 'plain host name',
      input: 'clientconfig.partner.microsoftonline-p.net.cn',
      expected: [{ kind: 'text', text: 'clientconfig.partner.microsoftonline-p.net.cn' }],
    },
    { label: 'empty string', input: '', expected: [] },
    {
      label: 'right-to-left override in the middle',
      input: 'evil\u202Emoc.tset',
      expected: [
        { kind: 'text', text: 'evil' },
        { kind: 'escape', text: '\\u202E' },
        { kind: 'text', text: 'moc.tset' },
      ],
    },
    {
      label: 'NUL, ESC and newline',
      input: '\u0000\u001b[31m\n',
      expected: [
        { kind: 'escape', text: '\\u0000' },
        { kind: 'escape', text: '\\u001B' },
        { kind: 'text', text: '[31m' },
        { kind: 'escape', text: '\\u000A' },
      ],
    },
    {
      label: 'zero-width space',
      input: 'a\u200Bb',
      expected: [
        { kind: 'text', text: 'a' },
        { kind: 'escape', text: '\\u200B' },
        { kind: 'text', text: 'b' },
      ],
    },
    {
      label: 'BOM and isolate',
      input: '\uFEFF\u2066',
      expected: [
        { kind: 'escape', text: '\\uFEFF' },
        { kind: 'escape', text: '\\u2066' },
      ],
    },
    {
      label: 'markup stays as plain text',
      input: '<script>alert(1)</script>',
      expected: [{ kind: 'text', text: '<script>alert(1)</script>' }],
    },
    {
      label: 'Unicode letters are kept',
      input: 'bücher.de 中国',
      expected: [{ kind: 'text', text: 'bücher.de 中国' }],
    },
  ];
  test.each(cases)('$label', ({ input, expected }) => {
    expect(toVisibleSegments(input)).toEqual(expected);
  });
});

test('toVisibleText leaves no bidi or control character behind', () => {
  const hostile = 'a\u202Eb\u202Dc\u200Fd\u0007e\u2028f\u061Cg';
  const out = toVisibleText(hostile);
  expect(out).toBe('a\\u202Eb\\u202Dc\\u200Fd\\u0007e\\u2028f\\u061Cg');
  expect(/[\u0000-\u001F\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(out)).toBe(false);
});

test('escapeChar pads to four hex digits', () => {
  expect(escapeChar('\u0001')).toBe('\\u0001');
});

describe('long values', () => {
  const cases = [
    { label: 'exactly the limit is not long', input: 'x'.repeat(200), long: false, previewLength: 200 },
    { label: 'one over the limit is long', input: 'x'.repeat(201), long: true, previewLength: 200 },
    { label: 'emoji count as one character', input: '😀'.repeat(150), long: false, previewLength: 150 },
    { label: 'emoji are never split', input: '😀'.repeat(250), long: true, previewLength: 200 },
  ];
  test.each(cases)('$label', ({ input, long, previewLength }) => {
    expect(isLong(input)).toBe(long);
    expect(charCount(preview(input))).toBe(previewLength);
    expect(/[\uD800-\uDBFF]$/.test(preview(input))).toBe(false);
  });
});

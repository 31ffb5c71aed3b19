import { describe, expect, it } from 'vitest';
import { jsonSafe, terminalSafe } from './escape';

describe('terminalSafe', () => {
  it.each([
    ['escape sequence', 'ctl:\u001b[31mred\u001b[0m', 'ctl:\\x1b[31mred\\x1b[0m'],
    ['line breaks', 'a\r\nforged', 'a\\x0d\\x0aforged'],
    ['bidi override', 'invoice\u202Etxt.exe', 'invoice\\u202etxt.exe'],
    ['C1 CSI', 'x\u009b2J', 'x\\x9b2J'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['plain text and CJK kept', 'contoso.com 域名 <b>', 'contoso.com 域名 <b>'],
    ['tab kept', 'a\tb', 'a\tb'],
  ])('%s', (_label, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });
});

describe('jsonSafe', () => {
  it('keeps the JSON value and leaves no raw unsafe character', () => {
    const value = { txt: 'invoice\u202Etxt.exe \u001b[31m \u0085 \u007f' };
    const text = jsonSafe(JSON.stringify(value, null, 2));
    expect(JSON.parse(text)).toEqual(value);
    expect(text.replace(/\n */g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
  });
});

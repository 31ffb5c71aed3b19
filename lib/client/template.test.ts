import { describe, expect, test } from 'vitest';
import { splitTemplate } from './template';

describe('splitTemplate', () => {
  const cases: Array<{ label: string; template: string; expected: ReturnType<typeof splitTemplate> }> = [
    { label: 'no slot', template: 'Copy', expected: [{ kind: 'text', text: 'Copy' }] },
    { label: 'empty', template: '', expected: [] },
    {
      label: 'slots with text between',
      template: '{line}: {input} — {reason}',
      expected: [
        { kind: 'param', name: 'line' },
        { kind: 'text', text: ': ' },
        { kind: 'param', name: 'input' },
        { kind: 'text', text: ' — ' },
        { kind: 'param', name: 'reason' },
      ],
    },
    {
      label: 'text around a slot (a Chinese colon too)',
      template: '第 {line} 行：',
      expected: [
        { kind: 'text', text: '第 ' },
        { kind: 'param', name: 'line' },
        { kind: 'text', text: ' 行：' },
      ],
    },
    {
      label: 'braces that are not slots stay text',
      template: '{ not a slot } {a-b} {ok}',
      expected: [
        { kind: 'text', text: '{ not a slot } {a-b} ' },
        { kind: 'param', name: 'ok' },
      ],
    },
  ];
  test.each(cases)('$label', ({ template, expected }) => {
    expect(splitTemplate(template)).toEqual(expected);
  });
});

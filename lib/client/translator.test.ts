import { describe, expect, test } from 'vitest';
import { makeTranslator } from './translator';

const en = makeTranslator('en');

describe('t', () => {
  const cases: Array<{ label: string; code: string; params: Record<string, number>; expected: string }> = [
    { label: 'plain label', code: 'ui.form.submit', params: {}, expected: 'Check' },
    {
      label: 'params are filled',
      code: 'ui.progress.checked',
      params: { done: 3, total: 10 },
      expected: '3 of 10 checked',
    },
    { label: 'missing code shows the code', code: 'ui.nope.nothing', params: {}, expected: 'ui.nope.nothing' },
  ];
  test.each(cases)('$label', ({ code, params, expected }) => {
    expect(en.t(code, params)).toBe(expected);
  });
});

describe('tp', () => {
  const cases = [
    { label: 'one', count: 1, expected: '1 domain ready to check.' },
    { label: 'other', count: 2, expected: '2 domains ready to check.' },
    { label: 'zero is other in English', count: 0, expected: '0 domains ready to check.' },
    { label: 'count is formatted', count: 1234, expected: '1,234 domains ready to check.' },
  ];
  test.each(cases)('$label', ({ count, expected }) => {
    expect(en.tp('ui.feedback.ready', count)).toBe(expected);
  });

  test('a language without a one form falls back to other', () => {
    // Chinese has only the `other` plural category.
    expect(makeTranslator('zh-CN').tp('ui.feedback.ready', 1)).toBe('1 domains ready to check.');
  });
});

describe('time', () => {
  const now = new Date('2026-03-04T10:00:00Z');
  test('today shows the time only', () => {
    expect(en.time('2026-03-04T09:30:15Z', now)).not.toMatch(/2026/);
  });
  test('another day shows the date', () => {
    expect(en.time('2026-03-01T09:30:15Z', now)).toMatch(/2026/);
  });
  test('garbage is shown as given', () => {
    expect(en.time('not a date', now)).toBe('not a date');
  });
});

import { describe, expect, test } from 'vitest';
import { makeTranslator } from './translator';

const en = makeTranslator('en', { timeZone: 'UTC' });
const zh = makeTranslator('zh-CN', { timeZone: 'UTC' });

describe('t', () => {
  const cases: Array<{ label: string; lang: string; code: string; params: Record<string, number>; expected: string }> =
    [
      { label: 'plain label', lang: 'en', code: 'ui.form.submit', params: {}, expected: 'Check' },
      {
        label: 'params are filled',
        lang: 'en',
        code: 'ui.progress.checked',
        params: { done: 3, total: 10 },
        expected: '3 of 10 checked',
      },
      {
        label: 'missing code shows the code',
        lang: 'en',
        code: 'ui.nope.nothing',
        params: {},
        expected: 'ui.nope.nothing',
      },
      { label: 'Chinese label', lang: 'zh-CN', code: 'ui.form.submit', params: {}, expected: '检查' },
      { label: 'zh-Hans gets Chinese', lang: 'zh-Hans', code: 'msoid.status.missing', params: {}, expected: '缺失' },
      { label: 'zh gets Chinese', lang: 'zh', code: 'ui.details.copied', params: {}, expected: '已复制' },
      {
        label: 'Chinese params',
        lang: 'zh-CN',
        code: 'ui.progress.checked',
        params: { done: 3, total: 10 },
        expected: '已检查 3/10',
      },
      { label: 'unknown language gets English', lang: 'fr', code: 'ui.form.submit', params: {}, expected: 'Check' },
    ];
  test.each(cases)('$label', ({ lang, code, params, expected }) => {
    expect(makeTranslator(lang).t(code, params)).toBe(expected);
  });
});

describe('lang is always one of ours', () => {
  test.each([
    { tag: 'zh-hans', expected: 'zh-CN' },
    { tag: 'ZH-sg', expected: 'zh-CN' },
    { tag: 'en-GB', expected: 'en' },
    { tag: 'not a tag!', expected: 'en' },
    { tag: '', expected: 'en' },
  ])('$tag → $expected', ({ tag, expected }) => {
    expect(makeTranslator(tag).lang).toBe(expected);
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

  test.each([
    { label: 'Chinese has only the other form, even for 1', count: 1, expected: '1 个域名可以检查。' },
    { label: 'Chinese groups thousands', count: 12345, expected: '12,345 个域名可以检查。' },
  ])('$label', ({ count, expected }) => {
    expect(zh.tp('ui.feedback.ready', count)).toBe(expected);
  });
});

describe('num', () => {
  test.each([
    { lang: 'en', n: 1234567.5, expected: '1,234,567.5' },
    { lang: 'zh-CN', n: 1234567.5, expected: '1,234,567.5' },
    { lang: 'en', n: 0, expected: '0' },
  ])('$lang $n', ({ lang, n, expected }) => {
    expect(makeTranslator(lang).num(n)).toBe(expected);
  });
});

describe('time', () => {
  const now = new Date('2026-03-04T10:00:00Z');
  test.each([
    { label: 'en today: the time only, zone named', t: en, iso: '2026-03-04T09:30:15Z', expected: '9:30:15 AM UTC' },
    {
      label: 'en another day: with the date',
      t: en,
      iso: '2026-03-01T09:30:15Z',
      expected: 'Mar 1, 2026, 9:30:15 AM UTC',
    },
    { label: 'zh today: 24-hour time', t: zh, iso: '2026-03-04T09:30:15Z', expected: 'UTC 09:30:15' },
    {
      label: 'zh another day: Chinese date',
      t: zh,
      iso: '2026-03-01T21:30:15Z',
      expected: '2026年3月1日 UTC 21:30:15',
    },
    {
      label: 'today, with the date asked for',
      t: en,
      iso: '2026-03-04T09:30:15Z',
      date: true,
      expected: 'Mar 4, 2026, 9:30:15 AM UTC',
    },
  ])('$label', ({ t, iso, expected, date }) => {
    expect(t.time(iso, now, { date: date ?? false }).replace(/\u202f/g, ' ')).toBe(expected);
  });

  test("the zone is the reader's, and named", () => {
    const shanghai = makeTranslator('en', { timeZone: 'Asia/Shanghai' });
    expect(shanghai.time('2026-03-04T09:30:15Z', now).replace(/\u202f/g, ' ')).toBe('5:30:15 PM GMT+8');
    expect(shanghai.day('2026-03-04T17:00:00Z')).toBe('2026-03-05');
    expect(shanghai.day('nonsense')).toBe('');
  });

  test('"today" follows the time zone, not UTC', () => {
    const shanghai = makeTranslator('zh-CN', { timeZone: 'Asia/Shanghai' });
    // 2026-03-04T17:00Z is already 5 March in Shanghai, while "now" (10:00Z) is 4 March there: another day.
    expect(shanghai.time('2026-03-04T17:00:00Z', now)).toMatch(/2026年3月5日/);
  });

  test('garbage is shown as given', () => {
    expect(en.time('not a date', now)).toBe('not a date');
  });
});

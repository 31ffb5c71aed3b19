import { describe, expect, test } from 'vitest';
import { en, zhCN } from '@/lib/messages';
import { makeTranslator } from './translator';
import { translatorFor } from './translator-core';

/** The page's translator (one catalogue, plain substitution) says what the server's (ICU) says. */
describe('translatorFor matches makeTranslator', () => {
  const now = new Date('2026-03-04T10:00:00Z');
  test.each([
    { lang: 'en' as const, catalogue: en },
    { lang: 'zh-CN' as const, catalogue: zhCN },
  ])('$lang', ({ lang, catalogue }) => {
    const page = translatorFor(lang, catalogue, { timeZone: 'UTC' });
    const server = makeTranslator(lang, { timeZone: 'UTC' });
    expect(page.lang).toBe(lang);
    for (const [code, params] of [
      ['ui.form.submit', {}],
      ['ui.progress.checked', { done: 3, total: 10 }],
      ['input.note.subdomain', { domain: 'a.b.test', registrable: 'b.test' }],
      ['ui.nope.nothing', {}],
    ] as const) {
      expect(page.t(code, params)).toBe(server.t(code, params));
    }
    for (const count of [0, 1, 2, 1234])
      expect(page.tp('ui.feedback.ready', count)).toBe(server.tp('ui.feedback.ready', count));
    expect(page.num(1234567.5)).toBe(server.num(1234567.5));
    for (const iso of ['2026-03-04T09:30:15Z', '2026-03-01T21:30:15Z', 'garbage']) {
      expect(page.time(iso, now)).toBe(server.time(iso, now));
    }
  });
});

/** A schedule's next run reads in the schedule's own zone, whatever the translator's zone (the server's). */
describe('inZone', () => {
  test('the zone decides the wall-clock time and is named', () => {
    const tr = translatorFor('en', en, { timeZone: 'UTC' });
    const at = tr.inZone('2026-12-09T00:30:00Z', 'Asia/Tokyo');
    expect(at).toContain('Wednesday');
    expect(at).toContain('9:30');
    expect(at.endsWith('(Asia/Tokyo)')).toBe(true);
    expect(tr.inZone('garbage', 'Asia/Tokyo')).toBe('garbage');
    // A zone the runtime lacks never throws.
    expect(tr.inZone('2026-12-09T00:30:00Z', 'Not/AZone')).toContain('(Not/AZone)');
  });
  test('zh-CN', () => {
    const at = translatorFor('zh-CN', zhCN, { timeZone: 'UTC' }).inZone('2026-12-09T00:30:00Z', 'Asia/Shanghai');
    expect(at).toContain('星期三');
    expect(at).toContain('08:30');
  });
});

import { describe, expect, test } from 'vitest';
import { catalogueFor, en, zhCN } from './index';
import { matchLanguage, negotiateLanguage, resolveLanguage } from './language';

describe('matchLanguage', () => {
  test.each([
    { tag: 'en', expected: 'en' },
    { tag: 'en-GB', expected: 'en' },
    { tag: 'EN-us', expected: 'en' },
    { tag: 'zh', expected: 'zh-CN' },
    { tag: 'zh-CN', expected: 'zh-CN' },
    { tag: 'zh-cn', expected: 'zh-CN' },
    { tag: 'ZH-CN', expected: 'zh-CN' },
    { tag: 'zh_CN', expected: 'zh-CN' },
    { tag: 'zh-Hans', expected: 'zh-CN' },
    { tag: 'zh-hans-cn', expected: 'zh-CN' },
    { tag: 'zh-Hans-TW', expected: 'zh-CN' },
    { tag: 'zh-SG', expected: 'zh-CN' },
    { tag: 'zh-MY', expected: 'zh-CN' },
    { tag: ' zh-CN ', expected: 'zh-CN' },
    { tag: 'zh-TW', expected: undefined },
    { tag: 'zh-HK', expected: undefined },
    { tag: 'zh-Hant', expected: undefined },
    { tag: 'zh-Hant-CN', expected: undefined },
    { tag: 'fr', expected: undefined },
    { tag: 'zhx', expected: undefined },
    { tag: '*', expected: undefined },
    { tag: '', expected: undefined },
    { tag: null, expected: undefined },
    { tag: undefined, expected: undefined },
  ])('$tag → $expected', ({ tag, expected }) => {
    expect(matchLanguage(tag)).toBe(expected);
  });
});

describe('negotiateLanguage (Accept-Language)', () => {
  test.each([
    { label: 'Chinese browser', header: 'zh-CN,zh;q=0.9,en;q=0.8', expected: 'zh-CN' },
    { label: 'English first', header: 'en-US,en;q=0.9,zh-CN;q=0.8', expected: 'en' },
    { label: 'q-values outrank order', header: 'en;q=0.5, zh-Hans;q=0.9', expected: 'zh-CN' },
    { label: 'ties keep header order', header: 'zh;q=0.8, en;q=0.8', expected: 'zh-CN' },
    { label: 'unknown languages are skipped', header: 'fr-FR,de;q=0.9,zh;q=0.1', expected: 'zh-CN' },
    { label: 'q=0 means "not this"', header: 'zh-CN;q=0, en;q=0.1', expected: 'en' },
    { label: 'Traditional Chinese is not Simplified', header: 'zh-TW,zh-HK;q=0.9', expected: undefined },
    { label: 'Traditional first, then English', header: 'zh-TW, en;q=0.5', expected: 'en' },
    { label: 'wildcard leaves it to the fallback', header: '*', expected: undefined },
    { label: 'garbage q-value counts as 0', header: 'zh;q=abc, en;q=0.2', expected: 'en' },
    { label: 'missing header', header: null, expected: undefined },
    { label: 'empty header', header: '', expected: undefined },
  ])('$label', ({ header, expected }) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('resolveLanguage: ?lang=, then the cookie, then Accept-Language, then English', () => {
  test.each([
    {
      label: 'query wins over everything',
      sources: { query: 'zh-CN', cookie: 'en', acceptLanguage: 'en' },
      expected: 'zh-CN',
    },
    {
      label: 'query en over a zh cookie',
      sources: { query: 'en', cookie: 'zh-CN', acceptLanguage: 'zh' },
      expected: 'en',
    },
    { label: 'repeated query: the first counts', sources: { query: ['zh-Hans', 'en'] }, expected: 'zh-CN' },
    { label: 'unknown query falls to the cookie', sources: { query: 'fr', cookie: 'zh-CN' }, expected: 'zh-CN' },
    { label: 'cookie over the browser', sources: { cookie: 'en', acceptLanguage: 'zh-CN' }, expected: 'en' },
    { label: 'forged cookie is ignored', sources: { cookie: '<script>', acceptLanguage: 'zh' }, expected: 'zh-CN' },
    { label: 'browser language', sources: { acceptLanguage: 'zh-SG,en;q=0.5' }, expected: 'zh-CN' },
    { label: 'nothing at all', sources: {}, expected: 'en' },
    { label: 'nothing we have', sources: { query: 'de', cookie: 'fr', acceptLanguage: 'ja' }, expected: 'en' },
  ])('$label', ({ sources, expected }) => {
    expect(resolveLanguage(sources)).toBe(expected);
  });
});

describe('catalogueFor', () => {
  test.each([
    { lang: 'zh', expected: zhCN },
    { lang: 'zh-CN', expected: zhCN },
    { lang: 'zh-hans', expected: zhCN },
    { lang: 'ZH-SG', expected: zhCN },
    { lang: 'zh-TW', expected: en },
    { lang: 'en', expected: en },
    { lang: 'fr', expected: en },
    { lang: undefined, expected: en },
  ])('$lang', ({ lang, expected }) => {
    expect(catalogueFor(lang)).toBe(expected);
  });
});

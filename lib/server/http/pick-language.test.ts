import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '@/lib/messages';
import { pickLanguage } from './errors';

describe('pickLanguage (the API: ?lang= or Accept-Language)', () => {
  const request = (query: string, acceptLanguage?: string) =>
    new Request(`http://localhost/api/check${query}`, {
      headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    });
  test.each([
    { label: '?lang=zh-CN', req: request('?lang=zh-CN'), expected: 'zh-CN' },
    { label: '?lang=zh-Hans', req: request('?lang=zh-Hans'), expected: 'zh-CN' },
    { label: '?lang=zh', req: request('?lang=zh'), expected: 'zh-CN' },
    { label: '?lang= beats the header', req: request('?lang=en', 'zh-CN'), expected: 'en' },
    { label: 'Accept-Language zh', req: request('', 'zh'), expected: 'zh-CN' },
    { label: 'Accept-Language zh-Hans-CN', req: request('', 'zh-Hans-CN,en;q=0.5'), expected: 'zh-CN' },
    { label: 'Accept-Language by q-value', req: request('', 'en;q=0.3,zh-SG;q=0.7'), expected: 'zh-CN' },
    { label: 'unknown ?lang= falls to the header', req: request('?lang=xx', 'zh-CN'), expected: 'zh-CN' },
    { label: 'Traditional Chinese gets the fallback', req: request('', 'zh-TW'), expected: 'en' },
    { label: 'nothing', req: request(''), expected: 'en' },
  ])('$label', ({ req, expected }) => {
    expect(pickLanguage(req, LANGUAGES)).toBe(expected);
  });

  test('only available languages are returned', () => {
    expect(pickLanguage(request('?lang=zh-CN'), ['en'])).toBe('en');
  });
});

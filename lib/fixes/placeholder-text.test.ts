import { describe, expect, test } from 'vitest';
import { makeTranslator } from '@/lib/client/translator';
import { PLACEHOLDERS } from '@/lib/findings/catalogue';
import { placeholderText } from './placeholder-text';

const en = makeTranslator('en');
const zh = makeTranslator('zh-CN');

describe('placeholderText: the tenant’s own values in the reader’s language', () => {
  test.each([
    ['selector1', PLACEHOLDERS.selector1, '<管理中心里的 selector1 CNAME 值>'],
    ['selector2', PLACEHOLDERS.selector2, '<管理中心里的 selector2 CNAME 值>'],
    ['mx', PLACEHOLDERS.mx, '<管理中心里的 MX 值>'],
    ['verification', PLACEHOLDERS.verification, 'MS=<管理中心里的值>'],
    [
      'DMARC starter',
      `v=DMARC1; p=none; rua=${PLACEHOLDERS.dmarcReports}`,
      'v=DMARC1; p=none; rua=mailto:<接收 DMARC 报告的邮箱>',
    ],
  ])('%s in Chinese', (_, value, shown) => {
    expect(placeholderText(value, zh.t)).toBe(shown);
  });

  test('English shows the value as the fix holds it', () => {
    for (const value of Object.values(PLACEHOLDERS)) expect(placeholderText(value, en.t)).toBe(value);
  });

  test('DNS data without a placeholder is left alone, angle brackets and all', () => {
    for (const value of ['autodiscover.outlook.com.', 'v=spf1 include:spf.protection.outlook.com -all', '<b>x</b>'])
      expect(placeholderText(value, zh.t)).toBe(value);
  });
});

import { describe, expect, test } from 'vitest';
import { uiMessages } from '@/lib/messages/en/ui';
import { lookupTemplate } from '@/lib/messages/format';
import { ERROR_CODES } from '@/lib/schema';
import { CLIENT_ERROR_CODES } from './api-error';
import { errorMessageRef } from './error-message';

const catalogue = { ui: uiMessages };

describe('errorMessageRef', () => {
  const cases = [
    {
      label: 'too many domains names both numbers',
      err: { code: 'too-many-domains' as const, status: 413, limit: 500, count: 620 },
      expected: { code: 'ui.errors.too-many-domains', params: { count: 620, limit: 500 } },
    },
    {
      label: 'rate limited with a wait',
      err: { code: 'rate-limited' as const, status: 429, retryAfterSeconds: 12.2 },
      expected: { code: 'ui.errors.rate-limited', params: { seconds: 13 } },
    },
    {
      label: 'rate limited without a wait',
      err: { code: 'rate-limited' as const, status: 429 },
      expected: { code: 'ui.errors.rate-limitedSoon', params: {} },
    },
    {
      label: 'network',
      err: { code: 'network' as const, status: 0 },
      expected: { code: 'ui.errors.network', params: {} },
    },
  ];
  test.each(cases)('$label', ({ err, expected }) => {
    expect(errorMessageRef(err)).toEqual(expected);
  });

  test.each([...ERROR_CODES, ...CLIENT_ERROR_CODES])('every error code has English text: %s', (code) => {
    const ref = errorMessageRef({ code, status: 0 });
    expect(lookupTemplate(catalogue, ref.code)).toBeTypeOf('string');
  });
});

import { describe, expect, test } from 'vitest';
import { retryAfterHeader } from './api-error';
import { retryAt, secondsLeft } from './retry-wait';

const T0 = 1_800_000_000_000;

describe('retryAt: only a 429 with a wait is retried, at exactly the wait the server named', () => {
  test.each([
    {
      label: 'rate limit, 150 s',
      err: { code: 'rate-limited', status: 429, retryAfterSeconds: 150 },
      at: T0 + 150_000,
    },
    { label: 'run quota, 7 s', err: { code: 'too-many-runs', status: 429, retryAfterSeconds: 7 }, at: T0 + 7000 },
    {
      label: 'fractional wait rounds up',
      err: { code: 'rate-limited', status: 429, retryAfterSeconds: 1.2 },
      at: T0 + 2000,
    },
    { label: 'no wait given', err: { code: 'rate-limited', status: 429 }, at: null },
    { label: '413: no wait fixes it', err: { code: 'payload-too-large', status: 413, retryAfterSeconds: 5 }, at: null },
    { label: 'too many domains', err: { code: 'too-many-domains', status: 413, retryAfterSeconds: 5 }, at: null },
    { label: 'network', err: { code: 'network', status: 0 }, at: null },
    { label: 'negative wait', err: { code: 'rate-limited', status: 429, retryAfterSeconds: -1 }, at: null },
  ] as const)('$label', ({ err, at }) => {
    expect(retryAt(err, T0)).toBe(at);
  });
});

test('secondsLeft counts down to 0 and stays there', () => {
  const at = T0 + 150_000;
  expect(secondsLeft(at, T0)).toBe(150);
  expect(secondsLeft(at, T0 + 1)).toBe(150);
  expect(secondsLeft(at, T0 + 103_000)).toBe(47);
  expect(secondsLeft(at, T0 + 150_000)).toBe(0);
  expect(secondsLeft(at, T0 + 999_999)).toBe(0);
});

test('Retry-After: seconds or an HTTP date; anything else is no wait', () => {
  expect(retryAfterHeader('150')).toBe(150);
  expect(retryAfterHeader(' 3 ')).toBe(3);
  expect(retryAfterHeader(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30);
  expect(retryAfterHeader(null)).toBeUndefined();
  expect(retryAfterHeader('soon')).toBeUndefined();
  expect(retryAfterHeader('')).toBeUndefined();
});

import { describe, expect, test } from 'vitest';
import { AUTH_FAILURES_PER_SOURCE, authRefusedFor, recordAuthFailure, signInDelayMs } from './auth-failures';

describe('failed authentication', () => {
  test('the sign-in delay doubles from 250 ms and stops at 8 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(signInDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test('logged sampled: the 1st, 2nd, 4th, 8th… failure of a client', async () => {
    const logged: number[] = [];
    for (let i = 1; i <= 20; i++) if ((await recordAuthFailure('anonymous-sampling')).log) logged.push(i);
    expect(logged).toEqual([1, 2, 4, 8, 16]);
  });

  test('a source address that keeps failing is refused; a shared key never is', async () => {
    for (let i = 0; i < AUTH_FAILURES_PER_SOURCE; i++) {
      expect(await authRefusedFor('ip:192.0.2.50')).toBeNull();
      await recordAuthFailure('ip:192.0.2.50');
      await recordAuthFailure('anonymous');
    }
    expect(await authRefusedFor('ip:192.0.2.50')).toBeGreaterThan(0);
    expect(await authRefusedFor('ip:192.0.2.51')).toBeNull();
    expect(await authRefusedFor('anonymous')).toBeNull();
  });

  test('only a shared key is slowed down; a source address is refused instead', async () => {
    expect((await recordAuthFailure('anonymous-delay')).delayMs).toBe(250);
    expect((await recordAuthFailure('anonymous-delay')).delayMs).toBe(500);
    expect((await recordAuthFailure('ip:192.0.2.60')).delayMs).toBe(0);
  });
});

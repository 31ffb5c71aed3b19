import { describe, expect, test } from 'vitest';
import { RUN_OWNER_HEADER } from '@/lib/schema';
import { HttpError } from '../http/errors';
import { isRunOwner, newOwnerToken, requireRunOwner } from './owner';

describe('owner tokens', () => {
  test('are 32 random bytes, base64url (43 characters), and differ; the store keeps only a SHA-256', () => {
    const tokens = Array.from({ length: 100 }, () => newOwnerToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(100);
    for (const { token, tokenHash } of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokenHash).not.toContain(token);
    }
  });

  const { token, tokenHash } = newOwnerToken();
  const run = { owner: { client: 'anonymous', tokenHash } };
  const other = newOwnerToken().token;
  const rows: Array<{ label: string; token: string | null; owner: boolean }> = [
    { label: 'the token the run was created with', token, owner: true },
    { label: 'no token', token: null, owner: false },
    { label: 'an empty token', token: '', owner: false },
    { label: "another run's token", token: other, owner: false },
    {
      label: 'the token with one character changed',
      token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      owner: false,
    },
    { label: 'the stored hash itself', token: tokenHash, owner: false },
    { label: 'the token with a character added', token: `${token}A`, owner: false },
    { label: 'a huge header', token: 'A'.repeat(100_000), owner: false },
  ];
  test.each(rows)('$label → owner: $owner', ({ token: presented, owner }) => {
    expect(isRunOwner(run, { token: presented })).toBe(owner);
    const headers = presented === null ? undefined : { [RUN_OWNER_HEADER]: presented };
    const request = new Request('http://localhost/api/runs/x/cancel', { method: 'POST', headers });
    if (owner) expect(() => requireRunOwner(run, request)).not.toThrow();
    else {
      let thrown: unknown;
      try {
        requireRunOwner(run, request);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(HttpError);
      expect((thrown as HttpError).code).toBe('not-run-owner');
      expect((thrown as HttpError).toResponse().status).toBe(403);
    }
  });
});

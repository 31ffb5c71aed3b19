import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../env';
import { getStorage } from '../storage/db';
import {
  createSession,
  markStateUsed,
  openTokens,
  revokeSession,
  rotateIfDue,
  sealTokens,
  sessionGraphToken,
  sessionPrincipal,
} from './session';

const config = parseConfig({
  ...process.env,
  DNS_SERVERS: '127.0.0.1:1',
  PUBLIC_ORIGIN: 'https://dns.contoso.test',
  ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  ENTRA_CLIENT_SECRET: 'a-client-secret-value',
  ENTRA_TENANT: 'aaaaaaaa-0000-4000-8000-00000000000a',
  ENTRA_SESSION_ROTATE_S: '900',
});
const entra = config.entra!;
const user = { oid: 'u1', tid: 'aaaaaaaa-0000-4000-8000-00000000000a', name: 'Vera', role: 'viewer' as const };
const withCookie = (secret: string) =>
  new Request('https://dns.contoso.test/', { headers: { cookie: `m365dh-entra=${secret}` } });

afterAll(async () => {
  await (await getStorage(config.storage)).close();
});

describe('Entra sessions (server-side)', () => {
  it('a session is found by its cookie, rotated after ENTRA_SESSION_ROTATE_S, the old secret valid for a short grace only', async () => {
    const t0 = Date.now();
    const { secret } = await createSession(config, { ...user, tokens: null }, t0);
    expect(await sessionPrincipal(withCookie(secret), config, t0)).toMatchObject({
      kind: 'user',
      userId: 'u1',
      role: 'viewer',
    });
    expect(await rotateIfDue(withCookie(secret), config, t0 + 60_000)).toBeNull();
    const fresh = await rotateIfDue(withCookie(secret), config, t0 + 901_000);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionPrincipal(withCookie(fresh!), config, t0 + 901_000)).not.toBeNull();
    expect(await sessionPrincipal(withCookie(secret), config, t0 + 930_000)).not.toBeNull();
    expect(await sessionPrincipal(withCookie(secret), config, t0 + 1_000_000)).toBeNull();
    expect(await sessionPrincipal(withCookie(fresh!), config, t0 + 1_000_000)).not.toBeNull();
  });

  it('ends at its expiry, and at once when revoked', async () => {
    const t0 = Date.now();
    const { secret } = await createSession(config, { ...user, tokens: null }, t0);
    expect(await sessionPrincipal(withCookie(secret), config, t0 + entra.sessionMaxAgeS * 1000 + 1)).toBeNull();
    await revokeSession(withCookie(secret), config);
    expect(await sessionPrincipal(withCookie(secret), config, t0 + 1000)).toBeNull();
    expect(await sessionPrincipal(withCookie('x'.repeat(43)), config, t0)).toBeNull();
  });

  it('a sign-in state is used once', async () => {
    const exp = Date.now() + 600_000;
    expect(await markStateUsed(config, 'state-1', exp)).toBe(true);
    expect(await markStateUsed(config, 'state-1', exp)).toBe(false);
  });

  it('Graph tokens are kept encrypted and handed out while valid', async () => {
    const tokens = {
      accessToken: 'graph-at',
      refreshToken: null,
      expiresAt: Date.now() + 3_600_000,
      scope: 'Domain.Read.All',
    };
    const sealed = sealTokens(tokens, entra);
    expect(sealed).not.toContain('graph-at');
    expect(openTokens(sealed, entra)).toEqual(tokens);
    expect(openTokens(sealed, { ...entra, tokenKey: 'another key of at least thirty-two chars' })).toBeNull();
    const { id } = await createSession(config, { ...user, tokens });
    expect(await sessionGraphToken(id, config)).toEqual({ token: 'graph-at', tenantId: user.tid });
    const none = await createSession(config, { ...user, tokens: null });
    expect(await sessionGraphToken(none.id, config)).toBeNull();
  });
});

/**
 * Server-side sessions of users signed in with Entra ID. The browser holds only a random secret in an HttpOnly,
 * SameSite=Lax cookie (`__Host-` and Secure on https; Lax because Entra's answer arrives as a top-level GET from
 * another site); the database keeps its SHA-256 with the user (oid, tid, name, role), the times and the revoked
 * flag. A session ends at its expiry, on sign-out (revoked server-side: the old cookie no longer works) or when its
 * row is gone. The cookie's secret is rotated on sign-in and every ENTRA_SESSION_ROTATE_S (the previous secret stays
 * valid for a short grace, for requests already in flight). Graph tokens, when consented, are kept encrypted
 * (AES-256-GCM, key from ENTRA_TOKEN_KEY or derived from the client secret).
 */
import 'server-only';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { ServerConfig } from '../env';
import { getStorage } from '../storage/db';
import type { EntraConfig } from './entra-config';
import type { GraphGrant, GraphTokens, Principal, Role } from './types';

/** Seconds the previous secret still works after a rotation (requests the browser had in flight). */
const ROTATION_GRACE_S = 60;
/** `last_seen` is written at most this often per session. */
const SEEN_EVERY_MS = 60_000;

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

async function db(config: ServerConfig) {
  return (await getStorage(config.storage)).db;
}

export { clearedEntraCookies, ENTRA_COOKIE, SECURE_ENTRA_COOKIE, sessionCookie, sessionSecretOf } from './cookies';

import { sessionSecretOf } from './cookies';

export type { GraphTokens } from './types';

function tokenKey(entra: EntraConfig): Buffer {
  return Buffer.from(hkdfSync('sha256', entra.tokenKey, 'm365-dns-health', 'graph-token-set', 32));
}

/** AES-256-GCM of the token set: `iv.tag.ciphertext`, base64url. */
export function sealTokens(tokens: GraphTokens, entra: EntraConfig): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', tokenKey(entra), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The token set sealed by `sealTokens`, or null (another key, tampered, or malformed). */
export function openTokens(sealed: string, entra: EntraConfig): GraphTokens | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) return null;
    const decipher = createDecipheriv('aes-256-gcm', tokenKey(entra), iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as GraphTokens;
  } catch {
    return null;
  }
}

/** Creates a session for a user whose ID token was validated; returns the cookie secret. */
export async function createSession(
  config: ServerConfig,
  user: { oid: string; tid: string; name: string; role: Role; tokens: GraphTokens | null },
  nowMs = Date.now(),
): Promise<{ id: string; secret: string }> {
  const entra = config.entra as EntraConfig;
  const id = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const d = await db(config);
  // Expired sessions and used states are cleaned up as sign-ins happen (cheap, indexed).
  await d.deleteFrom('auth_sessions').where('expires_at', '<=', nowMs).execute();
  await d.deleteFrom('auth_used_states').where('expires_at', '<=', nowMs).execute();
  await d
    .insertInto('auth_sessions')
    .values({
      id,
      secret_hash: sha256(secret),
      previous_hash: null,
      rotated_at: nowMs,
      user_oid: user.oid,
      tenant_id: user.tid,
      name: user.name,
      role: user.role,
      created_at: nowMs,
      last_seen: nowMs,
      expires_at: nowMs + entra.sessionMaxAgeS * 1000,
      revoked: 0,
      tokens: user.tokens ? sealTokens(user.tokens, entra) : null,
    })
    .execute();
  return { id, secret };
}

/**
 * Records a sign-in state as used; false when it was used before (a replayed callback). Kept until `expiresAtMs`,
 * past which the state's own cookie has expired anyway.
 */
export async function markStateUsed(config: ServerConfig, state: string, expiresAtMs: number): Promise<boolean> {
  const d = await db(config);
  const result = await d
    .insertInto('auth_used_states')
    .values({ state_hash: sha256(`state|${state}`), expires_at: expiresAtMs })
    .onConflict((oc) => oc.column('state_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

type SessionRow = {
  id: string;
  user_oid: string;
  tenant_id: string;
  name: string;
  role: string;
  rotated_at: number | string;
  last_seen: number | string;
  expires_at: number | string;
  secret_hash: string;
};

async function findSession(config: ServerConfig, secret: string, nowMs: number): Promise<SessionRow | null> {
  const d = await db(config);
  const hash = sha256(secret);
  const row = await d
    .selectFrom('auth_sessions')
    .select([
      'id',
      'user_oid',
      'tenant_id',
      'name',
      'role',
      'rotated_at',
      'last_seen',
      'expires_at',
      'secret_hash',
      'previous_hash',
    ])
    .where((eb) => eb.or([eb('secret_hash', '=', hash), eb('previous_hash', '=', hash)]))
    .where('revoked', '=', 0)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  if (!row) return null;
  // The previous secret works only for a short grace after the rotation.
  if (row.secret_hash !== hash && nowMs - Number(row.rotated_at) > ROTATION_GRACE_S * 1000) return null;
  return row;
}

/** The signed-in user of a request (valid, unrevoked, unexpired session), or null. */
export async function sessionPrincipal(
  request: Request,
  config: ServerConfig,
  nowMs = Date.now(),
): Promise<UserPrincipal | null> {
  const secret = sessionSecretOf(request);
  if (secret === null || config.entra === null) return null;
  const row = await findSession(config, secret, nowMs);
  if (!row) return null;
  if (nowMs - Number(row.last_seen) > SEEN_EVERY_MS) {
    await (await db(config)).updateTable('auth_sessions').set({ last_seen: nowMs }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'user',
    userId: row.user_oid,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role === 'operator' ? 'operator' : 'viewer',
    sessionId: row.id,
  };
}

/**
 * A new cookie secret for the request's session when its current one is older than ENTRA_SESSION_ROTATE_S, else
 * null. The old secret stays valid for a short grace.
 */
export async function rotateIfDue(request: Request, config: ServerConfig, nowMs = Date.now()): Promise<string | null> {
  const entra = config.entra;
  const secret = sessionSecretOf(request);
  if (entra === null || secret === null) return null;
  const row = await findSession(config, secret, nowMs);
  if (!row || row.secret_hash !== sha256(secret)) return null;
  if (nowMs - Number(row.rotated_at) < entra.sessionRotateS * 1000) return null;
  const fresh = randomBytes(32).toString('base64url');
  const updated = await (await db(config))
    .updateTable('auth_sessions')
    .set({ secret_hash: sha256(fresh), previous_hash: row.secret_hash, rotated_at: nowMs })
    .where('id', '=', row.id)
    .where('secret_hash', '=', row.secret_hash)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? fresh : null;
}

/** Seconds the session cookie should live: until the session's expiry. */
export function cookieMaxAgeS(config: ServerConfig): number {
  return config.entra?.sessionMaxAgeS ?? 0;
}

/** Revokes the request's session server-side (sign-out); the cookie no longer works anywhere. */
export async function revokeSession(request: Request, config: ServerConfig): Promise<void> {
  const secret = sessionSecretOf(request);
  if (secret === null || config.entra === null) return;
  const hash = sha256(secret);
  await (await db(config))
    .updateTable('auth_sessions')
    .set({ revoked: 1, tokens: null })
    .where((eb) => eb.or([eb('secret_hash', '=', hash), eb('previous_hash', '=', hash)]))
    .execute();
}

/**
 * The session's Graph access token (refreshed when about to expire), or how its refresh failed (`refused`: the
 * user must sign in again to read the tenant's values; `failed`: Entra gave no usable answer); null when the
 * session has no Graph token.
 */
export async function sessionGraphToken(
  sessionId: string,
  config: ServerConfig,
  nowMs = Date.now(),
): Promise<GraphGrant | null> {
  const entra = config.entra;
  if (entra === null) return null;
  const d = await db(config);
  const row = await d
    .selectFrom('auth_sessions')
    .select(['tokens', 'tenant_id'])
    .where('id', '=', sessionId)
    .where('revoked', '=', 0)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  if (!row?.tokens) return null;
  const tokens = openTokens(row.tokens, entra);
  if (!tokens) return null;
  if (tokens.expiresAt - 60_000 > nowMs) return { token: tokens.accessToken, tenantId: row.tenant_id };
  if (!tokens.refreshToken) return null;
  const { isRefusedGrant, refreshGraphTokens } = await import('./entra');
  let fresh: GraphTokens;
  try {
    fresh = await refreshGraphTokens(config, row.tenant_id, tokens.refreshToken);
  } catch (err) {
    return { refresh: isRefusedGrant(err) ? 'refused' : 'failed', tenantId: row.tenant_id };
  }
  await d
    .updateTable('auth_sessions')
    .set({ tokens: sealTokens(fresh, entra) })
    .where('id', '=', sessionId)
    .execute();
  return { token: fresh.accessToken, tenantId: row.tenant_id };
}

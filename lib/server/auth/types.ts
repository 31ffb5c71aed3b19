/** Types the sign-in modules share (a leaf module: no imports, so none of them import each other for types). */

export type Role = 'viewer' | 'operator';

/** The Graph tokens kept (encrypted) with a session when the user consented to `Domain.Read.All`. */
export type GraphTokens = { accessToken: string; refreshToken: string | null; expiresAt: number; scope: string };
/**
 * A session's way to Microsoft Graph: a token; or, when its refresh failed, `refused` (Entra refused the grant:
 * sign in again) or `failed` (no usable answer from Entra: could not check).
 */
export type GraphGrant = { token: string; tenantId: string } | { refresh: 'refused' | 'failed'; tenantId: string };

/** Who is asking (./principal.ts): open access, the shared token, or a signed-in Entra ID user. */
export type Principal =
  | { kind: 'open' }
  | { kind: 'token' }
  | {
      kind: 'user';
      /** The user's object id in the tenant (the `oid` claim). */
      userId: string;
      /** The tenant id (the `tid` claim). */
      tenantId: string;
      /** `name` or `preferred_username` of the ID token, for display. */
      name: string;
      role: Role;
      /** The server-side session's id (not the cookie value). */
      sessionId: string;
    };

/**
 * STUB (branch graph) until the `entra` branch lands its sign-in: the seam the Graph client codes against, with the
 * signatures `entra` announced. Nobody is signed in here; entra's file replaces this one.
 */

export type Role = 'viewer' | 'operator';

/** Who makes a request. */
export type Principal =
  | { kind: 'user'; userId: string; tenantId: string; name: string; role: Role; sessionId: string }
  | { kind: 'open' }
  | { kind: 'token' };

/** The principal of a request; null when sign-in is required and missing (stub: always open access). */
export async function principalOf(_request: Request): Promise<Principal | null> {
  return { kind: 'open' };
}

/** A delegated Microsoft Graph access token for a signed-in user, with their tenant; null when there is none. */
export async function graphAccessTokenFor(_principal: Principal): Promise<{ token: string; tenantId: string } | null> {
  return null;
}

/**
 * Who is asking: the one question every route answers before it reads or changes data. Access control off gives
 * `open`; the shared ACCESS_TOKEN (Bearer or its /signin session) gives `token`, which acts as an operator; an
 * Entra ID session (./session.ts) gives `user` with the tenant, the object id and the role from the `roles` claim.
 * `null` means sign-in is required and the request has none (the caller answers 401).
 */
import 'server-only';
import { checkAccess } from '../access';
import { getConfig } from '../env';

import type { GraphGrant, Principal, Role } from './types';

export type { Principal, Role } from './types';

/** The role a principal acts with: the shared token and open access act as operators. */
export function roleOf(principal: Principal): Role {
  return principal.kind === 'user' ? principal.role : 'operator';
}

/**
 * The principal of a request: an Entra session cookie first (when Entra sign-in is on), then the shared token
 * (Bearer or its session cookie), then `open` when no access control is configured at all. Null when sign-in is
 * required and the request carries no valid credential.
 */
export async function principalOf(request: Request): Promise<Principal | null> {
  const config = getConfig();
  if (config.entra !== null) {
    const { sessionPrincipal } = await import('./session');
    const user = await sessionPrincipal(request, config);
    if (user) return user;
  }
  const access = checkAccess(request, config);
  if (!access.ok) return null;
  if (access.via === 'open') return config.entra === null ? { kind: 'open' } : null;
  return { kind: 'token' };
}

/**
 * The delegated Microsoft Graph access token of a signed-in user's session, when the user (or their admin)
 * consented to `Domain.Read.All`; refreshed with the stored refresh token when it is about to expire, or how that
 * refresh failed. Null for any other principal or a session without that scope.
 */
export async function graphAccessTokenFor(principal: Principal): Promise<GraphGrant | null> {
  if (principal.kind !== 'user') return null;
  const config = getConfig();
  if (config.entra === null) return null;
  const { sessionGraphToken } = await import('./session');
  return sessionGraphToken(principal.sessionId, config);
}

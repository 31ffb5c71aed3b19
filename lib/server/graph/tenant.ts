/**
 * Whether and how a single check asks Microsoft Graph for the tenant's expected values (issue 18 item 4): only for a
 * signed-in user with a Graph token (lib/server/auth/principal.ts), or, in tests only, GRAPH_TEST_TOKEN. Bulk runs
 * never ask: a consultant's customer domains are not in their tenant, and "not added to your tenant" on every row
 * would be noise (docs/signin.md).
 */
import 'server-only';
import type { TenantValues } from '@/lib/schema';
import { graphAccessTokenFor, principalOf } from '../auth/principal';
import type { GraphGrant } from '../auth/types';
import type { ServerConfig } from '../env';
import { fetchTenantValues } from './client';
import { graphTarget } from './hosts';

/** The tenant the test token stands for (GRAPH_TEST_TOKEN). */
export const TEST_TENANT_ID = 'test-tenant';

async function callerOf(request: Request, config: ServerConfig): Promise<GraphGrant | null> {
  if (config.graph.testToken) return { token: config.graph.testToken, tenantId: TEST_TENANT_ID };
  // Null: sign-in required and the request has none (the route answers that itself); only a user has a tenant.
  const principal = await principalOf(request);
  if (principal === null || principal.kind !== 'user') return null;
  return graphAccessTokenFor(principal);
}

/**
 * The tenant's values for one domain of a single check by `request`'s user; undefined when Graph is not asked
 * (nobody signed in, no Graph token, GRAPH_EXPECTED off). Never throws.
 */
export async function tenantValuesFor(
  request: Request,
  domain: string,
  config: ServerConfig,
  signal?: AbortSignal,
): Promise<TenantValues | undefined> {
  if (!config.graph.enabled) return undefined;
  try {
    const caller = await callerOf(request, config);
    if (!caller) return undefined;
    // The user's Graph token could not be refreshed: say so (sign in again, or could not check), never pass silently.
    if ('refresh' in caller)
      return caller.refresh === 'refused'
        ? { state: 'sign-in-expired', verified: null, expected: {} }
        : { state: 'failed', verified: null, expected: {}, detail: 'token refresh' };
    return await fetchTenantValues(domain, caller, graphTarget(config), config.graph, signal);
  } catch {
    return { state: 'failed', verified: null, expected: {}, detail: 'error' };
  }
}

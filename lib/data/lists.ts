/**
 * What the list pages (/lists, /lists/new, /lists/[id], /lists/[id]/changes) and the detail page's timeline read,
 * on the server: access first (as for the API: without a valid session, the reader is sent to /signin), then the
 * lists' data from lib/server/api/lists.ts, only the lists the reader may see (with Entra sign-in on, a list belongs
 * to its creator: lib/server/auth/data-owners.ts). Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import type { DomainHistory, ListDetail, ListRunSummary, ListSummary } from '@/lib/schema-lists';
import { safeNextPath } from '@/lib/server/access';
import {
  changesBetween,
  domainHistory,
  listAcceptancesOf,
  listDetailOf,
  listHistoryOf,
  listOverview,
  requireList,
} from '@/lib/server/api/lists';
import { type Principal, principalOf, roleOf } from '@/lib/server/auth/principal';
import { getConfig } from '@/lib/server/env';
import { HttpError } from '@/lib/server/http/errors';

/** The /signin address to send the reader to (back to `path` afterwards), or null when they may read. */
export async function listsSignIn(path: string): Promise<string | null> {
  const config = getConfig();
  if (config.accessToken === null && config.entra === null) return null;
  // A signed-in Entra user, the access token's cookie, or open access (lib/server/auth/principal.ts).
  if (await principalOf(new Request('http://localhost/', { headers: await headers() }))) return null;
  return `/signin?${new URLSearchParams({ next: safeNextPath(path) }).toString()}`;
}

/** Who reads the page; with Entra sign-in on and no session, a reader who may see no one's list. */
async function reader(): Promise<Principal> {
  const principal = await principalOf(new Request('http://localhost/', { headers: await headers() }));
  if (principal) return principal;
  if (getConfig().entra === null) return { kind: 'open' };
  return { kind: 'user', userId: '', tenantId: '', name: '', role: 'viewer', sessionId: '' };
}

/**
 * True when this reader may change a list's schedule and alerts (the Operator role, as the API decides with
 * `roleOf`): a signed-in Entra viewer sees those sections read-only.
 */
export async function listsEditable(): Promise<boolean> {
  const principal = await principalOf(new Request('http://localhost/', { headers: await headers() }));
  return principal !== null && roleOf(principal) === 'operator';
}

export async function loadLists(): Promise<ListSummary[]> {
  return listOverview(getConfig(), await reader());
}

export async function loadList(id: string): Promise<{ list: ListDetail; runs: ListRunSummary[] } | null> {
  const config = getConfig();
  const list = await listDetailOf(config, id, await reader());
  return list && { list, runs: await listHistoryOf(config, id) };
}

/** The list's acceptances, to say who accepted a finding and when (none for a reader who may not see the list). */
export async function loadAcceptances(id: string) {
  return listAcceptancesOf(getConfig(), id, await reader());
}

export type LoadedChanges = Awaited<ReturnType<typeof changesBetween>>['changes'];

/** The changes between two runs of the list, or null when it has no run (or a run named is not one of its). */
export async function loadChanges(id: string, from?: string, to?: string): Promise<LoadedChanges | null> {
  try {
    await requireList(getConfig(), id, await reader());
    return (await changesBetween(getConfig(), id, from, to)).changes;
  } catch (err) {
    if (err instanceof HttpError) return null;
    throw err;
  }
}

/**
 * The domain's history in the lists that contain it (empty when none does). Storage unavailable never breaks the
 * detail page: the timeline is then left out.
 */
export async function loadDomainHistory(domain: string): Promise<DomainHistory> {
  try {
    return await domainHistory(getConfig(), domain, await reader());
  } catch {
    return { domain, lists: [], timeline: [], acceptances: [] };
  }
}

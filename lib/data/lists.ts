/**
 * What the list pages (/lists, /lists/new, /lists/[id], /lists/[id]/changes) and the detail page's timeline read,
 * on the server: access first (as for the API: without a valid session, the reader is sent to /signin), then the
 * lists' data from lib/server/api/lists.ts. Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import type { DomainHistory, ListDetail, ListRunSummary, ListSummary } from '@/lib/schema-lists';
import { checkAccess, safeNextPath } from '@/lib/server/access';
import { changesBetween, domainHistory, listDetailOf, listHistoryOf, listOverview } from '@/lib/server/api/lists';
import { principalOf, roleOf } from '@/lib/server/auth/principal';
import { getConfig } from '@/lib/server/env';
import { HttpError } from '@/lib/server/http/errors';

/** The /signin address to send the reader to (back to `path` afterwards), or null when they may read. */
export async function listsSignIn(path: string): Promise<string | null> {
  const config = getConfig();
  if (config.accessToken === null) return null;
  const access = checkAccess(new Request('http://localhost/', { headers: await headers() }), config);
  if (access.ok) return null;
  return `/signin?${new URLSearchParams({ next: safeNextPath(path) }).toString()}`;
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
  return listOverview(getConfig());
}

export async function loadList(id: string): Promise<{ list: ListDetail; runs: ListRunSummary[] } | null> {
  const config = getConfig();
  const list = await listDetailOf(config, id);
  return list && { list, runs: await listHistoryOf(config, id) };
}

export type LoadedChanges = Awaited<ReturnType<typeof changesBetween>>['changes'];

/** The changes between two runs of the list, or null when it has no run (or a run named is not one of its). */
export async function loadChanges(id: string, from?: string, to?: string): Promise<LoadedChanges | null> {
  try {
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
    return await domainHistory(getConfig(), domain);
  } catch {
    return { domain, lists: [], timeline: [], acceptances: [] };
  }
}

/**
 * What the pages read from the server, in one place (pages never import lib/server): the page language, the
 * input policy and limits the forms must agree with, the sign-in settings, and the list of the link a page was
 * opened with. Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import { type BulkParams, decodeBulkParams } from '@/lib/bulk/bulk-link';
import type { InputPolicy } from '@/lib/schema';
import { accessIdentity, checkAccess, safeNextPath } from '@/lib/server/access';
import { principalOf } from '@/lib/server/auth/principal';
import { getConfig } from '@/lib/server/env';
import { fromOtherSite } from '@/lib/server/http/errors';
import { chargePageRender } from '@/lib/server/http/page-limit';
import { requestLanguage } from '@/lib/server/http/request-language';
import { inputPolicy, pageShareLimits } from '@/lib/server/policy';
import { readShareState, type ShareLimits, type ShareNotice, type ShareRead } from '@/lib/share/url-state';

export { requestLanguage as pageLanguage };

/** The input rules and limits of this server, as the dashboard and the bulk page need them. */
export function pageSettings(): { policy: InputPolicy; maxDomainsPerRun: number; staleAfterMs: number } {
  const config = getConfig();
  return {
    policy: inputPolicy(),
    maxDomainsPerRun: config.maxDomainsPerRun,
    staleAfterMs: config.staleAfterH * 3_600_000,
  };
}

/** The signed-in Entra ID user of this request (the header shows them and their role), or null. */
export async function currentUser(): Promise<{ name: string; role: 'viewer' | 'operator' } | null> {
  if (getConfig().entra === null) return null;
  const principal = await principalOf(new Request('http://localhost/', { headers: await headers() }));
  return principal?.kind === 'user' ? { name: principal.name, role: principal.role } : null;
}

/** True when access control is on and this request carries a valid session (the layout then offers Sign out). */
export async function signedIn(): Promise<boolean> {
  const config = getConfig();
  if (config.entra !== null && (await currentUser()) !== null) return true;
  if (config.accessToken === null) return false;
  const access = checkAccess(new Request('http://localhost/', { headers: await headers() }), config);
  return access.ok && access.via === 'session';
}

/** The sign-in page's settings: whether access control is on, and where to go back to (a same-site path). */
export function signinSettings(next: string | undefined): { accessControl: boolean; entra: boolean; next: string } {
  const config = getConfig();
  return { accessControl: config.accessToken !== null, entra: config.entra !== null, next: safeNextPath(next) };
}

export type Query = Readonly<Record<string, string | string[] | undefined>>;

/** A link's list as a page gets it: what the list holds, what to tell the reader, whether to check it at once. */
export type LinkInput<T> = {
  value: T;
  notices: ShareNotice[];
  /** The page's limits, for a list the browser reads itself (after `#`). */
  limits: ShareLimits;
  /**
   * False when another site opened the page (a link in a ticket, a chat or a web mail): the page shows the list
   * and checks nothing until the reader starts it, so a link elsewhere cannot spend this server's DNS budget.
   */
  autoRun: boolean;
};

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Reads the list of the page's address with `read`, within the page's limits. Decoding a list is charged to the
 * caller's request budget (the API's per-client limiter): past it the page renders without the list and says
 * why (never an error page).
 */
async function readLink<T>(
  query: Query,
  page: 'dashboard' | 'bulk',
  read: (query: Query, limits: ShareLimits) => { value: T; notices: ShareNotice[] },
): Promise<LinkInput<T>> {
  const config = getConfig();
  const request = new Request('http://localhost/', { headers: await headers() });
  const autoRun = !fromOtherSite(request.headers);
  const limits = pageShareLimits(page);
  const hasList = [first(query.d), first(query.z)].some((v) => v !== undefined && v !== '');
  if (hasList) {
    const limited = await chargePageRender(request, config, accessIdentity(checkAccess(request, config)));
    if (limited) {
      const { d: _d, z: _z, ...rest } = query;
      const { value } = read(rest, limits);
      const notices: ShareNotice[] = [{ kind: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds }];
      return { value, notices, limits, autoRun };
    }
  }
  return { ...read(query, limits), limits, autoRun };
}

/** The dashboard's `?d=`/`?z=`, `cloud` and `s`. */
export function dashboardLink(query: Query): Promise<LinkInput<ShareRead['state']>> {
  return readLink(query, 'dashboard', (q, limits) => {
    const { state, notices } = readShareState(q, limits);
    return { value: state, notices };
  });
}

/** The bulk page's `?run=`, or its input link's `?d=`/`?z=`, `cloud` and `s`. */
export function bulkLink(query: Query): Promise<LinkInput<BulkParams>> {
  return readLink(query, 'bulk', (q, limits) => {
    const params = decodeBulkParams(q, limits);
    return { value: params, notices: params.notices };
  });
}

/** How long "check until live" may keep re-checking in the page, in minutes (LIVE_WATCH_MAX_MIN; issue 14). */
export function liveWatchMaxMin(): number {
  return getConfig().propagation.liveWatchMaxMin;
}

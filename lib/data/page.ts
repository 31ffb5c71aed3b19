/**
 * What the pages read from the server, in one place (pages never import lib/server): the page language, the
 * input policy and limits the forms must agree with, and the sign-in settings. Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import type { InputPolicy } from '@/lib/schema';
import { checkAccess, safeNextPath } from '@/lib/server/access';
import { getConfig } from '@/lib/server/env';
import { requestLanguage } from '@/lib/server/http/request-language';
import { inputPolicy } from '@/lib/server/policy';

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

/** True when access control is on and this request carries a valid session (the layout then offers Sign out). */
export async function signedIn(): Promise<boolean> {
  const config = getConfig();
  if (config.accessToken === null) return false;
  const access = checkAccess(new Request('http://localhost/', { headers: await headers() }), config);
  return access.ok && access.via === 'session';
}

/** The sign-in page's settings: whether access control is on, and where to go back to (a same-site path). */
export function signinSettings(next: string | undefined): { accessControl: boolean; next: string } {
  return { accessControl: getConfig().accessToken !== null, next: safeNextPath(next) };
}

/** How long "check until live" may keep re-checking in the page, in minutes (LIVE_WATCH_MAX_MIN; issue 14). */
export function liveWatchMaxMin(): number {
  return getConfig().propagation.liveWatchMaxMin;
}

/**
 * Signing in through the local Entra stand-in (lab/oidc-provider.ts) over plain HTTP, for the integration suites of
 * issue 18 (signin.test.ts, ownership.test.ts, graph.test.ts, graph-refresh.test.ts): the whole code flow for a
 * user, its session cookie, and API calls made with it. The lab itself (users, tenants, the app started with
 * sign-in) is ./entra-lab.ts, shared with the browser suite.
 */
import { expect } from 'vitest';
import type { EntraProvider, EntraUser, Tamper } from '../../lab/oidc-provider';
import type { App } from './app';
import { setCookies } from './entra-lab';

export { setCookies } from './entra-lab';

export type Attempt = { session: string | null; location: string; stateCookie: string; callback: string };

/** The request headers of a session (none: anonymous). */
export const as = (session: string | null): Record<string, string> =>
  session ? { cookie: `m365dh-entra=${session}` } : {};

/** Sign-in and API helpers bound to an app and its Entra stand-in (both started later: read when called). */
export function entraClient(target: () => { app: App; provider: EntraProvider }) {
  async function callBack(callback: string, stateCookie: string) {
    const answer = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: `m365dh-entra-state=${stateCookie}` },
    });
    expect(answer.status).toBe(303);
    const session = setCookies(answer).get('m365dh-entra') || null;
    return { session, location: answer.headers.get('location') ?? '' };
  }

  /** Runs the code flow for `user` (the token spoiled as `tamper`); the session cookie or null, and where it ended. */
  async function signIn(user: EntraUser, tamper: Tamper = 'none', next = '/'): Promise<Attempt> {
    const { app, provider } = target();
    provider.signInAs(user);
    provider.tamperNext(tamper);
    const start = await fetch(`${app.url}/signin/entra?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const stateCookie = setCookies(start).get('m365dh-entra-state') ?? '';
    const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const callback = authorize.headers.get('location') ?? '';
    return { ...(await callBack(callback, stateCookie)), stateCookie, callback };
  }

  /** A same-origin API call with `session`: its status and JSON body (`{}` when none). */
  async function api(path: string, session: string | null, init: RequestInit = {}) {
    const { app } = target();
    const response = await fetch(`${app.url}${path}`, {
      ...init,
      headers: { origin: app.url, ...as(session), ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: json && text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  return { signIn, callBack, api };
}

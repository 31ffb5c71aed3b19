/**
 * Entra ID sign-in (issue 18, sections 1–3) against the production build and a local Entra stand-in
 * (lab/oidc-provider.ts), on PostgreSQL, in the 21Vianet cloud with `organizations` and two allowed tenants: the whole code flow
 * over HTTP, every refusal leaving no session, roles on every route, who reads whose run, server-side sign-out, and
 * that every sign-in request went to the configured (local) authority.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EntraProvider, EntraUser, Tamper } from '../../lab/oidc-provider';
import { ApiError } from '../../lib/schema';
import type { App } from '../support/app';
import { appEnv } from '../support/app-env';
import { as, entraClient, setCookies } from '../support/entra';
import { startEntraLab, stopEntraLab, TENANT_A, TENANT_C, users } from '../support/entra-lab';
import { freshDatabase } from '../support/postgres';

const resolver = inject('resolver');
const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';
const { viewer, viewer2, operator, operatorC, foreigner } = users;

let provider: EntraProvider;
let app: App;

const { signIn, callBack, api } = entraClient(() => ({ app, provider }));

const startRun = (session: string | null, domains = 'signin-a.test') =>
  api('/api/runs', session, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domains, cloud: '21vianet' }),
  });

beforeAll(async () => {
  ({ provider, app } = await startEntraLab(
    {
      ...appEnv(resolver),
      // PostgreSQL here (sessions, used states, run owners); the browser suite's app uses the embedded database.
      DATABASE_URL: await freshDatabase('signin'),
      ACCESS_TOKEN: TOKEN,
      ENTRA_CLOUD: 'china',
      DNS_TIMEOUT_MS: '200',
      DNS_TRIES: '1',
    },
    { allowedTenants: [TENANT_A, TENANT_C] },
  ));
});

afterAll(() => stopEntraLab({ app, provider }));

describe('Entra ID sign-in: the code flow', () => {
  it("an allowed tenant's user gets a session and lands where they were going", async () => {
    const attempt = await signIn(viewer, 'none', '/bulk');
    expect(attempt.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(attempt.location).toBe('/bulk');
    expect((await api('/api/runs/00000000000000000000000000000000', attempt.session)).status).toBe(404);
    expect((await api('/api/runs/00000000000000000000000000000000', null)).status).toBe(401);
  });

  it.each<[string, EntraUser, Tamper]>([
    ['another tenant', foreigner, 'none'],
    ['an expired ID token', viewer, 'expired'],
    ['another audience', viewer, 'wrong-audience'],
    ["an issuer that isn't its tid's", viewer, 'wrong-issuer'],
    ['a key the tenant never published', viewer, 'foreign-key'],
  ])('%s is refused and creates no session', async (_label, user, tamper) => {
    const attempt = await signIn(user, tamper);
    expect(attempt.session).toBeNull();
    expect(attempt.location).toBe('/signin?error=entra');
  });

  it('a replayed state is refused, even with its cookie (and a code the authority would redeem again)', async () => {
    provider.reuseNextCode();
    const first = await signIn(viewer);
    expect(first.session).not.toBeNull();
    const replay = await callBack(first.callback, first.stateCookie);
    expect(replay.session).toBeNull();
    expect(replay.location).toBe('/signin?error=entra');
  });

  it("a state that isn't the cookie's is refused", async () => {
    provider.signInAs(viewer);
    const a = await fetch(`${app.url}/signin/entra`, { redirect: 'manual' });
    const b = await fetch(`${app.url}/signin/entra`, { redirect: 'manual' });
    const authorize = await fetch(a.headers.get('location') ?? '', { redirect: 'manual' });
    const mismatch = await callBack(
      authorize.headers.get('location') ?? '',
      setCookies(b).get('m365dh-entra-state') ?? '',
    );
    expect(mismatch.session).toBeNull();
  });

  it('in 21Vianet mode every sign-in request went to the configured authority, none to a worldwide host', () => {
    const host = new URL(provider.url).host;
    expect(provider.requests.length).toBeGreaterThan(0);
    expect(provider.requests.every((r) => r.split(' ')[1] === host)).toBe(true);
    expect(provider.requests.some((r) => r.endsWith('/organizations/v2.0/.well-known/openid-configuration'))).toBe(
      true,
    );
    expect(provider.requests.some((r) => r.endsWith('/organizations/oauth2/v2.0/token'))).toBe(true);
    expect(provider.requests.some((r) => r.endsWith('/organizations/discovery/v2.0/keys'))).toBe(true);
  });
});

describe('roles and ownership', () => {
  let viewerSession: string | null;
  let viewer2Session: string | null;
  let operatorSession: string | null;
  beforeAll(async () => {
    viewerSession = (await signIn(viewer)).session;
    viewer2Session = (await signIn(viewer2)).session;
    operatorSession = (await signIn(operator)).session;
  });

  it('a viewer gets 403 forbidden-role on every operator route; an operator and the shared token get through', async () => {
    const refused = await startRun(viewerSession);
    expect(refused.status).toBe(403);
    expect(ApiError.parse(refused.body).code).toBe('forbidden-role');
    const run = await startRun(operatorSession);
    expect(run.status).toBe(201);
    for (const path of [`/api/runs/${run.body.id}/cancel`, `/api/runs/${run.body.id}/recheck`]) {
      const answer = await api(path, viewerSession, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect([path, answer.status, ApiError.parse(answer.body).code]).toEqual([path, 403, 'forbidden-role']);
    }
    const script = await api('/api/runs', null, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ domains: 'signin-b.test', cloud: '21vianet' }),
    });
    expect(script.status).toBe(201);
  });

  it("an operator's run is read by the tenant's viewers; a viewer's run by its creator and operators only", async () => {
    const operatorRun = (await startRun(operatorSession)).body.id as string;
    expect((await api(`/api/runs/${operatorRun}`, viewerSession)).status).toBe(200);
    expect((await api(`/api/runs/${operatorRun}/export`, viewer2Session)).status).toBe(200);
    // (Viewers can't start runs; the per-user scope of viewers' data is the unit table of lib/server/auth/ownership.ts.)
    const scriptRun = (
      await api('/api/runs', null, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ domains: 'signin-c.test', cloud: '21vianet' }),
      })
    ).body.id as string;
    // A run of no one (the shared token, or from before sign-in): operators see it, viewers don't.
    expect((await api(`/api/runs/${scriptRun}`, operatorSession)).status).toBe(200);
    expect((await api(`/api/runs/${scriptRun}`, viewer2Session)).status).toBe(404);
    expect((await api(`/api/runs/${scriptRun}/export`, viewer2Session)).status).toBe(404);
  });

  it("a second user (another allowed tenant) can't read the first user's run, nor cancel it", async () => {
    const run = (await startRun(operatorSession)).body.id as string;
    expect((await api(`/api/runs/${run}`, operatorSession)).status).toBe(200);
    const other = (await signIn(operatorC)).session;
    expect(other).not.toBeNull();
    expect((await api(`/api/runs/${run}`, other)).status).toBe(404);
    expect((await api(`/api/runs/${run}/events`, other)).status).toBe(404);
    const cancel = await api(`/api/runs/${run}/cancel`, other, { method: 'POST' });
    expect(cancel.status).toBe(404);
    // Its creator cancels it without the owner token: the signed-in owner qualifies.
    expect((await api(`/api/runs/${run}/cancel`, operatorSession, { method: 'POST' })).status).toBe(200);
  });

  it('sign-out revokes the session server-side: the old cookie no longer works', async () => {
    const { session } = await signIn(viewer);
    expect((await api('/api/runs/00000000000000000000000000000000', session)).status).toBe(404);
    const out = await fetch(`${app.url}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...as(session), origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(out.status).toBe(303);
    expect((await api('/api/runs/00000000000000000000000000000000', session)).status).toBe(401);
  });
});

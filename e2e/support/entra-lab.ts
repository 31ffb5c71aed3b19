/**
 * The Entra ID lab set-up that the sign-in suites share (browser and integration alike, so no test runner is
 * imported here): the app registration, the tenants and users of the local Entra stand-in (lab/oidc-provider.ts),
 * and the production build started against it with sign-in on. ./entra.ts adds the HTTP sign-in flow on top.
 */
import { freePort } from '../../lab/net';
import { type EntraProvider, type EntraUser, startEntraProvider } from '../../lab/oidc-provider';
import { type App, startApp } from './app';

/** The lab's app registration: its client id and the secret the stand-in's token endpoint accepts. */
export const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_SECRET = 'lab-client-secret-Zq8vN2xR4tL7pW1mK9sD3fG6';

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const TENANT_C = 'cccccccc-0000-4000-8000-00000000000c';

/** The lab's users: a test picks the ones it needs and lets in the tenants it wants (ALLOWED_TENANTS). */
export const users = {
  viewer: { tid: TENANT_A, oid: 'a0000000-0000-4000-8000-000000000001', name: 'Vera Viewer' },
  viewer2: { tid: TENANT_A, oid: 'a0000000-0000-4000-8000-000000000002', name: 'Wim Viewer' },
  operator: { tid: TENANT_A, oid: 'a0000000-0000-4000-8000-000000000003', name: 'Olga Operator', roles: ['Operator'] },
  operatorB: {
    tid: TENANT_B,
    oid: 'b0000000-0000-4000-8000-000000000013',
    name: 'Bruno Operator',
    roles: ['Operator'],
  },
  operatorC: { tid: TENANT_C, oid: 'c0000000-0000-4000-8000-000000000001', name: 'Carl Operator', roles: ['Operator'] },
  /** A user of tenant B, for apps that don't let B in. */
  foreigner: { tid: TENANT_B, oid: 'b0000000-0000-4000-8000-000000000001', name: 'Bob Other', roles: ['Operator'] },
} satisfies Record<string, EntraUser>;

export type EntraLabOptions = {
  /** ENTRA_TENANT: a tenant id, or `organizations` (the default) with `allowedTenants`. */
  tenant?: string;
  /** ALLOWED_TENANTS (with `organizations`). */
  allowedTenants?: string[];
  /** Options of the Entra stand-in beyond the client secret. */
  provider?: Omit<Parameters<typeof startEntraProvider>[0], 'clientSecret'>;
};

/**
 * Starts the Entra stand-in and the app with `env` plus sign-in through it (PUBLIC_ORIGIN fixed to the app's own
 * port: the redirect URI). Stop both with `stopEntraLab`.
 */
export async function startEntraLab(
  env: Record<string, string>,
  options: EntraLabOptions = {},
): Promise<{ provider: EntraProvider; app: App }> {
  const provider = await startEntraProvider({ ...options.provider, clientSecret: CLIENT_SECRET });
  try {
    const port = await freePort();
    const app = await startApp(
      {
        ...env,
        PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
        ENTRA_CLIENT_ID: CLIENT_ID,
        ENTRA_CLIENT_SECRET: CLIENT_SECRET,
        ENTRA_TENANT: options.tenant ?? 'organizations',
        ...(options.allowedTenants ? { ALLOWED_TENANTS: options.allowedTenants.join(',') } : {}),
        ENTRA_AUTHORITY_URL: provider.url,
      },
      { port },
    );
    return { provider, app };
  } catch (err) {
    await provider.stop();
    throw err;
  }
}

/** Stops what `startEntraLab` started (either may be missing when its start failed). */
export async function stopEntraLab(lab: { app?: App; provider?: EntraProvider }): Promise<void> {
  await lab.app?.stop();
  await lab.provider?.stop();
}

/** The cookies a response sets, by name. */
export function setCookies(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = (pair ?? '').indexOf('=');
    jar.set((pair ?? '').slice(0, eq), (pair ?? '').slice(eq + 1));
  }
  return jar;
}

/**
 * The Entra ID sign-in flow: authorization code with PKCE, `response_mode=query`, through oauth4webapi (the
 * OAuth/OIDC core of openid-client v6, by the same maintainer; see docs/signin.md "Why this library").
 *
 * Start: a fresh state, nonce and PKCE verifier go into a short-lived, HMAC-signed, HttpOnly SameSite=Lax cookie
 * (with where to return to), and the browser goes to the tenant's authorize endpoint. Callback: the state in the
 * query must equal the cookie's (and be used for the first time: a replay is refused server-side), the code is
 * exchanged with the verifier, and the ID token is checked: its signature against the tenant's published keys, its
 * audience, expiry and nonce, its `tid` against the tenants let in, and its issuer against
 * `https://<authority>/<tid>/v2.0` for that tid, our own check, since with `organizations` the discovery document's
 * issuer is the template `…/{tenantid}/v2.0`. Only then a session is created (./session.ts). Every URL comes from
 * the configured authority (./clouds.ts): in 21Vianet mode nothing goes to a worldwide host.
 */
import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { safeEqual, safeNextPath } from '../access';
import type { ServerConfig } from '../env';
import { issuerFor } from './clouds';
import type { EntraConfig } from './entra-config';
import type { GraphTokens, Role } from './types';

export const STATE_COOKIE = 'm365dh-entra-state';
/** Seconds a started sign-in may take before its state expires. */
const STATE_TTL_S = 600;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a callback was refused (logged; the user sees one generic message). */
export class SignInRefused extends Error {
  constructor(readonly reason: string) {
    super(`sign-in refused: ${reason}`);
  }
}

const insecure = (entra: EntraConfig) => entra.authority.startsWith('http:');
const opts = (entra: EntraConfig) => ({
  [oauth.allowInsecureRequests]: insecure(entra),
  signal: AbortSignal.timeout(10_000),
});

const METADATA_KEY = Symbol.for('m365-dns-health.entra-metadata');
type WithMetadata = typeof globalThis & { [METADATA_KEY]?: { key: string; at: number; as: oauth.AuthorizationServer } };

/**
 * The tenant's (or `organizations`') discovery document, its issuer checked: the tenant's own issuer, or the
 * `{tenantid}` template for `organizations`. Cached for an hour.
 */
export async function serverMetadata(entra: EntraConfig): Promise<oauth.AuthorizationServer> {
  const g = globalThis as WithMetadata;
  const key = `${entra.authority}|${entra.tenant}`;
  const cached = g[METADATA_KEY];
  if (cached && cached.key === key && Date.now() - cached.at < 3_600_000) return cached.as;
  const base = new URL(`${entra.authority}/${entra.tenant}/v2.0`);
  const expected = new URL(issuerFor(entra.authority, entra.tenant === 'organizations' ? '{tenantid}' : entra.tenant));
  const response = await oauth.discoveryRequest(base, opts(entra));
  const as = await oauth.processDiscoveryResponse(expected, response);
  g[METADATA_KEY] = { key, at: Date.now(), as };
  return as;
}

function client(entra: EntraConfig): oauth.Client {
  return { client_id: entra.clientId };
}

function scopes(entra: EntraConfig): string {
  const base = ['openid', 'profile'];
  if (entra.graphDomains) base.push('offline_access', `${entra.graph}/Domain.Read.All`);
  return base.join(' ');
}

type PendingSignIn = { state: string; nonce: string; verifier: string; next: string; exp: number };

function sign(entra: EntraConfig, payload: string): string {
  return createHmac('sha256', `${entra.tokenKey}|state-cookie`).update(payload).digest('base64url');
}

/** The signed state cookie's value. */
function sealPending(entra: EntraConfig, pending: PendingSignIn): string {
  const payload = Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');
  return `${payload}.${sign(entra, payload)}`;
}

function openPending(entra: EntraConfig, value: string | null, nowS: number): PendingSignIn | null {
  if (!value) return null;
  const [payload, mac] = value.split('.');
  if (!payload || !mac || !safeEqual(mac, sign(entra, payload))) return null;
  try {
    const pending = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PendingSignIn;
    return typeof pending.state === 'string' && pending.exp > nowS ? pending : null;
  } catch {
    return null;
  }
}

export function stateCookie(value: string, secure: boolean, maxAgeS: number): string {
  // Path / (not the callback's): `__Host-` requires it; Lax so it comes back with Entra's top-level GET.
  const name = secure ? `__Host-${STATE_COOKIE}` : STATE_COOKIE;
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Where the browser goes to sign in, and the state cookie to set. */
export async function startSignIn(
  config: ServerConfig,
  nextPath: string | null,
  secure: boolean,
): Promise<{ location: string; cookie: string }> {
  const entra = config.entra as EntraConfig;
  const as = await serverMetadata(entra);
  const verifier = oauth.generateRandomCodeVerifier();
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier,
    next: safeNextPath(nextPath),
    exp: Math.floor(Date.now() / 1000) + STATE_TTL_S,
  };
  const url = new URL(as.authorization_endpoint as string);
  url.search = new URLSearchParams({
    client_id: entra.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: entra.redirectUri,
    scope: scopes(entra),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return { location: url.href, cookie: stateCookie(sealPending(entra, pending), secure, STATE_TTL_S) };
}

/** The role from the `roles` claim (app roles `Operator`, `Viewer`), else the default. Operator wins. */
export function roleFrom(claim: unknown, fallback: Role): Role {
  const roles = Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [];
  const lower = roles.map((r) => r.toLowerCase());
  if (lower.includes('operator')) return 'operator';
  if (lower.includes('viewer')) return 'viewer';
  return fallback;
}

/** The unverified `tid` of a token response's ID token: only picks the issuer to expect; verified after. */
async function peekTenant(response: Response): Promise<string> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { id_token?: unknown } | null;
  const token = typeof body?.id_token === 'string' ? body.id_token : '';
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      tid?: unknown;
    };
    return typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
  } catch {
    return '';
  }
}

export type SignedInUser = {
  oid: string;
  tid: string;
  name: string;
  role: Role;
  tokens: GraphTokens | null;
  next: string;
};

/**
 * Validates Entra's answer (`callbackUrl` with its query) against the state cookie; throws SignInRefused. A state is
 * used once: a replayed callback is refused even with its cookie.
 */
export async function completeSignIn(
  config: ServerConfig,
  callbackUrl: URL,
  stateCookieValue: string | null,
  markStateUsed: (state: string, expiresAtMs: number) => Promise<boolean>,
): Promise<SignedInUser> {
  const entra = config.entra as EntraConfig;
  const pending = openPending(entra, stateCookieValue, Date.now() / 1000);
  if (!pending) throw new SignInRefused('no valid state cookie');
  const as = await serverMetadata(entra);
  const c = client(entra);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, c, callbackUrl.searchParams, pending.state);
  } catch (err) {
    throw new SignInRefused(`authorization response: ${(err as Error).message}`);
  }
  if (!(await markStateUsed(pending.state, pending.exp * 1000))) throw new SignInRefused('state used before');
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    c,
    oauth.ClientSecretPost(entra.clientSecret),
    params,
    entra.redirectUri,
    pending.verifier,
    opts(entra),
  );
  const tid = await peekTenant(response);
  if (!GUID.test(tid)) throw new SignInRefused('no tenant id in the ID token');
  if (!entra.allowedTenants.includes(tid)) throw new SignInRefused(`tenant ${tid} is not allowed`);
  // The issuer expected is the tenant's own: an ID token whose iss doesn't match its tid fails here.
  const tenantAs: oauth.AuthorizationServer = { ...as, issuer: issuerFor(entra.authority, tid) };
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processAuthorizationCodeResponse(tenantAs, c, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    // The token came straight from the token endpoint, but we check its signature anyway: a foreign key fails.
    await oauth.validateApplicationLevelSignature(tenantAs, response, opts(entra));
  } catch (err) {
    throw new SignInRefused(`ID token: ${(err as Error).message}`);
  }
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims) throw new SignInRefused('no ID token');
  if (String(claims.tid ?? '').toLowerCase() !== tid || claims.iss !== issuerFor(entra.authority, tid)) {
    throw new SignInRefused('issuer does not match the tenant');
  }
  const oid = typeof claims.oid === 'string' ? claims.oid : '';
  if (!oid) throw new SignInRefused('no oid claim');
  const name =
    (typeof claims.name === 'string' && claims.name) ||
    (typeof claims.preferred_username === 'string' && claims.preferred_username) ||
    oid;
  const scope = result.scope ?? '';
  const tokens: GraphTokens | null =
    entra.graphDomains && /Domain\.Read\.All/i.test(scope)
      ? {
          accessToken: result.access_token,
          refreshToken: result.refresh_token ?? null,
          expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
          scope,
        }
      : null;
  return {
    oid,
    tid,
    name: name.slice(0, 200),
    role: roleFrom(claims.roles, entra.defaultRole),
    tokens,
    next: pending.next,
  };
}

/** Refreshes a session's Graph tokens (its tenant's issuer expected for any ID token in the answer). */
export async function refreshGraphTokens(
  config: ServerConfig,
  tid: string,
  refreshToken: string,
): Promise<GraphTokens> {
  const entra = config.entra as EntraConfig;
  const as = { ...(await serverMetadata(entra)), issuer: issuerFor(entra.authority, tid) };
  const response = await oauth.refreshTokenGrantRequest(
    as,
    client(entra),
    oauth.ClientSecretPost(entra.clientSecret),
    refreshToken,
    { ...opts(entra), additionalParameters: { scope: scopes(entra) } },
  );
  const result = await oauth.processRefreshTokenResponse(as, client(entra), response);
  return {
    accessToken: result.access_token,
    refreshToken: result.refresh_token ?? refreshToken,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
    scope: result.scope ?? '',
  };
}

/** Whether a refresh failed because Entra refused the grant (expired, revoked, consent withdrawn), not for want of an answer. */
export function isRefusedGrant(err: unknown): boolean {
  return err instanceof oauth.ResponseBodyError && err.error === 'invalid_grant';
}

/** A fresh random id (exported for tests of the cookie format). */
export const randomId = () => randomBytes(16).toString('base64url');

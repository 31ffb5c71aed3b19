/**
 * A local stand-in for Microsoft Entra ID's sign-in endpoints, on loopback, for the sign-in tests. It serves
 * Entra's paths and claims:
 *   /{tenant}/v2.0/.well-known/openid-configuration   (a tenant id: its own issuer; `organizations`: the
 *                                                        `https://<host>/{tenantid}/v2.0` template, as Entra does)
 *   /{tenant}/oauth2/v2.0/authorize                    (no login page: it signs in the user the test chose)
 *   /{tenant}/oauth2/v2.0/token                        (authorization_code with PKCE S256 and the client secret;
 *                                                        refresh_token for a refresh token it issued)
 *   /{tenant}/discovery/v2.0/keys                      (the public signing key)
 * ID tokens are real RS256 JWTs signed with jose, with `tid`, `oid`, `roles`, `name`, `preferred_username`, `nonce`.
 * A test can ask the next token to be tampered with (expired, another audience, an issuer of another tenant, signed
 * with a key that is not published) and reads every request the provider saw. With `offline_access` in the scope a
 * sign-in also gets a refresh token (rotated on each use, as Entra does); access tokens live `accessTokenTtlS`, and a
 * test can have the refresh grant refused (Entra's answer to a revoked or expired refresh token). The discovery document is written
 * by hand (oidc-provider can't serve Entra's `{tenantid}` issuer template); the tokens are signed by jose.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export type EntraUser = { tid: string; oid: string; name: string; roles?: string[] };
export type Tamper = 'none' | 'expired' | 'wrong-audience' | 'wrong-issuer' | 'foreign-key';

export type EntraProvider = {
  /** `http://127.0.0.1:<port>`: the value for ENTRA_AUTHORITY_URL. */
  url: string;
  /** The user the next authorize request signs in. */
  signInAs(user: EntraUser): void;
  /** How the next ID token is spoiled (then back to `none`). */
  tamperNext(kind: Tamper): void;
  /**
   * Let the next code be redeemed twice (Entra refuses that itself): the sign-in's own one-use state is then the
   * only thing that stops a replayed callback.
   */
  reuseNextCode(): void;
  /** Refuse refresh grants from now on (`invalid_grant`), or accept them again. */
  refuseRefresh(refuse: boolean): void;
  /** Answer refresh grants with a 503 and no OAuth error from now on (Entra unavailable), or normally again. */
  failRefresh(fail: boolean): void;
  /** Every request seen: `METHOD host path`. */
  requests: string[];
  /** Every access token issued, in order, with the grant that got it (a refused grant issues none). */
  issued: { grant: 'authorization_code' | 'refresh_token'; accessToken: string }[];
  /** Every token request's `grant_type`, in order (refused ones too). */
  grants: string[];
  stop(): Promise<void>;
};

type Grant = {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  user: EntraUser;
  scope: string;
};

const b64url = (b: Buffer) => b.toString('base64url');

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the provider on a free loopback port. `clientSecret` is the one the token endpoint accepts. */
export async function startEntraProvider(options: {
  clientSecret: string;
  /** The access tokens' `expires_in` (default 3600, as Entra's are 60–90 minutes). */
  accessTokenTtlS?: number;
}): Promise<EntraProvider> {
  const signing = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(signing.publicKey)), kid: 'lab-key-1', use: 'sig', alg: 'RS256' };
  const codes = new Map<string, Grant>();
  const requests: string[] = [];
  let user: EntraUser | null = null;
  let tamper: Tamper = 'none';
  const reusable = new Set<string>();
  let reuseNext = false;
  let base = '';
  /** Refresh tokens issued and not yet used, with the sign-in each continues. */
  const refreshTokens = new Map<string, Grant>();
  let refuseRefresh = false;
  let failRefresh = false;
  const issued: EntraProvider['issued'] = [];
  const grants: string[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  async function idToken(grant: Grant, clientId: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const kind = tamper;
    tamper = 'none';
    const otherTenant = '99999999-9999-4999-8999-999999999999';
    const iss = `${base}/${kind === 'wrong-issuer' ? otherTenant : grant.user.tid}/v2.0`;
    const jwt = new SignJWT({
      tid: grant.user.tid,
      oid: grant.user.oid,
      name: grant.user.name,
      preferred_username: `${grant.user.name.toLowerCase().replace(/\W+/g, '.')}@lab.test`,
      roles: grant.user.roles ?? [],
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'lab-key-1', typ: 'JWT' })
      .setIssuer(iss)
      .setSubject(`sub-${grant.user.oid}`)
      .setAudience(kind === 'wrong-audience' ? '00000000-0000-4000-8000-00000000dead' : clientId)
      .setIssuedAt(kind === 'expired' ? now - 7200 : now)
      .setNotBefore(kind === 'expired' ? now - 7200 : now)
      .setExpirationTime(kind === 'expired' ? now - 3600 : now + 3600);
    return jwt.sign(kind === 'foreign-key' ? foreign.privateKey : signing.privateKey);
  }

  /** A token response for `grant`: a fresh access token, a refresh token with `offline_access`, an ID token. */
  async function tokenAnswer(kind: 'authorization_code' | 'refresh_token', grant: Grant) {
    const accessToken = b64url(randomBytes(32));
    issued.push({ grant: kind, accessToken });
    const refreshToken = /\boffline_access\b/.test(grant.scope) ? b64url(randomBytes(32)) : undefined;
    if (refreshToken) refreshTokens.set(refreshToken, grant);
    return {
      token_type: 'Bearer',
      scope: grant.scope,
      expires_in: options.accessTokenTtlS ?? 3600,
      access_token: accessToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      // A refreshed ID token carries no nonce (there was no authorize request).
      id_token: await idToken(kind === 'refresh_token' ? { ...grant, nonce: '' } : grant, grant.clientId),
    };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      requests.push(`${req.method} ${req.headers.host} ${url.pathname}`);
      const m =
        /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys)$/.exec(
          url.pathname,
        );
      if (!m) return json(res, 404, { error: 'not_found' });
      const tenant = decodeURIComponent(m[1] ?? '');
      const what = m[2] ?? '';
      if (what.endsWith('openid-configuration')) {
        return json(res, 200, {
          issuer: `${base}/${tenant === 'organizations' ? '{tenantid}' : tenant}/v2.0`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token'],
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          code_challenge_methods_supported: ['plain', 'S256'],
          claims_supported: [
            'sub',
            'iss',
            'aud',
            'exp',
            'iat',
            'nonce',
            'name',
            'preferred_username',
            'oid',
            'tid',
            'roles',
          ],
        });
      }
      if (what === 'discovery/v2.0/keys') return json(res, 200, { keys: [publicJwk] });
      if (what === 'oauth2/v2.0/authorize') {
        const q = url.searchParams;
        const redirectUri = q.get('redirect_uri') ?? '';
        if (!user || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !redirectUri) {
          return json(res, 400, { error: 'invalid_request' });
        }
        const code = b64url(randomBytes(24));
        if (reuseNext) reusable.add(code);
        reuseNext = false;
        codes.set(code, {
          clientId: q.get('client_id') ?? '',
          redirectUri,
          challenge: q.get('code_challenge') ?? '',
          nonce: q.get('nonce') ?? '',
          user,
          scope: q.get('scope') ?? '',
        });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        return res.end();
      }
      // The token endpoint.
      const form = new URLSearchParams(await readBody(req));
      grants.push(form.get('grant_type') ?? '');
      if (form.get('grant_type') === 'refresh_token') {
        if (failRefresh) {
          res.writeHead(503, { 'content-type': 'text/plain' });
          return res.end('Service unavailable');
        }
        const continued = refreshTokens.get(form.get('refresh_token') ?? '');
        if (
          refuseRefresh ||
          !continued ||
          continued.clientId !== form.get('client_id') ||
          form.get('client_secret') !== options.clientSecret
        ) {
          return json(res, 400, {
            error: 'invalid_grant',
            error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
          });
        }
        refreshTokens.delete(form.get('refresh_token') ?? '');
        return json(res, 200, await tokenAnswer('refresh_token', continued));
      }
      const grant = codes.get(form.get('code') ?? '');
      if (!reusable.delete(form.get('code') ?? '')) codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = b64url(createHash('sha256').update(verifier).digest());
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        grant.clientId !== form.get('client_id') ||
        form.get('client_secret') !== options.clientSecret ||
        grant.redirectUri !== form.get('redirect_uri') ||
        grant.challenge !== challenge
      ) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      return json(res, 200, await tokenAnswer('authorization_code', grant));
    })().catch((err: unknown) => json(res, 500, { error: 'server_error', message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    signInAs: (u) => {
      user = u;
    },
    tamperNext: (kind) => {
      tamper = kind;
    },
    reuseNextCode: () => {
      reuseNext = true;
    },
    refuseRefresh: (refuse) => {
      refuseRefresh = refuse;
    },
    failRefresh: (fail) => {
      failRefresh = fail;
    },
    requests,
    issued,
    grants,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The Entra ID sign-in settings (docs/configuration.md "Sign-in with Entra ID"): their zod shape, spread into
 * ../env.ts's schema, and the checked configuration. Sign-in is on when ENTRA_CLIENT_ID is set; then the client
 * secret, the tenant, PUBLIC_ORIGIN (the redirect URI's origin) and, with `organizations`, ALLOWED_TENANTS are
 * required, and a missing one stops the start with a message naming it.
 */
import { z } from 'zod';
import { CLOUD_ENDPOINTS, ENTRA_CLOUDS, type EntraCloud } from './clouds';
import type { Role } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const httpUrl = (what: string) =>
  z.string().refine((v) => {
    try {
      return /^https?:$/.test(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `${what}: an http(s) URL`);

export const ENTRA_ENV = {
  /** The app registration's Application (client) id; set: Entra ID sign-in is on. */
  ENTRA_CLIENT_ID: z.string().regex(GUID, 'the Application (client) ID, a GUID').optional(),
  ENTRA_CLIENT_SECRET: z.string().min(8).max(1024).optional(),
  /** The tenant id (a GUID), or `organizations` (then ALLOWED_TENANTS). */
  ENTRA_TENANT: z
    .string()
    .regex(
      /^(organizations|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
      'the tenant id (a GUID) or organizations',
    )
    .optional(),
  ALLOWED_TENANTS: z.string().optional(),
  ENTRA_CLOUD: z.enum(ENTRA_CLOUDS).default('worldwide'),
  /** Replaces the cloud's sign-in authority (a local OpenID provider in tests). */
  ENTRA_AUTHORITY_URL: httpUrl('ENTRA_AUTHORITY_URL').optional(),
  /** Replaces the cloud's Graph host (a local stand-in in tests). */
  ENTRA_GRAPH_URL: httpUrl('ENTRA_GRAPH_URL').optional(),
  ENTRA_DEFAULT_ROLE: z.enum(['viewer', 'operator']).default('viewer'),
  /** Ask for the delegated `Domain.Read.All` Graph permission at sign-in (needs admin consent). */
  ENTRA_GRAPH_DOMAINS: z.enum(['0', '1', 'true', 'false']).default('0'),
  /** Key that encrypts the Graph tokens kept with a session; default derived from ENTRA_CLIENT_SECRET. */
  ENTRA_TOKEN_KEY: z.string().min(32).max(1024).optional(),
  /** Seconds a sign-in session lasts at most; its cookie is rotated every ENTRA_SESSION_ROTATE_S. */
  ENTRA_SESSION_MAX_AGE_S: z.coerce
    .number()
    .int()
    .min(300)
    .max(30 * 86_400)
    .default(28_800),
  ENTRA_SESSION_ROTATE_S: z.coerce.number().int().min(60).max(86_400).default(900),
};

export type EntraConfig = {
  clientId: string;
  clientSecret: string;
  /** The tenant in the authority's paths: a tenant id, or `organizations`. */
  tenant: string;
  /** Tenant ids let in (lower case): ALLOWED_TENANTS with organizations, else the one tenant. */
  allowedTenants: string[];
  cloud: EntraCloud;
  /** The sign-in authority's origin (no trailing slash). */
  authority: string;
  /** The Graph service root (no trailing slash). */
  graph: string;
  defaultRole: Role;
  graphDomains: boolean;
  /** The redirect URI registered with the app: `<PUBLIC_ORIGIN>/signin/entra/callback`. */
  redirectUri: string;
  tokenKey: string;
  sessionMaxAgeS: number;
  sessionRotateS: number;
};

type EntraEnv = z.infer<z.ZodObject<typeof ENTRA_ENV>>;

/** The checked Entra configuration, or null when sign-in is off. Throws "Invalid configuration: …" lines. */
export function entraConfig(e: EntraEnv, publicOrigin: string | null): EntraConfig | null {
  if (!e.ENTRA_CLIENT_ID) return null;
  const problems: string[] = [];
  if (!e.ENTRA_CLIENT_SECRET)
    problems.push(
      "ENTRA_CLIENT_SECRET: required when ENTRA_CLIENT_ID is set (the app registration's client secret value)",
    );
  if (!e.ENTRA_TENANT)
    problems.push(
      'ENTRA_TENANT: required when ENTRA_CLIENT_ID is set (your tenant id, or organizations with ALLOWED_TENANTS)',
    );
  if (!publicOrigin)
    problems.push(
      'PUBLIC_ORIGIN: required when ENTRA_CLIENT_ID is set (the redirect URI is <PUBLIC_ORIGIN>/signin/entra/callback)',
    );
  const allowed = (e.ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  const bad = allowed.filter((t) => !GUID.test(t));
  if (bad.length > 0) problems.push(`ALLOWED_TENANTS: not tenant ids (GUIDs): ${bad.join(', ')}`);
  const tenant = (e.ENTRA_TENANT ?? '').toLowerCase();
  if (tenant === 'organizations' && allowed.length === 0) {
    problems.push(
      'ALLOWED_TENANTS: required with ENTRA_TENANT=organizations (the tenant ids to let in, comma-separated)',
    );
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const endpoints = CLOUD_ENDPOINTS[e.ENTRA_CLOUD];
  const trim = (url: string) => url.replace(/\/+$/, '');
  const secret = e.ENTRA_CLIENT_SECRET as string;
  return {
    clientId: e.ENTRA_CLIENT_ID,
    clientSecret: secret,
    tenant,
    // A single tenant is the only one let in (ALLOWED_TENANTS is for organizations).
    allowedTenants: tenant === 'organizations' ? allowed : [tenant],
    cloud: e.ENTRA_CLOUD,
    authority: trim(e.ENTRA_AUTHORITY_URL ?? endpoints.authority),
    graph: trim(e.ENTRA_GRAPH_URL ?? endpoints.graph),
    defaultRole: e.ENTRA_DEFAULT_ROLE,
    graphDomains: e.ENTRA_GRAPH_DOMAINS === '1' || e.ENTRA_GRAPH_DOMAINS === 'true',
    redirectUri: `${publicOrigin}/signin/entra/callback`,
    tokenKey: e.ENTRA_TOKEN_KEY ?? `derived:${secret}`,
    sessionMaxAgeS: e.ENTRA_SESSION_MAX_AGE_S,
    sessionRotateS: e.ENTRA_SESSION_ROTATE_S,
  };
}

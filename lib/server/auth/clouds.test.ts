import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLOUD_ENDPOINTS, discoveryUrl, domainReadScope, ENTRA_CLOUDS, issuerFor } from './clouds';
import { ENTRA_ENV, entraConfig } from './entra-config';

const WORLDWIDE = /(^|\.)(microsoftonline\.com|microsoft\.com|windows\.net|office\.com)$/;
const schema = z.object(ENTRA_ENV);
const ID = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const config = (env: Record<string, string>, origin: string | null = 'https://dns.contoso.cn') =>
  entraConfig(schema.parse(env), origin);

describe('the clouds (docs/signin.md "Clouds")', () => {
  it.each([
    ['worldwide', 'login.microsoftonline.com', 'graph.microsoft.com'],
    ['china', 'login.partner.microsoftonline.cn', 'microsoftgraph.chinacloudapi.cn'],
    ['usgovhigh', 'login.microsoftonline.us', 'graph.microsoft.us'],
    ['dod', 'login.microsoftonline.us', 'dod-graph.microsoft.us'],
  ] as const)('%s signs in at %s and reads Graph at %s', (cloud, login, graph) => {
    expect(new URL(CLOUD_ENDPOINTS[cloud].authority).host).toBe(login);
    expect(new URL(CLOUD_ENDPOINTS[cloud].graph).host).toBe(graph);
  });

  it('in 21Vianet mode no URL built for sign-in or Graph names a worldwide host', () => {
    const entra = config({
      ENTRA_CLIENT_ID: ID,
      ENTRA_CLIENT_SECRET: 'secret-value',
      ENTRA_TENANT: TENANT,
      ENTRA_CLOUD: 'china',
    });
    expect(entra).not.toBeNull();
    const urls = [
      entra!.authority,
      entra!.graph,
      discoveryUrl(entra!.authority, entra!.tenant),
      issuerFor(entra!.authority, TENANT),
      domainReadScope(entra!.graph),
    ];
    for (const url of urls) expect([url, WORLDWIDE.test(new URL(url).hostname)]).toEqual([url, false]);
  });

  it('every cloud is in the table', () => {
    expect(Object.keys(CLOUD_ENDPOINTS).sort()).toEqual([...ENTRA_CLOUDS].sort());
  });
});

describe('the sign-in settings are checked at start-up', () => {
  it('is off without ENTRA_CLIENT_ID', () => {
    expect(config({})).toBeNull();
  });
  it.each<[string, Record<string, string>, string | null, RegExp]>([
    ['no secret', { ENTRA_CLIENT_ID: ID, ENTRA_TENANT: TENANT }, 'https://x.test', /ENTRA_CLIENT_SECRET: required/],
    [
      'no tenant',
      { ENTRA_CLIENT_ID: ID, ENTRA_CLIENT_SECRET: 'secret-value' },
      'https://x.test',
      /ENTRA_TENANT: required/,
    ],
    [
      'organizations without ALLOWED_TENANTS',
      { ENTRA_CLIENT_ID: ID, ENTRA_CLIENT_SECRET: 'secret-value', ENTRA_TENANT: 'organizations' },
      'https://x.test',
      /ALLOWED_TENANTS: required with ENTRA_TENANT=organizations/,
    ],
    [
      'a tenant list that is not tenant ids',
      {
        ENTRA_CLIENT_ID: ID,
        ENTRA_CLIENT_SECRET: 'secret-value',
        ENTRA_TENANT: 'organizations',
        ALLOWED_TENANTS: 'contoso.com',
      },
      'https://x.test',
      /ALLOWED_TENANTS: not tenant ids/,
    ],
    [
      'no PUBLIC_ORIGIN',
      { ENTRA_CLIENT_ID: ID, ENTRA_CLIENT_SECRET: 'secret-value', ENTRA_TENANT: TENANT },
      null,
      /PUBLIC_ORIGIN: required/,
    ],
  ])('%s stops the start with a message naming it', (_label, env, origin, message) => {
    expect(() => config(env, origin)).toThrow(message);
  });
  it('a single tenant lets in only itself; organizations the listed ones', () => {
    const single = config({ ENTRA_CLIENT_ID: ID, ENTRA_CLIENT_SECRET: 'secret-value', ENTRA_TENANT: TENANT });
    expect(single?.allowedTenants).toEqual([TENANT]);
    expect(single?.redirectUri).toBe('https://dns.contoso.cn/signin/entra/callback');
    const many = config({
      ENTRA_CLIENT_ID: ID,
      ENTRA_CLIENT_SECRET: 'secret-value',
      ENTRA_TENANT: 'organizations',
      ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , bbbbbbbb-0000-4000-8000-00000000000b`,
    });
    expect(many?.allowedTenants).toEqual([TENANT, 'bbbbbbbb-0000-4000-8000-00000000000b']);
  });
});

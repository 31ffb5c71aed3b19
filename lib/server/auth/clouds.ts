/**
 * The Microsoft clouds sign-in can run in, each with its own sign-in authority and Microsoft Graph host
 * (docs/signin.md "Clouds" cites Microsoft's tables). GCC (Moderate) uses the worldwide endpoints; GCC High and DoD
 * share the US Government sign-in host but not the Graph host. Pure: no I/O. In `china` mode nothing here yields a
 * worldwide host (a unit test holds every URL built from the table to it).
 */
export const ENTRA_CLOUDS = ['worldwide', 'china', 'usgovhigh', 'dod'] as const;
export type EntraCloud = (typeof ENTRA_CLOUDS)[number];

export const CLOUD_ENDPOINTS: Record<EntraCloud, { authority: string; graph: string }> = {
  worldwide: { authority: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' },
  china: { authority: 'https://login.partner.microsoftonline.cn', graph: 'https://microsoftgraph.chinacloudapi.cn' },
  usgovhigh: { authority: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us' },
  dod: { authority: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us' },
};

/** The tenant's v2.0 issuer under an authority: `https://<authority>/<tid>/v2.0`. */
export function issuerFor(authority: string, tenantId: string): string {
  return `${authority.replace(/\/+$/, '')}/${tenantId}/v2.0`;
}

/** The discovery document of `tenant` (a tenant id, a domain or `organizations`) under an authority. */
export function discoveryUrl(authority: string, tenant: string): string {
  return `${authority.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`;
}

/** The delegated Graph scope that reads the tenant's domains, spelled with the cloud's Graph host. */
export function domainReadScope(graph: string): string {
  return `${graph.replace(/\/+$/, '')}/Domain.Read.All`;
}

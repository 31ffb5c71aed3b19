/**
 * Microsoft Graph's service root per cloud (https://learn.microsoft.com/graph/deployments, "Microsoft Graph and
 * Graph Explorer service root endpoints"): GCC uses the worldwide host; GCC High and DoD share a sign-in host but not
 * a Graph host.
 */
import { CLOUD_ENDPOINTS } from '../auth/clouds';
import type { GraphConfig, ServerConfig } from '../env';

export const GRAPH_HOSTS: Readonly<Record<GraphConfig['cloud'], string>> = {
  worldwide: 'graph.microsoft.com',
  gcc: 'graph.microsoft.com',
  '21vianet': 'microsoftgraph.chinacloudapi.cn',
  gcchigh: 'graph.microsoft.us',
  dod: 'dod-graph.microsoft.us',
};

/** The Graph host of the configured cloud (what every request names in its Host header). */
export function graphHost(config: Pick<GraphConfig, 'cloud'>): string {
  return GRAPH_HOSTS[config.cloud];
}

/** Where Graph requests go: the host they name (Host header, TLS name) and where to connect instead (tests), if set. */
export type GraphTarget = { host: string; baseUrl: string | null };

/**
 * The Graph target of the configuration. With Entra sign-in on, the sign-in cloud's Graph host (ENTRA_CLOUD; the
 * user's token is for that cloud), reached at GRAPH_BASE_URL, else at ENTRA_GRAPH_URL when it replaces the host;
 * without sign-in (the test token), GRAPH_CLOUD's host, reached at GRAPH_BASE_URL when set.
 */
export function graphTarget(config: Pick<ServerConfig, 'graph' | 'entra'>): GraphTarget {
  if (config.entra !== null) {
    const host = new URL(CLOUD_ENDPOINTS[config.entra.cloud].graph).host;
    const configured = new URL(config.entra.graph);
    const replaced = configured.host === host ? null : configured.origin;
    return { host, baseUrl: config.graph.baseUrl ?? replaced };
  }
  return { host: graphHost(config.graph), baseUrl: config.graph.baseUrl };
}

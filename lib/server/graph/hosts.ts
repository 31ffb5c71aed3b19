/**
 * Microsoft Graph's service root per cloud (https://learn.microsoft.com/graph/deployments, "Microsoft Graph and
 * Graph Explorer service root endpoints"): GCC uses the worldwide host; GCC High and DoD share a sign-in host but not
 * a Graph host.
 */
import type { GraphConfig } from '../env';

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

import 'server-only';
import { type InputPolicy, runBodyLimit, runLineLimit } from '@/lib/schema';
import { type ShareLimits, shareLimits } from '@/lib/share/url-state';
import { getConfig, type ServerConfig } from './env';

/** The input rules of this server, from its configuration. */
export function inputPolicy(): InputPolicy {
  const c = getConfig();
  return {
    allowTestDomains: c.allowTestDomains,
    maxDomainsPerRequest: c.maxDomainsPerRequest,
    maxLines: c.maxLinesPerRequest,
    maxLineLength: c.maxLineLength,
    maxBodyBytes: c.maxBodyBytes,
  };
}

type RunLimitsConfig = Pick<ServerConfig, 'maxLinesPerRequest' | 'maxDomainsPerRun' | 'maxBodyBytes'>;

/** The most lines a bulk run's list may have (POST /api/runs): a request's, or two per domain of a full run. */
export const runMaxLines = (config: RunLimitsConfig) =>
  runLineLimit({ maxLines: config.maxLinesPerRequest, maxDomainsPerRun: config.maxDomainsPerRun });

/** The largest body of POST /api/runs: a full run's list (at least MAX_BODY_BYTES). */
export const runBodyBytes = (config: Pick<RunLimitsConfig, 'maxBodyBytes' | 'maxDomainsPerRun'>) =>
  runBodyLimit(config);

/**
 * How much of a share link's list a page restores: no more than the list it hands on could be (the dashboard's
 * POST /api/check, the bulk page's POST /api/runs), with no entry longer than MAX_LINE_LENGTH.
 */
export function pageShareLimits(page: 'dashboard' | 'bulk'): ShareLimits {
  const c = getConfig();
  if (page === 'dashboard') return shareLimits(inputPolicy());
  return shareLimits({ maxLines: runMaxLines(c), maxLineLength: c.maxLineLength, maxBodyBytes: runBodyBytes(c) });
}

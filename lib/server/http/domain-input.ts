/**
 * Turns a request's `domains` field into the list to check, applying every input bound in one place
 * (lines, the client's names per registrable domain, unique-domain limit, nothing valid). Shared by
 * POST /api/check and POST /api/runs, which differ only in their limits and wording.
 */
import 'server-only';
import { type DomainList, parseDomainList } from '@/lib/report/domain-list';
import type { ServerConfig } from '@/lib/server/env';
import { getNamesWindow } from '@/lib/server/names-window';
import { errorResponse } from './errors';
import { capNamesPerRegistrable } from './guard';

export type ListLimits = { maxDomains: number; maxLines: number; unit: 'request' | 'run' };

/**
 * MAX_NAMES_PER_REGISTRABLE over `client`'s window (NAMES_PER_REGISTRABLE_WINDOW_S) in this process: the list
 * with the names past it as invalid lines, and the `commit` that counts the rest (call it when they will be
 * checked, with no await in between). `client` is the rate-limit key: the caller's, or a run's owner.
 */
export function capToNamesWindow(
  list: DomainList,
  client: string,
  config: ServerConfig,
  lang: string,
  maxDomains: number,
): { list: DomainList; commit(): void } {
  return capNamesPerRegistrable(list, {
    names: getNamesWindow(config),
    client,
    maxPerRegistrable: config.maxNamesPerRegistrable,
    windowS: config.namesWindowS,
    maxDomains,
    lang,
  });
}

/**
 * The accepted list, or the error response that explains which bound was hit. The accepted names count in
 * `client`'s names window from now on; a refused list counts nothing.
 */
export function acceptDomainList(
  domains: string | readonly string[],
  config: ServerConfig,
  lang: string,
  limits: ListLimits,
  client: string,
): { list: DomainList } | { response: Response } {
  const lines = typeof domains === 'string' ? domains.split('\n').length : domains.length;
  if (lines > limits.maxLines) {
    return {
      response: errorResponse(
        'payload-too-large',
        `Too many lines: ${lines}. The limit is ${limits.maxLines} lines per ${limits.unit}.`,
        { limit: limits.maxLines, count: lines },
      ),
    };
  }
  const parsed = parseDomainList(domains, {
    allowTestDomains: config.allowTestDomains,
    maxLineLength: config.maxLineLength,
    maxDomains: limits.maxDomains,
    lang,
  });
  const { list, commit } = capToNamesWindow(parsed, client, config, lang, limits.maxDomains);
  if (list.overLimit) {
    const { limit, count } = list.overLimit;
    return {
      response: errorResponse(
        'too-many-domains',
        `${count} unique domains were given; the limit is ${limit} per ${limits.unit}. Nothing was checked.`,
        { limit, count },
      ),
    };
  }
  if (list.domains.length === 0) {
    return { response: errorResponse('invalid-input', 'No valid domain was given.', { issues: list.invalid }) };
  }
  commit();
  return { list };
}

/**
 * Turns a request's `domains` field into the list to check, applying every input bound in one place
 * (lines, per-registrable cap, unique-domain limit, nothing valid). Shared by POST /api/check and
 * POST /api/runs, which differ only in their limits and wording.
 */
import 'server-only';
import { type DomainList, parseDomainList } from '@/lib/report/domain-list';
import type { ServerConfig } from '@/lib/server/env';
import { errorResponse } from './errors';
import { capNamesPerRegistrable } from './guard';

export type ListLimits = { maxDomains: number; maxLines: number; unit: 'request' | 'run' };

/** The accepted list, or the error response that explains which bound was hit. */
export function acceptDomainList(
  domains: string | readonly string[],
  config: ServerConfig,
  lang: string,
  limits: ListLimits,
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
  const list = capNamesPerRegistrable(parsed, {
    maxPerRegistrable: config.maxNamesPerRegistrable,
    maxDomains: limits.maxDomains,
    lang,
  });
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
  return { list };
}

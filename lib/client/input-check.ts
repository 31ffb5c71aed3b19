/**
 * Validates the text box exactly as the server will (same parser, same policy), so mistakes show before
 * anything is sent. Also applies the request-level limits the route checks first: line count and body size.
 * This module carries the Public Suffix List (tldts) and punycode, so the page loads it on demand
 * (components/dashboard/page-modules.ts), not with its first JavaScript.
 */
import { type DomainList, parseEntries, type ReasonText, type SliceOptions } from '@/lib/input/parse-list';
import type { CheckRequest, InputPolicy } from '@/lib/schema';
import { parseList } from './list-worker';

export { withoutRejected } from '@/lib/input/parse-list';

export type InputCheck = {
  list: DomainList;
  /** Lines as the server counts them (`\n`-separated). */
  lineCount: number;
  tooManyLines: { count: number; limit: number } | null;
  tooLarge: { size: number; limit: number } | null;
  /** True when a request would be accepted and would check at least one domain. */
  canSubmit: boolean;
};

export type CheckInputOptions = {
  /** The reason text of a rejected entry, in the page's language (the translator's `t`). */
  reasonText: ReasonText;
  /** The language the request will name (it counts towards the body size). */
  lang?: string;
  services?: CheckRequest['services'];
};

/** The JSON body the page sends for a run; `services` only when the user set one. */
export function checkBody(
  text: string,
  cloud: CheckRequest['cloud'],
  lang?: string,
  services?: CheckRequest['services'],
): CheckRequest {
  return { domains: text, cloud, ...(services ? { services } : {}), ...(lang ? { lang } : {}) };
}

function listOptions(policy: InputPolicy) {
  return {
    allowTestDomains: policy.allowTestDomains,
    maxLineLength: policy.maxLineLength,
    maxDomains: policy.maxDomainsPerRequest,
  };
}

/** Lines as the server counts them (`\n`-separated), without splitting a text of megabytes into an array. */
function countLines(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Checks `text` against `policy` the way POST /api/check will. Never throws. */
export function checkInput(
  text: string,
  cloud: CheckRequest['cloud'],
  policy: InputPolicy,
  options: CheckInputOptions,
): InputCheck {
  return withLimits(parseEntries(text, listOptions(policy), options.reasonText), text, cloud, policy, options);
}

/**
 * `checkInput` in slices, or on a worker thread for a paste of megabytes (`parseList`, ./list-worker.ts), so it
 * never holds the page for long: the same result, or null when `slices.signal` aborted it.
 */
export async function checkInputInSlices(
  text: string,
  cloud: CheckRequest['cloud'],
  policy: InputPolicy,
  options: CheckInputOptions,
  slices: SliceOptions,
): Promise<InputCheck | null> {
  const list = await parseList(text, listOptions(policy), options.reasonText, slices);
  return list ? withLimits(list, text, cloud, policy, options) : null;
}

function withLimits(
  list: DomainList,
  text: string,
  cloud: CheckRequest['cloud'],
  policy: InputPolicy,
  { lang, services }: CheckInputOptions,
): InputCheck {
  const lineCount = countLines(text);
  const tooManyLines = lineCount > policy.maxLines ? { count: lineCount, limit: policy.maxLines } : null;
  const size = new TextEncoder().encode(JSON.stringify(checkBody(text, cloud, lang, services))).byteLength;
  const tooLarge = size > policy.maxBodyBytes ? { size, limit: policy.maxBodyBytes } : null;
  const canSubmit = list.domains.length > 0 && !list.overLimit && !tooManyLines && !tooLarge;
  return { list, lineCount, tooManyLines, tooLarge, canSubmit };
}

/**
 * Validates the text box exactly as the server will (same parser, same policy), so mistakes show before
 * anything is sent. Also applies the request-level limits the route checks first: line count and body size.
 * This module carries the Public Suffix List (tldts) and punycode, so the page loads it on demand
 * (components/dashboard/page-modules.ts), not with its first JavaScript.
 */
import { type DomainList, parseEntries, type ReasonText } from '@/lib/input/parse-list';
import type { CheckRequest, InputPolicy } from '@/lib/schema';

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

/** Checks `text` against `policy` the way POST /api/check will. Never throws. */
export function checkInput(
  text: string,
  cloud: CheckRequest['cloud'],
  policy: InputPolicy,
  { reasonText, lang, services }: CheckInputOptions,
): InputCheck {
  const list = parseEntries(
    text,
    {
      allowTestDomains: policy.allowTestDomains,
      maxLineLength: policy.maxLineLength,
      maxDomains: policy.maxDomainsPerRequest,
    },
    reasonText,
  );
  const lineCount = text.length === 0 ? 0 : text.split('\n').length;
  const tooManyLines = lineCount > policy.maxLines ? { count: lineCount, limit: policy.maxLines } : null;
  const size = new TextEncoder().encode(JSON.stringify(checkBody(text, cloud, lang, services))).byteLength;
  const tooLarge = size > policy.maxBodyBytes ? { size, limit: policy.maxBodyBytes } : null;
  const canSubmit = list.domains.length > 0 && !list.overLimit && !tooManyLines && !tooLarge;
  return { list, lineCount, tooManyLines, tooLarge, canSubmit };
}

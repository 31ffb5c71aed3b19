/**
 * The closed lists of the contract, without zod: lib/schema.ts builds its zod enums from these and re-exports
 * them, so code that needs only a list (the page's first paint) does not pull all of zod into the browser.
 * Everything else about the contract lives in lib/schema.ts. Pure and browser-safe.
 */

/** The clouds a user can pick. `auto` infers the cloud from MX, autodiscover and SPF. */
export const CLOUD_CHOICES = ['auto', 'worldwide', '21vianet', 'gcc', 'gcchigh', 'dod'] as const;

/**
 * Every way a lookup can end. `nxdomain` and `nodata` are real negative answers; every other
 * non-`answer` outcome means "could not check" and never "missing".
 */
export const LOOKUP_OUTCOMES = [
  'answer',
  'nxdomain',
  'nodata',
  'servfail',
  'refused',
  'timeout',
  'bad-response',
  'network-error',
  'cancelled',
  'deadline',
  'skipped',
] as const;

/** One way a lookup can end. */
export type LookupOutcome = (typeof LOOKUP_OUTCOMES)[number];

/** Outcomes that are a real answer from DNS (positive or negative). Anything else is a failure. */
export const ANSWERED_OUTCOMES: ReadonlySet<LookupOutcome> = new Set(['answer', 'nxdomain', 'nodata']);
/** True for a real answer from DNS (positive or negative). */
export function isAnswered(outcome: LookupOutcome): boolean {
  return ANSWERED_OUTCOMES.has(outcome);
}

/** Every record the diagnosis reports on, in display order. */
export const RECORD_IDS = [
  'verification',
  'msoid',
  'mx',
  'autodiscover',
  'autodiscover-srv',
  'spf',
  'dkim-selector1',
  'dkim-selector2',
  'dmarc',
  'sipfederation',
  'sip',
  'lyncdiscover',
  'sip-tls',
  'enterpriseregistration',
  'enterpriseenrollment',
] as const;

/** The services a tenant may or may not use on a domain; they decide which records are required. */
export const SERVICE_FLAGS = ['mail', 'teams', 'intune'] as const;

/** A domain's overall health over all its records. */
export const RECORDS_HEALTH = ['healthy', 'needs-attention', 'broken', 'could-not-check'] as const;

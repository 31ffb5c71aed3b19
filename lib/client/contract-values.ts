/**
 * The few closed lists of lib/schema.ts that the page needs at first paint, without zod: lib/schema.ts builds
 * its zod enums next to these lists, so importing a list from there puts all of zod (about 30 KB gzip) into the
 * page's first JavaScript. lib/schema.ts stays the contract: the types come from it, and
 * contract-values.test.ts fails when a copy here differs from its original. Pure and browser-safe.
 */
import type { CloudChoice, LookupOutcome, RecordId, ServiceFlag } from '@/lib/schema';

/** `CLOUD_CHOICES` of lib/schema.ts. */
export const CLOUD_CHOICES = [
  'auto',
  'worldwide',
  '21vianet',
  'gcc',
  'gcchigh',
  'dod',
] as const satisfies readonly CloudChoice[];

/** `SERVICE_FLAGS` of lib/schema.ts. */
export const SERVICE_FLAGS = ['mail', 'teams', 'intune'] as const satisfies readonly ServiceFlag[];

/** `RECORD_IDS` of lib/schema.ts, in its order (the records table's order). */
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
] as const satisfies readonly RecordId[];

const ANSWERED: ReadonlySet<LookupOutcome> = new Set<LookupOutcome>(['answer', 'nxdomain', 'nodata']);

/** `isAnswered` of lib/schema.ts: a real answer from DNS (positive or negative); anything else is a failure. */
export function isAnswered(outcome: LookupOutcome): boolean {
  return ANSWERED.has(outcome);
}

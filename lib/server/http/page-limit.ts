/**
 * Rate limits for pages, so they can't be used to go around the API's limits (same client key): a page that
 * runs a check itself (the detail page) costs one request point and one domain point; a page that decodes a
 * shared list from its address (the dashboard, the bulk page) one request point.
 */
import 'server-only';
import type { ServerConfig } from '@/lib/server/env';
import { clientKey, consume, getLimiters, type RateDecision } from '@/lib/server/rate-limit';

/** Charges one check of one domain to the caller. Returns the rejection, or null when allowed. */
export async function chargePageCheck(
  request: Request,
  config: ServerConfig,
  identity: string | null,
): Promise<Extract<RateDecision, { ok: false }> | null> {
  const client = clientKey(request, config, identity);
  const limiters = await getLimiters(config);
  const requests = await consume(limiters.requests, 'requests', client, 1);
  if (!requests.ok) return requests;
  const domains = await consume(limiters.domains, 'domains', client, 1);
  return domains.ok ? null : domains;
}

/** Charges one page render that decodes a shared list. Returns the rejection, or null when allowed. */
export async function chargePageRender(
  request: Request,
  config: ServerConfig,
  identity: string | null,
): Promise<Extract<RateDecision, { ok: false }> | null> {
  const client = clientKey(request, config, identity);
  const limiters = await getLimiters(config);
  const requests = await consume(limiters.requests, 'requests', client, 1);
  return requests.ok ? null : requests;
}

/**
 * Rate limits for pages that run a check themselves (the detail page), so they can't be used to go
 * around the API's limits: one request point and one domain point per check, same client key.
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
  const limiters = await getLimiters(config.rateLimit);
  const requests = await consume(limiters.requests, 'requests', client, 1);
  if (!requests.ok) return requests;
  const domains = await consume(limiters.domains, 'domains', client, 1);
  return domains.ok ? null : domains;
}

/** Charges one request (no domain: nothing is checked) to the caller: reading a stored result. */
export async function chargePageRead(
  request: Request,
  config: ServerConfig,
  identity: string | null,
): Promise<Extract<RateDecision, { ok: false }> | null> {
  const limiters = await getLimiters(config.rateLimit);
  const requests = await consume(limiters.requests, 'requests', clientKey(request, config, identity), 1);
  return requests.ok ? null : requests;
}

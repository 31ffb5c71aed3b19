/**
 * The operations API: liveness (GET /api/health, with the DNS counters for callers with access), readiness
 * (GET /api/ready) and the input policy (GET /api/policy). Route handlers only wire these.
 */
import 'server-only';
import { sharedProbe } from '../dns/probe';
import { getResolver } from '../dns/process';
import { errorResponse } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import { inputPolicy } from '../policy';
import { checkPoolSent } from '../workers/pool';

const noStore = { 'Cache-Control': 'no-store' };

/** The main thread's resolver counters; `sent` also counts the check workers' queries (`workerSent` of them). */
function dnsStats() {
  const main = getResolver().stats();
  const workerSent = checkPoolSent();
  return { ...main, sent: main.sent + workerSent, workerSent };
}

/** Liveness: answers while the process is alive; no DNS. The DNS counters only to callers with access. */
export function health(_input: unknown, ctx: GuardedContext): Response {
  const dns = ctx.authorized ? { dns: dnsStats() } : {};
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...dns }, { headers: noStore });
}

/**
 * Readiness: 200 when a configured resolver answers `. NS`, else 503 `not-ready`. The probe is shared: callers
 * within READY_CACHE_MS of the last one get its result, so no request sends a query of its own. The resolver
 * addresses only to callers with access (like the DNS counters of /api/health).
 */
export async function ready(_input: unknown, ctx: GuardedContext): Promise<Response> {
  const { servers, readyTimeoutMs, readyCacheMs } = ctx.config;
  const { ready: ok, results, at } = await sharedProbe(servers, readyTimeoutMs, readyCacheMs);
  if (ok) {
    const checkedAt = new Date(at).toISOString();
    const resolvers = results.map((r) => ({ server: r.server, outcome: r.outcome, elapsedMs: r.elapsedMs }));
    return Response.json(
      { status: 'ready', checkedAt, ...(ctx.authorized ? { resolvers } : {}) },
      { headers: noStore },
    );
  }
  const detail = ctx.authorized
    ? results.map((r) => `${r.server} ${r.outcome}`).join(', ')
    : results.map((r) => r.outcome).join(', ');
  return errorResponse('not-ready', `No configured DNS resolver answered: ${detail}.`);
}

/** The input policy the server enforces, so the page validates exactly the same way. */
export function policy(): Response {
  return Response.json(inputPolicy(), { headers: noStore });
}

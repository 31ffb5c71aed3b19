import { getResolver } from '@/lib/server/dns/process';
import { guarded } from '@/lib/server/guard';
import { checkPoolSent } from '@/lib/server/workers/pool';

export const dynamic = 'force-dynamic';

/**
 * Liveness: answers while the process is alive. Does no DNS. Also reports the process's DNS counters
 * (queries sent, by the main thread and the check workers; in flight and cache hits of the main thread) so operators and the benchmark can read the server's own count;
 * with access control on, only to callers that sent the token or a session.
 */
/** The main thread's resolver counters; `sent` also counts the check workers' queries (`workerSent` of them). */
function dnsStats() {
  const main = getResolver().stats();
  const workerSent = checkPoolSent();
  return { ...main, sent: main.sent + workerSent, workerSent };
}

export const GET = guarded('health', (_request, ctx) => {
  const dns = ctx.authorized ? { dns: dnsStats() } : {};
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...dns },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});

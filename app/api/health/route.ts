import { getResolver } from '@/lib/server/check';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

/**
 * Liveness: answers while the process is alive. Does no DNS. Also reports the process's DNS counters
 * (queries sent, in flight, cache hits) so operators and the benchmark can read the server's own count;
 * with access control on, only to callers that sent the token or a session.
 */
export const GET = guarded('health', (_request, ctx) => {
  const dns = ctx.authorized ? { dns: getResolver().stats() } : {};
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...dns },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});

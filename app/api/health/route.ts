import { getResolver } from '@/lib/server/check';

export const dynamic = 'force-dynamic';

/**
 * Liveness: answers while the process is alive. Does no DNS. Also reports the process's DNS counters
 * (queries sent, in flight, cache hits) so operators and the benchmark can read the server's own count.
 */
export function GET(): Response {
  const dns = getResolver().stats();
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()), dns },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

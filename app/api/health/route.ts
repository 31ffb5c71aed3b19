export const dynamic = 'force-dynamic';

/** Liveness: answers while the process is alive. Does no DNS. */
export function GET(): Response {
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

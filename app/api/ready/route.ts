import { probeResolvers } from '@/lib/server/dns/probe';
import { guarded } from '@/lib/server/guard';
import { errorResponse } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** Readiness: 200 `{status:'ready'}` when a configured resolver answers `. NS`, else 503 `not-ready`. */
export const GET = guarded('ready', async (_request, ctx) => {
  const { ready, results } = await probeResolvers(ctx.config.servers, ctx.config.readyTimeoutMs);
  const resolvers = results.map((r) => ({ server: r.server, outcome: r.outcome, elapsedMs: r.elapsedMs }));
  if (ready) return Response.json({ status: 'ready', resolvers }, { headers: { 'Cache-Control': 'no-store' } });
  const detail = results.map((r) => `${r.server} ${r.outcome}`).join(', ');
  return errorResponse('not-ready', `No configured DNS resolver answered: ${detail}.`);
});

import { guarded } from '@/lib/server/guard';
import { requireSameOrigin } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { findRun, runRouteError } from '@/lib/server/runs/route-helpers';
import { runSummaryHead } from '@/lib/server/runs/view';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs/:id/cancel — no new domain starts, lookups in flight are aborted, finished results stay.
 * Answers the run summary (without results); the status is `cancelled` unless the run had already ended.
 */
export async function POST(request: Request, route: RouteContext<'/api/runs/[id]/cancel'>): Promise<Response> {
  const { id } = await route.params;
  return guarded('check', async (req) => {
    try {
      requireSameOrigin(req);
      const engine = getRunEngine();
      const run = await findRun(engine, id);
      if (run instanceof Response) return run;
      await engine.cancel(id);
      return Response.json(runSummaryHead(run, run.results.length), { headers: { 'Cache-Control': 'no-store' } });
    } catch (err) {
      return runRouteError(err);
    }
  })(request);
}

import { guarded } from '@/lib/server/guard';
import { errorResponse } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { runEventsResponse } from '@/lib/server/runs/events';
import { findRun, intParam, runRouteError } from '@/lib/server/runs/route-helpers';

export const dynamic = 'force-dynamic';

/**
 * GET /api/runs/:id/events[?from=N][&after=R] — NDJSON: rows before N stored after revision R (re-checks),
 * stored results from N, then new ones, progress lines and a final `done`. Closing it never stops the run.
 */
export async function GET(request: Request, route: RouteContext<'/api/runs/[id]/events'>): Promise<Response> {
  const { id } = await route.params;
  return guarded('check', async (req, ctx) => {
    try {
      const params = new URL(req.url).searchParams;
      const from = intParam(params, 'from', 0);
      const after = intParam(params, 'after', undefined);
      if (from === null || from === undefined || after === null) {
        return errorResponse('invalid-input', 'from and after must be non-negative whole numbers.');
      }
      const engine = getRunEngine();
      const run = await findRun(engine, id);
      if (run instanceof Response) return run;
      return runEventsResponse(engine, id, from, ctx.signal, after);
    } catch (err) {
      return runRouteError(err);
    }
  })(request);
}

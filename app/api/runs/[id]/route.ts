import { guarded } from '@/lib/server/guard';
import { errorResponse } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { findRun, intParam, runRouteError } from '@/lib/server/runs/route-helpers';
import { runSummaryResponse } from '@/lib/server/runs/view';

export const dynamic = 'force-dynamic';

/** GET /api/runs/:id[?from=N][&limit=M] — the run summary, progress, counts and the results from N. */
export async function GET(request: Request, route: RouteContext<'/api/runs/[id]'>): Promise<Response> {
  const { id } = await route.params;
  return guarded('check', async (req) => {
    try {
      const params = new URL(req.url).searchParams;
      const from = intParam(params, 'from', 0);
      const limit = intParam(params, 'limit', undefined);
      if (from === null || from === undefined || limit === null) {
        return errorResponse('invalid-input', 'from and limit must be non-negative whole numbers.');
      }
      const run = await findRun(getRunEngine(), id);
      if (run instanceof Response) return run;
      return runSummaryResponse(run, from, limit);
    } catch (err) {
      return runRouteError(err);
    }
  })(request);
}

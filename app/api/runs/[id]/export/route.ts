import { guarded } from '@/lib/server/guard';
import { errorResponse } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { exportStream } from '@/lib/server/runs/export';
import { findRun, runRouteError } from '@/lib/server/runs/route-helpers';

export const dynamic = 'force-dynamic';

/**
 * GET /api/runs/:id/export[?format=csv|json] — every stored result of the run as a download: CSV (one row per
 * domain × record, UTF-8 BOM, formula cells neutralised) or JSON (the full reports, original values), streamed.
 */
export async function GET(request: Request, route: RouteContext<'/api/runs/[id]/export'>): Promise<Response> {
  const { id } = await route.params;
  return guarded('check', async (req) => {
    try {
      const format = new URL(req.url).searchParams.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') {
        return errorResponse('invalid-input', 'format must be csv or json.');
      }
      const run = await findRun(getRunEngine(), id);
      if (run instanceof Response) return run;
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const name = `m365-dns-health-${run.id.slice(0, 8)}-${stamp}.${format}`;
      const body = exportStream(run.results, format, { lang: run.lang });
      return new Response(body, {
        headers: {
          'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}"`,
          'Cache-Control': 'no-store',
        },
      });
    } catch (err) {
      return runRouteError(err);
    }
  })(request);
}

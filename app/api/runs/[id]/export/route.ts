import { ExportQuery, exportRun } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/runs/:id/export[?format=csv|json] — every stored result of the run as a download: CSV (one row per
 * domain × record, UTF-8 BOM, formula cells neutralised) or JSON (the full reports, original values), streamed.
 */
export const GET = route('check', { role: 'viewer', query: ExportQuery }, exportRun);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { ListExportQuery } from '@/lib/schema-lists';
import { exportListRun } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/export[?run=] — one run of the list as CSV, with an `accepted` column. */
export const GET = route('check', { role: 'viewer', query: ListExportQuery }, exportListRun);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

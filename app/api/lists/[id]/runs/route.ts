import { getListRuns, runListNow } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/runs — the list's kept runs, newest first, with health counts. */
export const GET = route('check', { role: 'viewer' }, getListRuns);
/** POST /api/lists/:id/runs — runs the list now; 201 with the run id. */
export const POST = route('check', { role: 'operator', sameOrigin: true }, runListNow);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

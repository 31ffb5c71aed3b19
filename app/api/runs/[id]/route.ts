import { getRun, SummaryQuery } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/runs/:id[?from=N][&limit=M] — the run summary, progress, counts and the results from N. */
export const GET = route('check', { role: 'viewer', query: SummaryQuery }, getRun);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

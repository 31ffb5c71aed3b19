import { RunRecheckRequest } from '@/lib/schema';
import { recheckRun } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs/:id/recheck {domains?: string[], filter?: 'could-not-check'} — checks those domains of the
 * run again (fresh, past our cache) and replaces their results; 202, the new results come through events.
 */
export const POST = route('check', { role: 'operator', body: RunRecheckRequest, emptyBody: true }, recheckRun);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

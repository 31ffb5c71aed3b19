import { cancelRun } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs/:id/cancel — no new domain starts, lookups in flight are aborted, finished results stay.
 * Answers the run summary (without results); the status is `cancelled` unless the run had already ended.
 */
export const POST = route('check', { role: 'operator', sameOrigin: true }, cancelRun);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

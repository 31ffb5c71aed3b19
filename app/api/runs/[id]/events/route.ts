import { EventsQuery, followRun } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/runs/:id/events[?from=N][&after=R] — NDJSON: rows before N stored after revision R (re-checks),
 * stored results from N, then new ones, progress lines and a final `done`. Closing it never stops the run.
 */
export const GET = route('check', { role: 'viewer', query: EventsQuery }, followRun);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { testListAlerts } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /api/lists/:id/alerts/test — a test message to each of the list's channels, kept in its delivery log. */
export const POST = route('open', { role: 'operator', sameOrigin: true }, testListAlerts);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

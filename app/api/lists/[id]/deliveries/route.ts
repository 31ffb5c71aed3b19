import { getListDeliveries } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/deliveries — the list's alert delivery log, newest first. */
export const GET = route('open', { role: 'viewer' }, getListDeliveries);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { Subscriptions } from '@/lib/schema-alerts';
import { getListAlerts, putListAlerts } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/alerts, PUT {subscriptions: [{channelId, on}]} — the list's channels and what alerts them. */
export const GET = route('open', { role: 'viewer' }, getListAlerts);
export const PUT = route('open', { role: 'operator', body: Subscriptions }, putListAlerts);

export const { POST, PATCH, DELETE } = otherMethods('GET', 'PUT');

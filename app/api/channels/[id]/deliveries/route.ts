import { getChannelDeliveries } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/channels/:id/deliveries — the channel's delivery log, newest first. */
export const GET = route('open', { role: 'viewer' }, getChannelDeliveries);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

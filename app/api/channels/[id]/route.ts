import { ChannelUpdate } from '@/lib/schema-alerts';
import { getChannel, patchChannel, removeChannel } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/channels/:id, PATCH {name?, lang?}, DELETE (its subscriptions go with it). */
export const GET = route('open', { role: 'viewer' }, getChannel);
export const PATCH = route('open', { role: 'operator', body: ChannelUpdate }, patchChannel);
export const DELETE = route('open', { role: 'operator', sameOrigin: true }, removeChannel);

export const { POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');

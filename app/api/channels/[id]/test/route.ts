import { testChannel } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /api/channels/:id/test — sends a test message now: 200 with the delivery, or 502 with why it failed. */
export const POST = route('open', { role: 'operator', sameOrigin: true }, testChannel);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

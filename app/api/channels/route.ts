import { ChannelCreate } from '@/lib/schema-alerts';
import { getChannels, postChannel } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/channels — every alert channel (secrets masked). */
export const GET = route('open', { role: 'viewer' }, getChannels);
/** POST /api/channels {kind, name, lang?, url | host…} — 201 with the channel; secrets are never returned. */
export const POST = route('open', { role: 'operator', body: ChannelCreate }, postChannel);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

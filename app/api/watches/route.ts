import { WatchCreate } from '@/lib/schema-alerts';
import { postWatch } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /api/watches {domain, records?, channelId?, deadline?, lang?} — a server-side "tell me when it's live". */
export const POST = route('check', { role: 'operator', body: WatchCreate }, postWatch);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

import { getWatchById, removeWatch } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/watches/:id — state (`watching`, `live`, `gave-up`), what the last check saw; DELETE stops it. */
export const GET = route('open', { role: 'viewer' }, getWatchById);
export const DELETE = route('open', { role: 'operator', sameOrigin: true }, removeWatch);

export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');

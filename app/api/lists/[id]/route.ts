import { ListUpdateRequest } from '@/lib/schema-lists';
import { getList, patchList, removeList } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id — the list, its domains with tags, and its last runs. */
export const GET = route('check', { role: 'viewer' }, getList);
/** PATCH /api/lists/:id {name?, add?, remove?, tags?, cloud?, services?, lang?, retentionDays?}. */
export const PATCH = route('check', { role: 'operator', body: ListUpdateRequest }, patchList);
/** DELETE /api/lists/:id — the list with its runs and acceptances; 204. */
export const DELETE = route('check', { role: 'operator', sameOrigin: true }, removeList);

export const { POST, PUT } = otherMethods('GET', 'PATCH', 'DELETE');

import { ListCreateRequest } from '@/lib/schema-lists';
import { createList, getLists } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists — every list with its last runs' health counts. */
export const GET = route('check', { role: 'viewer' }, getLists);
/** POST /api/lists {name, domains | csv | fromRun, cloud?, services?, lang?, tags?} — a new list; 201. */
export const POST = route('check', { role: 'operator', body: ListCreateRequest }, createList);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

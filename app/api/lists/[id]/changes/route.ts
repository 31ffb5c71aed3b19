import { ChangesQuery } from '@/lib/schema-lists';
import { getChanges } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/changes[?from=&to=][&format=csv][&kind=] — what changed between two runs. */
export const GET = route('check', { role: 'viewer', query: ChangesQuery }, getChanges);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

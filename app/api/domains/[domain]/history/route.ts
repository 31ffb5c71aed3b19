import { getDomainHistory } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/domains/:domain/history — the domain's timeline in every list that contains it. */
export const GET = route('check', { role: 'viewer' }, getDomainHistory);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

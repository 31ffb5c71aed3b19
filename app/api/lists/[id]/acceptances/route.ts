import { AcceptanceDeleteRequest, AcceptanceRequest } from '@/lib/schema-lists';
import { acceptFinding, unacceptFinding } from '@/lib/server/api/lists';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /api/lists/:id/acceptances {domain, record, note, expiresAt?} — accept a finding as intended; 201. */
export const POST = route('check', { role: 'operator', body: AcceptanceRequest }, acceptFinding);
/** DELETE /api/lists/:id/acceptances {domain, record} — the finding counts again; 204. */
export const DELETE = route('check', { role: 'operator', body: AcceptanceDeleteRequest }, unacceptFinding);

export const { GET, PUT, PATCH } = otherMethods('POST', 'DELETE');

import { CheckRequest } from '@/lib/schema';
import { CheckQuery, checkList, checkOne } from '@/lib/server/api/check';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/check?domain=D&cloud=C[&services=S][&fresh=1][&lang=L] — one domain, one JSON report. Same origin only
 * (a GET that spends DNS budget: another site's page, image or link gets 403 before anything is charged).
 */
export const GET = route('check', { role: 'viewer', query: CheckQuery, sameOrigin: true }, checkOne);

/** POST /api/check {domains, cloud, services?, fresh?, lang?} — one NDJSON line per domain as it is checked. */
export const POST = route('check', { role: 'viewer', body: CheckRequest }, checkList);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');

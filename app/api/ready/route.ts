import { ready } from '@/lib/server/api/ops';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Readiness: 200 `{status:'ready'}` when a configured resolver answers `. NS`, else 503 `not-ready`. */
export const GET = route('ready', { role: 'none' }, ready);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { openApi } from '@/lib/server/api/openapi';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/openapi.json — the OpenAPI 3.1 description of this API (docs/api.md), open like /api/health. */
export const GET = route('health', { role: 'none' }, openApi);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { policy } from '@/lib/server/api/ops';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The input policy the server enforces, so the page validates exactly the same way. */
export const GET = route('health', { role: 'none' }, policy);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

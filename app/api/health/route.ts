import { health } from '@/lib/server/api/ops';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Liveness: answers while the process is alive. Does no DNS. Also reports the process's DNS counters (queries
 * sent by the main thread and the check workers, in flight, cache hits) to callers with the token or a session.
 */
export const GET = route('health', { role: 'none' }, health);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

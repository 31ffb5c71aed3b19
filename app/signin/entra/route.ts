import { entraStart } from '@/lib/server/api/entra';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /signin/entra[?next=/path] — starts sign-in with Microsoft Entra ID (302 to the tenant's sign-in page). */
export const GET = route('signin', { role: 'none' }, entraStart);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

import { OPEN_FORM, openList } from '@/lib/server/api/forms';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /open (form: d, cloud, s, lang) — the dashboard's Check before its scripts ran: 303 to the share link. */
export const POST = route('open', { role: 'viewer', form: OPEN_FORM }, openList);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

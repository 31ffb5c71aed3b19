import { SIGNOUT_FORM, signOut } from '@/lib/server/api/forms';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /signout (form, same origin) — removes the session cookie and goes to /signin. */
export const POST = route('signin', { role: 'none', form: SIGNOUT_FORM }, signOut);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

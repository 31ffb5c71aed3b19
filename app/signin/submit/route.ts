import { SIGNIN_FORM, signIn } from '@/lib/server/api/forms';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /signin/submit (form: token, next, lang) — sets the session cookie and returns to `next`, or to /signin. */
export const POST = route('signin', { role: 'none', form: SIGNIN_FORM }, signIn);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

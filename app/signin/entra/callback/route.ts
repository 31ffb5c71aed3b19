import { entraCallback } from '@/lib/server/api/entra';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /signin/entra/callback?code&state — Entra's answer: a session and back to `next`, or /signin?error=entra. */
export const GET = route('signin', { role: 'none' }, entraCallback);

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

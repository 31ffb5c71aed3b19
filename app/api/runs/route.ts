import { RunCreateRequest } from '@/lib/schema';
import { createRun, runBodyBytes } from '@/lib/server/api/runs';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** POST /api/runs {domains, cloud, services?, lang?} — starts a server-side run; 201 with its id and links. */
export const POST = route('check', { role: 'operator', body: RunCreateRequest, maxBodyBytes: runBodyBytes }, createRun);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

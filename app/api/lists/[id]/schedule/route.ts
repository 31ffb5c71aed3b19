import { ScheduleUpdate } from '@/lib/schema-alerts';
import { deleteListSchedule, getListSchedule, putListSchedule } from '@/lib/server/api/alerts';
import { otherMethods, route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/lists/:id/schedule, PUT {cron | simple, tz, enabled}, DELETE. */
export const GET = route('open', { role: 'viewer' }, getListSchedule);
export const PUT = route('open', { role: 'operator', body: ScheduleUpdate }, putListSchedule);
export const DELETE = route('open', { role: 'operator', sameOrigin: true }, deleteListSchedule);

export const { POST, PATCH } = otherMethods('GET', 'PUT', 'DELETE');

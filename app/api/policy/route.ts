import { guarded } from '@/lib/server/guard';
import { inputPolicy } from '@/lib/server/policy';

export const dynamic = 'force-dynamic';

/** The input policy the server enforces, so the page validates exactly the same way. */
export const GET = guarded('health', () => Response.json(inputPolicy(), { headers: { 'Cache-Control': 'no-store' } }));

import { inputPolicy } from '@/lib/server/policy';

export const dynamic = 'force-dynamic';

/** The input policy the server enforces, so the page validates exactly the same way. */
export function GET(): Response {
  return Response.json(inputPolicy(), { headers: { 'Cache-Control': 'no-store' } });
}

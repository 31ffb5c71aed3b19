/**
 * The answers of the operations routes (lib/server/api/ops.ts) as zod schemas, for the OpenAPI description: those
 * handlers write plain objects, so their contract is stated here and checked against the running app
 * (e2e/integration/openapi.test.ts).
 */
import { z } from 'zod';
import { LookupOutcome } from '@/lib/schema';

/** GET /api/health. `dns` (the resolver counters) only for callers with access. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number().int().nonnegative(),
  dns: z
    .object({
      sent: z.number().int().nonnegative(),
      /** Of `sent`, the queries the check worker threads sent (bulk runs). */
      workerSent: z.number().int().nonnegative(),
    })
    .catchall(z.unknown())
    .optional(),
});

/** GET /api/ready (200). `resolvers` only for callers with access; a failed probe is 503 `not-ready`. */
export const ReadyResponse = z.object({
  status: z.literal('ready'),
  checkedAt: z.string(),
  storage: z.enum(['ok', 'unavailable']),
  resolvers: z
    .array(z.object({ server: z.string(), outcome: LookupOutcome, elapsedMs: z.number().nonnegative() }))
    .optional(),
});

/**
 * The wait after a refusal that time fixes (a 429: a rate limit, or the run quota): when the page may send again,
 * counted from when the answer arrived with the server's own `retryAfterSeconds`/`Retry-After`, exactly. Nothing
 * else waits: a 413 (or any other refusal) is not fixed by waiting, so it never retries by itself. Pure.
 */
import type { ClientErrorCode } from './api-error';

/** What a refusal must carry to be retried by itself. */
export type Refusal = { code: ClientErrorCode; status: number; retryAfterSeconds?: number };

/** Codes a wait fixes (all answered with 429 and a wait by the server). */
const WAIT_FIXES: ReadonlySet<ClientErrorCode> = new Set(['rate-limited', 'too-many-runs']);

/** The time (ms since the epoch) the request may be sent again, or null when waiting won't help. */
export function retryAt(err: Refusal, receivedAt: number): number | null {
  if (err.status !== 429 || !WAIT_FIXES.has(err.code)) return null;
  const seconds = err.retryAfterSeconds;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  return receivedAt + Math.ceil(seconds) * 1000;
}

/** Whole seconds left until `at` (0 once it has passed): the number the countdown shows. */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

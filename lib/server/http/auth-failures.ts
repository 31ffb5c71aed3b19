/**
 * Failed authentication (a wrong bearer token or session cookie, a wrong token typed into the sign-in form), counted
 * per client over a window (rate-limiter-flexible, in memory). What a failure earns depends on whom it can hurt:
 * - a source we can tell apart (`ip:` from the trusted proxy) is refused with 429 once it has failed too often, so
 *   guessing from one address stops without touching anyone else;
 * - a shared key (`anonymous`, `token`) is never refused: one guesser must not lock out everyone who shares it,
 *   and the right token always works. A failed sign-in answers after a delay that doubles with each failure
 *   instead, which slows a guesser who waits for answers; with a random 32-character token
 *   (env.ts `MIN_SECRET_LENGTH`) guessing is hopeless anyway.
 * Failures are logged sampled (the 1st, 2nd, 4th, 8th… of a client in the window), so a flood of guesses can't
 * flood the log.
 */
import 'server-only';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** The window failures are counted in. */
export const AUTH_FAILURE_WINDOW_S = 15 * 60;
/** Failures of one source address after which its further attempts are refused until the window ends. */
export const AUTH_FAILURES_PER_SOURCE = 20;
/** The delay before a failed sign-in is answered: 250 ms, doubling per failure, at most 8 s. */
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8000;

export type AuthFailure = {
  /** Failures of this client in the window, this one included. */
  count: number;
  /** Milliseconds to wait before answering a failed sign-in (0 for a source address, which is refused instead). */
  delayMs: number;
  /** True when this failure is one to log (sampled). */
  log: boolean;
};

const KEY = Symbol.for('m365-dns-health.auth-failures');
type WithFailures = typeof globalThis & { [KEY]?: RateLimiterMemory };

function failures(): RateLimiterMemory {
  const g = globalThis as WithFailures;
  g[KEY] ??= new RateLimiterMemory({ keyPrefix: 'authfail', points: 1_000_000, duration: AUTH_FAILURE_WINDOW_S });
  return g[KEY];
}

/** True for a key that names one source (not a bucket several callers share). */
function isSource(client: string): boolean {
  return client.startsWith('ip:');
}

/** The delay before answering the `count`-th failed sign-in. */
export function signInDelayMs(count: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, count - 1));
}

/** Counts one failed authentication of `client`. */
export async function recordAuthFailure(client: string): Promise<AuthFailure> {
  const res = await failures().consume(client, 1);
  const count = res.consumedPoints;
  // A source address is refused after AUTH_FAILURES_PER_SOURCE instead; only a shared key needs the delay.
  return { count, delayMs: isSource(client) ? 0 : signInDelayMs(count), log: (count & (count - 1)) === 0 };
}

/**
 * Seconds until `client` may try to authenticate again, when it is a source address that failed too often in the
 * window; null otherwise (always for shared keys).
 */
export async function authRefusedFor(client: string): Promise<number | null> {
  if (!isSource(client)) return null;
  const res = await failures().get(client);
  if (!res || res.consumedPoints < AUTH_FAILURES_PER_SOURCE) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

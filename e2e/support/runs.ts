/** Polling a run through the API, for the integration tests that start, kill and restart apps mid-run. */
import { expect } from 'vitest';
import { RunSummary } from '../../lib/schema';
import { get } from './http';

/** The run's summary with every result (`from=0`); the request must succeed. */
export async function summary(base: string, id: string): Promise<RunSummary> {
  const result = await get(base, `/api/runs/${id}?from=0`);
  expect(result.status, result.text.slice(0, 300)).toBe(200);
  return RunSummary.parse(result.json);
}

/**
 * Polls `probe` every `everyMs` (250 ms) until it returns a value; by default a probe that throws is tried again
 * (an app restarting) and its last error is named if the wait times out. `retryErrors: false` fails at the first
 * throw (a probe whose request must succeed every time).
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  { everyMs = 250, retryErrors = true }: { everyMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (!retryErrors) throw err;
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits (see `until`) for run `id` to end with nothing pending, as `base` reports it; its summary. */
export function finished(what: string, base: string, id: string, timeoutMs: number): Promise<RunSummary> {
  return until(
    what,
    async () => {
      const s = await summary(base, id);
      return s.status === 'done' && s.pending === 0 ? s : undefined;
    },
    timeoutMs,
  );
}

/**
 * GET /api/runs/:id/events: an NDJSON stream of a run. First every stored result from `from`, then new ones
 * as they finish (a re-checked result is sent again with its index), progress lines at most every 250 ms
 * (and at least every second while the run goes on), and a final `done` line. With `after` (a revision),
 * rows before `from` stored after that revision are sent first: a re-check finished before the stream opened
 * is not missed. Ends when the run ends or the client goes away; never stops the run.
 *
 * The stream is pulled: each pass writes what is new as one chunk (one write, not one per line), at most
 * MAX_CHUNK_ROWS rows or MAX_CHUNK_BYTES bytes, and the next pass waits until the client has read it, so a
 * client catching up on 10,000 rows never makes the server hold them all at once. Report lines are copied from
 * the stored JSON bytes of each result (./stored-result.ts), never serialised again.
 */
import type { RunEvent } from '@/lib/schema';
import type { RunEngine } from './engine';
import { isFinished } from './store';
import { reportEventParts } from './stored-result';
import { runProgress } from './view';

const PROGRESS_EVERY_MS = 250;
const HEARTBEAT_MS = 1000;
/** After a wake-up, wait this long at most so a burst of results goes out as one chunk. */
const BURST_MS = 50;
const MAX_CHUNK_ROWS = 256;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

/** The NDJSON response following run `id` from result `from`. */
export function runEventsResponse(
  engine: RunEngine,
  id: string,
  from: number,
  signal: AbortSignal,
  after?: number,
): Response {
  const { store } = engine;
  let closed = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let cursor = from;
  const replaced = new Set<number>();
  let caughtUp = after === undefined;
  let lastProgress = 0;
  /** Set by every change of the run; cleared when a pass starts. */
  let dirty = true;
  let unsubscribe: (() => void) | null = null;
  const onAbort = () => {
    closed = true;
    poke();
  };
  const stop = () => {
    closed = true;
    unsubscribe?.();
    unsubscribe = null;
    signal.removeEventListener('abort', onAbort);
    poke();
  };

  /** One pass: the bytes due now (whole lines) and whether the stream ends after them. */
  const pass = async (): Promise<{ parts: Buffer[]; end: boolean }> => {
    const parts: Buffer[] = [];
    let rows = 0;
    let bytes = 0;
    const line = (event: RunEvent) => parts.push(Buffer.from(`${JSON.stringify(event)}\n`));
    const row = (more: Buffer[]) => {
      rows++;
      for (const part of more) {
        bytes += part.length;
        parts.push(part);
      }
    };
    const found = await store.get(id);
    if (!('found' in found)) {
      line({ type: 'done', status: 'expired', checked: 0, total: 0 });
      return { parts, end: true };
    }
    const run = found.found;
    const finished = isFinished(run);
    if (!caughtUp) {
      // Rows before `from` stored after revision `after` (re-checks the client has not seen yet).
      caughtUp = true;
      for (let i = 0; i < Math.min(from, run.results.length); i++) {
        if ((run.results[i]?.revision ?? 0) > (after ?? 0)) replaced.add(i);
      }
    }
    const full = () => rows >= MAX_CHUNK_ROWS || bytes >= MAX_CHUNK_BYTES;
    for (const index of [...replaced].sort((a, b) => a - b)) {
      if (full()) break;
      replaced.delete(index);
      const result = run.results[index];
      if (result) row(reportEventParts(result, index));
    }
    while (cursor < run.results.length && !full()) {
      row(reportEventParts(run.results[cursor] as (typeof run.results)[number], cursor));
      cursor++;
    }
    // More rows are waiting: send these first; progress and `done` come with the last of them.
    if (full() && (replaced.size > 0 || cursor < run.results.length)) return { parts, end: false };
    const now = Date.now();
    if (finished || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      line({ type: 'progress', ...runProgress(run, now) });
    }
    if (finished) {
      line({ type: 'done', status: run.status, checked: run.results.length, total: run.targets.length });
      return { parts, end: true };
    }
    return { parts, end: false };
  };

  /** Resolves when something may be new: a result or status change (then after a short burst), or the heartbeat. */
  const news = () =>
    new Promise<void>((resolve) => {
      // The first rows go out at once; later ones are gathered for up to BURST_MS, until progress is due.
      const burstMs =
        cursor === from ? 0 : Math.min(Math.max(PROGRESS_EVERY_MS - (Date.now() - lastProgress), 0), BURST_MS);
      const burst = () => setTimeout(resolve, burstMs);
      if (dirty || closed) {
        burst();
        return;
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, HEARTBEAT_MS);
      wake = () => {
        clearTimeout(timer);
        burst();
      };
    });

  const stream = new ReadableStream<Uint8Array>({
    start() {
      unsubscribe = store.subscribe(id, (change) => {
        if (change.kind === 'result' && change.index < cursor) replaced.add(change.index);
        dirty = true;
        poke();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        while (!closed) {
          dirty = false;
          const { parts, end } = await pass();
          if (closed) break;
          // One write per pass: every line of it in one buffer.
          if (parts.length > 0) controller.enqueue(Buffer.concat(parts));
          if (end) break;
          // Something went out: the next pull comes once the client has taken it.
          if (parts.length > 0) return;
          await news();
        }
      } catch (err) {
        console.error('run events stream failed', err);
      }
      stop();
      try {
        controller.close();
      } catch {
        // The client went away; nothing left to close.
      }
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    },
  });
}

/**
 * GET /api/runs/:id/events: an NDJSON stream of a run. First every stored result from `from`, then new ones
 * as they finish (a re-checked result is sent again with its index), progress lines at most every 250 ms
 * (and at least every second while the run goes on), and a final `done` line. With `after` (a revision),
 * rows before `from` stored after that revision are sent first: a re-check finished before the stream opened
 * is not missed. Ends when the run ends or the
 * client goes away; never stops the run.
 */
import type { RunEvent } from '@/lib/schema';
import type { RunEngine } from './engine';
import { isFinished } from './store';
import { runProgress, runResult } from './view';

const PROGRESS_EVERY_MS = 250;
const HEARTBEAT_MS = 1000;

/** The NDJSON response following run `id` from result `from`. */
export function runEventsResponse(
  engine: RunEngine,
  id: string,
  from: number,
  signal: AbortSignal,
  after?: number,
): Response {
  const { store } = engine;
  const encoder = new TextEncoder();
  let closed = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let cursor = from;
      const replaced = new Set<number>();
      let caughtUp = after === undefined;
      const unsubscribe = store.subscribe(id, (change) => {
        if (change.kind === 'result' && change.index < cursor) replaced.add(change.index);
        poke();
      });
      const onAbort = () => {
        closed = true;
        poke();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const write = (line: RunEvent) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          closed = true;
        }
      };
      let lastProgress = 0;
      try {
        while (!closed) {
          const found = await store.get(id);
          if (!('found' in found)) {
            write({ type: 'done', status: 'expired', checked: 0, total: 0 });
            break;
          }
          const run = found.found;
          const finished = isFinished(run);
          if (!caughtUp) {
            // Rows before `from` stored after revision `after` (re-checks the client has not seen yet).
            caughtUp = true;
            for (let i = 0; i < Math.min(from, run.results.length); i++) {
              if ((run.revisions[i] ?? 0) > (after ?? 0)) replaced.add(i);
            }
          }
          for (const index of [...replaced].sort((a, b) => a - b)) {
            const report = run.results[index];
            if (report) write({ type: 'report', ...runResult(run, report, index) });
          }
          replaced.clear();
          while (cursor < run.results.length) {
            const report = run.results[cursor] as (typeof run.results)[number];
            write({ type: 'report', ...runResult(run, report, cursor) });
            cursor++;
          }
          const now = Date.now();
          if (finished || now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now;
            write({ type: 'progress', ...runProgress(run, now) });
          }
          if (finished) {
            write({ type: 'done', status: run.status, checked: run.results.length, total: run.targets.length });
            break;
          }
          const waitMs = Math.max(PROGRESS_EVERY_MS - (Date.now() - lastProgress), 0);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              // Batch bursts of results into one pass, without delaying the stream by more than a moment.
              setTimeout(resolve, Math.min(waitMs, 50));
            };
          });
        }
      } catch (err) {
        console.error('run events stream failed', err);
      } finally {
        closed = true;
        unsubscribe();
        signal.removeEventListener('abort', onAbort);
        try {
          controller.close();
        } catch {
          // The client went away; nothing left to close.
        }
      }
    },
    cancel() {
      closed = true;
      poke();
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

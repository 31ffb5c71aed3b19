/**
 * GET /api/runs/:id/events: an NDJSON stream of a run. First every stored result from `from`, then new ones
 * as they finish (a re-checked result is sent again with its index), progress lines at most every 250 ms
 * (and at least every second while the run goes on), and a final `done` line. With `after` (a revision),
 * rows before `from` stored after that revision are sent first: a re-check finished before the stream opened
 * is not missed. Ends when the run ends or the client goes away; never stops the run.
 *
 * The stream is pulled: each pass writes what is due as one chunk (one write, not one per line), and the next
 * pass waits until the client has read it, so a client catching up on 10,000 rows never makes the server hold
 * them all at once. Report lines are copied from the result's JSON bytes, never serialised again: a row that
 * finishes while the client follows is written into the follower's line buffer at once, from the bytes the
 * store hands over; any other row is unpacked from the store when its turn comes.
 *
 * What one follower may hold is bounded whatever its client does: a pass writes at most PASS_BYTES (plus the
 * line that crosses it) and MAX_PASS_ROWS rows, live rows written ahead of the next pass count against the same
 * PASS_BYTES, and the line buffer keeps no more than that between passes (./line-buffer.ts). A client that
 * takes nothing of what was written for `STREAM_IDLE_TIMEOUT_MS` (no pull while a chunk waits) is cut off: the
 * stream errors, so the response is aborted and everything queued for it is freed. The stream ends once the
 * client has taken its last chunk (or went away, or was cut off, or it failed), and only then calls `onEnd`
 * (once): the caller's follower slot (./followers.ts) is held until then.
 */
import 'server-only';
import type { RunEvent } from '@/lib/schema';
import { streamedResponse } from '../http/ndjson';
import { getLog, redactRunId } from '../log';
import type { RunEngine } from './engine';
import { createLineBuffer } from './line-buffer';
import { isFinished } from './store';
import { renderedBytes, reportEventPieces } from './stored-result';
import { runProgress } from './view';

const PROGRESS_EVERY_MS = 250;
/** After a wake-up, wait this long at most so a burst of results goes out as one chunk. */
const BURST_MS = 50;
/** Rows read from the store per pass, at most (the rest come in the next pass, once this one is read). */
const MAX_PASS_ROWS = 256;
/**
 * Bytes written per pass, at most, plus the line that crosses it (three or four 20 KB reports): one chunk. Live
 * rows written ahead of the next pass count against it too (a client that lags gets the rest from the store).
 * A client that reads nothing leaves about four chunks queued between here and its socket (this stream, the
 * guard's, Next's writer and the write in flight): 64 KB keeps that near a quarter of a megabyte, and 20 MB of
 * a 1,000-domain run still goes out in about 300 writes (docs/performance.md, "Idle event followers").
 */
export const PASS_BYTES = 64 * 1024;

/**
 * The NDJSON response following run `id` from result `from`, its reports in `lang`. `onEnd` is called once, when
 * the stream ends for whatever reason (see the module comment).
 */
export function runEventsResponse(
  engine: RunEngine,
  id: string,
  from: number,
  signal: AbortSignal,
  after: number | undefined,
  lang: string,
  onEnd?: () => void,
): Response {
  const { store } = engine;
  const idleMs = engine.config.streamIdleTimeoutMs;
  let closed = false;
  let ended = false;
  /** A pull is running (the client took the last chunk); between pulls a chunk waits for the client. */
  let pulling = false;
  /** The last chunk (with `done`) is written: the stream closes at the next pull, once the client took it. */
  let lastWritten = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let wake: (() => void) | null = null;
  /** Ends the burst `news` is gathering at once: a pass's bytes are waiting. */
  let hurry: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const out = createLineBuffer(PASS_BYTES);
  /** Rows before `cursor` are written (or in `out`); `ahead` of them are in `out`, written by the listener. */
  let cursor = from;
  let ahead = 0;
  let sentRows = false;
  const replaced = new Set<number>();
  let caughtUp = after === undefined;
  let lastProgress = 0;
  /** Set by every change of the run; cleared when a pass starts. */
  let dirty = true;
  let unsubscribe: (() => void) | null = null;
  /** Ends the follower (once): no more listening, nothing kept, the slot given back. */
  const stop = () => {
    closed = true;
    hurry?.();
    if (idle) clearTimeout(idle);
    idle = null;
    unsubscribe?.();
    unsubscribe = null;
    signal.removeEventListener('abort', onAbort);
    out.release();
    replaced.clear();
    poke();
    if (!ended) {
      ended = true;
      onEnd?.();
    }
  };
  /** Ends the stream between pulls (nothing else would): errored, so the response is aborted and its queue freed. */
  const cutOff = (reason: string) => {
    stop();
    try {
      controller?.error(new DOMException(reason, 'AbortError'));
    } catch {
      // Already closed or cancelled.
    }
  };
  const onAbort = () => {
    if (pulling) {
      closed = true;
      poke();
    } else cutOff('The client went away.');
  };
  /** A chunk was written: the client has `idleMs` to take it (the next pull). */
  const awaitRead = () => {
    idle = setTimeout(() => {
      idle = null;
      getLog().info({ run: id, idleMs }, 'run events stream closed: its client read nothing');
      cutOff(`The client took nothing of the stream for ${idleMs} ms.`);
    }, idleMs);
    idle.unref?.();
  };
  const line = (event: RunEvent) => out.append([`${JSON.stringify(event)}\n`]);

  /** One pass: writes what is due into `out`; true when the stream ends after it. */
  const pass = async (): Promise<boolean> => {
    const found = await store.get(id);
    if (!('found' in found)) {
      line({ type: 'done', status: 'expired', checked: 0, total: 0 });
      return true;
    }
    const run = found.found;
    const finished = isFinished(run);
    if (!caughtUp) {
      // Rows before `from` stored after revision `after` (re-checks the client has not seen yet).
      caughtUp = true;
      for (const index of await store.changedSince(id, after ?? 0, Math.min(from, run.checked))) replaced.add(index);
    }
    // Rows the listener wrote ahead are in `out` already (and count against the pass's bytes).
    cursor += ahead;
    ahead = 0;
    let rows = 0;
    const due = [...replaced].sort((a, b) => a - b).slice(0, MAX_PASS_ROWS);
    const got = await store.resultsAt(id, due);
    // Indexes the store no longer has (the run was dropped meanwhile) are not waited for.
    const have = new Set(got.map((result) => result.index));
    for (const index of due) if (!have.has(index)) replaced.delete(index);
    for (const result of got) {
      if (out.full()) break;
      replaced.delete(result.index);
      out.append(reportEventPieces(renderedBytes(result, lang), result.index, result.revision));
      rows++;
    }
    const want = Math.min(run.checked - cursor, MAX_PASS_ROWS - rows);
    if (want > 0 && !out.full()) {
      const page = await store.results(id, cursor, want);
      // The listener may have written the next rows meanwhile (a row stored just before this pass read the run).
      cursor += ahead;
      ahead = 0;
      for (const result of page) {
        if (result.index < cursor) continue;
        if (out.full() || result.index !== cursor) break;
        out.append(reportEventPieces(renderedBytes(result, lang), cursor, result.revision));
        cursor++;
        rows++;
      }
    }
    // More rows are waiting: send these first; progress and `done` come with the last of them.
    if (replaced.size > 0 || cursor < run.checked) return false;
    const now = Date.now();
    if (finished || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      line({ type: 'progress', ...runProgress(run, now) });
    }
    if (finished) {
      line({ type: 'done', status: run.status, checked: run.checked, total: run.targets.length });
      return true;
    }
    return false;
  };

  /** Resolves when something may be new: a result or status change (then after a short burst), or the heartbeat. */
  const news = () =>
    new Promise<void>((resolve) => {
      // The first rows go out at once; later ones are gathered for up to BURST_MS, until progress is due, or until
      // a pass's bytes are waiting.
      const burstMs = sentRows ? Math.min(Math.max(PROGRESS_EVERY_MS - (Date.now() - lastProgress), 0), BURST_MS) : 0;
      const burst = () => {
        const timer = setTimeout(go, burstMs);
        hurry = () => {
          clearTimeout(timer);
          go();
        };
      };
      const go = () => {
        hurry = null;
        resolve();
      };
      if (dirty || closed) {
        burst();
        return;
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, engine.config.runEventsHeartbeatMs);
      wake = () => {
        clearTimeout(timer);
        burst();
      };
    });

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      unsubscribe = store.subscribe(id, (change) => {
        if (change.kind === 'result') {
          const next = cursor + ahead;
          if (change.index < next) {
            // A row sent (or waiting in `out`) was replaced: it goes again.
            replaced.add(change.index);
          } else if (
            change.index === next &&
            change.json &&
            change.lang === lang &&
            caughtUp &&
            !lastWritten &&
            out.offer(reportEventPieces(change.json, change.index, change.revision))
          ) {
            // The next row, written now from the store's bytes (they are only lent for this call).
            ahead++;
            // A pass's worth is waiting: it goes now rather than at the end of the burst.
            if (out.full()) hurry?.();
          }
        }
        dirty = true;
        poke();
      });
      if (signal.aborted) closed = true;
      else signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(c) {
      // The client took the last chunk.
      if (idle) clearTimeout(idle);
      idle = null;
      pulling = true;
      try {
        while (!closed && !lastWritten) {
          dirty = false;
          const end = await pass();
          if (closed) break;
          const written = out.size() > 0;
          // One write per pass: every line of it in one buffer.
          if (written) {
            c.enqueue(out.take());
            sentRows ||= cursor > from;
          }
          lastWritten = end;
          // Something went out: the next pull comes once the client has taken it (or it is cut off).
          if (written) {
            awaitRead();
            return;
          }
          if (end) break;
          await news();
        }
      } catch (err) {
        getLog().error({ err, run: redactRunId(id) }, 'run events stream failed');
      } finally {
        pulling = false;
      }
      stop();
      try {
        c.close();
      } catch {
        // The client went away; nothing left to close.
      }
    },
    cancel() {
      stop();
    },
  });
  return streamedResponse(stream, 'application/x-ndjson; charset=utf-8');
}

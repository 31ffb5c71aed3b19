/**
 * What the run API shows of a stored run: links, progress (rate, ETA), counts by health and the summary.
 * The summary's results are written from the stored JSON bytes of each result, streamed in chunks: a
 * 10,000-domain summary is hundreds of MB, and is never built as one object or one string.
 */
import 'server-only';
import type { RecordsHealth, RunLinks, RunProgress, RunSummary } from '@/lib/schema';
import { streamedResponse } from '../http/ndjson';
import { isFinished, type RunRecord, type RunStore } from './store';
import { joinPieces, type Piece, runResultPieces } from './stored-result';

/** The links of a run, relative to the site root. */
export function runLinks(id: string): RunLinks {
  const base = `/api/runs/${encodeURIComponent(id)}`;
  return { self: base, events: `${base}/events?from=0`, results: `${base}?from=0`, export: `${base}/export` };
}

/** Checked/total, the rate of the latest batch (domains/s) and the seconds left at that rate. */
export function runProgress(run: RunRecord, now = Date.now()): RunProgress {
  const checked = run.checked;
  const total = run.targets.length;
  const end = isFinished(run) && run.finishedAt !== null ? run.finishedAt : now;
  const seconds = run.batchStartedAt === null ? 0 : Math.max(0.001, (end - run.batchStartedAt) / 1000);
  const rate = seconds > 0 ? Math.round((run.batchDone / seconds) * 100) / 100 : 0;
  const left = isFinished(run) ? 0 : run.pending;
  const etaSeconds = left === 0 ? 0 : rate > 0 ? Math.ceil(left / rate) : null;
  return { checked, total, rate, etaSeconds };
}

/** The run summary without its results (`results: []`), from index `from`; `counts` from `RunStore.counts`. */
export function runSummaryHead(
  run: RunRecord,
  counts: Record<RecordsHealth, number>,
  from: number,
  now = Date.now(),
): RunSummary {
  return {
    id: run.id,
    status: run.status,
    cloud: run.cloud,
    ...(run.services ? { services: run.services } : {}),
    createdAt: new Date(run.createdAt).toISOString(),
    startedAt: run.startedAt === null ? null : new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
    expiresAt: new Date(run.expiresAt).toISOString(),
    ...runProgress(run, now),
    counts,
    domains: run.targets.map((target) => target.ascii),
    invalid: run.invalid,
    duplicates: run.duplicates,
    pending: run.pending,
    revision: run.revision,
    links: runLinks(run.id),
    from,
    results: [],
  };
}

/** Results written per chunk of a streamed answer. */
const RESULTS_PER_CHUNK = 64;

/**
 * `GET /api/runs/:id` as a streamed JSON response: the summary with the results from `from` (at most
 * `limit`), each rendered in `lang`, the same bytes `JSON.stringify(summary)` would give. The results are those
 * the run had when it was read (`run.checked`; a result stored meanwhile waits for the next fetch), read from the
 * store a chunk at a time as the client reads (a result replaced meanwhile is written as it is then).
 */
export async function runSummaryResponse(
  store: RunStore,
  run: RunRecord,
  from: number,
  limit: number | undefined,
  lang: string,
  now = Date.now(),
): Promise<Response> {
  const head = JSON.stringify(runSummaryHead(run, await store.counts(run.id), from, now));
  // `results` is the summary's last key: open its array where `[]}` ends the head.
  const open = `${head.slice(0, -3)}[`;
  const end = Math.max(from, limit === undefined ? run.checked : Math.min(run.checked, from + limit));
  let next = from;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Piece[] = [];
      if (!started) {
        started = true;
        parts.push(open);
      }
      const count = Math.min(end - next, RESULTS_PER_CHUNK);
      const page = count > 0 ? await store.results(run.id, next, count) : [];
      for (const result of page) {
        if (result.index > from) parts.push(',');
        parts.push(...runResultPieces(result, result.index, lang));
      }
      // A run dropped meanwhile has no more rows: the array ends with what was written.
      next = page.length === count ? next + count : end;
      if (next >= end) parts.push(']}');
      controller.enqueue(joinPieces(parts));
      if (next >= end) controller.close();
    },
  });
  return streamedResponse(body, 'application/json');
}

/**
 * Where the page parses a list: a short one on its own thread, in slices (`parseEntriesInSlices`), so typing stays
 * immediate; one of `WORKER_FROM_CHARS` or more (a paste or a file of megabytes) on a worker thread
 * (./parse-list.worker.ts), so the page's thread only unpacks the result (lib/input/list-pack.ts) and keeps
 * drawing frames and answering input meanwhile. Each big list gets a worker of its own, ended when its result is in
 * or the caller aborts. Where no worker can start (an old browser, a policy that forbids it), the page parses it in
 * slices as before. Either way the parse is marked `list-parse` in the timeline of the thread that parsed it
 * (`parseEntriesInSlices`), for the browser test.
 */
import { createUnpacker, type PackedList } from '@/lib/input/list-pack';
import {
  type DomainList,
  type ParseListOptions,
  parseEntriesInSlices,
  type ReasonText,
  type SliceOptions,
} from '@/lib/input/parse-list';
import type { ListReply, ListRequest } from './parse-list.worker';

/** From this many characters on, a list is parsed on a worker thread. */
export const WORKER_FROM_CHARS = 100_000;

/** The characters of a list (an array's items one line each). */
function sizeOf(input: string | readonly string[]): number {
  return typeof input === 'string' ? input.length : input.reduce((n, s) => n + s.length + 1, 0);
}

/** Parses on the page's thread, in slices (the way for short lists, and for big ones where no worker starts). */
function parseHere(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
  slices: SliceOptions,
): Promise<DomainList | null> {
  return parseEntriesInSlices(input, options, reasonText, slices);
}

/** Unpacks the worker's list on the page's thread in slices, as the page parses a short one (null when aborted). */
async function unpackInSlices(
  packed: PackedList,
  reasonText: ReasonText,
  { pause, sliceMs = 8, signal, onProgress, now = () => performance.now() }: SliceOptions,
): Promise<DomainList | null> {
  const unpacker = createUnpacker(packed, reasonText);
  for (;;) {
    if (signal?.aborted) return null;
    const deadline = now() + sliceMs;
    if (unpacker.run(() => now() >= deadline)) {
      onProgress?.(1);
      return unpacker.result();
    }
    await pause();
  }
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./parse-list.worker.ts', import.meta.url), { name: 'list-parse' });
  } catch {
    return null;
  }
}

/**
 * `parseEntriesInSlices` (the same list, or null when `slices.signal` aborts it), on a worker thread for a list of
 * `WORKER_FROM_CHARS` or more (see the module comment). `slices.onProgress` hears the worker's progress.
 */
export function parseList(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
  slices: SliceOptions,
): Promise<DomainList | null> {
  if (sizeOf(input) < WORKER_FROM_CHARS || slices.signal?.aborted) return parseHere(input, options, reasonText, slices);
  const worker = startWorker();
  if (!worker) return parseHere(input, options, reasonText, slices);
  return new Promise<DomainList | null>((resolve) => {
    let settled = false;
    const settle = (list: DomainList | null | Promise<DomainList | null>) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      slices.signal?.removeEventListener('abort', onAbort);
      resolve(list);
    };
    const onAbort = () => settle(null);
    slices.signal?.addEventListener('abort', onAbort, { once: true });
    // A worker that cannot run (its script refused, a failure inside): the page parses the list itself.
    const fallBack = () => settle(slices.signal?.aborted ? null : parseHere(input, options, reasonText, slices));
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessage = ({ data }: MessageEvent<ListReply>) => {
      if (data.type === 'progress') slices.onProgress?.(data.read);
      else if (data.type === 'failed') fallBack();
      else settle(unpackInSlices(data, reasonText, slices));
    };
    const request: ListRequest = { input: typeof input === 'string' ? input : [...input], options };
    worker.postMessage(request);
  });
}

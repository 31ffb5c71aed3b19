/**
 * The list worker's thread (started by ./list-worker.ts): parses a list of megabytes off the page's thread and
 * sends it back packed (lib/input/list-pack.ts), with its progress on the way. One request at a time; the page
 * ends the worker (terminate) to abort one.
 */
import { packList } from '@/lib/input/list-pack';
import { type ParseListOptions, parseEntriesInSlices } from '@/lib/input/parse-list';
import type { MessageRef } from '@/lib/schema';

export type ListRequest = { input: string | string[]; options: ParseListOptions };
export type ListReply =
  | { type: 'progress'; read: number }
  | { type: 'done'; strings: string; numbers: Int32Array }
  | { type: 'failed'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ListRequest>) => void) | null;
  postMessage: (message: ListReply, transfer?: Transferable[]) => void;
};

scope.onmessage = async ({ data: { input, options } }) => {
  try {
    const refs: MessageRef[] = [];
    // The reason of a rejected entry is written by the page, in its language: here each one's reference is kept.
    const list = await parseEntriesInSlices(
      input,
      options,
      (ref) => {
        refs.push(ref);
        return '';
      },
      {
        pause: () => Promise.resolve(),
        sliceMs: 100,
        onProgress: (read) => {
          if (read < 1) scope.postMessage({ type: 'progress', read });
        },
      },
    );
    if (!list) return;
    const packed = packList(list, refs);
    scope.postMessage({ type: 'done', ...packed }, [packed.numbers.buffer]);
  } catch (error) {
    scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};

'use client';

import { useEffect, useState } from 'react';
import type { SliceOptions } from '@/lib/input/parse-list';

/** Gives the page its turn between two slices of work: a new task, so frames are drawn and input is answered. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Work done in slices (a list parsed a slice at a time); null when aborted. */
export type SlicedWork<T> = (slices: SliceOptions) => Promise<T | null>;

/**
 * How much of its input a sliced run has read (0 to 1), for a text that follows it without rendering the page
 * (`ReadingProgress`): `read` now, and `listen` for each slice (returns the unsubscribe).
 */
export type ProgressFeed = { readonly read: number; listen: (listener: (read: number) => void) => () => void };

function progressFeed(): ProgressFeed & { set: (read: number) => void } {
  const listeners = new Set<(read: number) => void>();
  let read = 0;
  return {
    get read() {
      return read;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      read = next;
      for (const listener of listeners) listener(next);
    },
  };
}

/**
 * Runs `work` in slices whenever it changes (memoise it), aborting the run before. Returns the latest result (the
 * one before stays while the next runs) and, while a run takes more than one slice, a feed of how much of its input
 * it has read (null otherwise).
 *
 * The page renders once when reading starts and once when it ends, not per slice: every React commit while the
 * list's text box has the focus reads the box's `selectionStart` and `selectionEnd`, which Chromium counts from
 * the box's start, line by line (281,000 lines after a 5 MB paste with the caret at its end: tens of ms each).
 * The per cent shown follows the feed by itself (docs/performance.md, "A 5 MB paste").
 */
export function useSliced<T>(work: SlicedWork<T> | null): { value: T | null; reading: ProgressFeed | null } {
  const [value, setValue] = useState<T | null>(null);
  const [reading, setReading] = useState<ProgressFeed | null>(null);
  useEffect(() => {
    if (!work) {
      setValue(null);
      setReading(null);
      return;
    }
    const controller = new AbortController();
    const feed = progressFeed();
    work({
      pause: yieldToPage,
      // Slices of 25 ms: frames keep coming well inside 200 ms, with little time lost between slices.
      sliceMs: 25,
      signal: controller.signal,
      onProgress: (read) => {
        if (read >= 1 || controller.signal.aborted) return;
        feed.set(read);
        setReading(feed); // renders once per run: the same feed after that
      },
    }).then(
      (result) => {
        if (result === null || controller.signal.aborted) return;
        setValue(result);
        setReading(null);
      },
      () => setReading(null),
    );
    return () => controller.abort();
  }, [work]);
  return { value, reading };
}

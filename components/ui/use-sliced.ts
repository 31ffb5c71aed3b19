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
 * Runs `work` in slices whenever it changes (memoise it), aborting the run before. Returns the latest result (the
 * one before stays while the next runs) and, while a run takes more than one slice, how much of its input it has
 * read (0 to 1; null otherwise). Null `work` means nothing to do: the result is null.
 */
export function useSliced<T>(work: SlicedWork<T> | null): { value: T | null; reading: number | null } {
  const [value, setValue] = useState<T | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  useEffect(() => {
    if (!work) {
      setValue(null);
      setReading(null);
      return;
    }
    const controller = new AbortController();
    work({
      pause: yieldToPage,
      // Slices of 25 ms: frames keep coming well inside 200 ms, with little time lost between slices.
      sliceMs: 25,
      signal: controller.signal,
      // Whole per cents only: each update renders the page again (with its text box of megabytes).
      onProgress: (read) => {
        if (read < 1 && !controller.signal.aborted) setReading(Math.floor(read * 100) / 100);
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

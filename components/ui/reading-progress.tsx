'use client';

import { useEffect, useRef } from 'react';
import { useT } from './i18n-provider';
import type { ProgressFeed } from './use-sliced';

/**
 * "Reading the list… N %", following `feed` by writing its own text (whole per cents only), so a long list read in
 * slices does not render the page once per per cent (see `useSliced`).
 */
export function ReadingProgress({ feed }: { feed: ProgressFeed }) {
  const { t, num } = useT();
  const box = useRef<HTMLSpanElement>(null);
  const percent = (read: number) => Math.floor(read * 100);
  const text = (read: number) => t('ui.feedback.readingProgress', { percent: num(percent(read)) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` is made from `t` and `num`, which are listed
  useEffect(() => {
    let shown = percent(feed.read);
    const update = (read: number) => {
      const next = percent(read);
      if (next === shown || !box.current) return;
      shown = next;
      box.current.textContent = text(read);
    };
    update(feed.read);
    return feed.listen(update);
  }, [feed, t, num]);
  return <span ref={box}>{text(feed.read)}</span>;
}

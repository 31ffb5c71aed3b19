'use client';

import { useState } from 'react';
import { charCount, isLong, PREVIEW_CHARS, preview, toVisibleSegments } from '@/lib/client/dns-text';
import { useFullReport } from './full-report';
import { useT } from './i18n-provider';

/** Sentences that quote DNS data are cut later than bare values: a verdict should read whole. */
const SENTENCE_CHARS = 600;

/**
 * Shows a value that came from DNS (or from input): as React text only, invisible and bidi characters as
 * visible `\uXXXX` escapes, and values over `limit` characters (200 for values, 600 for sentences) cut with a
 * "show all" toggle.
 */
export function DnsText({
  value,
  className = '',
  wrap = 'word',
  mono = true,
  limit,
}: {
  value: string;
  className?: string;
  /** Monospace for DNS names and values; off for sentences that merely contain them. */
  mono?: boolean;
  /** `word`: break long names only when they overflow; `anywhere`: also let a table column shrink below them. */
  wrap?: 'word' | 'anywhere';
  /** Characters shown before the "show all" toggle. */
  limit?: number;
}) {
  const { t, tp } = useT();
  const full = useFullReport();
  const [expanded, setExpanded] = useState(false);
  const cut = limit ?? (mono ? PREVIEW_CHARS : SENTENCE_CHARS);
  // A full report (and its printout) shows every value whole.
  const long = !full && isLong(value, cut);
  const shown = long && !expanded ? preview(value, cut) : value;
  return (
    <span
      className={`${wrap === 'anywhere' ? 'wrap-anywhere' : 'wrap-break-word'} ${mono ? 'font-mono' : ''} ${className}`}
      dir="ltr"
    >
      {toVisibleSegments(shown).map((segment, i) =>
        segment.kind === 'escape' ? (
          // Index keys are fine: segments of one string never reorder.
          // biome-ignore lint/suspicious/noArrayIndexKey: static list
          <span key={i} className="rounded bg-rose-100 px-0.5 text-rose-800 dark:bg-rose-900 dark:text-rose-100">
            {segment.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static list
          <span key={i}>{segment.text}</span>
        ),
      )}
      {long && !expanded ? '…' : null}
      {long ? (
        <button
          type="button"
          onClick={() => setExpanded((v) => !v)}
          aria-expanded={expanded}
          className="ml-2 whitespace-nowrap font-sans text-xs font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100"
        >
          {expanded ? t('ui.text.showLess') : tp('ui.text.showAll', charCount(value))}
        </button>
      ) : null}
    </span>
  );
}

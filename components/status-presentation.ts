/**
 * Colours for the tones of `lib/diagnosis/presentation.ts` (which owns labels, tones and icons of each status).
 * Colour is never the only signal: every badge also has a label and an icon.
 */
import type { Tone } from '@/lib/diagnosis/presentation';

export type { Tone };

/** Badge colours per tone, light and dark. */
export const TONE_BADGE: Record<Tone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/40 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  critical: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/50',
  warning: 'bg-amber-50 text-amber-900 ring-amber-600/50 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/50',
  notice: 'bg-sky-50 text-sky-900 ring-sky-600/40 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/50',
  unchecked:
    'bg-slate-100 text-slate-700 ring-slate-500/40 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/40',
};

/** Left border of a row per tone, to make problems easy to spot while scrolling. */
export const TONE_BORDER: Record<Tone, string> = {
  ok: 'border-l-emerald-500',
  critical: 'border-l-red-600',
  warning: 'border-l-amber-500',
  notice: 'border-l-sky-500',
  unchecked: 'border-l-slate-400',
};

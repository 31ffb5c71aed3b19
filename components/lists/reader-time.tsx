'use client';

import { useT } from '@/components/ui/i18n-provider';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * A stored time (a run's start, a timeline step) with its date and named zone, in the reader's time zone like the
 * delivery log beside it: the server knows only its own zone, so its HTML says UTC (named); once the page runs, the
 * browser's zone. Server-rendered pages use it so one page never mixes UTC with the reader's zone.
 */
export function ReaderTime({ iso }: { iso: string }) {
  const { lang, time } = useT();
  const hydrated = useHydrated();
  return <time dateTime={iso}>{hydrated ? time(iso, undefined, { date: true }) : utcText(lang, iso)}</time>;
}

function utcText(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'long' }).format(date);
}

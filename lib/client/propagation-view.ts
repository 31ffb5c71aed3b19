/**
 * How propagation (issue 14) is shown: the badge of each state, and times in the reader's time zone (the report
 * says them in ISO form, UTC). Pure.
 */
import type { Presentation } from '@/lib/presentation';
import type { PropagationState } from '@/lib/schema';

export const PROPAGATION_PRESENTATION: Readonly<Record<PropagationState, Presentation>> = {
  live: { labelCode: 'propagation.state.live', tone: 'ok', icon: 'check' },
  pending: { labelCode: 'propagation.state.pending', tone: 'notice', icon: 'info' },
  'servers-disagree': { labelCode: 'propagation.state.servers-disagree', tone: 'warning', icon: 'alert' },
  'internal-copy': { labelCode: 'propagation.state.internal-copy', tone: 'warning', icon: 'alert' },
  unknown: { labelCode: 'propagation.state.unknown', tone: 'unchecked', icon: 'question' },
};

/** `14:32` (or the reader's locale's form), in the reader's time zone; with the date when it is not today. */
export function clockTime(iso: string, lang: string, now = Date.now()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(
    lang,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/** A report text with each ISO time in it (the helpdesk's "users will see it by …") in the reader's time zone. */
export function localizeTimes(text: string, lang: string, now = Date.now()): string {
  return text.replace(ISO_TIME, (iso) => clockTime(iso, lang, now));
}

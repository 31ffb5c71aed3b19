/**
 * How propagation (issue 14) is shown: the badge of each state, and the helpdesk sentence a report's propagation
 * calls for. Pure; times stay ISO here and are formatted in the reader's time zone by the component.
 */
import type { Presentation } from '@/lib/presentation';
import type { PropagationState, Report } from '@/lib/schema';
import { liveByOf, notLive } from './live-watch';

export const PROPAGATION_PRESENTATION: Readonly<Record<PropagationState, Presentation>> = {
  live: { labelCode: 'propagation.state.live', tone: 'ok', icon: 'check' },
  pending: { labelCode: 'propagation.state.pending', tone: 'notice', icon: 'info' },
  'servers-disagree': { labelCode: 'propagation.state.servers-disagree', tone: 'warning', icon: 'alert' },
  'internal-copy': { labelCode: 'propagation.state.internal-copy', tone: 'warning', icon: 'alert' },
  unknown: { labelCode: 'propagation.state.unknown', tone: 'unchecked', icon: 'question' },
};

export type PropagationSentence =
  | { code: 'propagation.helpdesk.internal'; resolver: string }
  | { code: 'propagation.helpdesk.pending'; liveBy: string };

/**
 * The helpdesk sentence for the report's propagation, or null: inside and outside differ (a resolver's own copy of
 * the zone) comes first, since waiting won't fix it; else "the change is done; users will see it by …" when every
 * record that is not live is only pending and the time is known.
 */
export function propagationSentence(report: Pick<Report, 'records'>): PropagationSentence | null {
  const waiting = notLive(report);
  for (const r of waiting) {
    if (r.propagation.state !== 'internal-copy') continue;
    const inside = r.propagation.resolvers.find((s) => s.view === 'internal');
    if (inside) return { code: 'propagation.helpdesk.internal', resolver: inside.resolver };
  }
  if (waiting.length === 0 || waiting.some((r) => r.propagation.state !== 'pending')) return null;
  const liveBy = liveByOf(report);
  return liveBy === null ? null : { code: 'propagation.helpdesk.pending', liveBy: new Date(liveBy).toISOString() };
}

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

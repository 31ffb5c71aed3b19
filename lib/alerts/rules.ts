/**
 * Which list-run changes alert which subscription, and the "could not check" streaks. Pure.
 * - `newly_broken` (the default): a domain or record that was fine is now broken;
 * - `any_change`: fixed, newly broken or a changed value;
 * - `fixed`: something was fixed.
 * "Could not check" never alerts by itself: after N consecutive runs a domain goes into one separate
 * `cannot-check` message, once, until it can be checked again.
 */
import type { AlertOn } from '@/lib/schema-alerts';
import type { AlertChange } from './message';

const TRIGGERS: Record<AlertOn, ReadonlySet<AlertChange>> = {
  newly_broken: new Set(['newly_broken']),
  any_change: new Set(['fixed', 'newly_broken', 'changed']),
  fixed: new Set(['fixed']),
};

/** The order domains are named in a digest. */
const ORDER: Record<AlertChange, number> = {
  newly_broken: 0,
  changed: 1,
  fixed: 2,
  still_broken: 3,
  cannot_check: 4,
  unchanged: 5,
};

export type DomainChange = { domain: string; change: AlertChange; records?: string[] };

/** The domains that alert a subscription with `on`, most important first; empty: nothing to send. */
export function triggering(changes: readonly DomainChange[], on: AlertOn): DomainChange[] {
  const set = TRIGGERS[on];
  return changes.filter((c) => set.has(c.change)).sort((a, b) => ORDER[a.change] - ORDER[b.change]);
}

export type Streak = { runs: number; alerted: boolean };

/**
 * The streaks after one run: domains that could not be checked count one more run, the others are forgotten.
 * `alert` names the domains that reached `threshold` runs and were not alerted yet (they are then marked).
 */
export function nextStreaks(
  previous: ReadonlyMap<string, Streak>,
  changes: readonly DomainChange[],
  threshold: number,
): { streaks: Map<string, Streak>; alert: string[] } {
  const streaks = new Map<string, Streak>();
  const alert: string[] = [];
  for (const c of changes) {
    if (c.change !== 'cannot_check') continue;
    const before = previous.get(c.domain);
    const runs = (before?.runs ?? 0) + 1;
    let alerted = before?.alerted ?? false;
    if (runs >= threshold && !alerted) {
      alert.push(c.domain);
      alerted = true;
    }
    streaks.set(c.domain, { runs, alerted });
  }
  return { streaks, alert: alert.sort() };
}

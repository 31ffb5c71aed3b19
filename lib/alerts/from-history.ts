/**
 * The alert rules' view of a list run's changes (lib/history/changes.ts `computeChanges`, accepted findings
 * already judged there): each domain's change kind in the alerts' terms, with the records that made it.
 * Pure; typed structurally so that the alerts don't depend on the history module's internals.
 */
import type { AlertChange } from './message';
import type { DomainChange } from './rules';

const KIND: Record<string, AlertChange> = {
  'newly-broken': 'newly_broken',
  fixed: 'fixed',
  'changed-value': 'changed',
  'still-broken': 'still_broken',
  'newly-could-not-check': 'cannot_check',
  'still-could-not-check': 'cannot_check',
  unchanged: 'unchanged',
};

export type HistoryDomainChange = {
  domain: string;
  kind: string;
  records: ReadonlyArray<{ record: string; kind: string }>;
};

/** Domains in the alerts' terms; an unknown kind counts as unchanged (it never alerts). */
export function fromHistory(domains: readonly HistoryDomainChange[]): DomainChange[] {
  return domains.map((d) => {
    const change = KIND[d.kind] ?? 'unchanged';
    const records = d.records.filter((r) => r.kind === d.kind).map((r) => r.record);
    return { domain: d.domain, change, ...(records.length && change !== 'unchanged' ? { records } : {}) };
  });
}

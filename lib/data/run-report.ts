/**
 * What the printable report of a run (/bulk/report?run=<id>) shows, read from the run store on the server: every
 * input line as a summary item (lib/bulk/summary.ts) in the reader's language, split into the domains that need
 * work, the healthy ones, the lines not checked and those still pending. Server components only.
 */
import 'server-only';
import { headers } from 'next/headers';
import { type SummaryItem, summaryItem } from '@/lib/bulk/summary';
import { RECORDS_HEALTH, type RecordsHealth } from '@/lib/schema';
import { principalOf } from '@/lib/server/auth/principal';
import { requireRunReadable } from '@/lib/server/auth/run-owners';
import { getConfig } from '@/lib/server/env';
import { getRunEngine } from '@/lib/server/runs/engine';
import { ENTRIES_PER_CHUNK, exportText, runSummaryEntries, summaryChunk } from '@/lib/server/runs/export';

/**
 * Domains that need work with a section of their own, at most: a 5,000-domain run stays a document a browser can
 * lay out and print; the workbook lists them all, and the report says so.
 */
export const REPORT_SECTIONS = 500;

export type RunReport = {
  columns: string[];
  counts: Record<RecordsHealth, number> & { rejected: number; duplicate: number; pending: number };
  /** Broken, needs attention, could not check: worst first, then input order; at most REPORT_SECTIONS. */
  needsWork: SummaryItem[];
  /** All the domains that need work (`needsWork` may hold fewer). */
  needsWorkCount: number;
  /** The healthy domains' names, in input order. */
  healthy: string[];
  /** Rejected and duplicate lines, in input order. */
  notChecked: SummaryItem[];
  /** Earliest and latest check time (ISO), null when nothing was checked. */
  first: string | null;
  last: string | null;
};

export type RunReportData =
  | { kind: 'missing'; reason: 'expired' | 'not-found' }
  | { kind: 'report'; report: RunReport };

/** The report of run `id` in `lang`, or why there is none. */
export async function loadRunReport(id: string, lang: string): Promise<RunReportData> {
  const { store } = getRunEngine();
  const found = await store.get(id);
  if (!('found' in found)) return { kind: 'missing', reason: found.missing === 'expired' ? 'expired' : 'not-found' };
  const run = found.found;
  // With Entra sign-in on, a run the reader may not read is "not found", as in the API (lib/server/auth/run-owners.ts).
  const config = getConfig();
  const principal = await principalOf(new Request('http://localhost/', { headers: await headers() }));
  if (config.entra !== null && principal === null) return { kind: 'missing', reason: 'not-found' };
  if (
    principal &&
    (await requireRunReadable(config, run, principal).then(
      () => false,
      () => true,
    ))
  ) {
    return { kind: 'missing', reason: 'not-found' };
  }
  const t = exportText(lang);
  const counts = {
    ...(Object.fromEntries(RECORDS_HEALTH.map((h) => [h, 0])) as Record<RecordsHealth, number>),
    rejected: 0,
    duplicate: 0,
    pending: 0,
  };
  // Worst first: a bucket per health, each kept to REPORT_SECTIONS (the rest is only counted).
  const work: Record<string, SummaryItem[]> = { broken: [], 'needs-attention': [], 'could-not-check': [] };
  const healthy: string[] = [];
  const notChecked: SummaryItem[] = [];
  let needsWorkCount = 0;
  let first: string | null = null;
  let last: string | null = null;
  const entries = runSummaryEntries(run, lang);
  for (let at = 0; at < entries.length; at += ENTRIES_PER_CHUNK) {
    // A chunk of results read from the store, each unpacked and rendered in turn; only the items the page shows are kept.
    for (const entry of await summaryChunk(store, run.id, entries.slice(at, at + ENTRIES_PER_CHUNK))) {
      const item = summaryItem(entry, t);
      counts[item.status] += 1;
      if (item.checkedAt !== null) {
        if (first === null || item.checkedAt < first) first = item.checkedAt;
        if (last === null || item.checkedAt > last) last = item.checkedAt;
      }
      if (item.status === 'healthy') healthy.push(item.domain);
      else if (item.status === 'rejected' || item.status === 'duplicate') notChecked.push(item);
      else if (item.status !== 'pending') {
        needsWorkCount += 1;
        const bucket = work[item.status];
        if (bucket && bucket.length < REPORT_SECTIONS) bucket.push(item);
      }
    }
  }
  const needsWork = [...(work.broken ?? []), ...(work['needs-attention'] ?? []), ...(work['could-not-check'] ?? [])];
  return {
    kind: 'report',
    report: {
      columns: run.source?.columns ?? [],
      counts,
      needsWork: needsWork.slice(0, REPORT_SECTIONS),
      needsWorkCount,
      healthy,
      notChecked,
      first,
      last,
    },
  };
}

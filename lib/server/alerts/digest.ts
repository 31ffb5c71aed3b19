/**
 * What a finished list run sends: per subscribed channel, one digest of the changes its rule asks for
 * (lib/alerts/rules.ts), and, when domains reached ALERTS_CANNOT_CHECK_RUNS runs in a row that could not be
 * checked, one "we can't check these domains" message. A list's first run is its baseline: no digest. Dedupe keys
 * per (run, channel): a second call for the same run sends nothing more. Called once per list run end
 * (lib/server/lists hooks).
 */
import 'server-only';
import { type AlertList, type ChangeCounts, emptyCounts } from '@/lib/alerts/message';
import { type DomainChange, nextStreaks, type Streak, triggering } from '@/lib/alerts/rules';
import type { AlertOn, Delivery } from '@/lib/schema-alerts';
import type { AlertsConfig } from '../env';
import type { Storage } from '../storage/db';
import { deliver } from './deliveries';

export type ListRunChanges = {
  list: AlertList;
  runId: string;
  /** Per-domain change of this run against the previous one (accepted findings already left out). */
  changes: DomainChange[];
  counts?: ChangeCounts;
  link?: string;
  /** The list's first run: nothing to compare with, so no digest (the "could not check" streaks still count). */
  first?: boolean;
};

function countOf(changes: readonly DomainChange[]): ChangeCounts {
  const counts = emptyCounts();
  for (const c of changes) counts[c.change]++;
  return counts;
}

/** Updates the list's "could not check" streaks; answers the domains to alert about now. */
async function updateStreaks(storage: Storage, listId: string, changes: DomainChange[], threshold: number) {
  return storage.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('cannot_check_streaks').selectAll().where('list_id', '=', listId).execute();
    const before = new Map<string, Streak>(rows.map((r) => [r.domain, { runs: r.runs, alerted: r.alerted === 1 }]));
    const { streaks, alert } = nextStreaks(before, changes, threshold);
    await trx.deleteFrom('cannot_check_streaks').where('list_id', '=', listId).execute();
    const values = [...streaks].map(([domain, s]) => ({
      list_id: listId,
      domain,
      runs: s.runs,
      alerted: s.alerted ? 1 : 0,
    }));
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('cannot_check_streaks')
        .values(values.slice(i, i + 500))
        .execute();
    return alert;
  });
}

export async function alertListRun(storage: Storage, config: AlertsConfig, run: ListRunChanges): Promise<Delivery[]> {
  const subs = await storage.db
    .selectFrom('list_subscriptions')
    .selectAll()
    .where('list_id', '=', run.list.id)
    .execute();
  const cannot = await updateStreaks(storage, run.list.id, run.changes, config.cannotCheckRuns);
  const counts = run.counts ?? countOf(run.changes);
  const out: Delivery[] = [];
  for (const sub of subs) {
    const domains = run.first ? [] : triggering(run.changes, sub.alert_on as AlertOn);
    if (domains.length > 0) {
      out.push(
        await deliver(storage, config, {
          dedupeKey: `run:${run.runId}:${sub.channel_id}`,
          channelId: sub.channel_id,
          listId: run.list.id,
          runId: run.runId,
          message: {
            kind: 'digest',
            list: run.list,
            runId: run.runId,
            counts,
            domains,
            ...(run.link ? { link: run.link } : {}),
          },
        }),
      );
    }
    if (cannot.length > 0) {
      out.push(
        await deliver(storage, config, {
          dedupeKey: `cannot:${run.runId}:${sub.channel_id}`,
          channelId: sub.channel_id,
          listId: run.list.id,
          runId: run.runId,
          message: {
            kind: 'cannot-check',
            list: run.list,
            runId: run.runId,
            runs: config.cannotCheckRuns,
            domains: cannot,
            ...(run.link ? { link: run.link } : {}),
          },
        }),
      );
    }
  }
  return out;
}

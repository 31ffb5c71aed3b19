/**
 * Server-side watches (issue 17, section 6): "tell me when it's live" that outlives the tab. A watch re-checks its domain
 * on the schedule the page uses (lib/client/live-watch.ts `nextStep`: the next TTL expiry of what is pending, at
 * least 15 s, backing off when there is nothing to wait for) until every watched record is live or the deadline
 * comes, then notifies its channel once with what it saw. The ticker (lib/server/schedules/ticker.ts) runs the due
 * checks; each is taken with a conditional UPDATE, so with several instances one checks it.
 * Creating the same watch (domain, records, channel) while it runs answers the existing one.
 */
import type { OwnerColumns } from '../auth/data-owners';
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { hasPropagation, MAX_RECHECK_MS, MIN_RECHECK_MS, nextStep, type WatchStep } from '@/lib/client/live-watch';
import { parseDomainList } from '@/lib/report/domain-list';
import type { Report } from '@/lib/schema';
import type { AlertLang, Watch, WatchCreate } from '@/lib/schema-alerts';
import { getChannelRow } from '../alerts/channels';
import { deliver } from '../alerts/deliveries';
import type { ServerConfig } from '../env';
import { HttpError } from '../http/errors';
import { getLog } from '../log';
import { getRunEngine } from '../runs/engine';
import type { Storage } from '../storage/db';
import type { WatchesTable } from '../storage/schema';

const DAY = 86_400_000;
/** How long a taken check may run before another instance may take it again. */
const CHECK_LEASE_MS = 120_000;

type Seen = { lines: string[]; checks: number; lang: AlertLang };

function seenOf(row: WatchesTable): Seen {
  try {
    return JSON.parse(row.seen ?? '') as Seen;
  } catch {
    return { lines: [], checks: 0, lang: 'en' };
  }
}

export function watchToApi(row: WatchesTable): Watch {
  const seen = seenOf(row);
  return {
    id: row.id,
    domain: row.domain,
    records: JSON.parse(row.records) as string[],
    channelId: row.channel_id,
    deadline: new Date(row.deadline).toISOString(),
    state: row.state as Watch['state'],
    seen: seen.lines,
    checks: seen.checks,
    nextCheck: row.state === 'watching' ? new Date(row.next_at).toISOString() : null,
  };
}

/** Creates a watch, or answers the running one with the same domain, records and channel (`created: false`). */
export async function createWatch(
  storage: Storage,
  config: ServerConfig,
  input: WatchCreate,
  owner: OwnerColumns = { created_by_user: null, created_by_tenant: null, created_by_role: null },
): Promise<{ watch: Watch; created: boolean }> {
  const list = parseDomainList(input.domain, {
    allowTestDomains: config.allowTestDomains,
    maxLineLength: config.maxLineLength,
    maxDomains: 1,
    lang: 'en',
  });
  const target = list.domains[0];
  if (!target || list.domains.length !== 1)
    throw new HttpError('invalid-input', list.invalid[0]?.reason ?? 'Give exactly one valid domain.');
  if (!config.propagation.enabled)
    throw new HttpError(
      'invalid-input',
      'Watches compare each record with the resolvers, and PROPAGATION is off on this server.',
    );
  if (input.channelId) await getChannelRow(storage, input.channelId);
  const records = [...new Set(input.records ?? [])].sort();
  const now = Date.now();
  const deadline = input.deadline ? Date.parse(input.deadline) : now + config.propagation.liveWatchMaxMin * 60_000;
  if (!(deadline > now) || deadline > now + DAY)
    throw new HttpError('invalid-input', 'deadline: a time in the next 24 hours');
  const key = createHash('sha256')
    .update(`${target.ascii}\n${records.join(',')}\n${input.channelId ?? ''}`)
    // One running watch per creator: someone else's watch of the same records is not answered to them.
    .update(owner.created_by_user === null ? '' : `\n${owner.created_by_tenant}/${owner.created_by_user}`)
    .digest('hex');
  const existing = await storage.db.selectFrom('watches').selectAll().where('key', '=', key).executeTakeFirst();
  if (existing?.state === 'watching') return { watch: watchToApi(existing), created: false };
  // A finished watch with the same key makes room for the new one.
  if (existing) await storage.db.deleteFrom('watches').where('id', '=', existing.id).execute();
  const row: WatchesTable = {
    id: randomUUID(),
    key,
    domain: target.ascii,
    records: JSON.stringify(records),
    channel_id: input.channelId ?? null,
    deadline,
    state: 'watching',
    next_at: now,
    seen: JSON.stringify({ lines: [], checks: 0, lang: input.lang ?? 'en' } satisfies Seen),
    created_at: now,
    ...owner,
  };
  const inserted = await storage.db
    .insertInto('watches')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    // Created at the same moment by another request: answer that one.
    const other = await storage.db.selectFrom('watches').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    return { watch: watchToApi(other), created: false };
  }
  return { watch: watchToApi(row), created: true };
}

/** The watch's row; HttpError 404 when there is none. */
export async function getWatchRow(storage: Storage, id: string): Promise<WatchesTable> {
  const row = await storage.db.selectFrom('watches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError('not-found', 'No such watch.');
  return row;
}

export async function getWatch(storage: Storage, id: string): Promise<Watch> {
  return watchToApi(await getWatchRow(storage, id));
}

export async function deleteWatch(storage: Storage, id: string): Promise<void> {
  const result = await storage.db.deleteFrom('watches').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw new HttpError('not-found', 'No such watch.');
}

/** One line per watched record: its id and its propagation state (or its status when it was not compared). */
function linesOf(report: Pick<Report, 'records'>): string[] {
  return report.records.map((r) => `${r.id}: ${r.propagation?.state ?? r.status}`);
}

/**
 * The page's schedule (`nextStep`), except that a check that compared nothing (the domain's servers or the
 * resolvers could not be asked) is not "live": it is checked again, backing off, until the deadline.
 */
function stepOf(watched: Pick<Report, 'records'>, now: number, row: WatchesTable, checks: number): WatchStep {
  const maxMs = row.deadline - row.created_at;
  if (hasPropagation(watched)) return nextStep(watched, { now, startedAt: row.created_at, maxMs, misses: checks });
  const delayMs = Math.min(MAX_RECHECK_MS, MIN_RECHECK_MS * 2 ** checks);
  return now + delayMs > row.deadline ? { kind: 'gave-up' } : { kind: 'wait', delayMs, liveBy: null };
}

/** Checks one due watch (taken with a lease) and moves it on. */
async function checkWatch(storage: Storage, config: ServerConfig, row: WatchesTable): Promise<void> {
  const now = Date.now();
  const taken = await storage.db
    .updateTable('watches')
    .set({ next_at: now + CHECK_LEASE_MS })
    .where('id', '=', row.id)
    .where('state', '=', 'watching')
    .where('next_at', '=', row.next_at)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return;
  const seen = seenOf(row);
  const wanted = JSON.parse(row.records) as string[];
  const target = parseDomainList(row.domain, {
    allowTestDomains: config.allowTestDomains,
    maxLineLength: config.maxLineLength,
    maxDomains: 1,
    lang: 'en',
  }).domains[0];
  if (!target) return;
  const report = await getRunEngine().checkSingle(target, { cloud: 'auto', lang: seen.lang, fresh: true });
  const picked = wanted.length ? report.records.filter((r) => wanted.includes(r.id)) : report.records;
  const watched = { records: picked.length ? picked : report.records };
  const at = Date.now();
  const step = stepOf(watched, at, row, seen.checks);
  const next: Seen = { ...seen, lines: linesOf(watched), checks: seen.checks + 1 };
  if (step.kind === 'wait') {
    await storage.db
      .updateTable('watches')
      .set({ next_at: at + step.delayMs, seen: JSON.stringify(next) })
      .where('id', '=', row.id)
      .execute();
    return;
  }
  const live = step.kind === 'live';
  await storage.db
    .updateTable('watches')
    .set({ state: step.kind, seen: JSON.stringify(next) })
    .where('id', '=', row.id)
    .execute();
  getLog().info({ watchId: row.id, state: step.kind, checks: next.checks }, 'watch ended');
  if (row.channel_id) {
    await deliver(storage, config.alerts, {
      dedupeKey: `watch:${row.id}`,
      channelId: row.channel_id,
      listId: null,
      runId: null,
      message: { kind: 'watch', domain: row.domain, live, seen: next.lines },
    });
  }
}

/** Checks the watches that are due (the ticker calls this). */
export async function runDueWatches(storage: Storage, config: ServerConfig): Promise<void> {
  const due = await storage.db
    .selectFrom('watches')
    .selectAll()
    .where('state', '=', 'watching')
    .where('next_at', '<=', Date.now())
    .orderBy('next_at')
    .limit(10)
    .execute();
  for (const row of due) {
    try {
      await checkWatch(storage, config, row);
    } catch (err) {
      getLog().warn({ watchId: row.id, err: (err as Error).message }, 'watch check failed');
    }
  }
}

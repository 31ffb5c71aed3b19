/**
 * The seam the alerts and schedules code listens on: `onListRunFinished(cb)` is called once per list run, when it
 * first finishes (done or cancelled), with the list, the run and the list's run before it. The finish is claimed
 * in storage (`list_runs.finished_at` set from null, one row update), so with several instances exactly one
 * instance calls its callbacks. A callback's error is logged, never thrown into the run engine.
 */
import 'server-only';
import type { Kysely } from 'kysely';
import { getLog } from '../log';
import type { Database } from '../storage/schema';

export type ListRunFinished = { listId: string; runId: string; previousRunId: string | null };
type Callback = (e: ListRunFinished) => void | Promise<void>;

const HOOKS_KEY = Symbol.for('m365-dns-health.lists.hooks');
type WithHooks = typeof globalThis & { [HOOKS_KEY]?: Set<Callback> };

/** The process's callbacks (on globalThis: every route bundle and the engine share them). */
function callbacks(): Set<Callback> {
  const g = globalThis as WithHooks;
  if (!g[HOOKS_KEY]) g[HOOKS_KEY] = new Set();
  return g[HOOKS_KEY];
}

/** Calls `cb` whenever a list's run finishes (see the module comment); returns the function that stops it. */
export function onListRunFinished(cb: Callback): () => void {
  const set = callbacks();
  set.add(cb);
  return () => {
    set.delete(cb);
  };
}

/** Calls every callback with `e`, each on its own: a failure is logged and the others still run. */
export async function emitListRunFinished(e: ListRunFinished): Promise<void> {
  await Promise.all(
    [...callbacks()].map(async (cb) => {
      try {
        await cb(e);
      } catch (err) {
        getLog().error({ err, list: e.listId }, 'a list-run-finished callback failed');
      }
    }),
  );
}

/**
 * Run `runId` reached a finished status: when it is a list's run, claims its finish (the first time only, across
 * instances) and then calls the callbacks. Never throws.
 */
export async function listRunFinished(db: Kysely<Database>, runId: string, at: number): Promise<void> {
  try {
    const claimed = await db
      .updateTable('list_runs')
      .set({ finished_at: at })
      .where('run_id', '=', runId)
      .where('finished_at', 'is', null)
      .returning(['list_id', 'started_at'])
      .executeTakeFirst();
    if (!claimed) return;
    const previous = await db
      .selectFrom('list_runs')
      .select('run_id')
      .where('list_id', '=', claimed.list_id)
      .where('run_id', '!=', runId)
      .where('started_at', '<=', Number(claimed.started_at))
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    await emitListRunFinished({ listId: claimed.list_id, runId, previousRunId: previous?.run_id ?? null });
  } catch (err) {
    getLog().error({ err }, 'could not record a list run as finished');
  }
}

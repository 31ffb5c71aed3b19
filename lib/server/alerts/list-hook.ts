/**
 * Alerts on list runs: when a list run finishes (lib/server/lists/hooks.ts, once per run across instances), the
 * changes against the list's run before it (lib/history/changes.ts, accepted findings judged there) go to the
 * list's subscribed channels as one digest each (./digest.ts). Installed once per process at start-up.
 */
import 'server-only';
import { fromHistory } from '@/lib/alerts/from-history';
import { computeChanges } from '@/lib/history/changes';
import type { ServerConfig } from '../env';
import { onListRunFinished } from '../lists/hooks';
import { acceptances, findList, findListRun, snapshotOf } from '../lists/store';
import { getStorage } from '../storage/db';
import { alertListRun } from './digest';

const INSTALLED_KEY = Symbol.for('m365-dns-health.alerts.list-hook');
type WithInstalled = typeof globalThis & { [INSTALLED_KEY]?: true };

export function installListAlerts(config: ServerConfig): void {
  const g = globalThis as WithInstalled;
  if (g[INSTALLED_KEY]) return;
  g[INSTALLED_KEY] = true;
  onListRunFinished(async (e) => {
    const storage = await getStorage(config.storage);
    const list = await findList(storage.db, e.listId);
    const run = await findListRun(storage.db, e.listId, e.runId);
    if (!list || !run) return;
    const previous = e.previousRunId ? await findListRun(storage.db, e.listId, e.previousRunId) : null;
    const changes = computeChanges(
      previous ? await snapshotOf(storage.db, previous) : null,
      await snapshotOf(storage.db, run),
      await acceptances(storage.db, { listId: e.listId }),
    );
    await alertListRun(storage, config.alerts, {
      list: { id: list.id, name: list.name },
      runId: e.runId,
      changes: fromHistory(changes.domains),
      first: previous === null,
    });
  });
}

/**
 * The schedule ticker: every SCHEDULE_TICK_MS, on every instance, it finds the list schedules with a due slot
 * (./due.ts, the list's jitter included), claims each slot (./store.ts: one INSERT that only one instance wins)
 * and starts the list run for the claims it won; then it runs the alert deliveries whose retry is due and the
 * watches whose next check is due (../watches/service.ts). The
 * clock is `Date.now() + SCHEDULE_CLOCK_OFFSET_MS` (a test hook, 0 in production).
 */
import 'server-only';
import { runDueDeliveries } from '../alerts/deliveries';
import type { AlertsConfig, ServerConfig } from '../env';
import { getLog } from '../log';
import { getStorage } from '../storage/db';
import { runDueWatches } from '../watches/service';
import { dueSlot } from './due';
import { listIsGone, startListRun } from './list-seam';
import { claimSlot, recordSlotRun } from './store';

const TICKER_KEY = Symbol.for('m365-dns-health.schedule-ticker');
type WithTicker = typeof globalThis & { [TICKER_KEY]?: { timer: NodeJS.Timeout; running: boolean } };

export const scheduleNow = (config: AlertsConfig) => Date.now() + config.clockOffsetMs;

/** One pass: fires due slots, then due delivery retries. Answers the slots this instance fired. */
export async function tick(config: ServerConfig): Promise<number> {
  const storage = await getStorage(config.storage);
  const log = getLog();
  const now = scheduleNow(config.alerts);
  const schedules = await storage.db.selectFrom('list_schedules').selectAll().where('enabled', '=', 1).execute();
  let fired = 0;
  for (const s of schedules) {
    let slot: number | null;
    try {
      slot = dueSlot({ cron: s.cron, tz: s.tz, listId: s.list_id }, s.last_slot, now, config.alerts.jitterMaxMs);
    } catch (err) {
      log.warn({ listId: s.list_id, err: (err as Error).message }, 'list schedule cannot be read');
      continue;
    }
    if (slot === null) continue;
    if (!(await claimSlot(storage, s.list_id, slot, now))) continue;
    fired++;
    const slotIso = new Date(slot).toISOString();
    try {
      const { runId } = await startListRun(s.list_id, { trigger: 'schedule', slot: slotIso });
      await recordSlotRun(storage, s.list_id, slot, runId);
      log.info({ listId: s.list_id, slot: slotIso, runId }, 'scheduled list run started');
    } catch (err) {
      log.warn({ listId: s.list_id, slot: slotIso, err: (err as Error).message }, 'scheduled list run not started');
      // A deleted list's schedule stops (its rows are keyed by list id, with no foreign key to the list).
      if (listIsGone(err))
        await storage.db.updateTable('list_schedules').set({ enabled: 0 }).where('list_id', '=', s.list_id).execute();
    }
  }
  await runDueDeliveries(storage, config.alerts);
  await runDueWatches(storage, config);
  return fired;
}

/** Starts the ticker once per process (start-up calls this). */
export function startScheduleTicker(config: ServerConfig): void {
  const g = globalThis as WithTicker;
  if (g[TICKER_KEY]) return;
  const state = { running: false, timer: undefined as unknown as NodeJS.Timeout };
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    tick(config)
      .catch((err) => getLog().warn({ err: (err as Error).message }, 'schedule tick failed'))
      .finally(() => {
        state.running = false;
      });
  }, config.alerts.tickMs);
  state.timer.unref();
  g[TICKER_KEY] = state;
}

/**
 * The seam to the lists (lib/server/lists, another branch): how a due slot starts a list run. Until the lists
 * land, no list can be run and a fired slot records no run (the slot is still claimed once, and logged).
 */
import 'server-only';

export type StartListRun = (
  listId: string,
  opts: { trigger: 'manual' | 'schedule'; slot?: string },
) => Promise<{ runId: string }>;

export const startListRun: StartListRun = async (listId) => {
  throw new Error(`list ${listId}: lists are not available in this build`);
};

/** The seam to the lists (lib/server/lists): how a due slot starts a list run, and how to tell a list that is gone. */
import 'server-only';
import { ListRunError } from '../lists/service';

export { startListRun } from '../lists/service';

/** True when `err` says the list no longer exists (its schedule is then turned off). */
export function listIsGone(err: unknown): boolean {
  return err instanceof ListRunError && err.reason === 'not-found';
}

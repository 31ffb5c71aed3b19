/** Shared by the run tests: an owner for new runs, and the run of a create that must not be refused. */
import type { CreateResult, RunOwner, RunRecord } from './store';

/** The owner of test runs (one client; the hash of no real token). */
export const TEST_OWNER: RunOwner = { client: 'test-client', tokenHash: '00'.repeat(32) };

/** The run `create`/`start` stored; throws with the refusal when it was refused. */
export function created(result: CreateResult): RunRecord {
  if ('refused' in result) throw new Error(`run refused: ${JSON.stringify(result.refused)}`);
  return result.created;
}

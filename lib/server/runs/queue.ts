/**
 * The seam between a run and the work of checking its domains. A run's pending domains are the targets without a
 * result in storage (`RunStore.unchecked`): that is the embedded mode's "jobs table". This process's queue
 * (./engine.ts) works them through the fair scheduler and is single-instance: after a restart, `resume` queues the
 * unfinished runs' unchecked domains again. A queue for several instances on PostgreSQL (pg-boss: one job per
 * domain, a short lease, retried elsewhere when an instance dies) implements the same three operations; result
 * writes are already idempotent on (run, domain) (`RunStore.putPacked`), so a job retried after a lease expired
 * never stores a domain twice.
 */
import type { CheckTarget } from '../check';
import type { RunRecord } from './store';

export type RunQueue = {
  /**
   * Queues `targets` of `run` (`fresh`: a re-check, whose results replace the earlier ones). Resolves once they
   * are queued, not checked.
   */
  enqueue(run: RunRecord, targets: readonly CheckTarget[], fresh: boolean): Promise<void>;
  /** No queued domain of the run starts any more, and its checks in flight are aborted. */
  cancel(id: string): Promise<void>;
  /** At start-up: queues the domains of every unfinished run that have no result yet. */
  resume(): Promise<void>;
};

/**
 * A check worker thread (started by ./pool.ts): checks bulk-run domains exactly as the main thread would
 * (`checkResult`, the same resolver module and diagnosis), then renders the report in the list's language and,
 * for a run, packs the stored result, so the main thread only stores bytes and streams them. It has its own resolver (sockets, cache, in-flight cap with a
 * slow lane) configured from the same environment.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkResult } from '../check';
import { withRunLimit } from '../dns/budget';
import { bulkSlowLookups } from '../dns/limits';
import { installPolitenessBuffer } from '../dns/politeness';
import { getResolver } from '../dns/process';
import type { DnsResolver } from '../dns/resolver';
import { createSlowLane } from '../dns/slow-lane';
import { getConfig } from '../env';
import { getProbeLabels } from '../probe-label';
import { packCheck } from '../runs/stored-result';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';
import { doneReply, postReply } from './reply';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs as a worker thread only');

const setup = workerData as WorkerSetup;
// The main thread's politeness log: the cap per server address counts every thread's queries.
installPolitenessBuffer(setup.politeness);
const lane = createSlowLane({ slowAfterMs: setup.slowAfterMs, maxSlow: bulkSlowLookups(setup.inFlight) });
const base = getResolver(getConfig());
const limited = withRunLimit(base, setup.inFlight, lane);
const sentCounts = new Float64Array(setup.sentCounts);
/** The worker's resolver: the limited one, publishing the query count whenever a lookup ends. */
const resolver: DnsResolver = {
  ...limited,
  async lookup(name, type, options) {
    try {
      return await limited.lookup(name, type, options);
    } finally {
      sentCounts[setup.slot] = limited.stats().sent;
    }
  },
};
const running = new Map<number, AbortController>();

async function check(msg: Extract<ToWorker, { kind: 'check' }>): Promise<FromWorker> {
  const controller = new AbortController();
  running.set(msg.id, controller);
  try {
    const result = await checkResult(msg.target, {
      ...msg.options,
      signal: controller.signal,
      resolver,
      // A bulk report keeps a lookup's per-attempt trace only when a question was retried.
      trace: 'retries',
    });
    return doneReply(msg.id, packCheck(result, msg.options.lang, { store: msg.options.store === true }));
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { kind: 'failed', id: msg.id, message };
  } finally {
    running.delete(msg.id);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'abort') running.get(msg.id)?.abort(msg.reason);
  else if (msg.kind === 'forget') {
    base.forget?.(msg.domain);
    getProbeLabels().forget(msg.domain);
  } else void check(msg).then((reply) => postReply(port, reply));
});

/**
 * A check worker's replies to the pool (./check-worker.ts → ./pool.ts): the report's bytes move to the main
 * thread (transferred) instead of being copied, and every check gets exactly one reply.
 */
import type { MessagePort } from 'node:worker_threads';
import type { PackedReport } from '../runs/stored-result';
import type { FromWorker } from './protocol';

/** `bytes` with an ArrayBuffer of its own (a copy if it is a view into a larger one), so it can be transferred. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/**
 * The buffers of `bytes` to transfer. Empty bytes are never transferred: there is nothing to move, and they may be
 * a shared constant (packCheck's empty `packed` for every check of a list). Transferring that one detached it for
 * the whole thread, and Node 24, unlike Node 20, refuses to transfer a detached buffer (DataCloneError).
 */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteLength > 0 ? [bytes.buffer as ArrayBuffer] : [];
}

/** The `done` reply for check `id`. */
export function doneReply(id: number, packed: PackedReport): FromWorker {
  const { domain, health, checkedAt, outcome, lang } = packed;
  return {
    kind: 'done',
    id,
    domain,
    health,
    checkedAt,
    outcome,
    lang,
    json: own(packed.json),
    packed: own(packed.packed),
  };
}

/**
 * Posts `reply` on `port` (the worker's parentPort). Never throws: a reply the structured clone refuses is sent as
 * `failed` for its check (the pool then checks the domain on the main thread). Lost, the pool would wait for it
 * until the run ends; thrown, it would end the worker and fail every check the worker holds at once.
 */
export function postReply(port: MessagePort, reply: FromWorker): void {
  try {
    port.postMessage(reply, reply.kind === 'done' ? [...transferable(reply.json), ...transferable(reply.packed)] : []);
  } catch (err) {
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    port.postMessage({
      kind: 'failed',
      id: reply.id,
      message: `could not send the report: ${why}`,
    } satisfies FromWorker);
  }
}

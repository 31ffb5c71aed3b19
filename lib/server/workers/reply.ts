/**
 * A check worker's replies to the pool (./check-worker.ts → ./pool.ts): the report's bytes move to the main
 * thread (transferred) instead of being copied.
 */
import type { MessagePort } from 'node:worker_threads';
import type { PackedReport } from '../runs/stored-result';
import type { FromWorker } from './protocol';

/** `bytes` with an ArrayBuffer of its own (a copy if it is a view into a larger one), so it can be transferred. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
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

/** Posts `reply` on `port` (the worker's parentPort). */
export function postReply(port: MessagePort, reply: FromWorker): void {
  // The report's bytes move to the main thread instead of being copied.
  const transfer = reply.kind === 'done' ? [reply.json.buffer as ArrayBuffer, reply.packed.buffer as ArrayBuffer] : [];
  port.postMessage(reply, transfer);
}

import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { makeResult } from '@/lib/client/test-fixtures';
import { packCheck, resultOf } from '../runs/stored-result';
import type { FromWorker } from './protocol';
import { doneReply, postReply } from './reply';

let channel: MessageChannel | undefined;
afterEach(() => {
  channel?.port1.close();
  channel = undefined;
});

/** The worker's end (parentPort stands in) and everything the pool's end has received so far. */
function ports(): { worker: MessagePort; received: () => FromWorker[] } {
  channel = new MessageChannel();
  const pool = channel.port2;
  return {
    worker: channel.port1,
    received: () => {
      const out: FromWorker[] = [];
      for (let m = receiveMessageOnPort(pool); m; m = receiveMessageOnPort(pool)) out.push(m.message as FromWorker);
      return out;
    },
  };
}

const json = (reply: FromWorker | undefined) =>
  reply?.kind === 'done' ? JSON.parse(Buffer.from(reply.json).toString('utf8')) : reply;

describe('check worker replies', () => {
  // A list's check packs no stored result: packCheck hands every one the same empty `packed` buffer. Transferring it
  // detached that shared buffer, and Node 24 (unlike 20) refuses to transfer a detached one: from the second reply
  // on, postMessage threw, the reply was lost and the worker died with every check it held (faults.test.ts, Node 24).
  it("a list's replies all arrive, and the shared empty buffer is never handed over", () => {
    const { worker, received } = ports();
    const first = packCheck(makeResult('a.test', 'ok'), 'en', { store: false });
    const second = packCheck(makeResult('b.test', 'missing'), 'en', { store: false });
    expect(second.packed.buffer).toBe(first.packed.buffer);
    postReply(worker, doneReply(1, first));
    postReply(worker, doneReply(2, second));
    const replies = received();
    expect(replies.map((r) => [r.kind, r.id])).toEqual([
      ['done', 1],
      ['done', 2],
    ]);
    expect(json(replies[1]).domain).toBe('b.test');
    // Still usable: a detached buffer cannot be cloned.
    expect(() => structuredClone(first.packed.buffer)).not.toThrow();
  });

  it("a run's reply carries the report and the stored result intact", () => {
    const { worker, received } = ports();
    const result = makeResult('c.test', 'wrong-target');
    postReply(worker, doneReply(3, packCheck(result, 'zh-CN', { store: true })));
    const [reply] = received();
    if (reply?.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(reply)}`);
    expect(json(reply)).toMatchObject({ domain: 'c.test', msoid: { status: 'wrong-target' } });
    const { domain, health, checkedAt } = reply;
    expect(resultOf({ domain, health, checkedAt, revision: 1, packed: Buffer.from(reply.packed) })).toEqual(result);
  });

  it('a reply that cannot be posted becomes `failed` for its check, never an exception in the worker', () => {
    const { worker, received } = ports();
    const packed = packCheck(makeResult('d.test', 'ok'), 'en', { store: false });
    // Something the structured clone refuses (here a function) in place of the report's bytes.
    const reply = { ...doneReply(4, packed), json: (() => {}) as unknown as Uint8Array } as FromWorker;
    expect(() => postReply(worker, reply)).not.toThrow();
    const [sent] = received();
    expect(sent).toMatchObject({ kind: 'failed', id: 4 });
    expect(sent?.kind === 'failed' && sent.message).toMatch(/could not send the report/);
  });
});

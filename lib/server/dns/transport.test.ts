import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from './transport';

/** A UDP server on loopback that counts datagrams and never answers. */
async function silentServer(): Promise<{ socket: Socket; port: number; received: () => number }> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', () => count++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, received: () => count };
}

let transport: Transport | undefined;
let server: Awaited<ReturnType<typeof silentServer>> | undefined;
afterEach(async () => {
  await transport?.close();
  server?.socket.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('UDP send queue', () => {
  it('queries started in one turn leave together; one aborted before the flush is never sent', async () => {
    server = await silentServer();
    transport = createTransport();
    const address = { host: '127.0.0.1', port: server.port, family: 4 as const };
    // The channel connects first (its first query waits for that), so the queue is in use from then on.
    const warm = new AbortController();
    const first = transport.udp({
      server: address,
      question: { name: 'a.test', type: 'A' },
      timeoutMs: 2000,
      signal: warm.signal,
    });
    await settle();
    warm.abort();
    await first;
    expect(server.received()).toBe(1);

    const keep = new AbortController();
    const drop = new AbortController();
    const exchange = (name: string, signal: AbortSignal) =>
      (transport as Transport).udp({ server: address, question: { name, type: 'A' }, timeoutMs: 2000, signal });
    const results = [exchange('b.test', keep.signal), exchange('c.test', drop.signal), exchange('d.test', keep.signal)];
    // Still in this turn: nothing has left yet, and the aborted one never will.
    expect(transport.sent()).toBe(1);
    drop.abort();
    await settle();
    expect(server.received()).toBe(3);
    expect(transport.sent()).toBe(3);
    keep.abort();
    expect((await Promise.all(results)).map((r) => r.kind)).toEqual(['aborted', 'aborted', 'aborted']);
  });
});

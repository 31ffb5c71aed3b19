/**
 * UDP and TCP exchanges for the resolver. UDP queries are multiplexed over one connected socket per
 * server (replaced after a number of queries so the source port changes); a connected socket also
 * gets ICMP "port unreachable" as ECONNREFUSED and drops datagrams from other sources. TCP opens one
 * connection per query. Every exchange ends in exactly one WireResult and frees its timer and socket.
 */
import { randomFillSync } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { type Socket as TcpSocket, connect as tcpConnect } from 'node:net';
import type { DecodedPacket } from 'dns-packet';
import { onAbort } from './abort';
import { formatServer, type ServerAddress } from './servers';
import { decodeReply, encodeQuery, matchesQuestion, type Question } from './wire';

export type WireResult =
  | { kind: 'reply'; packet: DecodedPacket }
  | { kind: 'timeout' }
  | { kind: 'network-error'; code: string }
  | { kind: 'bad-response'; reason: string }
  | { kind: 'aborted' };

export type Exchange = {
  server: ServerAddress;
  question: Question;
  timeoutMs: number;
  signal: AbortSignal;
  /** RD bit; default true. False for a zone's own servers (asked what they publish, not to recurse). */
  recursion?: boolean;
};

export type Transport = {
  udp(x: Exchange): Promise<WireResult>;
  tcp(x: Exchange): Promise<WireResult>;
  /** Queries written to the wire so far (UDP datagrams + TCP queries). */
  sent(): number;
  /** Closes every socket; exchanges still open end as `aborted`. */
  close(): Promise<void>;
};

/** Measured need at high concurrency (see dns-test-servers.md); Linux caps it at net.core.rmem_max. */
const RECV_BUFFER_BYTES = 4 * 1024 * 1024;
/** Queries per UDP socket before a fresh one (new source port) takes over. */
const QUERIES_PER_SOCKET = 10_000;
/** Largest DNS message over TCP plus its length prefix; more unread bytes than this is a bad reply. */
const MAX_TCP_BUFFER = 65_537 * 2;

type Finish = (result: WireResult) => void;

/**
 * Runs one exchange: `start` sets up I/O and returns its cleanup; the timer, the abort signal and the
 * I/O race to call `finish`, and only the first call counts.
 */
function runExchange(x: Exchange, start: (finish: Finish) => () => void): Promise<WireResult> {
  if (x.signal.aborted) return Promise.resolve({ kind: 'aborted' });
  return new Promise<WireResult>((resolve) => {
    let done = false;
    let cleanup: (() => void) | undefined;
    const finish: Finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unlink();
      cleanup?.();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), x.timeoutMs);
    // One listener per signal, shared by every exchange on it (a domain's lookups share one signal).
    const unlink = onAbort(x.signal, () => finish({ kind: 'aborted' }));
    const undo = start(finish);
    if (done) undo();
    else cleanup = undo;
  });
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

type Pending = { question: Question; finish: Finish };

type Channel = {
  socket: UdpSocket;
  pending: Map<number, Pending>;
  used: number;
  retired: boolean;
  closed: boolean;
  /** Set once the socket is connected: queries are then sent at once, not after `ready`. */
  connected: boolean;
  ready: Promise<void>;
};

/** Random 16-bit ids, drawn from a refilled pool (crypto-quality: ids are the main anti-spoofing field). */
function idSource(): () => number {
  const pool = new Uint16Array(512);
  let next = pool.length;
  return () => {
    if (next >= pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++] ?? 0;
  };
}

/** A transport with its own sockets; one per resolver. */
export function createTransport(): Transport {
  const channels = new Map<string, Channel[]>();
  const tcpSockets = new Map<TcpSocket, Finish>();
  const nextId = idSource();
  let sentCount = 0;
  let closed = false;

  const closeChannel = (key: string, ch: Channel, reason: WireResult): Promise<void> => {
    const list = channels.get(key);
    if (list) {
      const rest = list.filter((c) => c !== ch);
      if (rest.length > 0) channels.set(key, rest);
      else channels.delete(key);
    }
    if (ch.closed) return Promise.resolve();
    ch.closed = true;
    for (const p of ch.pending.values()) p.finish(reason);
    ch.pending.clear();
    return new Promise((resolve) => {
      try {
        ch.socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  };

  const openChannel = (key: string, server: ServerAddress): Channel => {
    const socket = createSocket({ type: server.family === 6 ? 'udp6' : 'udp4', recvBufferSize: RECV_BUFFER_BYTES });
    const ch: Channel = {
      socket,
      pending: new Map(),
      used: 0,
      retired: false,
      closed: false,
      connected: false,
      ready: Promise.resolve(),
    };
    ch.ready = new Promise<void>((resolve, reject) => {
      socket.once('connect', () => {
        ch.connected = true;
        resolve();
      });
      socket.on('error', (err) => {
        // On a connected socket this is ICMP feedback (ECONNREFUSED…) or a failed connect: every pending
        // query here went to the same server, so all of them failed the same way.
        const code = errorCode(err);
        for (const p of ch.pending.values()) p.finish({ kind: 'network-error', code });
        if (!ch.connected) {
          reject(err);
          void closeChannel(key, ch, { kind: 'network-error', code });
        }
      });
    });
    ch.ready.catch(() => {});
    socket.on('message', (msg) => {
      if (msg.length < 2) return;
      const p = ch.pending.get(msg.readUInt16BE(0));
      if (!p) return;
      const packet = decodeReply(msg);
      if (packet === null) p.finish({ kind: 'bad-response', reason: 'undecodable reply' });
      else if (matchesQuestion(packet, p.question)) p.finish({ kind: 'reply', packet });
      // A decodable reply to some other question is ignored: keep waiting (spoofing or a late reply).
    });
    socket.on('close', () => {
      for (const p of ch.pending.values()) p.finish({ kind: 'network-error', code: 'ECLOSED' });
    });
    socket.unref();
    try {
      socket.connect(server.port, server.host);
    } catch (err) {
      socket.emit('error', err);
    }
    return ch;
  };

  // UDP queries wait for the end of the event-loop turn and leave together (see queueSend).
  let outbox: Array<() => void> = [];
  let flushQueued = false;
  const flush = () => {
    flushQueued = false;
    const batch = outbox;
    outbox = [];
    for (const send of batch) send();
  };
  /**
   * Sends at the end of this event-loop turn, with every other query started in it. A resolver that sees one
   * datagram at a time goes idle between them, and waking it up is paid in the sender's system call: on the
   * bench machine a query sent alone cost about 17 µs of CPU, one of a burst about 8 µs (see docs/performance.md).
   * The wait is a fraction of a millisecond, and the query's timer already runs.
   */
  const queueSend = (send: () => void) => {
    outbox.push(send);
    if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  };

  const channelFor = (server: ServerAddress): { key: string; ch: Channel } => {
    const key = formatServer(server);
    const list = channels.get(key) ?? [];
    let ch = list.at(-1);
    if (!ch || ch.retired || ch.closed) {
      ch = openChannel(key, server);
      list.push(ch);
      channels.set(key, list);
    }
    if (++ch.used >= QUERIES_PER_SOCKET) ch.retired = true;
    return { key, ch };
  };

  const udp = (x: Exchange): Promise<WireResult> =>
    runExchange(x, (finish) => {
      if (closed) {
        finish({ kind: 'aborted' });
        return () => {};
      }
      const { key, ch } = channelFor(x.server);
      let id = nextId();
      for (let i = 0; i < 64 && ch.pending.has(id); i++) id = nextId();
      if (ch.pending.has(id)) {
        finish({ kind: 'network-error', code: 'EIDSPACE' });
        return () => {};
      }
      const query = encodeQuery(id, x.question, x.recursion !== false);
      const entry: Pending = { question: x.question, finish };
      ch.pending.set(id, entry);
      const send = () => {
        if (ch.pending.get(id) !== entry) return;
        sentCount++;
        try {
          ch.socket.send(query, (err) => {
            if (err) finish({ kind: 'network-error', code: errorCode(err) });
          });
        } catch (err) {
          // A socket closed under the queue throws here; the rest of the burst must still go out.
          finish({ kind: 'network-error', code: errorCode(err) });
        }
      };
      if (ch.connected) queueSend(send);
      else ch.ready.then(send, (err: unknown) => finish({ kind: 'network-error', code: errorCode(err) }));
      return () => {
        if (ch.pending.get(id) === entry) ch.pending.delete(id);
        if (ch.retired && ch.pending.size === 0) void closeChannel(key, ch, { kind: 'aborted' });
      };
    });

  const tcp = (x: Exchange): Promise<WireResult> =>
    runExchange(x, (finish) => {
      if (closed) {
        finish({ kind: 'aborted' });
        return () => {};
      }
      const id = nextId();
      const query = encodeQuery(id, x.question, x.recursion !== false);
      const frame = Buffer.alloc(2 + query.length);
      frame.writeUInt16BE(query.length, 0);
      query.copy(frame, 2);
      const socket = tcpConnect({ host: x.server.host, port: x.server.port });
      tcpSockets.set(socket, finish);
      socket.setNoDelay(true);
      let buffered: Buffer = Buffer.alloc(0);
      socket.on('connect', () => {
        sentCount++;
        socket.write(frame);
      });
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2) {
          const length = buffered.readUInt16BE(0);
          if (buffered.length < 2 + length) break;
          const message = buffered.subarray(2, 2 + length);
          buffered = buffered.subarray(2 + length);
          if (message.length < 2 || message.readUInt16BE(0) !== id) continue;
          const packet = decodeReply(message);
          if (packet === null) return finish({ kind: 'bad-response', reason: 'undecodable reply' });
          if (matchesQuestion(packet, x.question)) return finish({ kind: 'reply', packet });
        }
        if (buffered.length > MAX_TCP_BUFFER) finish({ kind: 'bad-response', reason: 'oversized TCP message' });
      });
      socket.on('error', (err) => finish({ kind: 'network-error', code: errorCode(err) }));
      socket.on('close', () => finish({ kind: 'network-error', code: 'ECONNCLOSED' }));
      return () => {
        tcpSockets.delete(socket);
        socket.destroy();
      };
    });

  return {
    udp,
    tcp,
    sent: () => sentCount,
    async close() {
      closed = true;
      for (const finish of [...tcpSockets.values()]) finish({ kind: 'aborted' });
      tcpSockets.clear();
      const all: Promise<void>[] = [];
      for (const [key, list] of [...channels])
        for (const ch of list) all.push(closeChannel(key, ch, { kind: 'aborted' }));
      await Promise.all(all);
    },
  };
}

/**
 * Run messages between the instances sharing PostgreSQL: LISTEN/NOTIFY on one channel. A message is small (a run
 * id, what happened, an index and revision: never a report); a follower reads the result from storage. Each
 * instance keeps one dedicated connection LISTENing (not a pool connection) and opens it again when PostgreSQL
 * comes back; `onReconnect` then lets it tell its followers to read again (messages sent meanwhile are lost).
 */
import 'server-only';
import type { Pool } from 'pg';
import pg from 'pg';
import { getLog } from '../log';

export const BUS_CHANNEL = 'm365_dns_health_runs';
const RECONNECT_MS = 1000;

/**
 * What a message says about run `run`: a new row stored, a row replaced (a re-check), a status changed,
 * cancelled, domains queued.
 */
export type BusMessage = {
  run: string;
  kind: 'row' | 'result' | 'status' | 'cancel' | 'queued';
  index?: number;
  revision?: number;
};

export type RunBus = {
  /** Sends `message` to every other instance (best effort: lost while PostgreSQL is away). */
  publish(message: BusMessage): void;
  close(): Promise<void>;
};

/** Opens the bus: `onMessage` gets every other instance's messages, `onReconnect` each time the LISTEN is back. */
export function openRunBus(options: {
  url: string;
  pool: Pool;
  instance: string;
  onMessage: (message: BusMessage) => void;
  onReconnect: () => void;
}): RunBus {
  let client: pg.Client | null = null;
  let closed = false;
  let first = true;
  const connect = async () => {
    while (!closed) {
      const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000 });
      try {
        c.on('error', () => undefined);
        await c.connect();
        await c.query(`LISTEN ${BUS_CHANNEL}`);
        c.on('notification', (n) => {
          try {
            const m = JSON.parse(n.payload ?? '') as BusMessage & { from: string };
            if (m.from !== options.instance && typeof m.run === 'string') options.onMessage(m);
          } catch {
            // Not ours: ignored.
          }
        });
        c.once('end', () => {
          client = null;
          if (!closed) setTimeout(() => void connect(), RECONNECT_MS);
        });
        client = c;
        if (!first) options.onReconnect();
        first = false;
        return;
      } catch (err) {
        await c.end().catch(() => undefined);
        getLog().warn({ err: (err as Error).message }, 'run bus: LISTEN failed; trying again');
        await new Promise((r) => setTimeout(r, RECONNECT_MS));
      }
    }
  };
  void connect();
  return {
    publish(message) {
      const payload = JSON.stringify({ ...message, from: options.instance });
      options.pool.query('select pg_notify($1, $2)', [BUS_CHANNEL, payload]).catch(() => undefined);
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

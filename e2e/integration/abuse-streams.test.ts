/**
 * Bounded event streams against the production build and the real DNS lab: followers of a run that never read
 * (an HTTP request whose response is left unread) take a slot per run and per client (MAX_FOLLOWERS_PER_RUN,
 * MAX_FOLLOWERS_PER_CLIENT: 429 `too-many-followers` past them), give it back when they end, and are cut off after
 * STREAM_IDLE_TIMEOUT_MS; a follower that reads still gets every row. Clients are told apart by X-Forwarded-For
 * (TRUST_PROXY_HEADER). The run followed is a finished 1,000-domain run: its stream (about 20 MB) is far more than
 * the socket buffers between the server and a client that reads nothing can take.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkDomains, bulkZones, labZones } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { readLines } from '../../lib/client/ndjson';
import { ApiError, RunCreated, RunEvent, type RunEvent as RunEventType } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';

const N = 1000;
const DOMAINS = bulkDomains(N);
const IDLE_MS = 1500;

let lab: Lab;
/** Small follower caps, and an idle timeout longer than any test (idle followers keep their slots). */
let capped: App;
/** One follower per client, and a short idle timeout. */
let idling: App;

beforeAll(async () => {
  lab = await startLab({ zones: [...labZones(), ...bulkZones(N)] });
  const base = { ...appEnv(lab.resolver), TRUST_PROXY_HEADER: 'x-forwarded-for', MAX_DOMAINS_PER_RUN: String(N) };
  [capped, idling] = await Promise.all([
    startApp({
      ...base,
      CHECK_WORKERS: '1',
      MAX_FOLLOWERS_PER_RUN: '3',
      MAX_FOLLOWERS_PER_CLIENT: '2',
      STREAM_IDLE_TIMEOUT_MS: '600000',
    }),
    startApp({ ...base, CHECK_WORKERS: '0', MAX_FOLLOWERS_PER_CLIENT: '1', STREAM_IDLE_TIMEOUT_MS: String(IDLE_MS) }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([capped?.stop(), idling?.stop()]);
  await lab?.stop();
});

const from = (client: string) => ({ 'x-forwarded-for': client });

async function startRun(base: string, domains: string[]): Promise<RunCreated> {
  const response = await fetch(new URL('/api/runs', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from('10.9.9.9') },
    body: JSON.stringify({ domains, cloud: 'auto' }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(201);
  return RunCreated.parse(JSON.parse(text));
}

/** Follows the run to its end as `client`, reading every line (a normal follower): the status and the events. */
async function follow(base: string, id: string, client: string): Promise<{ status: number; events: RunEventType[] }> {
  const response = await fetch(new URL(`/api/runs/${id}/events?from=0`, base), {
    headers: from(client),
    signal: AbortSignal.timeout(90_000),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: response.status, events: [] };
  }
  const events: RunEventType[] = [];
  for await (const line of readLines(response.body as ReadableStream<Uint8Array>)) {
    events.push(RunEvent.parse(JSON.parse(line)));
  }
  return { status: response.status, events };
}

/** A follower whose response nobody reads (after its headers). */
type Idle = {
  status: number;
  /** The error body, when refused. */
  error?: ApiError;
  /** Reads what the server sent from now on, to the end: the report rows, whether `done` came, how it ended. */
  drain(): Promise<{ rows: number; done: boolean; complete: boolean }>;
  /** The client goes away. */
  destroy(): void;
};

/** Opens GET /api/runs/:id/events as `client` and leaves the response unread (paused) when it is a 200. */
function openIdle(base: string, id: string, client: string): Promise<Idle> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(`/api/runs/${id}/events?from=0`, base), { headers: from(client) }, (res) => {
      const status = res.statusCode ?? 0;
      const destroy = () => request.destroy();
      if (status !== 200) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status, error: ApiError.parse(JSON.parse(text)), drain: unread, destroy }));
        return;
      }
      res.pause();
      const drain = () =>
        new Promise<{ rows: number; done: boolean; complete: boolean }>((done) => {
          let rest = '';
          let rows = 0;
          let sawDone = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const lines = (rest + chunk).split('\n');
            rest = lines.pop() ?? '';
            for (const line of lines) {
              if (line.startsWith('{"type":"report"')) rows++;
              else if (line.startsWith('{"type":"done"')) sawDone = true;
            }
          });
          res.on('error', () => {});
          res.on('close', () => done({ rows, done: sawDone, complete: res.complete }));
          res.resume();
        });
      resolve({ status, drain, destroy });
    });
    request.on('error', (err) => {
      if (!request.destroyed) reject(err);
    });
  });
}

const unread = async () => ({ rows: 0, done: false, complete: false });

/** Tries `attempt` every 250 ms until it says true; false when `ms` pass first. */
async function eventually(attempt: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await attempt()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const rowIndexes = (events: RunEventType[]) => events.flatMap((e) => (e.type === 'report' ? [e.index] : []));

describe('bounded event streams', () => {
  it('caps followers per client and per run with 429 too-many-followers; slots come back when followers end', async () => {
    const run = await startRun(capped.url, DOMAINS);
    // (c) A normal follower, from the start of the live run: every row once, in order, then done.
    const live = await follow(capped.url, run.id, '10.0.0.1');
    expect(live.status).toBe(200);
    expect(rowIndexes(live.events)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(live.events.at(-1)).toEqual({ type: 'done', status: 'done', checked: N, total: N });
    // …and its slot came back when the run was done: the same client follows again, to the end, twice.
    for (let i = 0; i < 2; i++) expect((await follow(capped.url, run.id, '10.0.0.1')).events.at(-1)?.type).toBe('done');

    // Client A: two idle followers, its cap; a third is refused.
    const a1 = await openIdle(capped.url, run.id, '10.0.0.2');
    const a2 = await openIdle(capped.url, run.id, '10.0.0.2');
    expect([a1.status, a2.status]).toEqual([200, 200]);
    const a3 = await openIdle(capped.url, run.id, '10.0.0.2');
    expect(a3.status).toBe(429);
    expect(a3.error).toMatchObject({ code: 'too-many-followers', limit: 2 });
    expect(a3.error?.message).toMatch(/You already have 2 open event streams.*Close tabs or scripts/);

    // Client B: one more idle follower fills the run's three slots; client C is refused on this run…
    const b1 = await openIdle(capped.url, run.id, '10.0.0.3');
    expect(b1.status).toBe(200);
    const c1 = await openIdle(capped.url, run.id, '10.0.0.4');
    expect(c1.status).toBe(429);
    expect(c1.error).toMatchObject({ code: 'too-many-followers', limit: 3 });
    expect(c1.error?.message).toMatch(/This run already has 3 open event streams/);
    // …but follows another run (the cap is per run) and gets every row of it.
    const other = await startRun(capped.url, DOMAINS.slice(0, 3));
    const small = await follow(capped.url, other.id, '10.0.0.4');
    expect(small.status).toBe(200);
    expect(rowIndexes(small.events)).toEqual([0, 1, 2]);
    expect(small.events.at(-1)).toMatchObject({ type: 'done', status: 'done', checked: 3 });

    // Client A goes away from one follower: its slot (and the run's) comes back.
    a1.destroy();
    const freed = await eventually(async () => (await follow(capped.url, other.id, '10.0.0.2')).status === 200, 20_000);
    expect(freed).toBe(true);
    const c2 = await openIdle(capped.url, run.id, '10.0.0.4');
    expect(c2.status).toBe(200);
    for (const f of [a2, b1, c2]) f.destroy();
  }, 120_000);

  it('a follower that reads nothing is cut off after STREAM_IDLE_TIMEOUT_MS and its slot freed', async () => {
    const run = await startRun(idling.url, DOMAINS);
    // The run done, read by a normal follower: every row.
    const first = await follow(idling.url, run.id, '10.1.0.1');
    expect(rowIndexes(first.events)).toEqual(Array.from({ length: N }, (_, i) => i));
    const tiny = await startRun(idling.url, DOMAINS.slice(0, 1));

    const stuck = await openIdle(idling.url, run.id, '10.1.0.2');
    expect(stuck.status).toBe(200);
    // While it is open, the client (cap 1) has no slot left.
    const refused = await openIdle(idling.url, tiny.id, '10.1.0.2');
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe('too-many-followers');

    // Once the server has cut the idle follower off, the client follows again, to the end.
    const freed = await eventually(async () => (await follow(idling.url, tiny.id, '10.1.0.2')).status === 200, 30_000);
    expect(freed).toBe(true);
    const again = await follow(idling.url, run.id, '10.1.0.2');
    expect(again.status).toBe(200);
    expect(rowIndexes(again.events)).toEqual(Array.from({ length: N }, (_, i) => i));

    // The idle follower, read now: what the socket buffers held, then the end of an aborted response (no `done`).
    const read = await stuck.drain();
    expect(read.done).toBe(false);
    expect(read.complete).toBe(false);
    expect(read.rows).toBeLessThan(N);

    // The cut-off is an ordinary end, not a server error.
    const log = readFileSync(idling.logFile as string, 'utf8');
    expect(log).toMatch(/run events stream closed: its client read nothing/);
    expect(log).not.toMatch(/failed to pipe response|"level":"error"/);
  }, 120_000);
});

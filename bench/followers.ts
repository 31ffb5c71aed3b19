/**
 * followers: what event streams that are never read cost the server. A finished run of the bench's domains (its
 * events stream is about 20 MB at 1,000), then FOLLOWERS `GET /api/runs/<id>/events` requests whose responses
 * nobody reads (one HTTP/1.1 connection each, paused after the headers: the socket buffers fill, then the server
 * has to hold or drop the rest). Reads the server's RSS at rest before, the most it held while they were all open,
 * after STREAM_IDLE_TIMEOUT_MS (when the build has it: the server cuts them off) and once the clients have gone.
 * It runs on an app of its own (started from the same build, with the bench's settings), with the follower caps
 * raised so every one is admitted, an idle timeout longer than opening them all takes on a busy machine, and a
 * retention no wait of this part reaches.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { type App, startApp } from '../e2e/support/app';
import { readLines } from '../lib/client/ndjson';
import { cpuMs, peakRssMb, pidListeningOn, resetPeakRss, rssMb, settledRssMb } from './proc';

export const FOLLOWERS = 200;
/** STREAM_IDLE_TIMEOUT_MS of the followers' app: longer than opening FOLLOWERS takes on a busy 2-core machine. */
export const FOLLOWERS_IDLE_TIMEOUT_MS = 120_000;
/** How long the open followers are watched (RSS sampled) before anything else happens. */
const HOLD_MS = 5000;
/** The settled RSS is the least over this long (V8 and the allocator give memory back after a few seconds). */
const SETTLE_MS = 5000;

export type FollowersResult = {
  followers: number;
  runDomains: number;
  /** Bytes of the run's whole events stream (one follower reading it to the end). */
  streamBytes: number;
  /** Answers to the followers' requests, by HTTP status. */
  statuses: Record<string, number>;
  /** Ms to open every follower (the answers' headers). */
  openMs: number;
  /** Settled RSS with the finished run kept, before any follower. */
  restMb: number;
  /** The highest RSS sampled while the followers were open and unread (HOLD_MS after the last one opened). */
  heldMb: number;
  /** VmHWM from the first follower until the end of the hold. */
  peakMb: number;
  /** Server CPU from the first follower until the end of the hold. */
  cpuMs?: number;
  /** The app's STREAM_IDLE_TIMEOUT_MS, when its build has the setting. */
  idleTimeoutMs?: number;
  /** Settled RSS once the idle timeout has passed (the followers still connected, unread). */
  afterTimeoutMb?: number;
  /** Followers the server logged as cut off for reading nothing. */
  cutOff: number;
  /** The settings the followers' app has on top of the bench's. */
  settings: Record<string, string>;
  /** Settled RSS once the clients closed their connections. */
  afterCloseMb: number;
};

type Opened = { status: number; request: http.ClientRequest };

function openUnread(url: URL, agent: http.Agent): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (res) => {
      // Never read: the response stays paused after its headers.
      res.pause();
      res.on('error', () => {});
      resolve({ status: res.statusCode ?? 0, request });
    });
    request.on('error', (err) => {
      if (!request.destroyed) reject(err);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run for the followers: started, then read to its `done` line; returns its id and stream size. */
async function finishedRun(url: string, domains: readonly string[]): Promise<{ id: string; bytes: number }> {
  const created = await fetch(`${url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domains, cloud: 'auto' }),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await created.text();
  if (created.status !== 201) throw new Error(`POST /api/runs answered ${created.status}: ${text.slice(0, 300)}`);
  const run = JSON.parse(text) as { id: string; links: { events: string } };
  const events = await fetch(new URL(run.links.events, url), { signal: AbortSignal.timeout(300_000) });
  let bytes = 0;
  let done = false;
  for await (const line of readLines(events.body as ReadableStream<Uint8Array>)) {
    bytes += Buffer.byteLength(line) + 1;
    if (line.startsWith('{"type":"done"')) done = true;
  }
  if (!done) throw new Error(`the events stream of run ${run.id} ended without done`);
  return { id: run.id, bytes };
}

/** The settings of the followers' app, on top of the bench's (see the module comment). */
export function followersEnv(idleTimeout: boolean): Record<string, string> {
  return {
    MAX_FOLLOWERS_PER_RUN: String(FOLLOWERS * 5),
    MAX_FOLLOWERS_PER_CLIENT: String(FOLLOWERS * 5),
    ...(idleTimeout ? { STREAM_IDLE_TIMEOUT_MS: String(FOLLOWERS_IDLE_TIMEOUT_MS) } : {}),
    RUN_RETENTION_S: '3600',
    MAX_RUNS_KEPT: '1',
  };
}

/**
 * Measures FOLLOWERS unread followers of a finished run of `domains` (see the module comment) on an app started
 * from the build in `appDir` with `env`; `idleTimeout` says whether that build has STREAM_IDLE_TIMEOUT_MS.
 */
export async function measureFollowers(options: {
  appDir: string;
  env: Record<string, string>;
  idleTimeout: boolean;
  domains: readonly string[];
  log: (line: string) => void;
}): Promise<FollowersResult> {
  const { log } = options;
  const cwd = process.cwd();
  process.chdir(options.appDir); // startApp starts the build of the repository it finds from cwd
  let app: App;
  try {
    app = await startApp({ ...options.env, ...followersEnv(options.idleTimeout) });
  } finally {
    process.chdir(cwd);
  }
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const opened: Opened[] = [];
  try {
    const pid = pidListeningOn(app.port);
    if (pid === undefined) throw new Error('the followers app server process was not found');
    const url = app.url;
    const idleTimeoutMs = options.idleTimeout ? FOLLOWERS_IDLE_TIMEOUT_MS : undefined;
    const run = await finishedRun(url, options.domains);
    const restMb = await settledRssMb(pid, SETTLE_MS);
    log(
      `followers: run of ${options.domains.length} domains done (stream ${run.bytes} bytes); RSS at rest ${restMb.toFixed(0)} MB`,
    );

    resetPeakRss(pid);
    const cpuBefore = cpuMs(pid);
    let heldMb = rssMb(pid) ?? Number.NaN;
    const started = performance.now();
    const events = new URL(`/api/runs/${run.id}/events?from=0`, url);
    for (let i = 0; i < FOLLOWERS; i += 20) {
      const batch = Array.from({ length: Math.min(20, FOLLOWERS - i) }, () => openUnread(events, agent));
      opened.push(...(await Promise.all(batch)));
      heldMb = Math.max(heldMb, rssMb(pid) ?? Number.NaN);
    }
    const openMs = performance.now() - started;
    for (let waited = 0; waited < HOLD_MS; waited += 250) {
      await sleep(250);
      heldMb = Math.max(heldMb, rssMb(pid) ?? Number.NaN);
    }
    const peakMb = peakRssMb(pid) ?? Number.NaN;
    const cpuAfter = cpuMs(pid);
    const statuses: Record<string, number> = {};
    for (const o of opened) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    log(
      `followers: ${FOLLOWERS} opened in ${openMs.toFixed(0)} ms (${JSON.stringify(statuses)}); RSS while held ${heldMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB`,
    );
    let afterTimeoutMb: number | undefined;
    if (idleTimeoutMs !== undefined) {
      const wait = started + openMs + idleTimeoutMs + 2000 - performance.now();
      log(`followers: waiting ${(wait / 1000).toFixed(0)} s for STREAM_IDLE_TIMEOUT_MS=${idleTimeoutMs}`);
      if (wait > 0) await sleep(wait);
      afterTimeoutMb = await settledRssMb(pid, SETTLE_MS);
      log(`followers: RSS after the idle timeout ${afterTimeoutMb.toFixed(0)} MB`);
    }
    const cutOff = app.logFile
      ? readFileSync(app.logFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('its client read nothing')).length
      : 0;
    for (const o of opened) o.request.destroy();
    opened.length = 0;
    const afterCloseMb = await settledRssMb(pid, SETTLE_MS);
    log(`followers: ${cutOff} cut off by the server; RSS once the clients left ${afterCloseMb.toFixed(0)} MB`);
    return {
      followers: FOLLOWERS,
      runDomains: options.domains.length,
      streamBytes: run.bytes,
      statuses,
      openMs,
      restMb,
      heldMb,
      peakMb,
      ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}),
      ...(idleTimeoutMs !== undefined ? { idleTimeoutMs } : {}),
      ...(afterTimeoutMb !== undefined ? { afterTimeoutMb } : {}),
      cutOff,
      settings: followersEnv(options.idleTimeout),
      afterCloseMb,
    };
  } finally {
    for (const o of opened) o.request.destroy();
    agent.destroy();
    await app.stop();
  }
}

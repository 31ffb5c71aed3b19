/**
 * (a) Our API, through the endpoint the page uses for bulk runs: `POST /api/runs` with every domain, then
 * `GET /api/runs/<id>/events` followed as NDJSON to its `done` line (what lib/client/runs.ts does).
 * Measures wall time from the POST to `done`, time from the POST to the first report row, per-domain
 * latency (each report's `elapsedMs`), the DNS queries the server itself sent (`/api/health` `dns.sent`
 * before and after), and the server's peak RSS and CPU time over the run.
 * (a′) The same figures for one `POST /api/check` stream, kept as a secondary comparison.
 */
import { readLines } from '../lib/client/ndjson';
import type { MsoidStatus, Report } from '../lib/schema';
import { cpuMs, peakRssMb, resetPeakRss, rssMb, udpReceiveDrops } from './proc';
import { type ReportLookups, reportLookups } from './queries';
import { percentile } from './stats';

export type ApiVia = 'runs' | 'check';

export type ApiRun = {
  via: ApiVia;
  wallMs: number;
  firstRowMs: number;
  /** Run API: POST /api/runs answered (201) after this many ms. */
  createdMs?: number;
  reports: number;
  /** UDP datagrams the machine dropped for a full receive buffer during the run (any process). */
  udpDrops: number;
  /** NDJSON bytes received. */
  bytes: number;
  domainsPerSec: number;
  sent: number;
  queriesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** RSS when the run started (after the previous run was dropped). */
  rssBeforeMb?: number;
  peakRssMb?: number;
  /** RSS right after the run (what the process holds with the run's results kept). */
  rssAfterMb?: number;
  serverCpuMs?: number;
  statuses: Partial<Record<MsoidStatus, number>>;
  /** Reports whose msoid status is not the expected one for the domain's state. */
  unexpected: string[];
  /** The stream ended with its `done` line (run API: status `done`, every domain checked). */
  done: boolean;
  /** Run API: the run's id. */
  runId?: string;
};

type HealthDns = { sent: number; inFlight: number; cacheHits: number };

async function healthDns(url: string): Promise<HealthDns> {
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { dns?: HealthDns };
  if (!body.dns) throw new Error('/api/health has no dns counters');
  return body.dns;
}

export type ApiOptions = {
  url: string;
  domains: readonly string[];
  expected: ReadonlyMap<string, MsoidStatus>;
  serverPid?: number;
  /** Receives each report's lookups (for the query list) when given. */
  keep?: (report: ReportLookups) => void;
  timeoutMs: number;
};

/** Tallies report lines; shared by both endpoints. */
function tally(options: ApiOptions, started: number) {
  const state = {
    firstRowMs: Number.NaN,
    latencies: [] as number[],
    statuses: {} as Partial<Record<MsoidStatus, number>>,
    unexpected: [] as string[],
  };
  const onReport = (report: Report) => {
    if (Number.isNaN(state.firstRowMs)) state.firstRowMs = performance.now() - started;
    state.latencies.push(report.elapsedMs);
    state.statuses[report.msoid.status] = (state.statuses[report.msoid.status] ?? 0) + 1;
    const want = options.expected.get(report.domain);
    if (want !== report.msoid.status)
      state.unexpected.push(`${report.domain}: ${report.msoid.status} (expected ${want})`);
    options.keep?.(reportLookups(report));
  };
  return { state, onReport };
}

/** Counts the bytes of a response body while handing it on. */
function counted(body: ReadableStream<Uint8Array>, into: { bytes: number }): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        into.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
}

async function measured(
  options: ApiOptions,
  via: ApiVia,
  body: (started: number, onReport: (r: Report) => void, bytes: { bytes: number }) => Promise<Partial<ApiRun>>,
): Promise<ApiRun> {
  const { url, serverPid } = options;
  const before = await healthDns(url);
  if (before.inFlight !== 0) throw new Error(`the server still has ${before.inFlight} queries in flight`);
  if (serverPid !== undefined) resetPeakRss(serverPid);
  const rssBefore = serverPid !== undefined ? rssMb(serverPid) : undefined;
  const cpuBefore = serverPid !== undefined ? cpuMs(serverPid) : undefined;
  const dropsBefore = udpReceiveDrops();
  const started = performance.now();
  const { state, onReport } = tally(options, started);
  const bytes = { bytes: 0 };
  const extra = await body(started, onReport, bytes);
  const wallMs = performance.now() - started;

  const peak = serverPid !== undefined ? peakRssMb(serverPid) : undefined;
  const rssAfter = serverPid !== undefined ? rssMb(serverPid) : undefined;
  const cpuAfter = serverPid !== undefined ? cpuMs(serverPid) : undefined;
  const after = await healthDns(url);
  const sent = after.sent - before.sent;
  const { latencies } = state;
  return {
    via,
    wallMs,
    firstRowMs: state.firstRowMs,
    reports: latencies.length,
    udpDrops: udpReceiveDrops() - dropsBefore,
    bytes: bytes.bytes,
    domainsPerSec: (latencies.length * 1000) / wallMs,
    sent,
    queriesPerSec: (sent * 1000) / wallMs,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: percentile(latencies, 100),
    ...(rssBefore !== undefined ? { rssBeforeMb: rssBefore } : {}),
    ...(peak !== undefined ? { peakRssMb: peak } : {}),
    ...(rssAfter !== undefined ? { rssAfterMb: rssAfter } : {}),
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { serverCpuMs: cpuAfter - cpuBefore } : {}),
    statuses: state.statuses,
    unexpected: state.unexpected,
    done: false,
    ...extra,
  };
}

/**
 * One bulk run through the run API: POST /api/runs, then its events stream from 0 to `done`.
 * `done` is true only when the run ended `done` with every domain checked.
 */
export function runBulkRun(options: ApiOptions): Promise<ApiRun> {
  return measured(options, 'runs', async (started, onReport, bytes) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const created = await fetch(`${options.url}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ domains: options.domains, cloud: 'auto' }),
      signal,
    });
    const createdText = await created.text();
    if (created.status !== 201)
      throw new Error(`POST /api/runs answered ${created.status}: ${createdText.slice(0, 500)}`);
    const createdMs = performance.now() - started;
    const run = JSON.parse(createdText) as { id: string; total: number; links: { events: string } };
    if (run.total !== options.domains.length) {
      throw new Error(`POST /api/runs accepted ${run.total} of ${options.domains.length} domains`);
    }
    const events = await fetch(new URL(run.links.events, options.url), {
      headers: { accept: 'application/x-ndjson' },
      signal,
    });
    if (events.status !== 200 || !events.body) {
      throw new Error(`GET ${run.links.events} answered ${events.status}: ${(await events.text()).slice(0, 500)}`);
    }
    let done = false;
    for await (const line of readLines(counted(events.body, bytes))) {
      const parsed = JSON.parse(line) as { type: string; status?: string; checked?: number; total?: number };
      if (parsed.type === 'report') onReport(parsed as unknown as Report);
      else if (parsed.type === 'done') {
        done = parsed.status === 'done' && parsed.checked === run.total && parsed.total === run.total;
        if (!done) throw new Error(`run ${run.id} ended ${line}`);
      }
    }
    return { done, createdMs, runId: run.id };
  });
}

/** (a′) One `POST /api/check` with every domain, read as the NDJSON stream the dashboard reads. */
export function runCheckApi(options: ApiOptions): Promise<ApiRun> {
  return measured(options, 'check', async (_started, onReport, bytes) => {
    const response = await fetch(`${options.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ domains: options.domains, cloud: 'auto' }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`POST /api/check answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    }
    let done = false;
    for await (const line of readLines(counted(response.body, bytes))) {
      const parsed = JSON.parse(line) as { type: string };
      if (parsed.type === 'report') onReport(parsed as unknown as Report);
      else if (parsed.type === 'done') done = true;
    }
    return { done };
  });
}

/**
 * Pushes the previous bulk run out of the store (the bench runs the app with MAX_RUNS_KEPT=1): a one-domain
 * run replaces it. Returns once that run is done, so the next measured run starts with nothing else kept.
 */
export async function dropPreviousRuns(url: string, domain: string): Promise<string> {
  const created = await fetch(`${url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domains: [domain], cloud: 'auto' }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await created.text();
  if (created.status !== 201) throw new Error(`POST /api/runs answered ${created.status}: ${text.slice(0, 500)}`);
  const run = JSON.parse(text) as { id: string; links: { events: string } };
  const events = await fetch(new URL(run.links.events, url), { signal: AbortSignal.timeout(60_000) });
  if (events.body) for await (const _ of readLines(events.body)) void _;
  return run.id;
}

/** The HTTP status of GET /api/runs/<id> (200 kept, 410 expired or dropped). */
export async function runStatus(url: string, id: string): Promise<number> {
  const response = await fetch(`${url}/api/runs/${id}?from=0&limit=0`, { signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel();
  return response.status;
}

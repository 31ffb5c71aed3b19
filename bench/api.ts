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

/** What the tally reads from a report line. */
type ReportFacts = { domain: string; elapsedMs: number; msoidStatus: MsoidStatus };

const REPORT_PREFIX = '{"type":"report","domain":"';

/** A string field's value starting at `at` (just after its opening quote); undefined if it has escapes. */
function plainString(line: string, at: number): string | undefined {
  const end = line.indexOf('"', at);
  const value = end < 0 ? undefined : line.slice(at, end);
  return value === undefined || value.includes('\\') ? undefined : value;
}

/**
 * The three facts the tally needs, found by position instead of parsing the whole ~30 KB line (which cost the
 * client about a tenth of a core on the machine the server shares): the domain leads the line, `msoid.status`
 * is the first `status` inside `msoid`, and the report's own `elapsedMs` is the last one on the line (every
 * lookup's comes before it). Undefined when the line does not have that shape; every 50th line is also
 * parsed in full and must agree (`checkedFacts`).
 */
function scanReport(line: string): ReportFacts | undefined {
  if (!line.startsWith(REPORT_PREFIX)) return undefined;
  const domain = plainString(line, REPORT_PREFIX.length);
  const msoidAt = line.indexOf('"msoid":{');
  const statusAt = msoidAt < 0 ? -1 : line.indexOf('"status":"', msoidAt);
  const status = statusAt < 0 ? undefined : plainString(line, statusAt + '"status":"'.length);
  const elapsedAt = line.lastIndexOf('"elapsedMs":');
  const elapsed = elapsedAt < 0 ? Number.NaN : Number.parseFloat(line.slice(elapsedAt + '"elapsedMs":'.length));
  if (domain === undefined || status === undefined || !Number.isFinite(elapsed)) return undefined;
  return { domain, elapsedMs: elapsed, msoidStatus: status as MsoidStatus };
}

function factsOf(report: Report): ReportFacts {
  return { domain: report.domain, elapsedMs: report.elapsedMs, msoidStatus: report.msoid.status };
}

/**
 * Reads one NDJSON line: a report's facts (scanned, or parsed when the caller keeps lookups, when the scan
 * fails, and on every 50th report to check the scan), or the parsed line of any other type.
 */
function readLine(
  line: string,
  seen: number,
  keep: ((report: ReportLookups) => void) | undefined,
): { facts: ReportFacts } | { other: { type: string; status?: string; checked?: number; total?: number } } {
  const scanned = keep ? undefined : scanReport(line);
  if (scanned && seen % 50 !== 0) return { facts: scanned };
  const parsed = JSON.parse(line) as { type: string; status?: string; checked?: number; total?: number };
  if (parsed.type !== 'report') return { other: parsed };
  const report = parsed as unknown as Report;
  const facts = factsOf(report);
  if (scanned && JSON.stringify(scanned) !== JSON.stringify(facts)) {
    throw new Error(
      `bench line scan disagrees with JSON.parse: ${JSON.stringify(scanned)} vs ${JSON.stringify(facts)}`,
    );
  }
  keep?.(reportLookups(report));
  return { facts };
}

/** Tallies report lines; shared by both endpoints. */
function tally(options: ApiOptions, started: number) {
  const state = {
    firstRowMs: Number.NaN,
    latencies: [] as number[],
    statuses: {} as Partial<Record<MsoidStatus, number>>,
    unexpected: [] as string[],
  };
  /** Reads a line; returns the parsed line when it is not a report. */
  const onLine = (line: string) => {
    const read = readLine(line, state.latencies.length, options.keep);
    if ('other' in read) return read.other;
    const report = read.facts;
    if (Number.isNaN(state.firstRowMs)) state.firstRowMs = performance.now() - started;
    state.latencies.push(report.elapsedMs);
    state.statuses[report.msoidStatus] = (state.statuses[report.msoidStatus] ?? 0) + 1;
    const want = options.expected.get(report.domain);
    if (want !== report.msoidStatus)
      state.unexpected.push(`${report.domain}: ${report.msoidStatus} (expected ${want})`);
    return undefined;
  };
  return { state, onLine };
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
  body: (
    started: number,
    onLine: (line: string) => { type: string; status?: string; checked?: number; total?: number } | undefined,
    bytes: { bytes: number },
  ) => Promise<Partial<ApiRun>>,
): Promise<ApiRun> {
  const { url, serverPid } = options;
  const before = await healthDns(url);
  if (before.inFlight !== 0) throw new Error(`the server still has ${before.inFlight} queries in flight`);
  if (serverPid !== undefined) resetPeakRss(serverPid);
  const rssBefore = serverPid !== undefined ? rssMb(serverPid) : undefined;
  const cpuBefore = serverPid !== undefined ? cpuMs(serverPid) : undefined;
  const dropsBefore = udpReceiveDrops();
  const started = performance.now();
  const { state, onLine } = tally(options, started);
  const bytes = { bytes: 0 };
  const extra = await body(started, onLine, bytes);
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
  return measured(options, 'runs', async (started, onLine, bytes) => {
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
      const parsed = onLine(line);
      if (parsed?.type === 'done') {
        done = parsed.status === 'done' && parsed.checked === run.total && parsed.total === run.total;
        if (!done) throw new Error(`run ${run.id} ended ${line}`);
      }
    }
    return { done, createdMs, runId: run.id };
  });
}

/** (a′) One `POST /api/check` with every domain, read as the NDJSON stream the dashboard reads. */
export function runCheckApi(options: ApiOptions): Promise<ApiRun> {
  return measured(options, 'check', async (_started, onLine, bytes) => {
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
      if (onLine(line)?.type === 'done') done = true;
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

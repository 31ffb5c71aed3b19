/**
 * (a) Our API: one `POST /api/check` with every domain, read as the NDJSON stream the page reads.
 * Measures wall time, time to the first report line, per-domain latency (each report's `elapsedMs`),
 * the DNS queries the server itself sent (`/api/health` `dns.sent` before and after), and the
 * server's peak RSS and CPU time over the run.
 */
import type { MsoidStatus, Report } from '../lib/schema';
import { cpuMs, peakRssMb, resetPeakRss, rssMb, udpReceiveDrops } from './proc';
import { type ReportLookups, reportLookups } from './queries';
import { percentile } from './stats';

export type ApiRun = {
  wallMs: number;
  firstRowMs: number;
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
  peakRssMb?: number;
  /** RSS right after the run (what the process kept). */
  rssAfterMb?: number;
  serverCpuMs?: number;
  statuses: Partial<Record<MsoidStatus, number>>;
  /** Reports whose msoid status is not the expected one for the domain's state. */
  unexpected: string[];
  done: boolean;
};

type HealthDns = { sent: number; inFlight: number; cacheHits: number };

async function healthDns(url: string): Promise<HealthDns> {
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { dns?: HealthDns };
  if (!body.dns) throw new Error('/api/health has no dns counters');
  return body.dns;
}

/** Runs one bulk check; `keep` receives each report's lookups (for the query list) when given. */
export async function runApi(options: {
  url: string;
  domains: readonly string[];
  expected: ReadonlyMap<string, MsoidStatus>;
  serverPid?: number;
  keep?: (report: ReportLookups) => void;
  timeoutMs: number;
}): Promise<ApiRun> {
  const { url, domains, serverPid } = options;
  const before = await healthDns(url);
  if (before.inFlight !== 0) throw new Error(`the server still has ${before.inFlight} queries in flight`);
  if (serverPid !== undefined) resetPeakRss(serverPid);
  const cpuBefore = serverPid !== undefined ? cpuMs(serverPid) : undefined;
  const body = JSON.stringify({ domains, cloud: 'auto' });
  const dropsBefore = udpReceiveDrops();

  const started = performance.now();
  const response = await fetch(`${url}/api/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`POST /api/check answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  }
  let firstRowMs = Number.NaN;
  const latencies: number[] = [];
  const statuses: Partial<Record<MsoidStatus, number>> = {};
  const unexpected: string[] = [];
  let done = false;
  const onLine = (line: string) => {
    if (line === '') return;
    const parsed = JSON.parse(line) as { type: string } & Partial<Report>;
    if (parsed.type === 'report') {
      const report = parsed as Report;
      if (Number.isNaN(firstRowMs)) firstRowMs = performance.now() - started;
      latencies.push(report.elapsedMs);
      statuses[report.msoid.status] = (statuses[report.msoid.status] ?? 0) + 1;
      const want = options.expected.get(report.domain);
      if (want !== report.msoid.status) unexpected.push(`${report.domain}: ${report.msoid.status} (expected ${want})`);
      options.keep?.(reportLookups(report as Parameters<typeof reportLookups>[0]));
    } else if (parsed.type === 'done') {
      done = true;
    }
  };
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    bytes += value.byteLength;
    buffered += decoder.decode(value, { stream: true });
    let start = 0;
    for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n', start)) {
      onLine(buffered.slice(start, newline));
      start = newline + 1;
    }
    buffered = buffered.slice(start);
  }
  onLine(buffered + decoder.decode());
  const wallMs = performance.now() - started;

  const peak = serverPid !== undefined ? peakRssMb(serverPid) : undefined;
  const rssAfter = serverPid !== undefined ? rssMb(serverPid) : undefined;
  const cpuAfter = serverPid !== undefined ? cpuMs(serverPid) : undefined;
  const after = await healthDns(url);
  const sent = after.sent - before.sent;
  return {
    wallMs,
    firstRowMs,
    reports: latencies.length,
    udpDrops: udpReceiveDrops() - dropsBefore,
    bytes,
    domainsPerSec: (latencies.length * 1000) / wallMs,
    sent,
    queriesPerSec: (sent * 1000) / wallMs,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: percentile(latencies, 100),
    ...(peak !== undefined ? { peakRssMb: peak } : {}),
    ...(rssAfter !== undefined ? { rssAfterMb: rssAfter } : {}),
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { serverCpuMs: cpuAfter - cpuBefore } : {}),
    statuses,
    unexpected,
    done,
  };
}

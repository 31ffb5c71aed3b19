/**
 * One measured condition (mix × unbound cache state) of the bench: (a) our API, (b) a bare Node
 * Resolver loop, (c) dnsperf, (d) dig, each repeated and summarised by its median, with unbound
 * brought into the same state before every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../e2e/support/app';
import type { Lab } from '../lab/lab';
import { unboundControl } from '../lab/unbound';
import type { MsoidStatus } from '../lib/schema';
import { type ApiRun, dropPreviousRuns, runBulkRun, runCheckApi } from './api';
import { type LoopRun, runNodeLoop } from './node-loop';
import { cpuMs } from './proc';
import { freshPass, type Query, queriesFromReports, queryFile, type ReportLookups } from './queries';
import { median, medianRun } from './stats';
import { evenSample, runDigBatch, runDigLoop, runDnsperf, type ToolRun } from './tools';
import { type BenchDomain, EXPECTED_STATUS } from './zones';

/** `a`: the run API (what the bulk page uses); `check`: POST /api/check, a secondary comparison. */
export type Part =
  | 'a'
  | 'check'
  | 'b'
  | 'c'
  | 'd'
  | 'flow'
  | 'paste'
  | 'page'
  | 'size'
  | 'followers'
  | 'links'
  | 'latency'
  | 'changes';
export type Mix = 'healthy' | 'dropping';
export type CacheState = 'cold' | 'warm';

/** What the bench was asked to run (parsed from the command line in run.ts). */
export type Options = {
  domains: number;
  reps: number;
  quick: boolean;
  parts: Set<Part>;
  mixes: Mix[];
  appDir: string;
  cpuProfDir?: string;
  concurrencies: number[];
  digSample: number;
  /** Wait for the last run to expire at the end and read the memory left behind. */
  expiryCheck: boolean;
};

export type Condition = { mix: Mix; cache: CacheState };

/** Every figure of one condition: the runs and their medians. */
export type ConditionResult = Condition & {
  api?: { runs: ApiRun[]; median: ApiSummary };
  /** (a′) POST /api/check, when measured. */
  checkApi?: { runs: ApiRun[]; median: ApiSummary };
  node?: { byConcurrency: Array<{ concurrency: number; runs: LoopRun[]; medianQps: number }>; best: LoopSummary };
  dnsperf?: { runs: ToolRun[]; medianQps: number; medianWallMs: number };
  digBatch?: { runs: ToolRun[]; medianQps: number; medianWallMs: number };
  digLoop?: { runs: Array<ToolRun & { projectedMs: number }>; medianQps: number; medianProjectedMs: number };
  unboundCpuMsPerApiRun?: number;
};

export type ApiSummary = {
  wallMs: number;
  domainsPerSec: number;
  queriesPerSec: number;
  sent: number;
  bytes: number;
  firstRowMs: number;
  /** Run API: median time until POST /api/runs answered. */
  createdMs?: number;
  /** Median RSS when each run started (the previous run dropped) and right after it. */
  rssBeforeMb?: number;
  rssAfterMb?: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  peakRssMb?: number;
  serverCpuMs?: number;
  statuses: ApiRun['statuses'];
  unexpected: number;
  unexpectedSample: string[];
};

export type LoopSummary = {
  concurrency: number;
  queriesPerSec: number;
  wallMs: number;
  results: Record<string, number>;
};

function summariseApi(runs: ApiRun[]): ApiSummary {
  const m = (f: (r: ApiRun) => number) => median(runs.map(f));
  const defined = (f: (r: ApiRun) => number | undefined) =>
    runs.map(f).filter((x): x is number => x !== undefined && Number.isFinite(x));
  const rss = defined((r) => r.peakRssMb);
  const cpu = defined((r) => r.serverCpuMs);
  const created = defined((r) => r.createdMs);
  const before = defined((r) => r.rssBeforeMb);
  const after = defined((r) => r.rssAfterMb);
  const mid = medianRun(runs, (r) => r.wallMs);
  return {
    wallMs: m((r) => r.wallMs),
    domainsPerSec: m((r) => r.domainsPerSec),
    queriesPerSec: m((r) => r.queriesPerSec),
    sent: m((r) => r.sent),
    bytes: m((r) => r.bytes),
    firstRowMs: m((r) => r.firstRowMs),
    ...(created.length > 0 ? { createdMs: median(created) } : {}),
    ...(before.length > 0 ? { rssBeforeMb: median(before) } : {}),
    ...(after.length > 0 ? { rssAfterMb: median(after) } : {}),
    p50Ms: m((r) => r.p50Ms),
    p95Ms: m((r) => r.p95Ms),
    maxMs: m((r) => r.maxMs),
    ...(rss.length > 0 ? { peakRssMb: Math.max(...rss) } : {}),
    ...(cpu.length > 0 ? { serverCpuMs: median(cpu) } : {}),
    statuses: mid.statuses,
    unexpected: Math.max(...runs.map((r) => r.unexpected.length)),
    unexpectedSample: runs.flatMap((r) => r.unexpected).slice(0, 10),
  };
}

/** Prints a progress line with the time of day. */
export function log(message: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}] ${message}`);
}

/** A number with `digits` decimals, or `n/a`. */
export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** What every measurement needs: the options, the lab, the app and the processes to watch. */
export type Context = {
  options: Options;
  lab: Lab;
  app: App;
  serverPid?: number;
  unboundPid?: number;
  workDir: string;
  settings: Record<string, string>;
  haveDnsperf: boolean;
  haveDig: boolean;
  notes: string[];
  dropZoneNames: string[];
  /** The latest bulk run the bench started (for the expiry check at the end). */
  lastRun?: { id: string; createdAt: number };
};

/**
 * Brings unbound into the wanted state before one measured run. Cold: every cache flushed. Dropping mix:
 * unbound's memory of the dead server is reset (`flush_infra all`), and so is what would otherwise answer
 * the next run at once with SERVFAIL: queries of the previous run unbound is still working on
 * (`flush_requestlist`) and the SERVFAILs it cached for the dropping zones. The healthy names stay cached.
 */
async function prepare(ctx: Context, condition: Condition): Promise<void> {
  if (condition.cache === 'cold') await ctx.lab.flushCache();
  if (condition.mix === 'dropping') {
    await ctx.lab.flushInfra();
    await unboundControl(ctx.lab.unboundConfig, ['flush_requestlist']);
    if (condition.cache === 'warm') {
      const zones = [...ctx.dropZoneNames];
      const worker = async () => {
        for (let zone = zones.pop(); zone !== undefined; zone = zones.pop()) {
          await unboundControl(ctx.lab.unboundConfig, ['flush_zone', zone]);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    }
  }
}

/**
 * Measures one condition. The first API run of a mix fills `list.queries` (the query list every other
 * client replays); a warm condition first replays it once so every name is in unbound's cache.
 */
export async function measureCondition(
  ctx: Context,
  condition: Condition,
  domains: BenchDomain[],
  list: { queries?: Query[] },
): Promise<ConditionResult> {
  const { options } = ctx;
  const label = `${condition.mix}/${condition.cache}`;
  const result: ConditionResult = { ...condition };
  const timeoutMs = Number(ctx.settings.DNS_TIMEOUT_MS);
  const tries = Number(ctx.settings.DNS_TRIES);
  const names = domains.map((d) => d.domain);
  const expected = new Map<string, MsoidStatus>(domains.map((d) => [d.domain, EXPECTED_STATUS[d.state]]));

  if (condition.cache === 'warm' && list.queries) {
    // A previous pass over every name: the last cold run may have queried only a sample after its flush.
    await prepare(ctx, { ...condition, cache: 'warm' });
    await runNodeLoop({
      server: ctx.lab.resolver,
      queries: freshPass(list.queries),
      concurrency: 64,
      timeoutMs,
      tries,
    });
  }

  const apiRun = async (via: 'runs' | 'check', rep: number): Promise<{ run: ApiRun; unboundCpuMs?: number }> => {
    // The previous bulk run (kept with its results) is pushed out first, so each run's RSS holds its own results.
    if (via === 'runs') await dropPreviousRuns(ctx.app.url, names[0] ?? 'bench-00001.test');
    await prepare(ctx, condition);
    const kept: ReportLookups[] = [];
    const keep = list.queries ? undefined : (r: ReportLookups) => kept.push(r);
    const u0 = ctx.unboundPid !== undefined ? cpuMs(ctx.unboundPid) : undefined;
    const runOptions = {
      url: ctx.app.url,
      domains: names,
      expected,
      ...(ctx.serverPid !== undefined ? { serverPid: ctx.serverPid } : {}),
      ...(keep ? { keep } : {}),
      timeoutMs: 60_000 + names.length * 100,
    };
    const createdAt = Date.now();
    const run = via === 'runs' ? await runBulkRun(runOptions) : await runCheckApi(runOptions);
    if (run.runId) ctx.lastRun = { id: run.runId, createdAt };
    const u1 = ctx.unboundPid !== undefined ? cpuMs(ctx.unboundPid) : undefined;
    if (!list.queries) {
      const derived = queriesFromReports(kept);
      list.queries = derived.queries;
      if (Math.abs(derived.expectedSends - run.sent) > run.sent * 0.01) {
        ctx.notes.push(
          `${label}: the reports account for ${derived.expectedSends} sends but the server counted ${run.sent}: the query list may miss lookups that reports do not show.`,
        );
      }
      log(
        `${label}: query list from the reports: ${derived.queries.length} questions (${fmt(derived.queries.length / names.length, 2)}/domain); ` +
          `with retries and TCP fallbacks ${derived.expectedSends} sends, server counted ${run.sent}`,
      );
    }
    const tag = via === 'runs' ? '(a) run API' : "(a') POST /api/check";
    log(
      `${label} ${tag} rep ${rep + 1}: ${fmt(run.wallMs)} ms, ${fmt(run.domainsPerSec)} domains/s, ${fmt(run.queriesPerSec)} q/s, ` +
        `${fmt(run.bytes / 1e6, 1)} MB, first row ${fmt(run.firstRowMs)} ms, p50 ${run.p50Ms} / p95 ${run.p95Ms} ms, ` +
        `RSS ${fmt(run.rssBeforeMb ?? Number.NaN)} → peak ${fmt(run.peakRssMb ?? Number.NaN)} → ${fmt(run.rssAfterMb ?? Number.NaN)} MB` +
        (run.udpDrops > 0 ? `, ${run.udpDrops} UDP datagrams dropped (full receive buffer)` : '') +
        (run.unexpected.length > 0 ? `, ${run.unexpected.length} unexpected statuses` : '') +
        (run.done ? '' : ', NO done line'),
    );
    return { run, ...(u0 !== undefined && u1 !== undefined ? { unboundCpuMs: u1 - u0 } : {}) };
  };

  if (options.parts.has('a') || !list.queries) {
    const runs: ApiRun[] = [];
    let unboundCpu = 0;
    for (let rep = 0; rep < options.reps; rep++) {
      const { run, unboundCpuMs } = await apiRun('runs', rep);
      unboundCpu += unboundCpuMs ?? 0;
      runs.push(run);
    }
    if (options.parts.has('a')) {
      result.api = { runs, median: summariseApi(runs) };
      result.unboundCpuMsPerApiRun = unboundCpu / runs.length;
    }
  }
  if (options.parts.has('check')) {
    const runs: ApiRun[] = [];
    for (let rep = 0; rep < options.reps; rep++) runs.push((await apiRun('check', rep)).run);
    result.checkApi = { runs, median: summariseApi(runs) };
  }
  const queries = list.queries;
  if (!queries) throw new Error('no query list');

  if (options.parts.has('b')) {
    const byConcurrency: Array<{ concurrency: number; runs: LoopRun[]; medianQps: number }> = [];
    let bestSoFar = 0;
    for (const concurrency of options.concurrencies) {
      const runs: LoopRun[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        await prepare(ctx, condition);
        const run = await runNodeLoop({
          server: ctx.lab.resolver,
          queries: freshPass(queries),
          concurrency,
          timeoutMs,
          tries,
        });
        runs.push(run);
        log(
          `${label} (b) Node Resolver c=${concurrency} rep ${rep + 1}: ${fmt(run.queriesPerSec)} q/s in ${fmt(run.wallMs)} ms`,
        );
        // A concurrency whose first run is under a third of the best median cannot be the best: skip its repeats.
        if (rep === 0 && run.queriesPerSec * 3 < bestSoFar) {
          log(`${label} (b) c=${concurrency}: under a third of the best so far, not repeated`);
          break;
        }
      }
      const medianQps = median(runs.map((r) => r.queriesPerSec));
      bestSoFar = Math.max(bestSoFar, medianQps);
      byConcurrency.push({ concurrency, runs, medianQps });
    }
    const best = byConcurrency.reduce((a, b) => (b.medianQps > a.medianQps ? b : a));
    const mid = medianRun(best.runs, (r) => r.queriesPerSec);
    result.node = {
      byConcurrency,
      best: { concurrency: best.concurrency, queriesPerSec: best.medianQps, wallMs: mid.wallMs, results: mid.results },
    };
  }

  if (options.parts.has('c') && ctx.haveDnsperf) {
    const runs: ToolRun[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      const file = join(ctx.workDir, 'dnsperf-queries.txt');
      writeFileSync(file, queryFile(freshPass(queries)));
      await prepare(ctx, condition);
      const run = await runDnsperf({ server: ctx.lab.resolver, file, timeoutS: timeoutMs / 1000, outstanding: 100 });
      runs.push(run);
      log(
        `${label} (c) dnsperf rep ${rep + 1}: ${fmt(run.queriesPerSec)} q/s in ${fmt(run.wallMs)} ms, lost ${run.detail?.lost}`,
      );
    }
    result.dnsperf = {
      runs,
      medianQps: median(runs.map((r) => r.queriesPerSec)),
      medianWallMs: median(runs.map((r) => r.wallMs)),
    };
  }

  if (options.parts.has('d') && ctx.haveDig && condition.mix === 'healthy') {
    const batch: ToolRun[] = [];
    const loop: Array<ToolRun & { projectedMs: number }> = [];
    for (let rep = 0; rep < options.reps; rep++) {
      const pass = freshPass(queries);
      const file = join(ctx.workDir, 'dig-batch.txt');
      writeFileSync(file, queryFile(pass));
      await prepare(ctx, condition);
      const b = await runDigBatch({
        server: ctx.lab.resolver,
        file,
        queries: pass.length,
        timeoutS: timeoutMs / 1000,
        tries,
      });
      batch.push(b);
      log(`${label} (d) dig -f rep ${rep + 1}: ${fmt(b.queriesPerSec)} q/s in ${fmt(b.wallMs)} ms`);
      await prepare(ctx, condition);
      const l = await runDigLoop({
        server: ctx.lab.resolver,
        dir: ctx.workDir,
        sample: evenSample(pass, options.digSample),
        fullCount: pass.length,
        timeoutS: timeoutMs / 1000,
        tries,
      });
      loop.push(l);
      log(
        `${label} (d) one dig per query rep ${rep + 1}: ${fmt(l.queriesPerSec)} q/s (${l.queries} in ${fmt(l.wallMs)} ms; full list ≈ ${fmt(l.projectedMs / 1000, 1)} s)`,
      );
    }
    result.digBatch = {
      runs: batch,
      medianQps: median(batch.map((r) => r.queriesPerSec)),
      medianWallMs: median(batch.map((r) => r.wallMs)),
    };
    result.digLoop = {
      runs: loop,
      medianQps: median(loop.map((r) => r.queriesPerSec)),
      medianProjectedMs: median(loop.map((r) => r.projectedMs)),
    };
  }
  return result;
}

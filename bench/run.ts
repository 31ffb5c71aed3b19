/**
 * `npm run bench`: how fast a bulk check is, against what a Node client, the resolver itself and an
 * admin's `dig` script can do on the same machine, with the same real nsd + unbound lab the tests use.
 * Options: `--domains N` (default 1000), `--quick` (100 domains, one repetition), `--reps R` (3),
 * `--parts a,check,b,c,d,flow,paste,page,size,followers,links` (all; `paste` = the longest frame while a 5 MB paste
 * is read; `a` = the run API the bulk page uses, `check` = POST /api/check,
 * `flow` = the consultant's CSV → run → filter → export → result link in Chromium, up to 1,000 domains,
 * `size` = the API report's bytes for every demo domain, `followers` = the server's RSS under 200 unread events
 * streams of a finished run, `links` = 100 requests of each hostile share link: server RSS and `/api/health`
 * latency meanwhile, rate limits raised and then as shipped, `latency` = the authoritative path on and off where
 * the zones' servers answer after 20–300 ms, 3% dead: bench/latency.ts; not in the default set, and alone it
 * skips the standard lab), `changes` = computing the changes between two runs of a 5,000-domain list from its
 * per-record rows in an embedded database, and the bytes those rows take (bench/changes.ts; in the default set, no
 * lab; alone it skips the standard lab),
 * `--mixes healthy,dropping` (both), `--app-dir DIR` (the tree whose `.next` build to start; default this
 * repository), `--cpu-prof DIR` (profile the app server), `--no-expiry` (skip waiting for the last run to
 * expire to read the memory it leaves behind).
 * Writes bench/results/latest.{json,md} and domains-<N>.{json,md}.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type App, repoRoot, startApp } from '../e2e/support/app';
import { type Lab, startLab } from '../lab/lab';
import { dropPreviousRuns, runBulkRun, runStatus } from './api';
import { type ChangesBench, measureChanges } from './changes';
import { FLOW_DOMAINS, type FlowRun, runFlow } from './flow';
import { type FollowersResult, measureFollowers } from './followers';
import { type LatencyResult, measureLatency } from './latency';
import { type LinkAttack, measureLinks } from './links';
import {
  type ConditionResult,
  type Context,
  fmt,
  log,
  type Mix,
  measureCondition,
  type Options,
  type Part,
} from './measure';
import { type BrowserLoad, browserScriptBytes, coldStartMs, type FirstLoad, firstLoadJs } from './page';
import { measurePaste, type PasteRun } from './paste';
import { pidListeningOn, pidWithArg, settledRssMb } from './proc';
import { collectProfile, profilingEnv, topSelfTime } from './profile';
import { type Query, typeCounts } from './queries';
import { renderMarkdown } from './report';
import { type ReportSizes, reportSizes } from './report-size';
import { median, medianRun } from './stats';
import {
  benchZones,
  DROP_EVERY,
  droppingDomains,
  dropZones,
  EXPECTED_STATUS,
  healthyDomains,
  stateCounts,
} from './zones';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const known = new Set([
    '--domains',
    '--quick',
    '--reps',
    '--parts',
    '--mixes',
    '--app-dir',
    '--cpu-prof',
    '--no-expiry',
    '--help',
  ]);
  for (const arg of argv) {
    if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (argv.includes('--help')) {
    console.log(readFileSync(__filename, 'utf8').split('*/')[0]);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const domains = Number(value('--domains') ?? (quick ? 100 : 1000));
  const reps = Number(value('--reps') ?? (quick ? 1 : 3));
  if (!Number.isInteger(domains) || domains < 10 || domains > 100_000) throw new Error('--domains: 10 … 100000');
  if (!Number.isInteger(reps) || reps < 1 || reps > 15) throw new Error('--reps: 1 … 15');
  const parts = new Set(
    (value('--parts') ?? 'a,check,b,c,d,flow,paste,page,size,followers,links,changes').split(',') as Part[],
  );
  for (const p of parts)
    if (
      ![
        'a',
        'check',
        'b',
        'c',
        'd',
        'flow',
        'paste',
        'page',
        'size',
        'followers',
        'links',
        'latency',
        'changes',
      ].includes(p)
    )
      throw new Error(`--parts: unknown part ${p}`);
  const mixes = (value('--mixes') ?? 'healthy,dropping').split(',') as Mix[];
  for (const m of mixes) if (m !== 'healthy' && m !== 'dropping') throw new Error(`--mixes: unknown mix ${m}`);
  const cpuProf = value('--cpu-prof');
  return {
    domains,
    reps,
    quick,
    parts,
    mixes,
    appDir: resolve(value('--app-dir') ?? repoRoot()),
    ...(cpuProf ? { cpuProfDir: resolve(cpuProf) } : {}),
    concurrencies: [256, 64, 16],
    digSample: 300,
    expiryCheck: !argv.includes('--no-expiry'),
  };
}

// ---------------------------------------------------------------------------------------------
// Settings of the app under test

/**
 * Production defaults of the DNS budget and of the bulk-run concurrency (lib/server/env.ts), unless the
 * caller's environment sets them: these are what the bench measures, so it never tunes them.
 */
function dnsSettings(): Record<string, string> {
  const pick = (name: string, fallback: string) => process.env[name] ?? fallback;
  return {
    DNS_TIMEOUT_MS: pick('DNS_TIMEOUT_MS', '2000'),
    DNS_TRIES: pick('DNS_TRIES', '3'),
    DOMAIN_DEADLINE_MS: pick('DOMAIN_DEADLINE_MS', '12000'),
    DNS_MAX_IN_FLIGHT: pick('DNS_MAX_IN_FLIGHT', '256'),
    BULK_CONCURRENCY: pick('BULK_CONCURRENCY', '32'),
    CHECK_WORKERS: pick('CHECK_WORKERS', 'auto'),
  };
}

/** `links`: requests of each hostile link, and how many at a time (the security test sent 100). */
const LINK_REQUESTS = 100;
const LINK_CONCURRENCY = 10;

/**
 * Seconds each bulk run is kept: long enough for the slowest run of the bench to finish well inside it
 * (a run past its retention is dropped and stopped), short enough to wait for at the end.
 */
export function retentionS(domains: number): number {
  return 60 + Math.ceil(domains / 100);
}

/**
 * `RATE_LIMIT_*` settings the app knows (a rate limiter may exist), raised so the bench is never limited:
 * every `int(min, max)` count to its maximum and every window (`…_WINDOW_S`/`_MS`) to its minimum.
 * Other kinds (the store) keep their defaults.
 */
export function rateLimitSettings(appDir: string): Record<string, string> {
  const envFile = join(appDir, 'lib', 'server', 'env.ts');
  if (!existsSync(envFile)) return {};
  const out: Record<string, string> = {};
  const pattern = /\b(RATE_LIMIT_[A-Z0-9_]+)\s*:\s*int\(\s*([\d_]+)\s*,\s*([\d_]+)\s*\)/g;
  for (const [, name, min, max] of readFileSync(envFile, 'utf8').matchAll(pattern)) {
    if (!name || !min || !max) continue;
    out[name] = (/_WINDOW_(S|MS)$/.test(name) ? min : max).replaceAll('_', '');
  }
  return out;
}

/** True when the build in `appDir` has STREAM_IDLE_TIMEOUT_MS (it cuts off event streams nobody reads). */
export function hasIdleTimeout(appDir: string): boolean {
  const envFile = join(appDir, 'lib', 'server', 'env.ts');
  return existsSync(envFile) && readFileSync(envFile, 'utf8').includes('STREAM_IDLE_TIMEOUT_MS:');
}

function appEnv(resolver: string, domains: number, appDir: string): Record<string, string> {
  return {
    DNS_SERVERS: resolver,
    ALLOW_TEST_DOMAINS: '1',
    DNS_CACHE: '0',
    // POST /api/check (a′): one request with every domain, within its run deadline.
    MAX_DOMAINS_PER_REQUEST: String(Math.max(500, domains)),
    MAX_LINES_PER_REQUEST: String(Math.max(5000, domains + 10)),
    MAX_BODY_BYTES: String(64 * 1024 * 1024),
    RUN_DEADLINE_MS: String(Math.max(120_000, domains * 60)),
    // The run API (a): every domain in one run; one run kept at a time (the bench drops the previous one
    // before each measured run, so each peak RSS holds exactly one run's results); a retention the bench
    // can wait out at the end to see the memory a run leaves behind.
    MAX_DOMAINS_PER_RUN: String(Math.max(5000, domains)),
    MAX_RUNS_KEPT: '1',
    // BENCH_RUN_RETENTION_S: longer, when a loaded machine makes a 10,000-domain run outlast the default.
    RUN_RETENTION_S: process.env.BENCH_RUN_RETENTION_S ?? String(retentionS(domains)),
    // Access control off for this loopback-only instance (an ACCESS_TOKEN in the caller's environment would 401 us).
    ACCESS_TOKEN: '',
    // The run store: the embedded database (a temp DATA_DIR of the app's own) unless BENCH_DATABASE_URL names a
    // PostgreSQL database to measure instead.
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...dnsSettings(),
    ...rateLimitSettings(appDir),
  };
}

// ---------------------------------------------------------------------------------------------
// Preflight

function hasBinary(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name} || test -x /usr/sbin/${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs missing Debian packages when root; otherwise prints the apt-get line. Returns what is still missing. */
function ensurePackages(wanted: Array<{ binary: string; pkg: string }>): string[] {
  let missing = wanted.filter((w) => !hasBinary(w.binary));
  if (missing.length === 0) return [];
  const line = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`bench: installing ${missing.map((m) => m.pkg).join(' ')} …`);
    try {
      execFileSync('sh', ['-c', line], { stdio: 'inherit' });
    } catch {
      // reported below
    }
    missing = missing.filter((w) => !hasBinary(w.binary));
  } else {
    console.log(`bench: missing ${missing.map((m) => m.binary).join(', ')}; install with:\n  sudo sh -c '${line}'`);
  }
  return missing.map((m) => m.binary);
}

// ---------------------------------------------------------------------------------------------
// Results

export type BenchResults = {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  command: string;
  machine: { cpus: number; model: string; node: string; loadBefore: string; loadAfter: string };
  versions: Record<string, string>;
  options: { domains: number; reps: number; quick: boolean; parts: string[]; mixes: string[]; appDir: string };
  appSettings: Record<string, string>;
  mix: { healthy: Record<string, number>; dropping: Record<string, number>; dropEvery: number };
  queryList: Record<string, { questions: number; perDomain: number; types: Record<string, number> }>;
  queryListSource: string;
  conditions: ConditionResult[];
  /** Server RSS at rest (minimum over a quiet spell): after the warm-up, and after the last run expired. */
  memory?: { idleStartMb: number; afterExpiryMb?: number; lastRunStatus?: number };
  flow?: { runs: FlowRun[]; median: FlowRun };
  paste?: { runs: PasteRun[]; median: PasteRun };
  page?: {
    firstLoad: Array<FirstLoad | { route: string; missing: true }>;
    browser: BrowserLoad[];
    coldStartMs: number[];
    coldStartMedianMs: number;
  };
  size?: ReportSizes;
  followers?: FollowersResult;
  /** `links`: hostile share links against the dashboard, each link's figures. */
  links?: LinkAttack[];
  /** `latency`: the authoritative path on and off in the latency lab. */
  latency?: LatencyResult;
  /** `changes`: the changes between two runs of a 5,000-domain list. */
  changes?: ChangesBench;
  notes: string[];
};

function versionOf(command: string, args: string[], pattern: RegExp): string {
  const out = spawnSync(command, args, { encoding: 'utf8' });
  const text = `${out.stdout ?? ''}${out.stderr ?? ''}`;
  return pattern.exec(text)?.[1] ?? 'unknown';
}

function uptimeLine(): string {
  const [a, b, c] = loadavg();
  return `load average ${fmt(a ?? 0, 2)}, ${fmt(b ?? 0, 2)}, ${fmt(c ?? 0, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const benchDir = join(repoRoot(), 'bench');
  const startedAt = new Date();
  const loadBefore = uptimeLine();
  const notes: string[] = [];
  log(`bench: ${options.domains} domains, ${options.reps} repetition(s), ${loadBefore}, ${cpus().length} cores`);

  const buildId = join(options.appDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) {
    throw new Error(
      `no production build in ${options.appDir} (.next/BUILD_ID is missing). Build it first: node scripts/ensure-build.mjs` +
        ' — or point --app-dir at a tree that has one.',
    );
  }
  const missing = ensurePackages([
    { binary: 'nsd', pkg: 'nsd' },
    { binary: 'unbound', pkg: 'unbound' },
    { binary: 'dig', pkg: 'bind9-dnsutils' },
    { binary: 'dnsperf', pkg: 'dnsperf' },
  ]);
  if (missing.includes('nsd') || missing.includes('unbound')) throw new Error('nsd and unbound are needed');
  const haveDnsperf = !missing.includes('dnsperf');
  const haveDig = !missing.includes('dig');
  if (!haveDnsperf) notes.push('dnsperf is not installed: (c) was skipped.');
  if (!haveDig) notes.push('dig is not installed: (d) was skipped.');
  const settings = dnsSettings();

  let changes: ChangesBench | undefined;
  if (options.parts.has('changes')) {
    changes = await measureChanges();
    log(
      `changes between two runs of ${changes.domains} domains: read ${fmt(changes.readMs)} ms, compute ${fmt(changes.computeMs)} ms; ` +
        `per-record rows ${fmt(changes.recordBytesPerDomainRun)} bytes per domain-run`,
    );
    if (options.parts.size === 1) {
      writeResults(benchDir, options, { startedAt, loadBefore, env: {}, notes, haveDnsperf, haveDig, changes });
      return;
    }
  }

  if (options.parts.size === 1 && options.parts.has('latency')) {
    // The latency lab alone: it starts its own lab and apps, so the standard lab, app and warm-up are skipped.
    const latency = await measureLatency({
      domains: options.domains,
      reps: options.reps,
      appDir: options.appDir,
      env: appEnv('127.0.0.1:53', options.domains, options.appDir),
      log,
    });
    writeResults(benchDir, options, {
      startedAt,
      loadBefore,
      env: appEnv('', options.domains, options.appDir),
      notes,
      haveDnsperf,
      haveDig,
      latency,
    });
    return;
  }

  const workDir = mkdtempSync(join(tmpdir(), 'm365-bench-'));
  let lab: Lab | undefined;
  let app: App | undefined;
  const stopAll = async () => {
    await app?.stop();
    app = undefined;
    await lab?.stop();
    lab = undefined;
    rmSync(workDir, { recursive: true, force: true });
  };
  const onSignal = () => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let t = performance.now();
    lab = await startLab({ zones: benchZones(options.domains), fakeZones: dropZones(options.domains) });
    log(
      `lab up in ${fmt(performance.now() - t)} ms: unbound ${lab.resolver}, nsd ${lab.nsd}, fake ${lab.fake?.address}`,
    );
    const env = appEnv(lab.resolver, options.domains, options.appDir);
    const profiling = options.cpuProfDir ? profilingEnv(workDir, options.cpuProfDir) : {};
    if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
    t = performance.now();
    const cwd = process.cwd();
    process.chdir(options.appDir); // startApp starts the build of the repository it finds from cwd
    try {
      app = await startApp({ ...env, ...profiling });
    } finally {
      process.chdir(cwd);
    }
    const serverPid = pidListeningOn(app.port);
    const unboundPid = pidWithArg('unbound', lab.unboundConfig);
    log(
      `app up in ${fmt(performance.now() - t)} ms at ${app.url} (server PID ${serverPid ?? '?'}, unbound PID ${unboundPid ?? '?'})`,
    );
    if (serverPid === undefined) notes.push('The next-server process was not found: no RSS or CPU figures.');

    // An untimed pass over the healthy list first, so the route module is loaded and the server's code is
    // optimised before anything is timed (otherwise the first, cold-cache runs would also pay for the JIT).
    t = performance.now();
    const healthy = healthyDomains(options.domains);
    const warmup = await runBulkRun({
      url: app.url,
      domains: healthy.map((d) => d.domain),
      expected: new Map(healthy.map((d) => [d.domain, EXPECTED_STATUS[d.state]])),
      timeoutMs: 60_000 + options.domains * 100,
    });
    log(`warm-up pass (not counted): ${fmt(performance.now() - t)} ms, ${warmup.reports} reports`);
    let memory: BenchResults['memory'];
    if (serverPid !== undefined && options.parts.has('a')) {
      await dropPreviousRuns(app.url, healthy[0]?.domain ?? 'bench-00001.test');
      const idleMb = await settledRssMb(serverPid);
      log(`server RSS at rest after the warm-up (its run dropped): ${fmt(idleMb)} MB`);
      memory = { idleStartMb: idleMb };
    }

    const ctx: Context = {
      options,
      lab,
      app,
      ...(serverPid !== undefined ? { serverPid } : {}),
      ...(unboundPid !== undefined ? { unboundPid } : {}),
      workDir,
      settings,
      haveDnsperf,
      haveDig,
      notes,
      dropZoneNames: dropZones(options.domains).zones,
    };
    const conditions: ConditionResult[] = [];
    const queryLists: BenchResults['queryList'] = {};
    const measureParts = ['a', 'check', 'b', 'c', 'd'].some((p) => options.parts.has(p as Part));
    if (measureParts) {
      for (const mix of options.mixes) {
        const domains = mix === 'healthy' ? healthyDomains(options.domains) : droppingDomains(options.domains);
        const list: { queries?: Query[] } = {};
        for (const cache of ['cold', 'warm'] as const) {
          conditions.push(await measureCondition(ctx, { mix, cache }, domains, list));
        }
        if (list.queries) {
          queryLists[mix] = {
            questions: list.queries.length,
            perDomain: list.queries.length / domains.length,
            types: typeCounts(list.queries),
          };
        }
      }
    }

    if (memory && serverPid !== undefined && ctx.lastRun && options.expiryCheck) {
      // Memory returns to where it started once runs expire: wait until the last run is gone (410), then
      // read the RSS once the process has been idle for a while.
      const retention = Number(env.RUN_RETENTION_S) * 1000;
      const waitMs = ctx.lastRun.createdAt + retention - Date.now();
      log(
        `waiting ${fmt(Math.max(0, waitMs) / 1000)} s for the last run to expire (RUN_RETENTION_S=${env.RUN_RETENTION_S})`,
      );
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs + 500));
      let status = await runStatus(app.url, ctx.lastRun.id);
      for (let i = 0; i < 30 && status !== 410; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        status = await runStatus(app.url, ctx.lastRun.id);
      }
      memory.afterExpiryMb = await settledRssMb(serverPid);
      memory.lastRunStatus = status;
      log(`server RSS at rest after the last run expired (GET → ${status}): ${fmt(memory.afterExpiryMb)} MB`);
    }

    if (options.cpuProfDir && serverPid !== undefined) {
      const file = await collectProfile(serverPid, options.cpuProfDir);
      if (file) {
        log(`CPU profile of the app server: ${file}; top self time:`);
        const profile = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof topSelfTime>[0];
        for (const line of topSelfTime(profile, 30)) console.log(`  ${line}`);
      } else notes.push('The CPU profile was not written.');
    }

    let followers: FollowersResult | undefined;
    if (options.parts.has('followers')) {
      followers = await measureFollowers({
        appDir: options.appDir,
        env,
        idleTimeout: hasIdleTimeout(options.appDir),
        domains: healthyDomains(options.domains).map((d) => d.domain),
        log,
      });
    }

    let flow: BenchResults['flow'];
    if (options.parts.has('flow')) {
      const domains = healthyDomains(Math.min(options.domains, FLOW_DOMAINS)).map((d) => d.domain);
      const runs: FlowRun[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        try {
          const run = await runFlow(app.url, domains, 120_000 + domains.length * 100);
          runs.push(run);
          log(
            `flow ${domains.length} domains: CSV to shared link ${fmt(run.totalMs)} ms (run ${fmt(run.runMs)} ms, first row ${fmt(run.firstRowMs)} ms)`,
          );
        } catch (error) {
          notes.push(`Consultant flow failed: ${(error as Error).message.split('\n')[0]}`);
          break;
        }
      }
      if (runs.length > 0) flow = { runs, median: medianRun(runs, (r) => r.totalMs) };
    }

    let paste: BenchResults['paste'];
    if (options.parts.has('paste')) {
      const runs: PasteRun[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        try {
          const run = await measurePaste(app.url);
          runs.push(run);
          log(
            `paste ${fmt(run.bytes / 1e6, 1)} MB (${fmt(run.lines)} lines): value + input event ${fmt(run.pasteMs)} ms (input event ${fmt(run.inputEventMs)} ms); until the text box is drawn ${fmt(run.firstFrameMs)} ms (our scripts ${fmt(run.firstFrameScriptsMs)} ms); then longest frame ${fmt(run.longestFrameMs)} ms (target < 200), longest LoAF ${fmt(run.longestLoafMs)} ms, ${fmt(run.frames)} frames, result after ${fmt(run.resultMs)} ms`,
          );
        } catch (error) {
          notes.push(`5 MB paste failed: ${(error as Error).message.split('\n')[0]}`);
          break;
        }
      }
      if (runs.length > 0) paste = { runs, median: medianRun(runs, (r) => r.longestFrameMs) };
    }

    let page: BenchResults['page'];
    if (options.parts.has('page')) {
      const firstLoad: Array<FirstLoad | { route: string; missing: true }> = [];
      firstLoad.push(firstLoadJs(options.appDir, '', '/') ?? { route: '/', missing: true });
      const dRoute = firstLoadJs(options.appDir, 'd/[domain]', '/d/<domain>');
      firstLoad.push(dRoute ?? { route: '/d/<domain>', missing: true });
      const browser: BrowserLoad[] = [];
      try {
        browser.push(await browserScriptBytes(`${app.url}/`, '/'));
        if (dRoute) browser.push(await browserScriptBytes(`${app.url}/d/bench-00001.test`, '/d/<domain>'));
      } catch (error) {
        notes.push(`Chromium measurement failed: ${(error as Error).message.split('\n')[0]}`);
      }
      for (const f of firstLoad)
        log(
          `page ${f.route}: ${'missing' in f ? 'n/a (no such route)' : `${fmt(f.gzipBytes / 1024, 1)} KB gzip first-load JS`}`,
        );
      await app.stop();
      app = undefined;
      const starts: number[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        const ms = await coldStartMs(options.appDir, env);
        starts.push(ms);
        log(`next start → /api/health 200: ${fmt(ms)} ms`);
      }
      page = { firstLoad, browser, coldStartMs: starts, coldStartMedianMs: median(starts) };
    }

    let size: ReportSizes | undefined;
    if (options.parts.has('size')) {
      if (app) {
        await app.stop();
        app = undefined;
      }
      const cwd = process.cwd();
      process.chdir(options.appDir); // reportSizes starts the build of the repository it finds from cwd
      try {
        size = await reportSizes();
      } finally {
        process.chdir(cwd);
      }
      log(
        `report ${size.typical.domain} (lang=en): ${fmt(size.typical.bytes / 1000, 1)} kB, ${fmt(size.typical.gzipBytes / 1000, 1)} kB gzip ` +
          `(text ${fmt(size.typical.textBytes / 1000, 1)} kB; every derivable field dropped ${fmt(size.typical.floorBytes / 1000, 1)} kB); ` +
          `${size.domains} demo domains: median ${fmt(size.medianBytes / 1000, 1)} kB, largest ${fmt(size.maxBytes / 1000, 1)} kB (${size.maxDomain})`,
      );
    }

    let links: LinkAttack[] | undefined;
    if (options.parts.has('links')) {
      if (app) {
        await app.stop();
        app = undefined;
      }
      try {
        // The server's default input limits (the other parts raise them), the rate limits out of the way.
        const env = { DNS_SERVERS: lab.resolver, ALLOW_TEST_DOMAINS: '1', ACCESS_TOKEN: '', ...dnsSettings() };
        links = await measureLinks({
          appDir: options.appDir,
          env,
          raisedRateLimits: rateLimitSettings(options.appDir),
          requests: LINK_REQUESTS,
          concurrency: LINK_CONCURRENCY,
        });
      } catch (error) {
        notes.push(`Hostile links failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }

    let latency: LatencyResult | undefined;
    if (options.parts.has('latency')) {
      if (app) {
        await app.stop();
        app = undefined;
      }
      try {
        latency = await measureLatency({
          domains: options.domains,
          reps: options.reps,
          appDir: options.appDir,
          env,
          log,
        });
      } catch (error) {
        notes.push(`Latency lab failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }

    writeResults(benchDir, options, {
      startedAt,
      loadBefore,
      env,
      notes,
      haveDnsperf,
      haveDig,
      conditions,
      queryLists,
      ...(memory ? { memory } : {}),
      ...(flow ? { flow } : {}),
      ...(paste ? { paste } : {}),
      ...(page ? { page } : {}),
      ...(size ? { size } : {}),
      ...(followers ? { followers } : {}),
      ...(links ? { links } : {}),
      ...(latency ? { latency } : {}),
      ...(changes ? { changes } : {}),
    });
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

type Collected = Partial<
  Pick<
    BenchResults,
    'memory' | 'flow' | 'paste' | 'page' | 'size' | 'followers' | 'links' | 'latency' | 'changes' | 'conditions'
  >
> & {
  startedAt: Date;
  loadBefore: string;
  env: Record<string, string>;
  notes: string[];
  haveDnsperf: boolean;
  haveDig: boolean;
  queryLists?: BenchResults['queryList'];
};

/** Puts the results together, prints them and writes bench/results/latest.{json,md} and domains-<N>.{json,md}. */
function writeResults(benchDir: string, options: Options, c: Collected): void {
  const { startedAt, loadBefore, env, notes, haveDnsperf, haveDig } = c;
  {
    const finishedAt = new Date();
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      command: `npm run bench --${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? '?',
        node: process.version,
        loadBefore,
        loadAfter: uptimeLine(),
      },
      versions: {
        unbound: versionOf('unbound', ['-V'], /Version (\S+)/),
        nsd: versionOf('nsd', ['-v'], /NSD version (\S+)/),
        dnsperf: haveDnsperf ? versionOf('dnsperf', ['-h'], /Version (\S+)/) : 'missing',
        dig: haveDig ? versionOf('dig', ['-v'], /DiG (\S+)/) : 'missing',
      },
      options: {
        domains: options.domains,
        reps: options.reps,
        quick: options.quick,
        parts: [...options.parts],
        mixes: options.mixes,
        appDir: options.appDir,
      },
      appSettings: Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'DNS_SERVERS')),
      mix: {
        healthy: stateCounts(healthyDomains(options.domains)),
        dropping: stateCounts(droppingDomains(options.domains)),
        dropEvery: DROP_EVERY,
      },
      queryList: c.queryLists ?? {},
      queryListSource:
        "derived from the reports of the first cold API run of each mix: every distinct lookup the report shows (msoid.lookups, every record finding's lookups, the DNS-host NS lookup), plus each hop of followed CNAME chains, no retries; checked against the server's own count (`dns.sent`); probe names get a fresh random label on every pass",
      conditions: c.conditions ?? [],
      ...(c.memory ? { memory: c.memory } : {}),
      ...(c.flow ? { flow: c.flow } : {}),
      ...(c.paste ? { paste: c.paste } : {}),
      ...(c.page ? { page: c.page } : {}),
      ...(c.size ? { size: c.size } : {}),
      ...(c.followers ? { followers: c.followers } : {}),
      ...(c.links ? { links: c.links } : {}),
      ...(c.latency ? { latency: c.latency } : {}),
      ...(c.changes ? { changes: c.changes } : {}),
      notes,
    };
    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}`);
    const outDir = join(benchDir, 'results');
    mkdirSync(outDir, { recursive: true });
    for (const name of ['latest', `domains-${options.domains}`]) {
      writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(join(outDir, `${name}.md`), markdown);
    }
    log(`results written to ${outDir}/latest.{json,md} and domains-${options.domains}.{json,md}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

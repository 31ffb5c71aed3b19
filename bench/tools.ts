/**
 * (c) The resolver's own limit with `dnsperf`, and (d) what an admin would script with `dig`: one
 * `dig -f` batch over the list, and a shell loop of one `dig` per query over an evenly spaced sample,
 * scaled up to the whole list. Each tool is a child process stopped by PID when it overruns.
 */
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitHostPort } from '../lab/net';

export type ToolRun = { wallMs: number; queries: number; queriesPerSec: number; detail?: Record<string, number> };

/** Runs `command args` to completion; SIGKILLs it (by PID) after `timeoutMs`. Resolves with stdout. */
function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL', timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal) reject(new Error(`${command} was stopped (${signal}) after ${timeoutMs} ms: ${stderr.slice(-500)}`));
      else resolve({ stdout, code });
    });
  });
}

/** Like `run` but discards output (dig prints a lot) and measures wall time from spawn to exit. */
function timed(command: string, args: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Own process group, so an overrun shell loop is stopped together with the dig it is waiting for.
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal || code !== 0) reject(new Error(`${command} ended with ${signal ?? code}: ${stderr.slice(-500)}`));
      else resolve(performance.now() - started);
    });
  });
}

function field(text: string, label: string): number {
  const m = new RegExp(`${label}:\\s+([0-9.]+)`).exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** `dnsperf` once through `file` (EDNS on, as the app sends it). q/s and counts are dnsperf's own. */
export async function runDnsperf(options: {
  server: string;
  file: string;
  timeoutS: number;
  outstanding: number;
}): Promise<ToolRun> {
  const { host, port } = splitHostPort(options.server);
  const args = ['-s', host, '-p', String(port), '-d', options.file, '-n', '1', '-e'];
  args.push('-t', String(options.timeoutS), '-q', String(options.outstanding));
  const { stdout } = await run('dnsperf', args, 600_000);
  const completed = field(stdout, 'Queries completed');
  const runTime = field(stdout, 'Run time \\(s\\)');
  if (Number.isNaN(completed) || Number.isNaN(runTime)) throw new Error(`unexpected dnsperf output:\n${stdout}`);
  return {
    wallMs: runTime * 1000,
    queries: field(stdout, 'Queries sent'),
    queriesPerSec: field(stdout, 'Queries per second'),
    detail: { completed, lost: field(stdout, 'Queries lost') },
  };
}

/** Options dig gets in both modes: the app's per-attempt timeout and attempts, quiet output. */
function digOptions(server: string, timeoutS: number, tries: number): string[] {
  const { host, port } = splitHostPort(server);
  return [`@${host}`, '-p', String(port), `+time=${timeoutS}`, `+tries=${tries}`, '+noall', '+answer'];
}

/** `dig -f file`: dig's batch mode, one query after another. */
export async function runDigBatch(options: {
  server: string;
  file: string;
  queries: number;
  timeoutS: number;
  tries: number;
}): Promise<ToolRun> {
  const args = [...digOptions(options.server, options.timeoutS, options.tries), '-f', options.file];
  const wallMs = await timed('dig', args, 900_000);
  return { wallMs, queries: options.queries, queriesPerSec: (options.queries * 1000) / wallMs };
}

/**
 * A shell loop of one `dig` per query over `sample` (written next to `dir`), timed whole; the rate
 * scales to the full list (`projectedMs` = the full list at that rate).
 */
export async function runDigLoop(options: {
  server: string;
  dir: string;
  sample: ReadonlyArray<{ name: string; type: string }>;
  fullCount: number;
  timeoutS: number;
  tries: number;
}): Promise<ToolRun & { projectedMs: number }> {
  const file = join(options.dir, 'dig-loop-sample.txt');
  writeFileSync(file, `${options.sample.map((q) => `${q.name} ${q.type}`).join('\n')}\n`);
  const opts = digOptions(options.server, options.timeoutS, options.tries).join(' ');
  const script = `while read -r n t; do dig ${opts} "$n" "$t" >/dev/null; done < '${file}'`;
  const wallMs = await timed('/bin/sh', ['-c', script], 900_000);
  const queriesPerSec = (options.sample.length * 1000) / wallMs;
  return {
    wallMs,
    queries: options.sample.length,
    queriesPerSec,
    projectedMs: (options.fullCount / queriesPerSec) * 1000,
  };
}

/** `count` entries spread evenly over `list`. */
export function evenSample<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
}

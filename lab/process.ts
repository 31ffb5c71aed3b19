/**
 * Child processes that must never outlive us: each runs in its own process group, is stopped by PID
 * (SIGTERM, then SIGKILL after a grace period), is killed on exit/signals, and has a watchdog that
 * kills it when this process dies without cleaning up (e.g. SIGKILL from a CI timeout).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';

export type Managed = {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** True once the process has exited. */
  readonly hasExited: boolean;
  /** See `SpawnOptions.exitSignal`. */
  exitSignal?: NodeJS.Signals;
  /** SIGTERM the process group (or `stopSignal` to the process alone), SIGKILL the group after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<Managed>();
let hooksInstalled = false;

/** Signals the whole process group led by `pid` (every managed process leads its own group). */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Signals the process `pid` alone (not its children). */
function signalOne(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function killAllNow(): void {
  for (const m of running) {
    // A daemon with an exit signal shuts itself down (PostgreSQL: SIGQUIT = immediate shutdown, which also frees
    // its shared memory); its watchdog kills whatever of the group is left once we are gone.
    if (m.exitSignal) signalOne(m.pid, m.exitSignal);
    else killGroup(m.pid, 'SIGKILL');
  }
  running.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // Someone else handles the signal (vitest, Playwright, the demo): they stop things gracefully and
      // exit, and the exit hook kills whatever is left. Otherwise kill now and re-raise for the default exit.
      if (process.listenerCount(signal) > 0) return;
      killAllNow();
      process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

/**
 * Starts a watchdog shell that stops process group `pgid` (SIGTERM to the group, or `stopSignal` to its leader
 * alone), kills what is left 2 s later and then removes `cleanupPath`, once `parent` is gone.
 */
function startWatchdog(
  parent: number,
  pgid: number,
  cleanupPath?: string,
  stopSignal?: NodeJS.Signals,
): ChildProcess | undefined {
  const cleanup = cleanupPath && !cleanupPath.includes("'") ? `rm -rf -- '${cleanupPath}';` : '';
  const stop = stopSignal ? `kill -${stopSignal.replace(/^SIG/, '')} ${pgid}` : `kill -TERM -${pgid}`;
  const script = `while kill -0 ${parent} 2>/dev/null; do sleep 1; done; ${stop} 2>/dev/null; sleep 2; kill -KILL -${pgid} 2>/dev/null; ${cleanup} exit 0`;
  try {
    const dog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
    dog.unref();
    return dog;
  } catch {
    return undefined;
  }
}

export type SpawnOptions = {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout+stderr to this file. */
  logFile?: string;
  /** Share our stdout/stderr instead (ignored when `logFile` is set). Else output is discarded. */
  inheritOutput?: boolean;
  /** A temp path the watchdog removes after killing the process, should this process die without stopping it. */
  cleanupPath?: string;
  /** Run as this user and group (root starting a daemon that refuses to run as root: PostgreSQL). */
  uid?: number;
  gid?: number;
  /**
   * Stop by sending this signal to the process alone instead of SIGTERM to its group: for a daemon that stops its
   * own children (PostgreSQL: SIGINT = fast shutdown; SIGTERM would reach its backends and helpers directly).
   */
  stopSignal?: NodeJS.Signals;
  /** Sent to the process alone when we exit without having stopped it, instead of SIGKILL to its group. */
  exitSignal?: NodeJS.Signals;
};

/** Spawns a managed process (own process group, watchdog, cleanup on exit). */
export function spawnManaged(options: SpawnOptions): Managed {
  installHooks();
  const out = options.logFile ? openSync(options.logFile, 'a') : options.inheritOutput ? 'inherit' : 'ignore';
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', out, out],
    uid: options.uid,
    gid: options.gid,
  });
  if (child.pid === undefined) {
    throw new Error(`${options.name}: could not start ${options.command} (is it installed?)`);
  }
  const pid = child.pid;
  let hasExited = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      hasExited = true;
      resolve(`spawn error: ${error.message}`);
    });
  });
  // Stay referenced: awaiting the exit of an unreferenced child with nothing else pending would let
  // Node end the process silently (exit code 0) in the middle of a stop().
  const dog = startWatchdog(process.pid, pid, options.cleanupPath, options.stopSignal);
  let stopping: Promise<void> | undefined;
  const managed: Managed = {
    name: options.name,
    pid,
    child,
    exited,
    get hasExited() {
      return hasExited;
    },
    exitSignal: options.exitSignal,
    stop(graceMs = 3000) {
      stopping ??= (async () => {
        if (!hasExited) {
          if (options.stopSignal) signalOne(pid, options.stopSignal);
          else killGroup(pid, 'SIGTERM');
          const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs));
          if ((await Promise.race([exited, timer])) === 'timeout') {
            killGroup(pid, 'SIGKILL');
            await exited;
          }
        }
        // The group may still hold children of the daemon (nsd's server and xfrd processes).
        killGroup(pid, 'SIGKILL');
        running.delete(managed);
        if (dog?.pid !== undefined) killGroup(dog.pid, 'SIGKILL');
      })();
      return stopping;
    },
  };
  running.add(managed);
  return managed;
}

/** The last `lines` lines of a log file, for error messages ('' when absent). */
export function logTail(file: string, lines = 25): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd();
  return text.split('\n').slice(-lines).join('\n');
}

/** Polls `check` until it returns true; throws `onTimeout()`'s message after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; abortIf?: () => string | undefined; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const reason = options.abortIf?.();
    if (reason !== undefined) throw new Error(`${reason}\n${options.describe()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms\n${options.describe()}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/**
 * Graceful shutdown. Every check run registers an AbortController here (on globalThis, shared by every
 * bundle of the server). On SIGTERM/SIGINT the server stops accepting new checks (503 `shutting-down`),
 * gives the runs in flight up to SHUTDOWN_GRACE_MS, aborts what is left (their remaining domains end as
 * "could not check", and each stream still ends with its `done` line), and then hands over to the signal
 * handlers that were installed before ours (Next's own: close the HTTP server, exit).
 */
import type { Logger } from 'pino';

export type RunHandle = { signal: AbortSignal; done(): void };

type State = {
  shuttingDown: boolean;
  runs: Set<AbortController>;
  /** Resolvers waiting for the run set to become empty. */
  idleWaiters: Set<() => void>;
  installed: boolean;
};

const STATE_KEY = Symbol.for('m365-dns-health.shutdown');
type WithState = typeof globalThis & { [STATE_KEY]?: State };

function state(): State {
  const g = globalThis as WithState;
  g[STATE_KEY] ??= { shuttingDown: false, runs: new Set(), idleWaiters: new Set(), installed: false };
  return g[STATE_KEY];
}

/** The abort reason of runs cut short by shutdown (lookups end as `cancelled`). */
export const SHUTDOWN_REASON = 'shutting-down';

/** True once a shutdown signal arrived: new checks are refused. */
export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** Runs currently registered. */
export function activeRuns(): number {
  return state().runs.size;
}

/** Registers a run; `signal` aborts when shutdown gives up waiting. Call `done()` when it ends (idempotent). */
export function registerRun(): RunHandle {
  const s = state();
  const controller = new AbortController();
  s.runs.add(controller);
  let finished = false;
  return {
    signal: controller.signal,
    done() {
      if (finished) return;
      finished = true;
      s.runs.delete(controller);
      if (s.runs.size === 0) {
        for (const wake of [...s.idleWaiters]) wake();
      }
    },
  };
}

/** Resolves true once no run is registered, false after `ms`. */
export function waitForIdle(ms: number): Promise<boolean> {
  const s = state();
  if (s.runs.size === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      s.idleWaiters.delete(wake);
      resolve(true);
    };
    const timer = setTimeout(() => {
      s.idleWaiters.delete(wake);
      resolve(false);
    }, ms);
    s.idleWaiters.add(wake);
  });
}

/**
 * Stops taking checks, waits up to `graceMs` for runs, aborts the rest and waits (bounded) for them to
 * report. Resolves with how many runs had to be aborted.
 */
export async function drain(graceMs: number, log?: Logger): Promise<number> {
  const s = state();
  s.shuttingDown = true;
  log?.info({ runs: s.runs.size, graceMs }, 'shutdown: draining');
  if (await waitForIdle(graceMs)) return 0;
  const aborted = s.runs.size;
  log?.warn({ runs: aborted }, 'shutdown: grace period over, cancelling runs in flight');
  for (const controller of s.runs) controller.abort(SHUTDOWN_REASON);
  // Cancelled lookups end at once; give the streams a moment to write their last lines.
  await waitForIdle(5000);
  return aborted;
}

/**
 * Installs the SIGTERM/SIGINT handler once. Handlers already installed (Next's, which closes the server and
 * exits) are taken off and run after the drain, so the server keeps answering (503 for new checks) meanwhile.
 */
export function installShutdownHandlers(graceMs: number, log: Logger): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const previous = process.listeners(signal) as Array<(sig: NodeJS.Signals) => void>;
    for (const listener of previous) process.removeListener(signal, listener);
    let started = false;
    process.on(signal, () => {
      if (started) return;
      started = true;
      log.info({ signal }, 'shutdown: signal received');
      void drain(graceMs, log).finally(() => {
        log.info({ signal }, 'shutdown: runs finished, stopping the server');
        if (previous.length === 0) process.exit(0);
        for (const listener of previous) listener(signal);
      });
    });
  }
}

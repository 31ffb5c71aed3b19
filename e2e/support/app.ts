/**
 * Runs the production build as a managed child process on a free loopback port and waits until `/api/health`
 * answers. Used by the integration setup, Playwright setup and the demo. The build is the standalone server
 * (`node .next/standalone/server.js`, assembled by scripts/standalone.mjs): the same output the Dockerfile ships
 * and `npm start` runs, so the suites test what is deployed; `next start` only for a build made without it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../lab/net';
import { logTail, spawnManaged, waitUntil } from '../../lab/process';

/**
 * `logFile` (next's output) and the app's own temp DATA_DIR are removed by stop() unless LAB_KEEP=1; a DATA_DIR the
 * test passed is left alone.
 */
export type App = {
  url: string;
  port: number;
  logFile?: string;
  /** The embedded database's directory (DATA_DIR): a fresh temp one unless the test passed its own. */
  dataDir: string;
  stop(): Promise<void>;
  /** Ends the app with SIGKILL (kill -9: no shutdown hooks run), then cleans up as stop() does. */
  kill(): Promise<void>;
};

export type AppOptions = {
  /** Fixed port (the demo's PORT); a free one when absent. Tests never use 3000. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Print the server's output instead of writing it to a temp log file. */
  inheritOutput?: boolean;
  startTimeoutMs?: number;
  /**
   * Start `next` through this command (e.g. `['ip', 'netns', 'exec', ns]`: the app in a network namespace of the
   * test's own, e2e/support/netns.ts); `host` must then be an address of that namespace reachable from ours.
   */
  commandPrefix?: string[];
};

/** The repository root: the nearest directory upwards from cwd whose package.json is this project's. */
export function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"m365-dns-health"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`not inside the m365-dns-health repository: ${process.cwd()}`);
    dir = parent;
  }
}

/** Starts `next start` with `env` added to ours and resolves once `GET /api/health` returns 200. */
export async function startApp(env: Record<string, string>, options: AppOptions = {}): Promise<App> {
  const root = repoRoot();
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    throw new Error(
      'No production build: .next/BUILD_ID is missing. Run `node scripts/ensure-build.mjs` (or `npm run build`) first.',
    );
  }
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  if (options.port === undefined && port === 3000) throw new Error('refusing to run tests on port 3000');
  // One temp directory per app for its log and, unless the test passed DATA_DIR, its data: several apps run at once
  // in some tests, and the embedded database's instance lock refuses a second process on one DATA_DIR.
  const tempDir = mkdtempSync(join(tmpdir(), 'm365-app-'));
  const logFile = options.inheritOutput ? undefined : join(tempDir, 'next.log');
  const dataDir = env.DATA_DIR ?? join(tempDir, 'data');
  const keepLog = process.env.LAB_KEEP === '1';
  const removeLog = () => {
    if (!keepLog) rmSync(tempDir, { recursive: true, force: true });
  };
  const standalone = join(root, '.next', 'standalone', 'server.js');
  const serverArgs = existsSync(standalone)
    ? [process.execPath, standalone]
    : [join(root, 'node_modules', '.bin', 'next'), 'start', '-p', String(port), '-H', host];
  const [command, ...prefixArgs] = [...(options.commandPrefix ?? []), ...serverArgs];
  const proc = spawnManaged({
    name: 'next',
    command: command as string,
    args: prefixArgs,
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      BIND_HOST: host,
      // Tests never walk from the real root servers: a test of the authoritative path sets AUTHORITATIVE=1 with
      // DNS_ROOT_HINTS and DNS_AUTH_PORT pointing at lab/authority-lab.ts.
      AUTHORITATIVE: '0',
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      // The standalone server binds HOSTNAME (next start takes -H).
      HOSTNAME: host,
    },
    logFile,
    inheritOutput: options.inheritOutput,
    cleanupPath: keepLog ? undefined : tempDir,
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  try {
    await waitUntil(
      async () => {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
        await response.body?.cancel();
        return response.status === 200;
      },
      {
        timeoutMs: options.startTimeoutMs ?? 60_000,
        intervalMs: 200,
        abortIf: () => (proc.hasExited ? `next start exited before /api/health answered (port ${port})` : undefined),
        describe: () => (logFile ? `next log (${logFile}):\n${logTail(logFile, 40)}` : ''),
      },
    );
  } catch (error) {
    await proc.stop();
    removeLog(); // its tail is in the message
    throw new Error(`app did not start: ${(error as Error).message}`);
  }
  return {
    url,
    port,
    logFile,
    dataDir,
    stop: async () => {
      await proc.stop(3000);
      removeLog();
    },
    kill: async () => {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await proc.exited;
      await proc.stop(0);
      removeLog();
    },
  };
}

/**
 * A throwaway PostgreSQL cluster for tests and the bench: Debian's server binaries (the newest version under
 * /usr/lib/postgresql), `initdb` in a fresh temp directory, one postmaster on a free loopback port with its Unix
 * socket in that directory, stopped by PID (fast shutdown, then SIGKILL) and the directory removed. As root, the
 * cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './net';
import { logTail, type Managed, spawnManaged, waitUntil } from './process';

export const POSTGRES_INSTALL_HINT =
  'PostgreSQL is not installed. Install the server with:\n' +
  '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql';

export type PostgresOptions = {
  /** Server settings added to (and overriding) the test defaults below, e.g. `{ max_connections: '50' }`. */
  settings?: Record<string, string>;
  /** How long to wait for the server to accept connections (each start). */
  startTimeoutMs?: number;
  /** Keep the directory (data, log) after stop; also when LAB_KEEP=1. */
  keepDir?: boolean;
};

export type Postgres = {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres`, the superuser on the maintenance database. */
  url: string;
  host: string;
  port: number;
  /** PID of the running postmaster (a new one after `startServer()`; 0 while stopped). */
  readonly pid: number;
  /** Temp directory: `data/` (the cluster), the socket and `postgres.log`. */
  dir: string;
  logFile: string;
  /** Creates an empty database (name: lower-case letters, digits, `_`) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown, SIGKILL after a timeout) and keeps its data and port for `startServer()`. */
  stopServer(): Promise<void>;
  /** Starts the server again on the same directory and port; resolves once it accepts connections. */
  startServer(): Promise<void>;
  /** `stopServer()`, wait `ms`, `startServer()`: "the database is down for a while". */
  pause(ms: number): Promise<void>;
  /** Stops the server and removes its directory. Idempotent. */
  stop(): Promise<void>;
};

/**
 * Settings for a small test cluster. fsync stays on: 2,000 single-row commits took 0.69–1.42 s with it and
 * 0.36–0.45 s without (3 runs each, this 2-core machine under load), about 0.4 ms a commit, a few seconds for the
 * largest test run, while the bench's PostgreSQL figures and every "nothing is lost" test should come from a
 * server that really writes. Start-up (initdb + first connection) takes about 0.7 s.
 */
const TEST_SETTINGS: Record<string, string> = {
  // Several app instances per test file, each with a pool and a queue: more than the default 100.
  max_connections: '200',
  // The default 128 MB is for a real server; test databases are small and the machine is shared.
  shared_buffers: '32MB',
  // One log on stderr (our log file); no collector process.
  logging_collector: 'off',
  log_min_messages: 'warning',
  // Quick to restart after `stopServer()` and quick to stop: few dirty pages build up between checkpoints.
  checkpoint_timeout: '30s',
};

/** The newest Debian PostgreSQL's bin directory (`/usr/lib/postgresql/<ver>/bin`), else the one on PATH. */
export function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(base, versions[0], 'bin');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  }
  return undefined;
}

/** uid/gid of the `postgres` user when we are root (PostgreSQL refuses root), else nothing: run as ourselves. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      "running as root, but there is no `postgres` user to run the test cluster as (Debian's postgresql package creates it)",
    );
  }
}

const DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `url` with its database replaced by `name`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` with a connected client on `url` and always closes it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A server that goes away (stopServer) makes an idle client emit 'error'; without a listener that would crash us.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the empty database `name` on the cluster of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!DB_NAME.test(name)) throw new Error(`not a test database name: ${JSON.stringify(name)}`);
  // The name is checked above; identifiers can't be bound as parameters.
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
}

/** Initialises a cluster in a fresh temp directory, starts it and resolves once it accepts connections. */
export async function startPostgres(options: PostgresOptions = {}): Promise<Postgres> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error(POSTGRES_INSTALL_HINT);
  const user = serverUser();
  const keep = options.keepDir === true || process.env.LAB_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'm365-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const host = '127.0.0.1';
  const password = randomBytes(18).toString('base64url');
  const settings = { ...TEST_SETTINGS, ...options.settings };
  let server: Managed | undefined;
  let port = 0;
  let stopped = false;

  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const pwFile = join(dir, 'pwfile');
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (user) chownSync(pwFile, user.uid, user.gid);
    try {
      // --no-sync: a throwaway cluster need not wait for its template files to reach the disk.
      execFileSync(
        join(binDir, 'initdb'),
        [
          '-D',
          dataDir,
          '-U',
          'postgres',
          `--pwfile=${pwFile}`,
          '--auth-local=trust',
          '--auth-host=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        { cwd: dir, stdio: 'pipe', uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`;
      throw new Error(`initdb failed in ${dataDir}:\n${output || String(error)}`);
    } finally {
      rmSync(pwFile, { force: true });
    }

    const spawnServer = (): Managed => {
      const args = ['-D', dataDir, '-p', String(port), '-k', dir, '-h', host];
      for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
      return spawnManaged({
        name: 'postgres',
        command: join(binDir, 'postgres'),
        args,
        cwd: dir,
        env: { ...process.env, LC_ALL: 'C' },
        logFile,
        uid: user?.uid,
        gid: user?.gid,
        cleanupPath: keep ? undefined : dir,
        stopSignal: 'SIGINT', // fast shutdown: end sessions, checkpoint, exit
        exitSignal: 'SIGQUIT', // immediate shutdown when we exit without stopping it
      });
    };
    const url = () => `postgres://postgres:${password}@${host}:${port}/postgres`;
    const waitReady = async (proc: Managed) =>
      waitUntil(
        () =>
          withClient(url(), async (client) => {
            await client.query('SELECT 1');
            return true;
          }),
        {
          timeoutMs: options.startTimeoutMs ?? 30_000,
          intervalMs: 100,
          abortIf: () => (proc.hasExited ? `postgres exited during start (port ${port})` : undefined),
          describe: () => `postgres log (${logFile}):\n${logTail(logFile)}`,
        },
      );

    let lastError: unknown;
    for (let attempt = 1; attempt <= 3 && !server; attempt++) {
      port = await freePort(host);
      const proc = spawnServer();
      try {
        await waitReady(proc);
        server = proc;
      } catch (error) {
        const exitedEarly = proc.hasExited;
        await proc.stop(5000);
        lastError = error;
        // A port taken between probing and binding makes postgres exit at once: try another one.
        if (!exitedEarly || !/could not bind|address already in use/i.test(logTail(logFile))) break;
      }
    }
    if (!server) throw new Error(`postgres did not start: ${(lastError as Error).message}`);

    const stopServer = async () => {
      const proc = server;
      server = undefined;
      await proc?.stop(10_000);
    };
    const startServer = async () => {
      if (stopped) throw new Error('postgres: startServer() after stop()');
      if (server) return;
      const proc = spawnServer();
      try {
        await waitReady(proc);
      } catch (error) {
        await proc.stop(5000);
        throw new Error(`postgres did not start again on port ${port}: ${(error as Error).message}`);
      }
      server = proc;
    };
    return {
      url: url(),
      host,
      port,
      get pid() {
        return server?.pid ?? 0;
      },
      dir,
      logFile,
      createDatabase: (name) => createDatabase(url(), name),
      stopServer,
      startServer,
      pause: async (ms) => {
        await stopServer();
        await new Promise((resolve) => setTimeout(resolve, ms));
        await startServer();
      },
      stop: async () => {
        stopped = true;
        await stopServer();
        if (!keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.stop(5000);
    if (!keep) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

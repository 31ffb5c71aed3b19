/**
 * Operating the storage layer (issue 16 "Operations"): a second process on one DATA_DIR is refused at start-up,
 * /api/ready reports the database's state without letting it decide readiness, an online backup of the
 * embedded database restores into a working instance, and two instances starting at once on an empty
 * PostgreSQL database run each migration once.
 *
 * PostgreSQL: each case gets an empty database of its own on the run's cluster (../support/postgres); the outage
 * case reaches it through a TCP relay it opens and closes, so the cluster itself keeps running for the others.
 */

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../lab/net';
import { spawnManaged, waitUntil } from '../../lab/process';
import { RunCreated, RunSummary } from '../../lib/schema';
import { type App, repoRoot, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, post } from '../support/http';
import { freshDatabase } from '../support/postgres';

const resolver = inject('resolver');
const DATABASE_FILE = 'm365-dns-health.db';

const dirs: string[] = [];
const apps: App[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
async function start(env: Record<string, string>): Promise<App> {
  const app = await startApp({ ...appEnv(resolver), ...env });
  apps.push(app);
  return app;
}
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Ready = { status: string; storage?: string };

describe('a second process on the same DATA_DIR', () => {
  it('is refused at start-up: it exits non-zero saying why, and the first keeps serving', async () => {
    const dataDir = tempDir('m365-so-lock-');
    const first = await start({ DATA_DIR: dataDir });
    const root = repoRoot();
    const port = await freePort();
    const logDir = tempDir('m365-so-log-');
    const logFile = join(logDir, 'second.log');
    const second = spawnManaged({
      name: 'next (second)',
      command: join(root, 'node_modules', '.bin', 'next'),
      args: ['start', '-p', String(port), '-H', '127.0.0.1'],
      cwd: root,
      env: {
        ...process.env,
        ...appEnv(resolver),
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        AUTHORITATIVE: '0',
        DATA_DIR: dataDir,
        PORT: String(port),
      },
      logFile,
    });
    try {
      const code = await Promise.race([
        second.exited,
        new Promise<'still running'>((r) => setTimeout(() => r('still running'), 60_000)),
      ]);
      expect(code, readFileSync(logFile, 'utf8').slice(-2000)).not.toBe('still running');
      expect(code).not.toBe(0);
      expect(readFileSync(logFile, 'utf8')).toContain(`Another process is already using the data directory ${dataDir}`);
    } finally {
      await second.stop();
    }
    expect((await get(first.url, '/api/health')).status).toBe(200);
    expect((await get(first.url, '/api/check?domain=ok-21v.test')).status).toBe(200);
    // Once the first has stopped, the directory is free again (the lock goes with the process).
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    const again = await start({ DATA_DIR: dataDir });
    expect(((await get(again.url, '/api/ready')).json as Ready).storage).toBe('ok');
  });
});

/** A TCP relay to `target` that can be closed (every connection cut) and opened again on the same port. */
function relay(port: number, target: { host: string; port: number }) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async open() {
      server = createServer((client) => {
        const upstream = tcpConnect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
}

/** Waits until /api/ready says `storage: state`. */
async function storageBecomes(app: App, state: 'ok' | 'unavailable'): Promise<void> {
  let last: unknown;
  await waitUntil(
    async () => {
      last = (await get(app.url, '/api/ready')).json;
      return (last as Ready).storage === state;
    },
    { timeoutMs: 20_000, intervalMs: 200, describe: () => `last /api/ready: ${JSON.stringify(last)}` },
  );
}

describe('GET /api/ready reports the storage', () => {
  it('embedded database: storage ok', async () => {
    const app = await start({ DATA_DIR: tempDir('m365-so-ready-') });
    const ready = await get(app.url, '/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ status: 'ready', storage: 'ok' });
  });

  it('PostgreSQL down: the app still starts and serves single checks, ready is 200 with storage unavailable; back: ok', async () => {
    const url = new URL(await freshDatabase('storage_ops'));
    const pgPort = Number(url.port || 5432);
    const relayPort = await freePort();
    const link = relay(relayPort, { host: url.hostname, port: pgPort });
    url.host = `127.0.0.1:${relayPort}`;
    // Nothing listens on the relay's port yet: PostgreSQL is unreachable from the start.
    const app = await start({ DATABASE_URL: url.toString(), READY_CACHE_MS: '100', READY_TIMEOUT_MS: '1000' });
    try {
      const down = await get(app.url, '/api/ready');
      expect(down.status).toBe(200);
      expect(down.json).toMatchObject({ status: 'ready', storage: 'unavailable' });
      expect(readFileSync(app.logFile!, 'utf8')).toMatch(/PostgreSQL \(DATABASE_URL\) cannot be reached/);
      expect((await get(app.url, '/api/check?domain=ok-21v.test')).status).toBe(200);
      await link.open();
      await storageBecomes(app, 'ok');
      // Lost again mid-life: the open storage's ping fails, readiness stays 200.
      await link.close();
      await storageBecomes(app, 'unavailable');
      expect((await get(app.url, '/api/ready')).status).toBe(200);
      expect((await get(app.url, '/api/check?domain=ok-21v.test')).status).toBe(200);
      await link.open();
      await storageBecomes(app, 'ok');
    } finally {
      await link.close();
    }
  });
});

/** `npm run backup -- <dest>` for `dataDir` (the script itself, through tsx); resolves with its output. */
async function backup(dataDir: string, dest: string): Promise<string> {
  const root = repoRoot();
  const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/backup.ts', dest], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  return stdout;
}

describe('backup and restore of the embedded database while the app runs', () => {
  it('npm run backup copies it while the app serves; restored into a new DATA_DIR, the app has the same data', async () => {
    const limits = { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_REQUESTS_WINDOW_S: '3600' };
    const original = tempDir('m365-so-data-');
    const app = await start({ DATA_DIR: original, ...limits });
    const before = [];
    for (let i = 0; i < 4; i++) before.push((await get(app.url, '/api/check?domain=ok-21v.test')).status);
    expect(before).toEqual([200, 200, 200, 429]);

    const dest = join(tempDir('m365-so-backup-'), 'backup.db');
    const stdout = await backup(original, dest);
    expect(stdout).toContain('backup:');
    // The app kept serving while it was copied.
    expect((await get(app.url, '/api/health')).status).toBe(200);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare("SELECT points FROM rate_limits WHERE key = 'req:anonymous'").pluck().get()).toBe(3);
    copy.close();

    // Restore: stop the app, put the copy in place as the database file (no -wal/-shm beside it), start.
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    const restored = tempDir('m365-so-restored-');
    copyFileSync(dest, join(restored, DATABASE_FILE));
    const again = await start({ DATA_DIR: restored, ...limits });
    // The spent budget came back with the data: the first request of the restored instance is refused.
    expect((await get(again.url, '/api/check?domain=ok-21v.test')).status).toBe(429);
    expect(((await get(again.url, '/api/ready')).json as Ready).storage).toBe('ok');
  });

  it('says so when DATA_DIR holds no database, and never overwrites a file', async () => {
    const root = repoRoot();
    const run = (args: string[], env: Record<string, string>) =>
      promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/backup.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', ...env },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
    const empty = tempDir('m365-so-empty-');
    const missing = await run([join(empty, 'b.db')], { DATA_DIR: empty });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no embedded database');
    expect(existsSync(join(empty, 'b.db'))).toBe(false);

    const data = tempDir('m365-so-full-');
    const db = new Database(join(data, DATABASE_FILE));
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const existing = join(tempDir('m365-so-dest-'), 'old.db');
    writeFileSync(existing, 'an older backup');
    const refused = await run([existing], { DATA_DIR: data });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('exists');
    expect(readFileSync(existing, 'utf8')).toBe('an older backup');
  });

  it('a restored backup contains the finished runs: GET /api/runs/<id> answers with the same results', async () => {
    const original = tempDir('m365-so-runs-');
    const app = await start({ DATA_DIR: original });
    const created = await post(app.url, '/api/runs', { domains: ['ok-21v.test', 'ok-ww.test', 'missing-21v.test'] });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const run = RunCreated.parse(created.json);
    let before: RunSummary | undefined;
    await waitUntil(
      async () => {
        before = RunSummary.parse((await get(app.url, `/api/runs/${run.id}?from=0`)).json);
        return before.status === 'done';
      },
      { timeoutMs: 30_000, intervalMs: 200, describe: () => `run: ${JSON.stringify(before?.status)}` },
    );
    const dest = join(tempDir('m365-so-backup-'), 'runs.db');
    await backup(original, dest);
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    const restored = tempDir('m365-so-restored-');
    copyFileSync(dest, join(restored, DATABASE_FILE));
    const again = await start({ DATA_DIR: restored });
    const after = await get(again.url, `/api/runs/${run.id}?from=0`);
    expect(after.status, after.text.slice(0, 300)).toBe(200);
    const summary = RunSummary.parse(after.json);
    expect(summary.status).toBe('done');
    expect(summary.results.map((r) => [r.domain, r.summary.health, r.index]).sort()).toEqual(
      before!.results.map((r) => [r.domain, r.summary.health, r.index]).sort(),
    );
  });
});

describe('two instances on one PostgreSQL', () => {
  it('started at once on an empty database: both become ready, each migration ran once', async () => {
    const url = await freshDatabase('storage_ops');
    const both = await Promise.all([start({ DATABASE_URL: url }), start({ DATABASE_URL: url })]);
    for (const app of both) {
      const ready = await get(app.url, '/api/ready');
      expect(ready.status).toBe(200);
      expect(ready.json).toMatchObject({ storage: 'ok' });
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: string }>(
        'SELECT name, count(*) AS n FROM schema_migrations GROUP BY name ORDER BY name',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.name)).toContain('0001_runs');
      for (const row of rows) expect(Number(row.n), row.name).toBe(1);
      const { rows: tables } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'rate_limits'",
      );
      expect(tables).toHaveLength(1);
    } finally {
      await client.end();
    }
  });
});

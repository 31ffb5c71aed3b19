/**
 * The PostgreSQL test harness (lab/postgres.ts, e2e/support/postgres.ts): the run's cluster hands each file an
 * empty database of its own; a cluster of one's own can be stopped and started again with its data; and a test
 * process that dies without stopping its cluster leaves no server running and no directory behind. Also: on the
 * Node 24 stage, what the tests start runs on Node 24 too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Postgres, startPostgres, withClient } from '../../lab/postgres';
import { waitUntil } from '../../lab/process';
import { repoRoot } from '../support/app';
import { freshDatabase } from '../support/postgres';

/** True while `pid` is a live process (a zombie, exited but not yet reaped, counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const tables = (url: string) =>
  withClient(url, async (client) => {
    const result = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    return result.rows.map((row) => row.tablename);
  });

describe('the run cluster', () => {
  it('gives each caller an empty database of its own', async () => {
    const first = await freshDatabase('harness');
    const second = await freshDatabase('harness');
    expect(first).not.toBe(second);
    expect(new URL(first).hostname).toBe('127.0.0.1');
    expect(await tables(first)).toEqual([]);
    await withClient(first, async (client) => {
      await client.query('CREATE TABLE results (run text, index int, verdict text, PRIMARY KEY (run, index))');
      await client.query("INSERT INTO results VALUES ('r1', 0, 'ok')");
    });
    expect(await tables(first)).toEqual(['results']);
    expect(await tables(second)).toEqual([]);
  });

  it('refuses a database name that is not a plain identifier', async () => {
    const { createDatabase } = await import('../../lab/postgres');
    await expect(createDatabase('postgres://127.0.0.1:1/postgres', 'x"; DROP DATABASE postgres; --')).rejects.toThrow(
      /not a test database name/,
    );
  });
});

describe('a cluster of its own', () => {
  let postgres: Postgres | undefined;
  afterAll(async () => {
    await postgres?.stop();
  });

  it('survives its server being stopped for 2 s and started again, then stop() leaves nothing behind', async () => {
    postgres = await startPostgres();
    const url = await postgres.createDatabase('survivor');
    await withClient(url, async (client) => {
      await client.query('CREATE TABLE results (run text, index int, verdict text, PRIMARY KEY (run, index))');
      await client.query("INSERT INTO results SELECT 'r1', i, 'ok' FROM generate_series(0, 999) AS i");
    });
    const firstPid = postgres.pid;
    expect(alive(firstPid)).toBe(true);

    await postgres.stopServer();
    expect(alive(firstPid)).toBe(false);
    expect(postgres.pid).toBe(0);
    await expect(tables(url)).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await postgres.startServer();

    expect(postgres.pid).not.toBe(firstPid);
    expect(alive(postgres.pid)).toBe(true);
    const count = await withClient(url, (client) => client.query('SELECT count(*)::int AS n FROM results'));
    expect(count.rows[0]).toEqual({ n: 1000 });

    // pause() is the same in one call.
    await postgres.pause(200);
    expect(await tables(url)).toEqual(['results']);

    const { pid, dir } = postgres;
    await postgres.stop();
    postgres = undefined;
    expect(alive(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the Node the suite runs on', () => {
  it('is the `node` in PATH, so the processes the tests start (`next start`, tsx) run on it too', () => {
    // scripts/test.ts runs this suite again on Node 24 with that Node's bin directory first in PATH: without it the
    // app under test would quietly run on the system's Node.
    const found = execFileSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' }).trim();
    expect(realpathSync(found)).toBe(realpathSync(process.execPath));
  });
});

describe('a test process that dies without stopping its cluster', () => {
  /** Runs e2e/support/postgres-orphan.ts and resolves with what it printed, once it has started its cluster. */
  function startOrphan(mode: 'exit' | 'wait') {
    const root = repoRoot();
    // One process (`node --import tsx`): the tsx CLI would run the script in a child of its own, which a SIGKILL
    // of the CLI leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'e2e/support/postgres-orphan.ts'), mode], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = new Promise<{ pid: number; dir: string; parent: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`postgres-orphan exited (${code}) before printing: ${out}`)));
    });
    return { child, started };
  }

  async function expectGone(server: { pid: number; dir: string }): Promise<void> {
    await waitUntil(async () => !alive(server.pid) && !existsSync(server.dir), {
      timeoutMs: 20_000,
      describe: () =>
        `postgres ${server.pid} alive: ${alive(server.pid)}, ${server.dir} exists: ${existsSync(server.dir)}`,
    });
  }

  it('exits (a crash): the server is shut down and its directory removed', async () => {
    const { started } = startOrphan('exit');
    const server = await started;
    expect(server.pid).toBeGreaterThan(0);
    await expectGone(server);
  });

  it('is killed with SIGKILL (a CI timeout): the watchdog stops the server and removes its directory', async () => {
    const { child, started } = startOrphan('wait');
    const server = await started;
    expect(alive(server.pid)).toBe(true);
    expect(server.parent).toBe(child.pid);
    child.kill('SIGKILL');
    await expectGone(server);
  });
});

/**
 * For the run tests: a SQL run store on a fresh embedded database in a temp directory (or on PostgreSQL when
 * `TEST_DATABASE_URL` is set and the test asks for it), closed and removed when the test ends.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { StorageConfig } from '../env';
import { openStorage, type Storage } from '../storage/db';
import { createSqlRunStore } from './sql-store';
import type { RunStore, StoreOptions } from './store';

export type TestBackend = 'sqlite' | 'postgres';

/** The backends the contract suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Runs `statement` on the server of `url` (its maintenance connection). */
async function onServer(url: string, statement: string): Promise<void> {
  const pg = await import('pg');
  const client = new (pg.default?.Client ?? pg.Client)({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Opens a fresh storage of `backend` for this test: an embedded database in a temp directory, or a database of its
 * own on the PostgreSQL server of TEST_DATABASE_URL (so test files running at once never share tables). Both are
 * removed when the test ends. The test's `config` is returned too, to open the same data again.
 */
export async function testStorage(backend: TestBackend = 'sqlite'): Promise<Storage & { config: StorageConfig }> {
  let config: StorageConfig;
  let cleanup: () => Promise<void>;
  if (backend === 'postgres') {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) throw new Error('TEST_DATABASE_URL is not set');
    const name = `runs_test_${randomBytes(6).toString('hex')}`;
    await onServer(server, `CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString() };
    cleanup = () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'runs-store-'));
    config = { kind: 'sqlite', dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const storage = await openStorage(config);
  onTestFinished(async () => {
    await storage.close().catch(() => undefined);
    await cleanup();
  });
  return Object.assign(storage, { config });
}

/** A SQL run store on a fresh storage for this test. */
export async function testStore(
  options: Partial<StoreOptions> = {},
  backend: TestBackend = 'sqlite',
): Promise<{ store: RunStore; storage: Storage & { config: StorageConfig } }> {
  const storage = await testStorage(backend);
  const store = createSqlRunStore(storage, { retentionS: 60, maxRuns: 10, ...options });
  return { store, storage };
}

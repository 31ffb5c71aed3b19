/**
 * For the run tests: a SQL run store on a fresh embedded database in a temp directory (or on PostgreSQL when
 * `TEST_DATABASE_URL` is set and the test asks for it), closed and removed when the test ends.
 */
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

/** Opens a fresh storage of `backend` for this test (PostgreSQL: its run tables emptied first). */
export async function testStorage(backend: TestBackend = 'sqlite'): Promise<Storage> {
  let config: StorageConfig;
  let dir: string | undefined;
  if (backend === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    config = { kind: 'postgres', url };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'runs-store-'));
    config = { kind: 'sqlite', dir };
  }
  const storage = await openStorage(config);
  if (backend === 'postgres') {
    await storage.db.deleteFrom('run_results').execute();
    await storage.db.deleteFrom('runs').execute();
    await storage.db.deleteFrom('run_tombstones').execute();
  }
  onTestFinished(async () => {
    await storage.close().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return storage;
}

/** A SQL run store on a fresh storage for this test. */
export async function testStore(
  options: Partial<StoreOptions> = {},
  backend: TestBackend = 'sqlite',
): Promise<{ store: RunStore; storage: Storage }> {
  const storage = await testStorage(backend);
  const store = createSqlRunStore(storage, { retentionS: 60, maxRuns: 10, ...options });
  return { store, storage };
}

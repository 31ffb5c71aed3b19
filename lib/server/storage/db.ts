/**
 * The storage layer's connection: one Kysely instance over the embedded database (better-sqlite3, one file under
 * DATA_DIR, the default) or PostgreSQL (DATABASE_URL, shared by several instances). Everything above this module
 * speaks Kysely and never knows which backend it has, except where a backend offers more (LISTEN/NOTIFY, a real
 * job queue), which is asked for through `storage.kind`.
 *
 * The embedded database serves one process. A second process on the same DATA_DIR is refused at start-up: the
 * first holds an exclusive SQLite lock on `instance.lock` beside the database, which the kernel releases when
 * the process ends in any way (kill -9 included), so a restart never waits for a stale lock. The database itself
 * stays in normal WAL mode, so a backup may read it while the app runs (scripts/backup.ts).
 */
import 'server-only';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Pool } from 'pg';
import type { StorageConfig } from '../env';
import { type Dialect, migrate } from './migrations';
import type { Database } from './schema';

export type Storage = {
  kind: Dialect;
  db: Kysely<Database>;
  /** The embedded database's handle (sqlite only): the rate limiter's store and online backups use it. */
  sqlite?: BetterSqlite3.Database;
  /** The PostgreSQL pool (postgres only): the rate limiter and the job queue use it. */
  pool?: Pool;
  /** Where the data is, for messages (a path, or the URL without its password). */
  where: string;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
};

/** The embedded database's file name in DATA_DIR. */
export const DATABASE_FILE = 'm365-dns-health.db';
const LOCK_FILE = 'instance.lock';

/** Thrown when another process holds the embedded database's directory. */
export class DataDirInUseError extends Error {
  constructor(dir: string) {
    super(
      `Another process is already using the data directory ${dir}. The embedded database serves one instance: ` +
        'stop the other process, set DATA_DIR to another directory, or set DATABASE_URL (PostgreSQL) to run several instances.',
    );
    this.name = 'DataDirInUseError';
  }
}

/** `url` without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

async function openSqlite(dir: string): Promise<Storage> {
  const { default: Database } = await import('better-sqlite3');
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  // The instance lock: an exclusive lock kept for the life of this connection (locking_mode EXCLUSIVE keeps it
  // after the first write). A second process gets SQLITE_BUSY at once (no busy timeout).
  const lock = new Database(join(abs, LOCK_FILE), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataDirInUseError(abs);
    throw err;
  }
  const file = join(abs, DATABASE_FILE);
  const handle = new Database(file, { timeout: 5000 });
  handle.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an OS crash or power
  // loss may roll back the last transactions, never corrupt the file.
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  await migrate(db as Kysely<unknown>, 'sqlite');
  return {
    kind: 'sqlite',
    db,
    sqlite: handle,
    where: file,
    async ping() {
      try {
        handle.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
      lock.close();
    },
  };
}

async function openPostgres(url: string): Promise<Storage> {
  const pg = await import('pg');
  const Pool = pg.default?.Pool ?? pg.Pool;
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // bigint columns (times in ms) come back as numbers: they stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server (a restart) emits 'error' on the pool; without a listener that would end
  // the process. The next query opens a new connection.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db as Kysely<unknown>, 'postgres');
  } catch (err) {
    // Unreachable or failing: the caller tries again later with a new pool, so this one must not linger.
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return {
    kind: 'postgres',
    db,
    pool,
    where: redactUrl(url),
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        await Promise.race([sql`select 1`.execute(db), timeout]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the storage `config` names and brings its schema up to date. */
export function openStorage(config: StorageConfig): Promise<Storage> {
  return config.kind === 'postgres' ? openPostgres(config.url) : openSqlite(config.dir);
}

const STORAGE_KEY = Symbol.for('m365-dns-health.storage');
type WithStorage = typeof globalThis & { [STORAGE_KEY]?: Promise<Storage> };

/**
 * The process's storage, opened once (on globalThis: every route bundle shares it). A failed open is not kept,
 * so the next call tries again (PostgreSQL may come up after the app).
 */
export function getStorage(config: StorageConfig): Promise<Storage> {
  const g = globalThis as WithStorage;
  if (!g[STORAGE_KEY]) {
    const opening = openStorage(config);
    g[STORAGE_KEY] = opening;
    opening.catch(() => {
      if (g[STORAGE_KEY] === opening) g[STORAGE_KEY] = undefined;
    });
  }
  return g[STORAGE_KEY];
}

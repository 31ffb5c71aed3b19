/**
 * `npm run backup -- <dest file>`: a consistent copy of the embedded database (DATA_DIR, default ./data) while
 * the app runs. One read transaction copies the whole database (`VACUUM INTO`), so the copy is a snapshot of
 * one moment even while the app writes: the app's connection runs in WAL mode, where a reader never blocks the
 * writer nor waits for it, and the instance lock is a separate file (instance.lock), so reading is allowed.
 * The copy is written beside the destination, checked (`PRAGMA quick_check`) and then renamed into place, so
 * a destination file is never half written.
 *
 * Restore (docs/deploy.md#backup-and-restore): stop the app, put the copy in DATA_DIR as m365-dns-health.db,
 * remove m365-dns-health.db-wal and -shm there, start the app.
 *
 * With DATABASE_URL set the data is in PostgreSQL: back it up with pg_dump instead.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** The embedded database's file name in DATA_DIR (lib/server/storage/db.ts DATABASE_FILE). */
const DATABASE_FILE = 'm365-dns-health.db';

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

function main(): void {
  const dest = process.argv[2];
  if (!dest || dest.startsWith('-')) fail('usage: npm run backup -- <destination file>');
  if (process.env.DATABASE_URL?.trim()) {
    fail('DATABASE_URL is set: the data is in PostgreSQL, back it up with pg_dump (docs/deploy.md).');
  }
  const dataDir = resolve(process.env.DATA_DIR?.trim() || './data');
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) fail(`no embedded database at ${source} (is DATA_DIR right?)`);
  const target = resolve(dest);
  if (existsSync(target)) fail(`${target} exists; choose a new file name`);
  if (!existsSync(dirname(target))) fail(`the directory ${dirname(target)} does not exist`);
  const partial = `${target}.partial-${process.pid}`;
  // Read-only: this process can never change the app's data. A busy timeout in case the app is checkpointing.
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    fail(`could not copy ${source}: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  const copy = new Database(partial, { readonly: true });
  const check = copy.pragma('quick_check', { simple: true });
  const tables = copy
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = tables.map(
    (t) => `${t} ${(copy.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) ?? 0}`,
  );
  copy.close();
  if (check !== 'ok') {
    rmSync(partial, { force: true });
    fail(`the copy failed its integrity check (${String(check)}); nothing was written`);
  }
  renameSync(partial, target);
  console.log(`backup: ${source} → ${target} (${statSync(target).size} bytes; rows: ${counts.join(', ')})`);
}

main();

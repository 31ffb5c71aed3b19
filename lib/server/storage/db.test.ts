import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, openStorage, redactUrl, type Storage } from './db';

const opened: Storage[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'storage-'));
  dirs.push(dir);
  return dir;
};

describe('embedded storage', () => {
  it('creates the database and its tables in DATA_DIR, and opens it again after a close', async () => {
    const dir = tempDir();
    const first = await openStorage({ kind: 'sqlite', dir });
    await first.db
      .insertInto('runs')
      .values({
        id: 'r1',
        seq: 1,
        client: 'c',
        token_hash: 'h',
        created_at: 1,
        expires_at: 2,
        started_at: null,
        finished_at: null,
        batch_started_at: null,
        batch_done: 0,
        cloud: 'auto',
        services: null,
        lang: 'en',
        status: 'queued',
        revision: 0,
        pending: 0,
        total: 0,
        checked: 0,
        spec: '{}',
      })
      .execute();
    await first.close();
    const again = await openStorage({ kind: 'sqlite', dir });
    opened.push(again);
    const rows = await again.db.selectFrom('runs').select('id').execute();
    expect(rows).toEqual([{ id: 'r1' }]);
    expect(await again.ping()).toBe(true);
  });

  it('refuses a second opener of the same directory with a message that says what to do', async () => {
    const dir = tempDir();
    opened.push(await openStorage({ kind: 'sqlite', dir }));
    const second = openStorage({ kind: 'sqlite', dir });
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(/DATABASE_URL/);
  });
});

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://app:s3cret@db.example:5432/dns')).toBe('postgres://app:***@db.example:5432/dns');
    expect(redactUrl('not a url')).not.toContain('not a url');
  });
});

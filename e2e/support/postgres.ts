/**
 * PostgreSQL for integration tests: each test file takes an empty database of its own on the run's cluster
 * (started by ./global-setup), so files never see each other's tables, queue or locks.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../../lab/postgres';

/**
 * Creates an empty database on the run's cluster and returns its URL (with the superuser's credentials).
 * `label` (letters, digits) makes it easy to spot in the server's log; a random suffix keeps names unique.
 */
export async function freshDatabase(label = 'test'): Promise<string> {
  const prefix =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 40) || 'test';
  return createDatabase(inject('postgresUrl'), `t_${prefix}_${randomBytes(4).toString('hex')}`);
}

/**
 * Issue 18 (Entra ID sign-in): the server-side sessions, the sign-in states already used (replay refusal) and who
 * created each run. Append-only like ../migrations.ts.
 */
import type { Kysely, Migration } from 'kysely';

export function authMigrations(_dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0004_auth': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('auth_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          // SHA-256 of the cookie's secret (hex); the previous one stays valid briefly after a rotation.
          .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
          .addColumn('previous_hash', 'text')
          .addColumn('rotated_at', 'bigint', (c) => c.notNull())
          .addColumn('user_oid', 'text', (c) => c.notNull())
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('last_seen', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
          // The Graph token set (AES-256-GCM, base64url), or null when Graph was not consented.
          .addColumn('tokens', 'text')
          .execute();
        await db.schema.createIndex('auth_sessions_previous').on('auth_sessions').column('previous_hash').execute();
        await db.schema.createIndex('auth_sessions_expires').on('auth_sessions').column('expires_at').execute();
        await db.schema
          .createTable('auth_used_states')
          .addColumn('state_hash', 'text', (c) => c.primaryKey())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('runs').addColumn('created_by_user', 'text').execute();
        await db.schema.alterTable('runs').addColumn('created_by_tenant', 'text').execute();
        await db.schema.alterTable('runs').addColumn('created_by_role', 'text').execute();
      },
    },
  };
}

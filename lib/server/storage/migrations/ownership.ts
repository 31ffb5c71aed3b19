/**
 * Issue 18 "Data belongs to someone" for lists, channels and watches: the creator's role next to the creator columns
 * (an operator's data is shared with their tenant, a viewer's with no one: lib/server/auth/ownership.ts), and the
 * creator of a watch. Rows from before sign-in keep nulls: they belong to no one. Append-only like ../migrations.ts.
 */
import type { Kysely, Migration } from 'kysely';

export function ownershipMigrations(_dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0005_ownership': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('lists').addColumn('created_by_role', 'text').execute();
        await db.schema.alterTable('alert_channels').addColumn('created_by_role', 'text').execute();
        await db.schema.alterTable('watches').addColumn('created_by_user', 'text').execute();
        await db.schema.alterTable('watches').addColumn('created_by_tenant', 'text').execute();
        await db.schema.alterTable('watches').addColumn('created_by_role', 'text').execute();
      },
    },
  };
}

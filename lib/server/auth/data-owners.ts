/**
 * Who created a list, a channel or a watch (issue 18 "Data belongs to someone"): the `created_by_*` columns written
 * from the principal that creates the item, read back as an `Owner`, and the read/write checks of ./ownership.ts
 * applied to it. Like runs (./run-owners.ts), an item someone may not read answers 404, as if it did not exist;
 * one they may read but not change answers 403 `forbidden-role`. Acceptances, schedules, subscriptions and
 * deliveries belong to their list; a list's runs carry the list's owner (../lists/service.ts).
 */
import 'server-only';
import { HttpError } from '../http/errors';
import { canRead, canWrite, type Owner, ownerFor } from './ownership';
import type { Principal } from './principal';

export type OwnerColumns = {
  created_by_user: string | null;
  created_by_tenant: string | null;
  created_by_role: string | null;
};

/** The owner columns to store for an item `principal` creates (all null for open access and the shared token). */
export function ownerColumns(principal: Principal): OwnerColumns {
  const owner = ownerFor(principal);
  return { created_by_user: owner.userId, created_by_tenant: owner.tenantId, created_by_role: owner.role ?? null };
}

/** The owner columns of a stored owner (a list's, given to its runs). */
export function columnsOf(owner: Owner): OwnerColumns {
  return { created_by_user: owner.userId, created_by_tenant: owner.tenantId, created_by_role: owner.role ?? null };
}

/** The recorded owner of a row (missing columns and nulls: no one). */
export function ownerOfRow(row: Partial<OwnerColumns>): Owner {
  const role = row.created_by_role;
  return {
    userId: row.created_by_user ?? null,
    tenantId: row.created_by_tenant ?? null,
    role: role === 'operator' || role === 'viewer' ? role : null,
  };
}

/** Throws `notFound()` when `principal` may not read the item, 403 when `write` and they may not change it. */
export function requireAccess(
  principal: Principal,
  owner: Owner,
  mode: 'read' | 'write',
  notFound: () => HttpError,
): void {
  if (!canRead(principal, owner)) throw notFound();
  if (mode === 'write' && !canWrite(principal, owner)) {
    throw new HttpError('forbidden-role', 'Only its creator, or an operator of its tenant, can change this.');
  }
}

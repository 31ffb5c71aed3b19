/**
 * Who may read and change a piece of data (a run, a list, a channel, a schedule, an acceptance, a watch), from the
 * principal (./principal.ts) and the owner recorded with it (`created_by_user`, `created_by_tenant`, and for runs
 * `created_by_role`). The scope (docs/signin.md "Who sees what"):
 * - access control off (`open`): everyone reads and writes (a run id is a read capability; run cancel and re-check
 *   still ask for the owner token, ../runs/owner.ts);
 * - the shared token (`token`) is the deployment's operator key: it reads and writes everything;
 * - a signed-in user reads and writes what they created;
 * - an operator also reads and writes everything of their tenant, and what belongs to no one (created before
 *   sign-in was on);
 * - a viewer also reads (never writes) what an operator of the same tenant created: operators' data is shared per
 *   tenant, viewers' data is per user.
 * Pure: no I/O.
 */
import type { Principal, Role } from './principal';

/** The recorded creator of an item; all null when it was created before sign-in was on (or without it). */
export type Owner = {
  userId: string | null;
  tenantId: string | null;
  /** The creator's role when it was created; unknown (null) reads as viewer: shared with no one. */
  role?: Role | null;
};

/** The owner columns to store for an item `principal` creates now. */
export function ownerFor(principal: Principal): Owner {
  if (principal.kind !== 'user') return { userId: null, tenantId: null, role: null };
  return { userId: principal.userId, tenantId: principal.tenantId, role: principal.role };
}

const isCreator = (principal: Extract<Principal, { kind: 'user' }>, owner: Owner) =>
  owner.userId !== null && owner.userId === principal.userId && owner.tenantId === principal.tenantId;

/** True when `principal` may read the item `owner` created. */
export function canRead(principal: Principal, owner: Owner): boolean {
  if (principal.kind !== 'user') return true;
  if (isCreator(principal, owner)) return true;
  if (owner.tenantId === null) return principal.role === 'operator';
  if (owner.tenantId !== principal.tenantId) return false;
  return principal.role === 'operator' || owner.role === 'operator';
}

/** True when `principal` may change or delete the item `owner` created. */
export function canWrite(principal: Principal, owner: Owner): boolean {
  if (principal.kind !== 'user') return true;
  if (isCreator(principal, owner)) return true;
  if (principal.role !== 'operator') return false;
  return owner.tenantId === null || owner.tenantId === principal.tenantId;
}

/**
 * Who created each run (issue 18 "Data belongs to someone"): the `created_by_*` columns of `runs`, written when a
 * signed-in user starts a run, and the read/write checks of ./ownership.ts applied to a run. With Entra sign-in off
 * nothing changes: a run id is a read capability, and cancel/re-check need the owner token (../runs/owner.ts).
 * A run someone may not read answers 404 `run-not-found`, like a run that doesn't exist: its id tells nothing.
 */
import 'server-only';
import type { ServerConfig } from '../env';
import { HttpError } from '../http/errors';
import { requireRunOwner } from '../runs/owner';
import type { RunRecord } from '../runs/store';
import { getStorage } from '../storage/db';
import { canRead, canWrite, type Owner, ownerFor } from './ownership';
import type { Principal } from './principal';

/** Records `principal` as the creator of run `id` (nothing for the shared token or open access). */
export async function recordRunOwner(config: ServerConfig, id: string, principal: Principal): Promise<void> {
  if (principal.kind !== 'user') return;
  const owner = ownerFor(principal);
  await (await getStorage(config.storage)).db
    .updateTable('runs')
    .set({ created_by_user: owner.userId, created_by_tenant: owner.tenantId, created_by_role: owner.role ?? null })
    .where('id', '=', id)
    .execute();
}

/** The recorded creator of run `id` (all null: no one). */
export async function runOwnerOf(config: ServerConfig, id: string): Promise<Owner> {
  const row = await (await getStorage(config.storage)).db
    .selectFrom('runs')
    .select(['created_by_user', 'created_by_tenant', 'created_by_role'])
    .where('id', '=', id)
    .executeTakeFirst();
  const role = row?.created_by_role;
  return {
    userId: row?.created_by_user ?? null,
    tenantId: row?.created_by_tenant ?? null,
    role: role === 'operator' || role === 'viewer' ? role : null,
  };
}

const notFound = (id: string) => new HttpError('run-not-found', `There is no run ${id}. Check the link.`);

/** Throws 404 `run-not-found` when a signed-in user may not read the run (sign-in on); else nothing. */
export async function requireRunReadable(config: ServerConfig, run: Pick<RunRecord, 'id'>, principal: Principal) {
  if (config.entra === null || principal.kind !== 'user') return;
  if (!canRead(principal, await runOwnerOf(config, run.id))) throw notFound(run.id);
}

/**
 * Cancel and re-check: a signed-in user needs to be allowed to change the run (its creator, or an operator of its
 * tenant, or an operator for a run of no one); anyone else needs the owner token as before.
 */
export async function requireRunWritable(
  config: ServerConfig,
  run: Pick<RunRecord, 'id' | 'owner'>,
  principal: Principal,
  request: Request,
): Promise<void> {
  if (config.entra === null || principal.kind !== 'user') {
    requireRunOwner(run, request);
    return;
  }
  const owner = await runOwnerOf(config, run.id);
  if (!canRead(principal, owner)) throw notFound(run.id);
  if (!canWrite(principal, owner)) {
    throw new HttpError(
      'not-run-owner',
      'Only the user who started this run, or an operator of its tenant, can change it.',
    );
  }
}

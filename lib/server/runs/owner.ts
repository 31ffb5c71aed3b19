/**
 * Who may change a run. The run id is a read capability: whoever holds the result link may read the run. Changing
 * it (cancel, re-check) needs the owner token, a second secret handed out once, in the 201 answer that created
 * the run, and kept by the browser that started it. The store keeps only the token's SHA-256; a presented token
 * is hashed and compared in constant time. `isRunOwner` is the one place that decides (a signed-in owner will
 * qualify there too once sign-in exists).
 */
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RUN_OWNER_HEADER } from '@/lib/schema';
import { HttpError } from '../http/errors';
import type { RunRecord } from './store';

/** An owner token is 32 random bytes, base64url: 43 characters. */
const TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A fresh owner token and the hash the store keeps of it (hex). */
export function newOwnerToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token).toString('hex') };
}

/** What a request offers as proof that it started the run. */
export type OwnerProof = { token: string | null };

/** The proof a request carries: the owner token header, when present. */
export function ownerProof(request: Request): OwnerProof {
  return { token: request.headers.get(RUN_OWNER_HEADER) };
}

/** True when `proof` shows its sender started `run` (constant time in the token). */
export function isRunOwner(run: Pick<RunRecord, 'owner'>, proof: OwnerProof): boolean {
  const { token } = proof;
  if (token === null || !TOKEN_FORM.test(token)) return false;
  const stored = Buffer.from(run.owner.tokenHash, 'hex');
  const presented = sha256(token);
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

/** Throws 403 `not-run-owner` unless the request shows it started `run`. */
export function requireRunOwner(run: Pick<RunRecord, 'owner'>, request: Request): void {
  if (isRunOwner(run, ownerProof(request))) return;
  throw new HttpError(
    'not-run-owner',
    'Only the browser that started this run can cancel or re-check it. Anyone with the result link can read it. ' +
      'Scripts: send the ownerToken from the POST /api/runs answer in the X-Run-Owner header.',
  );
}

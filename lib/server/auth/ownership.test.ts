import { describe, expect, it } from 'vitest';
import { canRead, canWrite, type Owner } from './ownership';
import type { Principal } from './principal';

const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const B = 'bbbbbbbb-0000-4000-8000-00000000000b';
const user = (userId: string, tenantId: string, role: 'viewer' | 'operator'): Principal => ({
  kind: 'user',
  userId,
  tenantId,
  name: userId,
  role,
  sessionId: 's',
});
const owned = (userId: string | null, tenantId: string | null, role: Owner['role'] = null): Owner => ({
  userId,
  tenantId,
  role,
});

describe('who reads and writes what (docs/signin.md "Who sees what")', () => {
  it.each<[string, Principal, Owner, boolean, boolean]>([
    ['open access: everything (a run id is a read capability)', { kind: 'open' }, owned('u1', A, 'viewer'), true, true],
    ['the shared token: the operator key', { kind: 'token' }, owned('u1', A, 'viewer'), true, true],
    ['the creator', user('u1', A, 'viewer'), owned('u1', A, 'viewer'), true, true],
    [
      "a viewer reads an operator's item of their tenant",
      user('u2', A, 'viewer'),
      owned('u1', A, 'operator'),
      true,
      false,
    ],
    ["a viewer does not read another viewer's item", user('u2', A, 'viewer'), owned('u1', A, 'viewer'), false, false],
    [
      "an operator reads and changes a viewer's item of their tenant",
      user('u2', A, 'operator'),
      owned('u1', A, 'viewer'),
      true,
      true,
    ],
    ['an operator of another tenant: nothing', user('u2', B, 'operator'), owned('u1', A, 'operator'), false, false],
    ['a viewer of another tenant: nothing', user('u2', B, 'viewer'), owned('u1', A, 'operator'), false, false],
    [
      'the same oid in another tenant is someone else',
      user('u1', B, 'operator'),
      owned('u1', A, 'viewer'),
      false,
      false,
    ],
    ['no one (before sign-in): operators see and delete it', user('u2', A, 'operator'), owned(null, null), true, true],
    ['no one (before sign-in): viewers do not', user('u2', A, 'viewer'), owned(null, null), false, false],
    ['an unknown creator role is shared with no one', user('u2', A, 'viewer'), owned('u1', A, null), false, false],
  ])('%s', (_label, principal, owner, read, write) => {
    expect([canRead(principal, owner), canWrite(principal, owner)]).toEqual([read, write]);
  });
});

/**
 * Step two of the msoid diagnosis: what an observation means in one cloud. Returns a draft
 * (status, severity, message refs, fixes); `msoid.ts` adds the fields every finding shares. Pure.
 */

import { diffText, nearMiss } from '@/lib/findings/typo';
import type { Cloud, Fix, MessageRef, MsoidStatus, Severity, Typo } from '@/lib/schema';
import {
  type FailureStage,
  type LookupFailure,
  MSOID_LEGACY_WORLDWIDE,
  MSOID_TARGET_21V,
  type MsoidObservation,
  presentRecord,
} from './observe';

/** TTL we recommend for the msoid CNAME: Microsoft's pages give 1 hour (docs/m365-dns-facts.md §ttl). */
export const MSOID_TTL = 3600;
/** Host label of the record, relative to the checked domain. */
export const MSOID_HOST = 'msoid';

export type JudgeContext = { /** `msoid.<domain>` */ name: string; domain: string };

export type MsoidDraft = {
  status: MsoidStatus;
  /** Code qualifier: the finding code is `msoid.<status>.<qualifier>` (or `msoid.<status>` when empty). */
  qualifier: string;
  severity: Severity;
  verdict: MessageRef;
  impact: MessageRef;
  action: MessageRef;
  notes: MessageRef[];
  fixes: Fix[];
  typo?: Typo;
  failure?: LookupFailure;
};

function ref(code: string, params: Record<string, string | number> = {}): MessageRef {
  return { code, params };
}

/** What DNS holds at msoid, in presentation form. */
export function foundOf(obs: MsoidObservation): string[] {
  switch (obs.kind) {
    case 'cname':
      return obs.chain.slice(0, 1);
    case 'own-data':
      return obs.records.map(presentRecord);
    case 'absent':
      return obs.wildcardRecords.map(presentRecord);
    case 'failed':
      return [];
  }
}

function addFix(ctx: JudgeContext): Fix {
  return { op: 'add', name: ctx.name, host: MSOID_HOST, type: 'CNAME', value: MSOID_TARGET_21V, ttl: MSOID_TTL };
}

/** Params of an action that names the record to create: host, full name, type, value, TTL. */
function recordParams(ctx: JudgeContext): Record<string, string | number> {
  return { host: MSOID_HOST, name: ctx.name, type: 'CNAME', value: MSOID_TARGET_21V, ttl: MSOID_TTL };
}

/** A draft for a lookup that did not complete. Never worded as absent: it says what failed and how. */
export function lookupFailedDraft(failure: LookupFailure, stage: FailureStage | 'apex', ctx: JudgeContext): MsoidDraft {
  return {
    status: 'lookup-failed',
    qualifier: stage,
    severity: 'unchecked',
    verdict: ref(`msoid.verdict.lookup-failed.${failure.outcome}`, {
      record: ctx.name,
      name: failure.name,
      type: failure.type,
    }),
    impact: ref('msoid.impact.lookup-failed'),
    action: ref('msoid.action.recheck'),
    notes: [],
    fixes: [],
    failure,
  };
}

/** Notes that follow from the observation alone (wildcards, partial data). */
export function observationNotes(obs: MsoidObservation, ctx: JudgeContext): MessageRef[] {
  if (obs.kind === 'failed') return [];
  const notes: MessageRef[] = [];
  const found = foundOf(obs).join(', ');
  if (obs.kind === 'cname' && obs.wildcard) {
    notes.push(ref('msoid.note.wildcard-cname', { name: ctx.name, wildcardName: obs.wildcardName, found }));
  }
  if (obs.kind === 'absent' && obs.wildcardRecords.length > 0) {
    notes.push(ref('msoid.note.wildcard-a', { name: ctx.name, wildcardName: obs.wildcardName, found }));
  }
  if (obs.probeFailed) notes.push(ref('msoid.note.wildcard-probe-failed', { name: ctx.name }));
  if (obs.kind === 'own-data' && obs.partial) notes.push(ref('msoid.note.partial-own-data', { name: ctx.name }));
  return notes;
}

/** The near-miss reading of a CNAME that does not reach the 21Vianet target, with its note. */
export function typoOf(obs: MsoidObservation): { typo: Typo; note: MessageRef } | undefined {
  if (obs.kind !== 'cname' || obs.targetHop >= 0 || obs.legacyHop >= 0) return undefined;
  const [first] = obs.chain;
  const typo = first === undefined ? undefined : nearMiss(first, MSOID_TARGET_21V);
  if (!typo) return undefined;
  const found = typo.found.split('.');
  const expected = typo.expected.split('.');
  const params: Record<string, string | number> = {
    found: typo.found,
    expected: typo.expected,
    distance: typo.distance,
    diff: diffText(typo.diff),
    foundEnding: `.${found[found.length - 1] ?? ''}`,
    expectedEnding: `.${expected[expected.length - 1] ?? ''}`,
    label: expected.find((l) => !found.includes(l)) ?? '',
  };
  return { typo, note: ref(`msoid.note.typo.${typo.kind}`, params) };
}

const CHAIN_END_QUALIFIER = { loop: 'loop', 'too-long': 'too-long', nxdomain: 'dead-end' } as const;

function chainEndQualifier(obs: Extract<MsoidObservation, { kind: 'cname' }>): string | undefined {
  return obs.chainEnd in CHAIN_END_QUALIFIER
    ? CHAIN_END_QUALIFIER[obs.chainEnd as keyof typeof CHAIN_END_QUALIFIER]
    : undefined;
}

/** 21Vianet: msoid must be a CNAME whose chain reaches the 21Vianet target. */
export function judge21Vianet(obs: MsoidObservation, ctx: JudgeContext): MsoidDraft {
  if (obs.kind === 'failed') return lookupFailedDraft(obs.failure, obs.stage, ctx);
  const notes = observationNotes(obs, ctx);
  const found = foundOf(obs).join(', ');
  const p = { name: ctx.name, domain: ctx.domain, found };

  if (obs.kind === 'absent') {
    const q = obs.wildcardRecords.length > 0 ? 'wildcard-a' : 'absent';
    return {
      status: 'missing',
      qualifier: q,
      severity: 'warning',
      verdict: ref(`msoid.verdict.missing.${q}`, p),
      impact: ref('msoid.impact.missing'),
      action: ref('msoid.action.add', recordParams(ctx)),
      notes,
      fixes: [addFix(ctx)],
    };
  }

  if (obs.kind === 'own-data') {
    // A CNAME cannot share its name with other data: delete first, then add.
    const deletes: Fix[] = obs.records.map((r) => ({
      op: 'delete',
      name: ctx.name,
      host: MSOID_HOST,
      type: r.type,
      value: r.data,
      ttl: r.ttl,
    }));
    return {
      status: 'not-cname',
      qualifier: 'own-data',
      severity: 'critical',
      verdict: ref('msoid.verdict.not-cname.own-data', p),
      impact: ref('msoid.impact.not-cname'),
      action: ref('msoid.action.replace-own-data', { ...recordParams(ctx), found }),
      notes,
      fixes: [...deletes, addFix(ctx)],
    };
  }

  if (obs.targetHop >= 0) {
    const q = obs.wildcard ? 'wildcard' : obs.targetHop === 0 ? 'direct' : 'via-chain';
    if (obs.wildcard) notes.push(ref('msoid.note.wildcard-explicit-recommended', recordParams(ctx)));
    if (obs.targetHop > 0) {
      notes.push(ref('msoid.note.via-chain', { name: ctx.name, value: MSOID_TARGET_21V, hops: obs.targetHop + 1 }));
    }
    return {
      status: 'ok',
      qualifier: q,
      severity: 'ok',
      verdict: ref(`msoid.verdict.ok.${q}`, { ...p, hops: obs.targetHop + 1 }),
      impact: ref('msoid.impact.ok.21vianet'),
      action: ref('msoid.action.none'),
      notes,
      fixes: [],
    };
  }

  const near = typoOf(obs);
  if (near) notes.push(near.note);
  // The chain broke before reaching the target: a later hop might still lead there.
  if (obs.failure) {
    const failed = lookupFailedDraft(obs.failure, 'chain', ctx);
    return { ...failed, notes: [...notes, ...failed.notes], ...(near ? { typo: near.typo } : {}) };
  }

  const [first = ''] = obs.chain;
  const zoneAppended = first === `${MSOID_TARGET_21V}.${ctx.domain}`;
  const endQ = chainEndQualifier(obs);
  const q = near
    ? 'typo'
    : obs.legacyHop >= 0
      ? 'legacy-worldwide-target'
      : zoneAppended
        ? 'zone-appended'
        : (endQ ?? 'other-target');
  if (zoneAppended) notes.push(ref('msoid.note.zone-appended', { value: MSOID_TARGET_21V, domain: ctx.domain }));
  if (endQ && endQ !== q)
    notes.push(ref(`msoid.note.chain-end.${endQ}`, { last: obs.chain[obs.chain.length - 1] ?? '' }));
  return {
    status: 'wrong-target',
    qualifier: q,
    severity: 'critical',
    verdict: ref(`msoid.verdict.wrong-target.${q}`, { ...p, legacy: MSOID_LEGACY_WORLDWIDE }),
    impact: ref('msoid.impact.wrong-target'),
    // A wildcard CNAME has no msoid record to change: an explicit record overrides the wildcard.
    action: ref(obs.wildcard ? 'msoid.action.add-over-wildcard' : 'msoid.action.change', {
      ...recordParams(ctx),
      wildcardName: obs.wildcardName,
    }),
    notes,
    fixes: [obs.wildcard ? addFix(ctx) : { ...addFix(ctx), op: 'change' }],
    ...(near ? { typo: near.typo } : {}),
  };
}

/**
 * Worldwide, GCC, GCC High, DoD: msoid must not exist. Any record is `must-remove`; how bad depends on the cloud,
 * the record type and the target (docs/m365-dns-facts.md §msoid-outside-21vianet, §msoid-gov): critical for the
 * 21Vianet target (activation fails with "isn't in our system") and for any CNAME in GCC High/DoD (their pages say
 * it must be removed); a warning for the obsolete worldwide target, other targets, and non-CNAME data.
 */
export function judgeOtherCloud(
  obs: MsoidObservation,
  cloud: Exclude<Cloud, '21vianet'>,
  ctx: JudgeContext,
): MsoidDraft {
  if (obs.kind === 'failed') return lookupFailedDraft(obs.failure, obs.stage, ctx);
  const notes = observationNotes(obs, ctx);
  const found = foundOf(obs).join(', ');
  const p = { name: ctx.name, domain: ctx.domain, found };
  const gov = cloud === 'gcchigh' || cloud === 'dod';

  if (obs.kind === 'absent') {
    const q = obs.wildcardRecords.length > 0 ? 'wildcard-a' : 'absent';
    return {
      status: 'ok',
      qualifier: q,
      severity: 'ok',
      verdict: ref(`msoid.verdict.ok.${q}`, p),
      impact: ref('msoid.impact.ok.absent'),
      action: ref('msoid.action.none'),
      notes,
      fixes: [],
    };
  }

  const q =
    obs.kind === 'own-data'
      ? 'own-data'
      : obs.targetHop >= 0
        ? '21vianet-target'
        : obs.legacyHop >= 0
          ? 'legacy-worldwide-target'
          : 'other-target';
  const impact =
    q === '21vianet-target'
      ? q
      : gov
        ? q === 'own-data'
          ? 'gov-own-data'
          : 'gov'
        : q === 'legacy-worldwide-target'
          ? 'legacy-worldwide-target'
          : 'unneeded';
  const severity: Severity = q === '21vianet-target' || (gov && q !== 'own-data') ? 'critical' : 'warning';
  const common = {
    status: 'must-remove' as const,
    qualifier: q,
    severity,
    impact: ref(`msoid.impact.must-remove.${impact}`),
  };

  if (obs.kind === 'own-data') {
    return {
      ...common,
      verdict: ref('msoid.verdict.must-remove.own-data', p),
      action: ref('msoid.action.delete-own-data', { host: MSOID_HOST, name: ctx.name, found }),
      notes,
      fixes: obs.records.map((r) => ({
        op: 'delete',
        name: ctx.name,
        host: MSOID_HOST,
        type: r.type,
        value: r.data,
        ttl: r.ttl,
      })),
    };
  }

  const [first = ''] = obs.chain;
  if (obs.failure && q === 'other-target') {
    notes.push(ref('msoid.note.chain-incomplete', { failedAt: obs.failure.name }));
  }
  // A wildcard-synthesised CNAME: there is no msoid record to delete; the wildcard is the record.
  const fix: Fix = obs.wildcard
    ? { op: 'delete', name: obs.wildcardName, host: '*', type: 'CNAME', value: first, ttl: obs.ttl }
    : { op: 'delete', name: ctx.name, host: MSOID_HOST, type: 'CNAME', value: first, ttl: obs.ttl };
  return {
    ...common,
    verdict: ref(`msoid.verdict.must-remove.${q}`, { ...p, legacy: MSOID_LEGACY_WORLDWIDE }),
    action: ref(obs.wildcard ? 'msoid.action.delete-wildcard' : 'msoid.action.delete', {
      host: MSOID_HOST,
      name: ctx.name,
      type: 'CNAME',
      value: first,
      wildcardName: obs.wildcardName,
    }),
    notes,
    fixes: [fix],
  };
}

/** The draft for one concrete cloud. */
export function judgeIn(obs: MsoidObservation, cloud: Cloud, ctx: JudgeContext): MsoidDraft {
  return cloud === '21vianet' ? judge21Vianet(obs, ctx) : judgeOtherCloud(obs, cloud, ctx);
}

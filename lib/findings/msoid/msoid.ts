/**
 * The msoid diagnosis: one finding for `msoid.<domain>`, from a snapshot and the cloud report.
 * Pure and synchronous; its text is rendered later, in the reader's language (lib/report/render.ts).
 */

import { normalizeName } from '@/lib/lookups/dns-names';
import type { Snapshot } from '@/lib/lookups/snapshot';
import {
  CLOUDS,
  type Cloud,
  type CloudReport,
  type EffectiveCloud,
  isAnswered,
  type Lookup,
  lookupId,
  type MsoidFinding,
  type MsoidStatus,
  type Outcome,
  type Requirement,
} from '@/lib/schema';
import {
  foundOf,
  type JudgeContext,
  judgeIn,
  lookupFailedDraft,
  type MsoidDraft,
  observationNotes,
  typoOf,
} from './judge';
import { failureOf, MSOID_TARGET_21V, type MsoidObservation, observeMsoid } from './observe';

export { MSOID_LEGACY_WORLDWIDE, MSOID_TARGET_21V } from './observe';

export const MSOID_REFERENCES = {
  '21vianet':
    'https://learn.microsoft.com/en-us/microsoft-365/admin/services-in-china/purpose-of-cname?view=o365-21vianet',
  external: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/external-domain-name-system-records',
  gcchigh: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high',
  dod: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-dod',
} as const;

const REFERENCE: Readonly<Record<EffectiveCloud, string>> = {
  '21vianet': MSOID_REFERENCES['21vianet'],
  worldwide: MSOID_REFERENCES.external,
  gcc: MSOID_REFERENCES.external,
  gcchigh: MSOID_REFERENCES.gcchigh,
  dod: MSOID_REFERENCES.dod,
  unknown: MSOID_REFERENCES.external,
};

const REQUIREMENT: Readonly<Record<EffectiveCloud, Requirement>> = {
  '21vianet': 'required',
  worldwide: 'must-not-exist',
  gcc: 'must-not-exist',
  gcchigh: 'must-not-exist',
  dod: 'must-not-exist',
  unknown: 'depends-on-cloud',
};

const OUTCOME: Readonly<Record<MsoidStatus, Outcome>> = {
  ok: 'ok',
  missing: 'problem',
  'wrong-target': 'problem',
  'not-cname': 'problem',
  'must-remove': 'problem',
  'lookup-failed': 'could-not-check',
  'domain-not-found': 'not-applicable',
  'cloud-unknown': 'needs-input',
};

/** Every lookup that can feed the finding; the cloud evidence only when the cloud was inferred. */
export function msoidLookups(snapshot: Snapshot, cloud: CloudReport): Lookup[] {
  const { msoid, wildcard } = snapshot;
  const all: (Lookup | undefined)[] = [snapshot.apex, msoid.cname, msoid.a, msoid.aaaa, msoid.txt];
  if (wildcard) all.push(wildcard.cname, wildcard.a);
  if (cloud.selected === 'auto') all.push(snapshot.mx, snapshot.autodiscover, snapshot.txt);
  return all.filter((l): l is Lookup => l !== undefined);
}

function domainNotFoundDraft(ctx: JudgeContext): MsoidDraft {
  const p = { name: ctx.name, domain: ctx.domain };
  return {
    status: 'domain-not-found',
    qualifier: '',
    severity: 'warning',
    verdict: { code: 'msoid.verdict.domain-not-found', params: p },
    impact: { code: 'msoid.impact.domain-not-found', params: p },
    action: { code: 'msoid.action.domain-not-found', params: p },
    notes: [],
    fixes: [],
  };
}

function cloudUnknownDraft(obs: MsoidObservation, ctx: JudgeContext): MsoidDraft {
  const q =
    obs.kind === 'absent'
      ? 'absent'
      : obs.kind === 'own-data'
        ? 'own-data'
        : obs.kind === 'cname' && obs.targetHop >= 0
          ? '21vianet-target'
          : obs.kind === 'cname' && obs.legacyHop >= 0
            ? 'legacy-worldwide-target'
            : 'other-target';
  const near = typoOf(obs);
  const notes = observationNotes(obs, ctx);
  if (near) notes.push(near.note);
  const p = { name: ctx.name, domain: ctx.domain, found: foundOf(obs).join(', ') };
  return {
    status: 'cloud-unknown',
    qualifier: q,
    severity: 'notice',
    verdict: { code: `msoid.verdict.cloud-unknown.${q}`, params: p },
    impact: { code: `msoid.impact.cloud-unknown.${q}`, params: p },
    action: { code: 'msoid.action.choose-cloud', params: {} },
    notes,
    fixes: [],
    ...(near ? { typo: near.typo } : {}),
  };
}

/**
 * Diagnoses `msoid.<domain>`. Status rules, in this order:
 * 1. apex SOA lookup failed → `lookup-failed`; 2. apex NXDOMAIN → `domain-not-found`;
 * 3. cloud unknown → `cloud-unknown` with `perCloud`, except that a failed msoid lookup wins:
 *    when any cloud's verdict would be `lookup-failed`, the status is `lookup-failed` (with
 *    `perCloud` still filled). Re-checking is the more actionable step, and a `cloud-unknown`
 *    whose per-cloud answers are themselves unknown tells the user nothing they can act on.
 * 4. otherwise the verdict for the effective cloud (see `msoid-judge.ts`).
 * A failed lookup is never `missing`.
 */
export function diagnoseMsoid(snapshot: Snapshot, cloud: CloudReport): MsoidFinding {
  const domain = normalizeName(snapshot.domain);
  const ctx: JudgeContext = { name: `msoid.${domain}`, domain };
  const effective = cloud.effective;

  let draft: MsoidDraft;
  let obs: MsoidObservation | undefined;
  let perCloud: Record<Cloud, MsoidStatus> | undefined;
  if (!isAnswered(snapshot.apex.outcome)) {
    draft = lookupFailedDraft(failureOf(snapshot.apex), 'apex', ctx);
  } else if (snapshot.apex.outcome === 'nxdomain') {
    draft = domainNotFoundDraft(ctx);
  } else {
    obs = observeMsoid(snapshot);
    if (effective === 'unknown') {
      const drafts = CLOUDS.map((c) => judgeIn(obs as MsoidObservation, c, ctx));
      perCloud = Object.fromEntries(CLOUDS.map((c, i) => [c, drafts[i]?.status ?? 'lookup-failed'])) as Record<
        Cloud,
        MsoidStatus
      >;
      const failed = drafts.find((d) => d.status === 'lookup-failed');
      draft = failed
        ? { ...failed, notes: [...failed.notes, { code: 'msoid.note.recheck-then-choose-cloud', params: {} }] }
        : cloudUnknownDraft(obs, ctx);
    } else {
      draft = judgeIn(obs, effective, ctx);
    }
  }

  return {
    code: draft.qualifier ? `msoid.${draft.status}.${draft.qualifier}` : `msoid.${draft.status}`,
    name: ctx.name,
    type: 'CNAME',
    status: draft.status,
    requirement: REQUIREMENT[effective],
    outcome: OUTCOME[draft.status],
    severity: draft.severity,
    expected: effective === '21vianet' ? MSOID_TARGET_21V : null,
    found: obs ? foundOf(obs) : [],
    chain: obs?.kind === 'cname' ? obs.chain : [],
    wildcard: obs?.kind === 'cname' ? obs.wildcard : obs?.kind === 'absent' && obs.wildcardRecords.length > 0,
    ...(draft.typo ? { typo: draft.typo } : {}),
    ...(draft.failure ? { failure: draft.failure } : {}),
    ...(perCloud ? { perCloud } : {}),
    messages: { verdict: draft.verdict, impact: draft.impact, action: draft.action, notes: draft.notes },
    fixes: draft.fixes,
    reference: REFERENCE[effective],
    lookups: msoidLookups(snapshot, cloud).map(lookupId),
  };
}

/**
 * Shared pieces of every record judge: the context, the draft a judge returns, the drafts every record
 * can end in (lookup failed, cloud unknown, service not used, CNAME conflict, Cloudflare proxy), and
 * `finish`, which turns a draft into a `RecordFinding`. Pure.
 */

import { RECORD_TTL, type RecordSpec, specsByFamily } from '@/lib/findings/catalogue';
import {
  type CloudFamily,
  type EffectiveCloud,
  type Fix,
  type FixOp,
  type Lookup,
  lookupId,
  type MessageRef,
  type Outcome,
  type RecordFinding,
  type RecordId,
  type RecordStatus,
  type RecordType,
  type Requirement,
  type ServiceFlag,
  type Severity,
  type SpfDetails,
  type TenantValues,
  type Typo,
} from '@/lib/schema';
import type { LookupFailure, OwnRecord } from './observe';
import { presentRecord } from './observe';

export type Ctx = {
  /** ASCII domain, normalised. */
  domain: string;
  /** Its registrable (organisational) domain, normalised; the domain itself when it is registrable. */
  registrable: string;
  cloud: EffectiveCloud;
  /** null when the cloud is unknown. */
  family: CloudFamily | null;
  services: Readonly<Record<ServiceFlag, boolean>>;
  cloudflare: boolean;
  /** The lookup under a plan key; a key the shell did not run reads as `skipped`. */
  lookup(key: string): Lookup;
  /** True when the shell ran the lookup under `key`. */
  has(key: string): boolean;
  spf: ReadonlyMap<string, Lookup>;
  /** Every lookup a finding rests on, by id: findings list ids, the report keeps each lookup once. */
  seen: Map<string, Lookup>;
  /** The tenant's exact values from Microsoft Graph (state `found` only; issue 18 item 4); absent: not asked. */
  tenant?: TenantValues | null;
};

/** Records `lookups` in `ctx.seen` (the first lookup of a question stays) and returns their ids (what a finding lists). */
export function lookupIds(ctx: Pick<Ctx, 'seen'>, lookups: readonly Lookup[]): string[] {
  return lookups.map((l) => {
    const id = lookupId(l);
    if (!ctx.seen.has(id)) ctx.seen.set(id, l);
    return id;
  });
}

export type Draft = {
  status: RecordStatus;
  /** Code qualifier: the finding code is `records.<id>.<status>.<qualifier>`. */
  qualifier: string;
  severity: Severity;
  /** Defaults from the status (`STATUS_OUTCOME`). */
  outcome?: Outcome;
  /** Defaults from the spec and the services. */
  requirement?: Requirement;
  found?: string[];
  chain?: string[];
  typo?: Typo;
  spf?: SpfDetails;
  verdict: MessageRef;
  impact: MessageRef;
  action: MessageRef;
  notes?: MessageRef[];
  fixes?: Fix[];
};

/** The outcome each status has unless the judge says otherwise (`not-applicable` may be `needs-input`). */
export const STATUS_OUTCOME: Readonly<Record<RecordStatus, Outcome>> = {
  ok: 'ok',
  'optional-absent': 'ok',
  missing: 'problem',
  'wrong-value': 'problem',
  'must-remove': 'problem',
  conflict: 'problem',
  proxied: 'problem',
  deprecated: 'problem',
  'too-many': 'problem',
  'lookup-failed': 'could-not-check',
  'not-applicable': 'not-applicable',
  inconsistent: 'problem',
};

export function ref(code: string, params: Record<string, string | number> = {}): MessageRef {
  return { code, params };
}

/** Fully qualified name of a host label (`@` = the domain itself). */
export function nameAt(domain: string, host: string): string {
  return host === '@' ? domain : `${host}.${domain}`;
}

/** Expectations whose judgement needs no cloud (the rest are `depends-on-cloud` while the cloud is unknown). */
const CLOUD_FREE: ReadonlySet<RecordSpec['expected']['kind']> = new Set([
  'verification',
  'dmarc',
  'informational',
  'spf',
]);

/** True when judging the record needs to know the cloud. */
export function needsCloud(spec: RecordSpec): boolean {
  return !CLOUD_FREE.has(spec.expected.kind);
}

/** True when the service the record belongs to is in use (records without a gate always are). */
export function serviceOn(spec: RecordSpec, ctx: Ctx): boolean {
  return spec.gate === null || ctx.services[spec.gate];
}

/** What the cloud and the services ask of the record. */
export function requirementOf(spec: RecordSpec, ctx: Ctx): Requirement {
  if (ctx.family === null && needsCloud(spec)) return 'depends-on-cloud';
  return serviceOn(spec, ctx) ? spec.requirement.on : spec.requirement.off;
}

/** How bad a problem with a record is, from what the record is: required → critical, else warning. */
export function problemSeverity(requirement: Requirement): Severity {
  return requirement === 'required' ? 'critical' : 'warning';
}

/** A fix for the record's own name. `value` is the new value (add/change) or the value found (delete). */
export function fixFor(
  spec: RecordSpec,
  ctx: Ctx,
  op: FixOp,
  value: string,
  type: RecordType = spec.type,
  ttl = RECORD_TTL,
): Fix {
  return { op, name: nameAt(ctx.domain, spec.host), host: spec.host, type, value, ttl };
}

/** Delete fixes for data a name holds itself. */
export function deleteOwn(spec: RecordSpec, ctx: Ctx, records: readonly OwnRecord[]): Fix[] {
  return records.map((r) => fixFor(spec, ctx, 'delete', r.data, r.type, r.ttl));
}

/** Params naming a record and the value it should have, for add/change actions. */
export function recordParams(spec: RecordSpec, ctx: Ctx, value: string): Record<string, string | number> {
  return { name: nameAt(ctx.domain, spec.host), host: spec.host, type: spec.type, value, ttl: RECORD_TTL };
}

export function lookupFailedDraft(spec: RecordSpec, ctx: Ctx, failure: LookupFailure, found: string[] = []): Draft {
  return {
    status: 'lookup-failed',
    qualifier: failure.outcome,
    severity: 'unchecked',
    found,
    verdict: ref(`records.common.verdict.lookup-failed.${failure.outcome}`, {
      record: nameAt(ctx.domain, spec.host),
      name: failure.name,
      type: failure.type,
    }),
    impact: ref('records.common.impact.lookup-failed'),
    action: ref('records.action.recheck'),
  };
}

/** Notes naming the clouds whose value for this record matches what was found. */
export function cloudMatchNotes(id: RecordId, matches: (spec: RecordSpec) => boolean): MessageRef[] {
  const families = specsByFamily(id)
    .filter(([, spec]) => matches(spec))
    .map(([f]) => f);
  return families.map((f) => ref(`records.note.matches-cloud.${f}`));
}

/** Where to copy tenant-specific values (MX, DKIM, MS=ms…) from, per cloud family. */
export function copyFromNote(ctx: Ctx, id?: RecordId): MessageRef {
  // The tenant's exact value is in the fix already: nothing to copy from the admin center.
  if (id !== undefined && ctx.tenant?.expected[id] !== undefined) return ref('graph.note.exact-from-tenant');
  return ref(`records.note.copy-from.${ctx.family ?? 'unknown'}`, { domain: ctx.domain });
}

/** Cloud unknown: the value cannot be judged; say what was found and ask for the cloud. */
export function cloudUnknownDraft(spec: RecordSpec, ctx: Ctx, found: string[], notes: MessageRef[] = []): Draft {
  const present = found.length > 0;
  return {
    status: 'not-applicable',
    qualifier: 'cloud-unknown',
    severity: 'notice',
    outcome: 'needs-input',
    found,
    verdict: ref(`records.common.verdict.cloud-unknown.${present ? 'present' : 'absent'}`, {
      name: nameAt(ctx.domain, spec.host),
      type: spec.type,
      found: found.join(', '),
    }),
    impact: ref('records.common.impact.cloud-unknown'),
    action: ref('records.action.choose-cloud'),
    notes,
  };
}

/** The record's service is not in use and the record is absent: nothing to judge. */
export function serviceOffDraft(spec: RecordSpec, ctx: Ctx): Draft {
  const gate = spec.gate ?? 'mail';
  return {
    status: 'not-applicable',
    qualifier: 'service-off',
    severity: 'ok',
    verdict: ref(`records.common.verdict.service-off.${gate}`, {
      name: nameAt(ctx.domain, spec.host),
      type: spec.type,
    }),
    impact: ref(`records.common.impact.service-off.${gate}`),
    action: ref(`records.action.service-off.${gate}`),
  };
}

/** A CNAME with other data beside it at the same name. */
export function conflictDraft(
  spec: RecordSpec,
  ctx: Ctx,
  requirement: Requirement,
  target: string,
  beside: readonly OwnRecord[],
  chain: string[],
): Draft {
  const found = beside.map(presentRecord).join(', ');
  const name = nameAt(ctx.domain, spec.host);
  return {
    status: 'conflict',
    qualifier: 'beside-cname',
    severity: problemSeverity(requirement),
    found: [target, ...beside.map(presentRecord)],
    chain,
    verdict: ref('records.common.verdict.conflict', { name, target, found }),
    impact: ref('records.common.impact.conflict'),
    action: ref('records.action.remove-beside', { name, host: spec.host, found }),
    fixes: deleteOwn(spec, ctx, beside),
  };
}

/** Cloudflare's proxy answers with its own addresses where a CNAME should be. */
export function proxiedDraft(
  spec: RecordSpec,
  ctx: Ctx,
  requirement: Requirement,
  records: readonly OwnRecord[],
  expected: string | null,
): Draft {
  const name = nameAt(ctx.domain, spec.host);
  const found = records.map(presentRecord);
  return {
    status: 'proxied',
    qualifier: 'cloudflare',
    severity: problemSeverity(requirement),
    found,
    verdict: ref('records.common.verdict.proxied', { name, found: found.join(', ') }),
    impact: ref('records.common.impact.proxied'),
    action: ref(expected ? 'records.action.unproxy' : 'records.action.unproxy-unknown', {
      name,
      host: spec.host,
      value: expected ?? '',
    }),
  };
}

/** The domain itself does not exist: no record can be judged. */
export function domainNotFoundDraft(spec: RecordSpec, ctx: Ctx): Draft {
  return {
    status: 'not-applicable',
    qualifier: 'domain-not-found',
    severity: 'warning',
    verdict: ref('records.common.verdict.domain-not-found', {
      name: nameAt(ctx.domain, spec.host),
      domain: ctx.domain,
    }),
    impact: ref('records.common.impact.domain-not-found'),
    action: ref('records.action.domain-not-found', { domain: ctx.domain }),
  };
}

/** Turns a draft into a finding: code, requirement, outcome, name and the shared fields. */
export function finish(
  spec: RecordSpec,
  ctx: Ctx,
  draft: Draft,
  lookups: readonly Lookup[],
  expected: string | null,
): RecordFinding {
  return {
    id: spec.id,
    code: `records.${spec.id}.${draft.status}.${draft.qualifier}`,
    service: spec.service,
    name: nameAt(ctx.domain, spec.host),
    host: spec.host,
    type: spec.type,
    requirement: draft.requirement ?? requirementOf(spec, ctx),
    status: draft.status,
    severity: draft.severity,
    outcome: draft.outcome ?? STATUS_OUTCOME[draft.status],
    found: draft.found ?? [],
    expected,
    chain: draft.chain ?? [],
    ...(draft.typo ? { typo: draft.typo } : {}),
    ...(draft.spf ? { spf: draft.spf } : {}),
    messages: { verdict: draft.verdict, impact: draft.impact, action: draft.action, notes: draft.notes ?? [] },
    fixes: draft.fixes ?? [],
    lookups: lookupIds(ctx, lookups),
    reference: spec.reference,
    // With the tenant's values at hand, each row says whether its expected value is the tenant's or the pattern.
    // (A tenant value the judge could not use, where the cloud documents no record, leaves the row's pattern.)
    ...(ctx.tenant
      ? { source: ctx.tenant.expected[spec.id] !== undefined && expected !== null ? 'tenant' : 'documented' }
      : {}),
  };
}

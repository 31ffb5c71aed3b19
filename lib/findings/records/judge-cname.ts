/**
 * CNAME records with one documented target per cloud: autodiscover, sip, lyncdiscover,
 * enterpriseregistration, enterpriseenrollment. Order of questions: lookup failed → conflict →
 * Cloudflare proxy → cloud unknown → absent → own data → where the chain leads. Pure.
 */

import { type RecordSpec, specOf } from '@/lib/findings/catalogue';
import { withTenantValue } from '@/lib/findings/expected';
import { diffText, nearMiss } from '@/lib/findings/typo';
import { sameName } from '@/lib/lookups/dns-names';
import type { MessageRef, RecordFinding, RecordId, Requirement, Typo } from '@/lib/schema';
import {
  type Ctx,
  cloudMatchNotes,
  cloudUnknownDraft,
  conflictDraft,
  type Draft,
  deleteOwn,
  finish,
  fixFor,
  lookupFailedDraft,
  nameAt,
  problemSeverity,
  proxiedDraft,
  recordParams,
  ref,
  requirementOf,
  serviceOffDraft,
  serviceOn,
} from './draft';
import { type CnameObservation, cnameFound, type OwnRecord, observeCname } from './observe';

/**
 * The questions every CNAME-shaped record shares, before its value is looked at: a failed lookup, data
 * beside the CNAME, a Cloudflare-proxied name. Returns undefined when none applies.
 */
export function preJudgeCname(
  spec: RecordSpec,
  ctx: Ctx,
  obs: CnameObservation,
  requirement: Requirement,
  expected: string | null,
): Draft | undefined {
  if (obs.kind === 'failed') return lookupFailedDraft(spec, ctx, obs.failure);
  if (obs.kind === 'cname' && obs.beside.length > 0) {
    return conflictDraft(spec, ctx, requirement, obs.chain[0] ?? '', obs.beside, obs.chain);
  }
  if (obs.kind === 'own' && ctx.cloudflare && obs.records.some((r) => r.type !== 'TXT')) {
    return proxiedDraft(spec, ctx, requirement, obs.records, expected);
  }
  return undefined;
}

/** The typo reading of a CNAME target, with its note. */
export function typoNote(found: string, expected: string): { typo: Typo; note: MessageRef } | undefined {
  const typo = nearMiss(found, expected);
  if (!typo) return undefined;
  return {
    typo,
    note: ref('records.note.typo', { found: typo.found, expected: typo.expected, diff: diffText(typo.diff) }),
  };
}

function addrOnly(records: readonly OwnRecord[]): boolean {
  return records.some((r) => r.type !== 'TXT');
}

/** Absent (or only TXT data at the name): missing, optional-absent or not used, by requirement and service. */
function absentDraft(
  spec: RecordSpec,
  ctx: Ctx,
  requirement: Requirement,
  target: string,
  txtOnly: readonly OwnRecord[],
  exists: boolean,
): Draft {
  const name = nameAt(ctx.domain, spec.host);
  const notes: MessageRef[] = [];
  if (txtOnly.length > 0) notes.push(ref('records.note.txt-blocks-cname', { name, host: spec.host }));
  else if (exists) notes.push(ref('records.note.name-exists-no-cname', { name }));
  if (!serviceOn(spec, ctx)) return { ...serviceOffDraft(spec, ctx), notes };
  if (requirement === 'optional') {
    if (spec.service === 'legacy-sfb') notes.push(ref('records.note.legacy-sfb'));
    return {
      status: 'optional-absent',
      qualifier: 'absent',
      severity: 'ok',
      verdict: ref(`records.${spec.id}.verdict.optional-absent.absent`, { name }),
      impact: ref(`records.${spec.id}.impact.optional-absent`),
      action: ref('records.action.none'),
      notes,
    };
  }
  return {
    status: 'missing',
    qualifier: 'absent',
    severity: problemSeverity(requirement),
    verdict: ref(`records.${spec.id}.verdict.missing.absent`, { name }),
    impact: ref(`records.${spec.id}.impact.missing`),
    action: ref(txtOnly.length > 0 ? 'records.action.replace-own' : 'records.action.add', {
      ...recordParams(spec, ctx, target),
      found: txtOnly.map((r) => `TXT "${r.data}"`).join(', '),
    }),
    notes,
    fixes: [...deleteOwn(spec, ctx, txtOnly), fixFor(spec, ctx, 'add', target)],
  };
}

/** The draft of a CNAME record whose expected value is a single target (`cname` or `undocumented`). */
export function judgeCnameObservation(spec: RecordSpec, ctx: Ctx, obs: CnameObservation): Draft {
  const requirement = requirementOf(spec, ctx);
  const exp = spec.expected;
  const target = ctx.family !== null && exp.kind === 'cname' ? exp.target : null;
  if (obs.kind === 'failed') return lookupFailedDraft(spec, ctx, obs.failure);
  const pre = preJudgeCname(spec, ctx, obs, requirement, target);
  if (pre) return pre;

  const name = nameAt(ctx.domain, spec.host);
  const found = cnameFound(obs);
  const chain = obs.kind === 'cname' ? obs.chain : [];
  const inChain = (t: string) => chain.some((hop) => sameName(hop, t));

  if (ctx.family === null) {
    const notes = cloudMatchNotes(spec.id, (s) => s.expected.kind === 'cname' && inChain(s.expected.target));
    return { ...cloudUnknownDraft(spec, ctx, found, notes), chain };
  }

  if (exp.kind !== 'cname') {
    // Microsoft documents no value for this record in this cloud: report what is there, judge nothing.
    if (obs.kind === 'absent') return absentDraft(spec, ctx, 'optional', '', [], obs.exists);
    return {
      status: 'ok',
      qualifier: 'undocumented',
      severity: 'notice',
      found,
      chain,
      verdict: ref(`records.${spec.id}.verdict.ok.undocumented`, { name, found: found.join(', ') }),
      impact: ref(`records.${spec.id}.impact.ok`),
      action: ref('records.action.none'),
      notes: [ref('records.note.undocumented')],
    };
  }
  const expected = exp.target;

  if (obs.kind === 'absent') return absentDraft(spec, ctx, requirement, expected, [], obs.exists);
  if (obs.kind === 'own' && !addrOnly(obs.records)) {
    return { ...absentDraft(spec, ctx, requirement, expected, obs.records, true), found };
  }

  const severity = problemSeverity(requirement);
  const notes: MessageRef[] = [];
  const change = (op: 'change' | 'add' = 'change') => fixFor(spec, ctx, op, expected);
  const p = { name, found: found.join(', '), expected };

  if (obs.kind === 'own') {
    if (spec.id === 'autodiscover') notes.push(ref('records.note.autodiscover-hybrid'));
    if (obs.partial) notes.push(ref('records.note.partial-own-data', { name }));
    return {
      status: 'wrong-value',
      qualifier: 'not-cname',
      severity,
      found,
      verdict: ref(`records.${spec.id}.verdict.wrong-value.not-cname`, p),
      impact: ref(`records.${spec.id}.impact.wrong-value`),
      action: ref('records.action.replace-own', { ...recordParams(spec, ctx, expected), found: found.join(', ') }),
      notes,
      fixes: [...deleteOwn(spec, ctx, obs.records), change('add')],
    };
  }

  // A CNAME: where does its chain lead?
  const hop = chain.findIndex((h) => sameName(h, expected));
  if (hop >= 0) {
    if (hop > 0) notes.push(ref('records.note.via-chain', { name, value: expected, hops: hop + 1 }));
    if (spec.service === 'legacy-sfb') notes.push(ref('records.note.legacy-sfb'));
    return {
      status: 'ok',
      qualifier: hop === 0 ? 'direct' : 'via-chain',
      severity: 'ok',
      found,
      chain,
      verdict: ref(`records.${spec.id}.verdict.ok.${hop === 0 ? 'direct' : 'via-chain'}`, { ...p, hops: hop + 1 }),
      impact: ref(`records.${spec.id}.impact.ok`),
      action: ref('records.action.none'),
      notes,
    };
  }

  const first = chain[0] ?? '';
  const deprecated = exp.deprecated.find((d) => inChain(d));
  if (deprecated) {
    // Older targets still work; users only confirm an extra prompt (docs/m365-dns-facts.md §intune-enrollment).
    return {
      status: 'deprecated',
      qualifier: 'old-target',
      severity: 'notice',
      found,
      chain,
      verdict: ref(`records.${spec.id}.verdict.deprecated.old-target`, { ...p, deprecated }),
      impact: ref(`records.${spec.id}.impact.deprecated`),
      action: ref('records.action.change', recordParams(spec, ctx, expected)),
      notes,
      fixes: [change()],
    };
  }

  const otherCloud = cloudMatchNotes(
    spec.id,
    (s) => s.expected.kind === 'cname' && !sameName(s.expected.target, expected) && inChain(s.expected.target),
  );
  const near = otherCloud.length === 0 ? typoNote(first, expected) : undefined;
  if (near) notes.push(near.note);
  if (obs.failure && otherCloud.length === 0 && !near) {
    return { ...lookupFailedDraft(spec, ctx, obs.failure, found), chain, notes };
  }
  const qualifier =
    otherCloud.length > 0
      ? 'other-cloud'
      : near
        ? 'typo'
        : obs.chainEnd === 'nxdomain'
          ? 'dead-end'
          : obs.chainEnd === 'loop' || obs.chainEnd === 'too-long'
            ? 'broken-chain'
            : 'other-target';
  if (spec.id === 'autodiscover' && qualifier === 'other-target') notes.push(ref('records.note.autodiscover-hybrid'));
  return {
    status: 'wrong-value',
    qualifier,
    severity,
    found,
    chain,
    ...(near ? { typo: near.typo } : {}),
    verdict: ref(`records.${spec.id}.verdict.wrong-value.${qualifier}`, p),
    impact: ref(`records.${spec.id}.impact.wrong-value`),
    action: ref('records.action.change', recordParams(spec, ctx, expected)),
    notes: [...otherCloud, ...notes],
    fixes: [change()],
  };
}

/** Judges one single-target CNAME record from its CNAME lookup and any A/TXT lookups at the same name. */
export function judgeCnameRecord(
  id: Extract<RecordId, 'autodiscover' | 'sip' | 'lyncdiscover' | 'enterpriseregistration' | 'enterpriseenrollment'>,
  ctx: Ctx,
  keys: { cname: string; extras: readonly string[] },
): RecordFinding {
  const spec = withTenantValue(specOf(ctx.family, id), ctx.tenant ?? null);
  const cname = ctx.lookup(keys.cname);
  const extras = keys.extras.filter((k) => ctx.has(k)).map((k) => ctx.lookup(k));
  const obs = observeCname(cname, extras);
  const draft = judgeCnameObservation(spec, ctx, obs);
  const expected = ctx.family !== null && spec.expected.kind === 'cname' ? spec.expected.target : null;
  return finish(spec, ctx, draft, [cname, ...extras], expected);
}

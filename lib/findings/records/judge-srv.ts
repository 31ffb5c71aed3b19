/**
 * SRV records: Teams federation `_sipfederationtls._tcp` (100 1 5061 sipfed…), legacy Skype for Business
 * `_sip._tls` (100 1 443 sipdir…), and `_autodiscover._tcp`, which is only described (Outlook's last resort).
 * Every field is checked; priority and weight alone only matter next to other SRV records, so a difference
 * there is a notice. Pure.
 */

import { type RecordSpec, specOf } from '@/lib/findings/catalogue';
import { withTenantValue } from '@/lib/findings/expected';
import { sameName } from '@/lib/lookups/dns-names';
import { KEYS } from '@/lib/lookups/plan';
import type { MessageRef, RecordFinding } from '@/lib/schema';
import {
  type Ctx,
  cloudMatchNotes,
  cloudUnknownDraft,
  type Draft,
  finish,
  fixFor,
  lookupFailedDraft,
  nameAt,
  problemSeverity,
  ref,
  requirementOf,
  serviceOffDraft,
  serviceOn,
} from './draft';
import { failureOf, parseSrv, type Srv } from './observe';

type SrvExpectation = { priority: number; weight: number; port: number; target: string };

/** Which fields of `srv` differ from `exp`; `target` is left out when the cloud (so the target) is unknown. */
function mismatches(
  srv: Srv,
  exp: SrvExpectation,
  checkTarget: boolean,
): ('target' | 'port' | 'priority' | 'weight')[] {
  const out: ('target' | 'port' | 'priority' | 'weight')[] = [];
  if (checkTarget && !sameName(srv.target, exp.target)) out.push('target');
  if (srv.port !== exp.port) out.push('port');
  if (srv.priority !== exp.priority) out.push('priority');
  if (srv.weight !== exp.weight) out.push('weight');
  return out;
}

const present = (e: SrvExpectation) => `${e.priority} ${e.weight} ${e.port} ${e.target}`;

function judgeServiceSrv(spec: RecordSpec, ctx: Ctx, records: Srv[]): Draft {
  const requirement = requirementOf(spec, ctx);
  const name = nameAt(ctx.domain, spec.host);
  const found = records.map((r) => r.data);
  const exp = spec.expected;
  const notes: MessageRef[] = spec.service === 'legacy-sfb' ? [ref('records.note.legacy-sfb')] : [];

  if (records.length === 0) {
    if (!serviceOn(spec, ctx)) return serviceOffDraft(spec, ctx);
    if (ctx.family === null) return cloudUnknownDraft(spec, ctx, []);
    if (requirement === 'optional') {
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
  }
  // Port, priority and weight are the same in every cloud: they are checked even when the cloud is unknown.
  const shape: SrvExpectation =
    exp.kind === 'srv' ? exp : { priority: 100, weight: 1, port: spec.id === 'sip-tls' ? 443 : 5061, target: '' };
  const known = ctx.family !== null && exp.kind === 'srv';
  const value = present(shape);
  const p = { name, found: found.join(', '), expected: value };

  if (records.length === 0) {
    return {
      status: 'missing',
      qualifier: 'absent',
      severity: problemSeverity(requirement),
      verdict: ref(`records.${spec.id}.verdict.missing.absent`, { name }),
      impact: ref(`records.${spec.id}.impact.missing`),
      action: ref('records.action.add-srv', { name, host: spec.host, value, ttl: 3600 }),
      notes,
      fixes: [fixFor(spec, ctx, 'add', value)],
    };
  }

  const scored = records
    .map((r) => ({ r, diff: mismatches(r, shape, known) }))
    .sort((a, b) => a.diff.length - b.diff.length);
  const exact = scored.filter((s) => s.diff.length === 0);
  const closest = scored[0];

  if (exact.length > 0 && records.length > exact.length) {
    const extra = scored.filter((s) => s.diff.length > 0).map((s) => s.r);
    return {
      status: 'too-many',
      qualifier: 'extra',
      severity: 'warning',
      found,
      verdict: ref(`records.${spec.id}.verdict.too-many.extra`, { ...p, extra: extra.map((r) => r.data).join(', ') }),
      impact: ref('records.common.impact.srv-extra'),
      action: ref('records.action.delete-srv', { name, host: spec.host, found: extra.map((r) => r.data).join(', ') }),
      notes,
      fixes: extra.map((r) => fixFor(spec, ctx, 'delete', r.data, 'SRV', r.ttl)),
    };
  }

  if (closest === undefined || closest.diff.length > 0) {
    const diff = closest?.diff ?? [];
    const otherCloud =
      known && diff.includes('target')
        ? cloudMatchNotes(spec.id, (s) => {
            const e = s.expected;
            return e.kind === 'srv' && records.some((r) => sameName(r.target, e.target));
          })
        : [];
    const minor = diff.every((f) => f === 'priority' || f === 'weight');
    const qualifier =
      otherCloud.length > 0 && diff.length === 1
        ? 'other-cloud'
        : diff.length > 1 && !minor
          ? 'several'
          : minor
            ? 'priority-weight'
            : (diff[0] ?? 'target');
    // Without the cloud the right target is unknown: no copy-ready fix, only the action text.
    const fixes = known
      ? [...records.map((r) => fixFor(spec, ctx, 'delete', r.data, 'SRV', r.ttl)), fixFor(spec, ctx, 'add', value)]
      : [];
    return {
      status: 'wrong-value',
      qualifier,
      severity: minor ? 'notice' : problemSeverity(requirement),
      found,
      verdict: ref(`records.${spec.id}.verdict.wrong-value.${qualifier}`, p),
      impact: ref(`records.${spec.id}.impact.wrong-value.${minor ? 'minor' : 'broken'}`),
      action: ref(known ? 'records.action.replace-srv' : 'records.action.replace-srv-unknown-target', {
        name,
        host: spec.host,
        found: found.join(', '),
        value,
        port: shape.port,
      }),
      notes: [...otherCloud, ...notes, ...(known ? [] : [ref('records.note.cloud-unknown-target')])],
      fixes,
    };
  }

  if (!known) return cloudUnknownDraft(spec, ctx, found);
  return {
    status: 'ok',
    qualifier: 'exact',
    severity: 'ok',
    found,
    verdict: ref(`records.${spec.id}.verdict.ok.exact`, p),
    impact: ref(`records.${spec.id}.impact.ok`),
    action: ref('records.action.none'),
    notes,
  };
}

/**
 * `_autodiscover._tcp`: no Microsoft page asks for it or forbids it. Outlook tries it only after its other
 * Autodiscover steps fail, so it matters only when the autodiscover CNAME is missing or broken; then we say where
 * it leads. Never a problem (docs/m365-dns-facts.md §autodiscover-srv).
 */
function judgeAutodiscoverSrv(spec: RecordSpec, ctx: Ctx, records: Srv[], autodiscover: Autodiscover): Draft {
  const name = nameAt(ctx.domain, spec.host);
  const found = records.map((r) => r.data);
  if (records.length === 0) {
    if (!serviceOn(spec, ctx)) return serviceOffDraft(spec, ctx);
    return {
      status: 'optional-absent',
      qualifier: 'absent',
      severity: 'ok',
      verdict: ref('records.autodiscover-srv.verdict.optional-absent.absent', { name }),
      impact: ref('records.autodiscover-srv.impact.optional-absent'),
      action: ref('records.action.none'),
    };
  }
  // The CNAME works (or isn't judged): Outlook finds the mailbox before it would ever look here.
  const reached = autodiscover !== null && autodiscover.outcome === 'problem';
  const q = reached ? 'fallback' : 'present';
  return {
    status: 'ok',
    qualifier: q,
    severity: 'notice',
    found,
    verdict: ref(`records.autodiscover-srv.verdict.ok.${q}`, {
      name,
      found: found.join(', '),
      targets: records.map((r) => r.target).join(', '),
      cname: nameAt(ctx.domain, 'autodiscover'),
    }),
    impact: ref(`records.autodiscover-srv.impact.ok.${q}`),
    action: ref(reached ? 'records.autodiscover-srv.action.fix-cname-first' : 'records.action.none', {
      cname: nameAt(ctx.domain, 'autodiscover'),
    }),
  };
}

/** What the autodiscover CNAME row concluded, for the SRV note; null when it was not judged. */
type Autodiscover = Pick<RecordFinding, 'outcome' | 'status'> | null;

const SRV_KEYS = {
  sipfederation: KEYS.sipfederation,
  'sip-tls': KEYS.sipTls,
  'autodiscover-srv': KEYS.autodiscoverSrv,
} as const;

/** Judges one SRV record; `_autodiscover._tcp` reads the autodiscover CNAME's finding. */
export function judgeSrv(id: keyof typeof SRV_KEYS, ctx: Ctx, autodiscover: Autodiscover = null): RecordFinding {
  const spec = withTenantValue(specOf(ctx.family, id), ctx.tenant ?? null);
  const lookup = ctx.lookup(SRV_KEYS[id]);
  const exp = spec.expected;
  const expected = exp.kind === 'srv' && ctx.family !== null ? present(exp) : null;
  const done = (d: Draft) => finish(spec, ctx, d, [lookup], expected);
  if (lookup.outcome !== 'answer' && lookup.outcome !== 'nxdomain' && lookup.outcome !== 'nodata') {
    return done(lookupFailedDraft(spec, ctx, failureOf(lookup)));
  }
  const records = parseSrv(lookup);
  return done(
    id === 'autodiscover-srv'
      ? judgeAutodiscoverSrv(spec, ctx, records, autodiscover)
      : judgeServiceSrv(spec, ctx, records),
  );
}

/**
 * The SPF record at the apex: exactly one `v=spf1` TXT, the cloud's include (nested includes count),
 * an `all` that fails or soft-fails, and at most 10 DNS lookups for the whole evaluation (RFC 7208
 * §4.6.4). A nested record that could not be read makes the count "could not check", never missing. Pure.
 */

import { SPF_LOOKUP_LIMIT, specOf } from '@/lib/findings/catalogue';
import { withTenantValue } from '@/lib/findings/expected';
import { sameName } from '@/lib/lookups/dns-names';
import { KEYS, SPF_MAX_DEPTH } from '@/lib/lookups/plan';
import { evaluateSpf, mergeSpf, rewriteSpf, type SpfEvaluation, spfTexts } from '@/lib/lookups/spf';
import type { Lookup, MessageRef, RecordFinding, Severity, SpfDetails } from '@/lib/schema';
import {
  type Ctx,
  cloudMatchNotes,
  type Draft,
  finish,
  fixFor,
  lookupFailedDraft,
  problemSeverity,
  ref,
  requirementOf,
  serviceOffDraft,
  serviceOn,
} from './draft';
import { failureOf } from './observe';

type Issue = { q: string; severity: Severity; params?: Record<string, string | number> };

/** Problems of one SPF record, most severe first (ties keep this order). */
function issuesOf(ev: SpfEvaluation, include: string | null): { issues: Issue[]; includeUnknown: boolean } {
  const issues: Issue[] = [];
  let includeUnknown = false;
  if (ev.lookups > SPF_LOOKUP_LIMIT) {
    issues.push({ q: 'lookup-limit', severity: 'critical', params: { count: ev.lookups, limit: SPF_LOOKUP_LIMIT } });
  }
  for (const b of ev.broken)
    issues.push({ q: `broken-include.${b.reason}`, severity: 'critical', params: { include: b.domain } });
  if (include !== null && !ev.includes.some((d) => sameName(d, include))) {
    if (ev.complete && ev.macros.length === 0)
      issues.push({ q: 'no-include', severity: 'critical', params: { include } });
    else includeUnknown = true;
  }
  if (ev.all === '+all') issues.push({ q: 'pass-all', severity: 'critical' });
  if (ev.all === '?all') issues.push({ q: 'neutral-all', severity: 'warning' });
  if (ev.all === 'none') issues.push({ q: 'no-all', severity: 'warning' });
  const rank: Record<Severity, number> = { critical: 0, warning: 1, notice: 2, ok: 3, unchecked: 4 };
  return { issues: issues.sort((a, b) => rank[a.severity] - rank[b.severity]), includeUnknown };
}

/** Judges the apex SPF record, with nested includes from `ctx.spf`. */
export function judgeSpf(ctx: Ctx): RecordFinding {
  const spec = withTenantValue(specOf(ctx.family, 'spf'), ctx.tenant ?? null);
  const txt = ctx.lookup(KEYS.txt);
  const requirement = requirementOf(spec, ctx);
  const on = serviceOn(spec, ctx);
  const exp = spec.expected;
  const include = ctx.family !== null && exp.kind === 'spf' && on ? exp.include : null;
  const cloudInclude = ctx.family !== null && exp.kind === 'spf' ? exp.include : null;
  const expected = cloudInclude ? `v=spf1 include:${cloudInclude} -all` : null;
  const name = ctx.domain;
  let nested: Lookup[] = [];
  const done = (d: Draft) => finish(spec, ctx, d, [txt, ...nested], expected);

  if (txt.outcome !== 'answer' && txt.outcome !== 'nxdomain' && txt.outcome !== 'nodata') {
    return done(lookupFailedDraft(spec, ctx, failureOf(txt)));
  }
  const texts = spfTexts(txt);
  const p = { name, host: spec.host, found: texts.join(' | ') };

  if (texts.length === 0) {
    if (!on) return done(serviceOffDraft(spec, ctx));
    return done({
      status: 'missing',
      qualifier: 'absent',
      severity: problemSeverity(requirement),
      verdict: ref('records.spf.verdict.missing.absent', p),
      impact: ref('records.spf.impact.missing'),
      action: ref(expected ? 'records.spf.action.add' : 'records.spf.action.add-cloud-unknown', {
        ...p,
        value: expected ?? '',
      }),
      fixes: expected ? [fixFor(spec, ctx, 'add', expected)] : [],
    });
  }

  if (texts.length > 1) {
    const merged = mergeSpf(texts, include ?? undefined);
    return done({
      status: 'too-many',
      qualifier: 'records',
      severity: 'critical',
      found: texts,
      spf: {
        records: texts.length,
        lookups: 0,
        limit: SPF_LOOKUP_LIMIT,
        complete: false,
        all: 'unknown',
        includes: [],
      },
      verdict: ref('records.spf.verdict.too-many.records', { ...p, count: texts.length }),
      impact: ref('records.spf.impact.too-many'),
      action: ref('records.spf.action.merge', { ...p, value: merged }),
      notes: [ref('records.spf.note.merge-check')],
      fixes: [...texts.map((t) => fixFor(spec, ctx, 'delete', t)), fixFor(spec, ctx, 'add', merged)],
    });
  }

  const record = texts[0] ?? '';
  const ev = evaluateSpf(record, ctx.spf, SPF_MAX_DEPTH);
  nested = ev.includes.flatMap((d) => {
    const l = ctx.spf.get(d);
    return l ? [l] : [];
  });
  nested = [...new Set(nested)];
  const details: SpfDetails = {
    records: 1,
    lookups: ev.lookups,
    limit: SPF_LOOKUP_LIMIT,
    complete: ev.complete,
    all: ev.all,
    includes: [...new Set(ev.includes)],
  };
  const { issues, includeUnknown } = issuesOf(ev, include);
  const notes: MessageRef[] = [];
  const countNote = ref(ev.complete ? 'records.spf.note.lookups' : 'records.spf.note.lookups-at-least', {
    count: ev.lookups,
    limit: SPF_LOOKUP_LIMIT,
  });
  const unresolved = [...new Set(ev.unresolved.map((u) => u.domain))].join(', ');
  if (ev.macros.length > 0) notes.push(ref('records.spf.note.macros', { includes: ev.macros.join(', ') }));
  if (ctx.family === null) {
    notes.push(ref('records.spf.note.include-unchecked'));
    const matches = cloudMatchNotes('spf', (s) => {
      const e = s.expected;
      return e.kind === 'spf' && ev.includes.some((d) => sameName(d, e.include));
    });
    notes.push(...matches);
  }
  const withCount = {
    ...p,
    count: ev.lookups,
    limit: SPF_LOOKUP_LIMIT,
    include: include ?? '',
    unresolved,
    all: ev.all,
  };

  const [primary, ...rest] = issues;
  if (primary) {
    for (const i of rest) notes.push(ref(`records.spf.note.also.${i.q}`, { ...withCount, ...i.params }));
    if (!ev.complete) notes.push(ref('records.spf.note.incomplete', withCount));
    if (primary.q !== 'lookup-limit') notes.push(countNote);
    const needsInclude = issues.some((i) => i.q === 'no-include');
    const badAll = issues.some((i) => i.q === 'pass-all' || i.q === 'neutral-all' || i.q === 'no-all');
    const rewritten =
      needsInclude || badAll
        ? rewriteSpf(record, { ...(needsInclude && include ? { include } : {}), ...(badAll ? { all: '-all' } : {}) })
        : null;
    return done({
      status: 'wrong-value',
      qualifier: primary.q,
      severity: primary.severity,
      found: texts,
      spf: details,
      verdict: ref(`records.spf.verdict.wrong-value.${primary.q}`, { ...withCount, ...primary.params }),
      impact: ref(`records.spf.impact.wrong-value.${primary.q}`),
      action: ref(`records.spf.action.${primary.q}`, { ...withCount, ...primary.params, value: rewritten ?? '' }),
      notes,
      fixes: rewritten ? [fixFor(spec, ctx, 'change', rewritten)] : [],
    });
  }

  if (!ev.complete || includeUnknown) {
    // A nested record we could not read (or, with every record read, an include hidden behind a macro).
    const failedAt = ev.unresolved[0];
    const qualifier = failedAt ? 'nested' : 'macro';
    return done({
      status: 'lookup-failed',
      qualifier,
      severity: 'unchecked',
      found: texts,
      spf: details,
      verdict: ref(`records.spf.verdict.lookup-failed.${qualifier}`, {
        ...withCount,
        include: failedAt?.domain ?? ev.macros.join(', '),
        outcome: failedAt?.outcome ?? '',
      }),
      impact: ref('records.spf.impact.lookup-failed'),
      action: ref(failedAt ? 'records.action.recheck' : 'records.spf.action.check-macros', { include: include ?? '' }),
      notes: [countNote, ...notes],
    });
  }

  const qualifier = ev.all === '-all' ? 'hard-fail' : 'soft-fail';
  return done({
    status: 'ok',
    qualifier,
    severity: 'ok',
    found: texts,
    spf: details,
    verdict: ref(`records.spf.verdict.ok.${qualifier}`, withCount),
    impact: ref(`records.spf.impact.ok.${qualifier}`),
    action: ref('records.action.none'),
    notes: [countNote, ...notes],
  });
}

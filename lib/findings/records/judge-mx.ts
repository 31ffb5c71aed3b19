/**
 * The MX records at the apex. Microsoft's MX (old `*.mail.protection.outlook.com`, new `*.mx.microsoft`,
 * 21Vianet `*.mail.protection.partner.outlook.cn`, US government `*.mail.protection.office365.us`) must be
 * the most preferred (lowest preference); other MX records still take mail elsewhere; a null MX (`0 .`)
 * says the domain takes no mail. Pure.
 */

import { PLACEHOLDERS, type RecordSpec, specOf, specsByFamily } from '@/lib/findings/catalogue';
import { isTenantMx } from '@/lib/findings/expected';
import { hasSuffix } from '@/lib/lookups/dns-names';
import { KEYS } from '@/lib/lookups/plan';
import type { CloudFamily, Fix, RecordFinding } from '@/lib/schema';
import {
  type Ctx,
  cloudMatchNotes,
  cloudUnknownDraft,
  copyFromNote,
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
import { failureOf, type Mx, parseMx } from './observe';

/** Every family's MX suffixes, current and legacy. */
const ALL_SUFFIXES = [
  ...new Set(
    specsByFamily('mx').flatMap(([, s]) =>
      s.expected.kind === 'mx' ? [...s.expected.suffixes, ...s.expected.legacy] : [],
    ),
  ),
];

function suffixesOf(family: CloudFamily | null): readonly string[] {
  const exp = specOf(family, 'mx').expected;
  return family !== null && exp.kind === 'mx' ? exp.suffixes : [];
}

function legacyOf(family: CloudFamily | null): readonly string[] {
  const exp = specOf(family, 'mx').expected;
  return family !== null && exp.kind === 'mx' ? exp.legacy : [];
}

/** A family's current and legacy MX suffixes (for "this is that cloud's value" notes). */
const familySuffixes = (e: RecordSpec['expected']): readonly string[] =>
  e.kind === 'mx' ? [...e.suffixes, ...e.legacy] : [];

const isMicrosoft = (suffixes: readonly string[]) => (mx: Mx) => suffixes.some((s) => hasSuffix(mx.exchange, s));

/** Judges the apex MX records. */
export function judgeMx(ctx: Ctx): RecordFinding {
  const spec = specOf(ctx.family, 'mx');
  const lookup = ctx.lookup(KEYS.mx);
  const requirement = requirementOf(spec, ctx);
  const suffixes = suffixesOf(ctx.family);
  // The tenant's own MX from Microsoft Graph, when asked (issue 18 item 4): the exact value instead of the pattern.
  const tenantMx = ctx.tenant?.expected.mx;
  const mxValue = tenantMx ?? PLACEHOLDERS.mx;
  const pattern = ctx.family ? `0 ${suffixes.map((s) => `*.${s}`).join(' | ')}` : null;
  const expected = tenantMx !== undefined && ctx.family ? `0 ${tenantMx}` : pattern;
  const done = (d: Draft) => finish(spec, ctx, d, [lookup], expected);

  if (lookup.outcome !== 'answer' && lookup.outcome !== 'nxdomain' && lookup.outcome !== 'nodata') {
    return done(lookupFailedDraft(spec, ctx, failureOf(lookup)));
  }
  const all = parseMx(lookup).sort((a, b) => a.preference - b.preference);
  const found = all.map((m) => m.data);
  const on = serviceOn(spec, ctx);
  const p = { domain: ctx.domain, name: ctx.domain, host: spec.host, found: found.join(', ') };
  const placeholder = `0 ${mxValue}`;
  const addFix = fixFor(spec, ctx, 'add', placeholder);
  const del = (mx: Mx): Fix => fixFor(spec, ctx, 'delete', mx.data, 'MX', mx.ttl);
  const severity = problemSeverity(requirement);

  // Null MX (RFC 7505): the domain says it takes no mail.
  const nulls = all.filter((m) => m.exchange === '');
  if (nulls.length > 0) {
    const mixed = nulls.length < all.length;
    if (!on && !mixed) {
      return done({
        status: 'ok',
        qualifier: 'null-mx',
        severity: 'notice',
        found,
        verdict: ref('records.mx.verdict.ok.null-mx', p),
        impact: ref('records.mx.impact.ok.null-mx'),
        action: ref('records.action.none'),
      });
    }
    const q = mixed ? 'null-mx-mixed' : 'null-mx';
    return done({
      status: 'wrong-value',
      qualifier: q,
      severity: on ? 'critical' : 'warning',
      found,
      verdict: ref(`records.mx.verdict.wrong-value.${q}`, p),
      impact: ref(`records.mx.impact.wrong-value.${q}`),
      action: ref(mixed ? 'records.mx.action.delete-null' : 'records.mx.action.replace-null', {
        ...p,
        value: mxValue,
      }),
      notes: mixed ? [] : [copyFromNote(ctx, 'mx')],
      fixes: [...nulls.map(del), ...(mixed ? [] : [addFix])],
    });
  }

  if (ctx.family === null) {
    const notes = cloudMatchNotes('mx', (s) => all.some(isMicrosoft(familySuffixes(s.expected))));
    return done(cloudUnknownDraft(spec, ctx, found, notes));
  }

  if (all.length === 0) {
    if (!on) return done(serviceOffDraft(spec, ctx));
    return done({
      status: 'missing',
      qualifier: 'absent',
      severity,
      verdict: ref('records.mx.verdict.missing.absent', p),
      impact: ref('records.mx.impact.missing'),
      action: ref('records.mx.action.add', { ...p, value: mxValue }),
      notes: [copyFromNote(ctx, 'mx')],
      fixes: [addFix],
    });
  }

  const ours = all.filter(isMicrosoft(suffixes));
  const others = all.filter((m) => !isMicrosoft(suffixes)(m));
  const [best] = ours;
  const legacy = all.filter(isMicrosoft(legacyOf(ctx.family)));
  const [firstLegacy] = legacy;
  if (best === undefined && firstLegacy !== undefined) {
    // Microsoft's older MX form (`*.mail.eo.outlook.com`): still Microsoft's, listed as legacy to be replaced
    // (docs/m365-dns-facts.md §mx-legacy). Replace it with the tenant's current MX.
    return done({
      status: 'deprecated',
      qualifier: 'legacy-microsoft',
      severity: 'warning',
      found,
      verdict: ref('records.mx.verdict.deprecated.legacy-microsoft', { ...p, legacy: firstLegacy.exchange }),
      impact: ref('records.mx.impact.deprecated'),
      action: ref('records.mx.action.replace-legacy', {
        ...p,
        legacy: legacy.map((m) => m.exchange).join(', '),
        value: mxValue,
      }),
      notes: [copyFromNote(ctx, 'mx')],
      fixes: [...all.map(del), addFix],
    });
  }
  if (best === undefined) {
    const otherCloud = all.filter(isMicrosoft(ALL_SUFFIXES));
    if (otherCloud.length > 0) {
      const notes = cloudMatchNotes('mx', (s) => otherCloud.some(isMicrosoft(familySuffixes(s.expected))));
      return done({
        status: 'wrong-value',
        qualifier: 'other-cloud',
        severity: on ? 'critical' : 'warning',
        found,
        verdict: ref('records.mx.verdict.wrong-value.other-cloud', p),
        impact: ref('records.mx.impact.wrong-value.other-cloud'),
        action: ref('records.mx.action.replace-all', { ...p, value: mxValue }),
        notes: [...notes, copyFromNote(ctx, 'mx')],
        fixes: [...all.map(del), addFix],
      });
    }
    // Mail goes somewhere else entirely: a third-party filter in front of Microsoft 365, or not Microsoft at all.
    if (!on) {
      return done({
        ...serviceOffDraft(spec, ctx),
        found,
        verdict: ref('records.mx.verdict.not-applicable.elsewhere', p),
      });
    }
    return done({
      status: 'wrong-value',
      qualifier: 'third-party',
      severity: 'warning',
      found,
      verdict: ref('records.mx.verdict.wrong-value.third-party', p),
      impact: ref('records.mx.impact.wrong-value.third-party'),
      action: ref('records.mx.action.replace-all', { ...p, value: mxValue }),
      notes: [ref('records.note.third-party-filter'), copyFromNote(ctx, 'mx')],
      fixes: [...all.map(del), addFix],
    });
  }

  const form = suffixes.length > 1 && hasSuffix(best.exchange, 'mx.microsoft') ? 'mx-microsoft' : 'protection';
  const formNotes = form === 'mx-microsoft' ? [ref('records.note.mx-microsoft')] : [];
  const q = { ...p, microsoft: best.exchange, others: others.map((m) => m.exchange).join(', ') };
  if (tenantMx !== undefined && !isTenantMx(best.exchange, tenantMx)) {
    // Microsoft's MX form, but not this tenant's: mail goes to another tenant (or an old one) and bounces.
    return done({
      status: 'wrong-value',
      qualifier: 'tenant-mismatch',
      severity: on ? 'critical' : 'warning',
      found,
      verdict: ref('graph.mx.verdict', { ...q, value: tenantMx }),
      impact: ref('graph.mx.impact'),
      action: ref('records.mx.action.replace-all', { ...p, value: mxValue }),
      notes: [ref('graph.note.exact-from-tenant')],
      fixes: [...ours.map(del), addFix],
    });
  }
  const before = others.filter((m) => m.preference < best.preference);
  const tied = others.filter((m) => m.preference === best.preference);
  if (before.length > 0 || tied.length > 0) {
    const qualifier = before.length > 0 ? 'priority' : 'shared-priority';
    return done({
      status: 'wrong-value',
      qualifier,
      severity: before.length > 0 ? severity : 'warning',
      found,
      verdict: ref(`records.mx.verdict.wrong-value.${qualifier}`, q),
      impact: ref(`records.mx.impact.wrong-value.${qualifier}`),
      action: ref('records.mx.action.make-first', { ...q, value: `0 ${best.exchange}` }),
      notes: formNotes,
      fixes: [
        ...(best.preference !== 0 ? [fixFor(spec, ctx, 'change', `0 ${best.exchange}`)] : []),
        ...others.map(del),
      ],
    });
  }
  if (others.length > 0) {
    return done({
      status: 'must-remove',
      qualifier: 'extra-mx',
      severity: 'warning',
      found,
      verdict: ref('records.mx.verdict.must-remove.extra-mx', q),
      impact: ref('records.mx.impact.must-remove'),
      action: ref('records.mx.action.delete-others', q),
      notes: formNotes,
      fixes: others.map(del),
    });
  }
  return done({
    status: 'ok',
    qualifier: form,
    severity: 'ok',
    found,
    verdict: ref(`records.mx.verdict.ok.${form}`, q),
    impact: ref('records.mx.impact.ok.microsoft'),
    action: ref('records.action.none'),
    notes: formNotes,
  });
}

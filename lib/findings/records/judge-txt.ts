/**
 * TXT records other than SPF: the domain-verification TXT `MS=ms…` at the apex (informational: needed
 * only until the domain is verified) and DMARC at `_dmarc` (one `v=DMARC1` record; `p=none` only
 * monitors). Neither depends on the cloud. Pure.
 */

import { PLACEHOLDERS, type RecordSpec, specOf } from '@/lib/findings/catalogue';
import { isTenantVerification } from '@/lib/findings/expected';
import { KEYS } from '@/lib/lookups/plan';
import type { Lookup, MessageRef, RecordFinding } from '@/lib/schema';
import {
  type Ctx,
  copyFromNote,
  type Draft,
  finish,
  fixFor,
  lookupFailedDraft,
  problemSeverity,
  ref,
  requirementOf,
} from './draft';
import { failureOf, txtStrings } from './observe';

/** Judges the verification TXT (`MS=ms…`) at the apex. */
export function judgeVerification(ctx: Ctx): RecordFinding {
  const spec = specOf(ctx.family, 'verification');
  const lookup = ctx.lookup(KEYS.txt);
  // The tenant's own `MS=` value from Microsoft Graph, when asked (issue 18 item 4).
  const tenantText = ctx.tenant?.expected.verification;
  const done = (d: Draft) => finish(spec, ctx, d, [lookup], tenantText ?? 'MS=ms…');
  if (lookup.outcome !== 'answer' && lookup.outcome !== 'nxdomain' && lookup.outcome !== 'nodata') {
    return done(lookupFailedDraft(spec, ctx, failureOf(lookup)));
  }
  const texts = txtStrings(lookup).map((t) => t.trim());
  const ms = texts.filter((t) => /^MS=/i.test(t));
  // The `MS=` prefix is often left out when the value is copied (docs/m365-dns-facts.md §verification).
  const bare = texts.filter((t) => /^ms\d{6,}$/i.test(t));
  const p = { name: ctx.domain, host: spec.host, found: [...ms, ...bare].join(', '), prefix: 'MS=' };
  if (tenantText !== undefined && ms.length > 0 && !ms.some((t) => isTenantVerification(t, tenantText))) {
    // An `MS=` value, but not the one this tenant asks for: the domain can't be verified with it (another tenant's,
    // or an old attempt). Only matters until the domain is verified.
    const verified = ctx.tenant?.verified === true;
    return done({
      status: 'wrong-value',
      qualifier: 'tenant-mismatch',
      severity: verified ? 'notice' : 'warning',
      found: ms,
      verdict: ref('graph.verification.verdict', { ...p, value: tenantText }),
      impact: ref(verified ? 'graph.verification.impact-verified' : 'graph.verification.impact'),
      action: ref('records.verification.action.add-if-unverified', { ...p, value: tenantText }),
      notes: [ref('graph.note.exact-from-tenant')],
      fixes: verified ? [] : [fixFor(spec, ctx, 'add', tenantText)],
    });
  }
  if (ms.length > 0) {
    return done({
      status: 'ok',
      qualifier: 'present',
      severity: 'ok',
      found: ms,
      verdict: ref('records.verification.verdict.ok.present', p),
      impact: ref('records.verification.impact.ok'),
      action: ref('records.action.none'),
      notes: [ref('records.verification.note.removable')],
    });
  }
  if (bare.length > 0) {
    return done({
      status: 'wrong-value',
      qualifier: 'no-prefix',
      severity: 'warning',
      found: bare,
      verdict: ref('records.verification.verdict.wrong-value.no-prefix', p),
      impact: ref('records.verification.impact.wrong-value'),
      action: ref('records.verification.action.add-prefix', { ...p, value: `MS=${bare[0] ?? ''}` }),
      fixes: bare.flatMap((b) => [fixFor(spec, ctx, 'delete', b), fixFor(spec, ctx, 'add', `MS=${b}`)]),
    });
  }
  return done({
    status: 'optional-absent',
    qualifier: 'absent',
    severity: 'ok',
    verdict: ref('records.verification.verdict.optional-absent.absent', p),
    impact: ref('records.verification.impact.optional-absent'),
    action: ref('records.verification.action.add-if-unverified', {
      ...p,
      value: tenantText ?? PLACEHOLDERS.verification,
    }),
    notes: [copyFromNote(ctx, 'verification')],
  });
}

type Dmarc = { text: string; tags: Map<string, string> };

/** DMARC tags (`v=DMARC1; p=…; rua=…`), keys lower-case. */
export function parseDmarc(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (!tags.has(key)) tags.set(key, part.slice(eq + 1).trim());
  }
  return tags;
}

const isDmarc = (t: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(t.trim());

/** The same DMARC record with `p=` set to `policy` (added after `v=DMARC1` when absent). */
export function withPolicy(text: string, policy: string): string {
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const at = parts.findIndex((s) => /^p\s*=/i.test(s));
  if (at >= 0) parts[at] = `p=${policy}`;
  else parts.splice(1, 0, `p=${policy}`);
  return parts.join('; ');
}

function dmarcRecords(lookup: Lookup): Dmarc[] {
  return txtStrings(lookup)
    .filter(isDmarc)
    .map((text) => ({ text: text.trim(), tags: parseDmarc(text) }));
}

const answered = (l: Lookup) => l.outcome === 'answer' || l.outcome === 'nxdomain' || l.outcome === 'nodata';

/**
 * A subdomain without its own DMARC record is covered by the registrable domain's record (Microsoft's DMARC page;
 * RFC 7489 §6.6.3), whose `sp=` policy (or `p=`) applies to it. Returns the draft when that record covers it,
 * a could-not-check draft when it couldn't be read, and undefined when there is none.
 */
function inheritedDmarc(spec: RecordSpec, ctx: Ctx): { draft: Draft; lookup: Lookup } | undefined {
  if (!ctx.has(KEYS.dmarcOrg)) return undefined;
  const lookup = ctx.lookup(KEYS.dmarcOrg);
  if (!answered(lookup)) return { draft: lookupFailedDraft(spec, ctx, failureOf(lookup)), lookup };
  const records = dmarcRecords(lookup);
  const [only] = records;
  if (records.length !== 1 || only === undefined) return undefined;
  const policy = (only.tags.get('sp') ?? only.tags.get('p') ?? '').trim().toLowerCase();
  const tag = only.tags.has('sp') ? 'sp' : 'p';
  const p = {
    name: `_dmarc.${ctx.domain}`,
    parent: `_dmarc.${ctx.registrable}`,
    found: only.text,
    policyTag: `${tag}=${policy}`,
  };
  const notes: MessageRef[] = [];
  if (policy === 'none') notes.push(ref('records.dmarc.note.inherited-monitor-only', p));
  else if (policy !== 'quarantine' && policy !== 'reject') notes.push(ref('records.dmarc.note.inherited-no-policy', p));
  return {
    lookup,
    draft: {
      status: 'ok',
      qualifier: 'inherited',
      severity: 'ok',
      found: [only.text],
      verdict: ref('records.dmarc.verdict.ok.inherited', p),
      impact: ref('records.dmarc.impact.ok-inherited'),
      action: ref('records.action.none'),
      notes,
    },
  };
}

/** Judges `_dmarc.<domain>` (and, for a subdomain without its own record, the record that covers it). */
export function judgeDmarc(ctx: Ctx): RecordFinding {
  const spec = specOf(ctx.family, 'dmarc');
  const lookup = ctx.lookup(KEYS.dmarc);
  const requirement = requirementOf(spec, ctx);
  const starter = `v=DMARC1; p=none; rua=${PLACEHOLDERS.dmarcReports}`;
  const done = (d: Draft, also: Lookup[] = []) =>
    finish(spec, ctx, d, [lookup, ...also], 'v=DMARC1; p=quarantine | p=reject');
  if (!answered(lookup)) return done(lookupFailedDraft(spec, ctx, failureOf(lookup)));
  const name = `_dmarc.${ctx.domain}`;
  const records = dmarcRecords(lookup);
  const found = records.map((r) => r.text);
  const p = { name, host: spec.host, domain: ctx.domain, found: found.join(' | ') };

  if (records.length === 0) {
    const inherited = inheritedDmarc(spec, ctx);
    if (inherited) return done(inherited.draft, [inherited.lookup]);
  }
  const [only, ...extra] = records;
  if (only === undefined) {
    const parent = ctx.has(KEYS.dmarcOrg) ? [ctx.lookup(KEYS.dmarcOrg)] : [];
    return done(
      {
        status: 'missing',
        qualifier: parent.length > 0 ? 'absent-with-parent' : 'absent',
        severity: problemSeverity(requirement),
        verdict: ref(`records.dmarc.verdict.missing.${parent.length > 0 ? 'absent-with-parent' : 'absent'}`, {
          ...p,
          parent: `_dmarc.${ctx.registrable}`,
        }),
        impact: ref('records.dmarc.impact.missing'),
        action: ref('records.dmarc.action.add', { ...p, value: starter }),
        fixes: [fixFor(spec, ctx, 'add', starter)],
      },
      parent,
    );
  }
  if (extra.length > 0) {
    return done({
      status: 'too-many',
      qualifier: 'records',
      severity: 'warning',
      found,
      verdict: ref('records.dmarc.verdict.too-many.records', { ...p, count: records.length }),
      impact: ref('records.dmarc.impact.too-many'),
      action: ref('records.dmarc.action.keep-one', p),
      fixes: extra.map((r) => fixFor(spec, ctx, 'delete', r.text)),
    });
  }

  const policy = (only.tags.get('p') ?? '').toLowerCase();
  const pct = only.tags.get('pct');
  const notes: MessageRef[] = [];
  if (!only.tags.has('rua')) notes.push(ref('records.dmarc.note.no-reports'));
  if (pct !== undefined && pct.trim() !== '100') notes.push(ref('records.dmarc.note.pct', { pct: pct.trim() }));
  const q = { ...p, policy, policyTag: `p=${policy}`, strictest: 'p=reject' };

  if (policy !== 'none' && policy !== 'quarantine' && policy !== 'reject') {
    const value = withPolicy(only.text, 'none');
    return done({
      status: 'wrong-value',
      qualifier: 'no-policy',
      severity: 'warning',
      found,
      verdict: ref('records.dmarc.verdict.wrong-value.no-policy', q),
      impact: ref('records.dmarc.impact.wrong-value.no-policy'),
      action: ref('records.dmarc.action.set-policy', { ...q, value }),
      notes,
      fixes: [fixFor(spec, ctx, 'change', value)],
    });
  }
  if (policy === 'none') {
    const value = withPolicy(only.text, 'quarantine');
    return done({
      status: 'wrong-value',
      qualifier: 'policy-none',
      severity: 'warning',
      found,
      verdict: ref('records.dmarc.verdict.wrong-value.policy-none', q),
      impact: ref('records.dmarc.impact.wrong-value.policy-none'),
      action: ref('records.dmarc.action.tighten', { ...q, value }),
      notes,
      fixes: [fixFor(spec, ctx, 'change', value)],
    });
  }
  return done({
    status: 'ok',
    qualifier: policy,
    severity: 'ok',
    found,
    verdict: ref(`records.dmarc.verdict.ok.${policy}`, q),
    impact: ref('records.dmarc.impact.ok'),
    action: ref('records.action.none'),
    notes,
  });
}

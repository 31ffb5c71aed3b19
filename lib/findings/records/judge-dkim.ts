/**
 * DKIM: `selector1._domainkey` and `selector2._domainkey` CNAMEs to Microsoft's keys, in the older
 * `…onmicrosoft.com` form or the newer `…dkim.mail.microsoft` form. Microsoft says the two forms "can't coexist
 * for the same selector"; it says nothing about the two selectors having to match, so each selector is judged on
 * its own chain (docs/m365-dns-facts.md §dkim). The pair is read together only to tell a swapped key and a
 * half-published pair. The form check needs no cloud (every cloud's forms are accepted while the cloud is
 * unknown). 21Vianet does not document DKIM: present is informational. Pure.
 */

import { type DkimFormat, PLACEHOLDERS, type RecordSpec, specOf, specsByFamily } from '@/lib/findings/catalogue';
import { hasSuffix } from '@/lib/lookups/dns-names';
import { aKeyOf, KEYS } from '@/lib/lookups/plan';
import type { MessageRef, RecordFinding } from '@/lib/schema';
import {
  type Ctx,
  cloudMatchNotes,
  cloudUnknownDraft,
  copyFromNote,
  type Draft,
  deleteOwn,
  finish,
  fixFor,
  lookupFailedDraft,
  nameAt,
  ref,
  requirementOf,
  serviceOffDraft,
  serviceOn,
} from './draft';
import { preJudgeCname } from './judge-cname';
import { type CnameObservation, cnameFound, observeCname } from './observe';

type Selector = 1 | 2;

/** Every DKIM form of every cloud (for the cloud-unknown case), without duplicates. */
const ALL_FORMATS: readonly DkimFormat[] = specsByFamily('dkim-selector1')
  .flatMap(([, s]) => (s.expected.kind === 'dkim' ? s.expected.formats : []))
  .filter((f, i, all) => all.findIndex((g) => g.suffix === f.suffix) === i);

function formatsOf(spec: RecordSpec, ctx: Ctx): readonly DkimFormat[] | null {
  if (ctx.family === null) return ALL_FORMATS;
  return spec.expected.kind === 'dkim' ? spec.expected.formats : null;
}

/** The form a CNAME target is in, or null when it is not one of `formats`. */
function formOf(target: string, formats: readonly DkimFormat[]): DkimFormat | null {
  return formats.find((f) => hasSuffix(target, f.suffix)) ?? null;
}

type Side = { selector: Selector; spec: RecordSpec; obs: CnameObservation; first: string };

function placeholder(selector: Selector): string {
  return selector === 1 ? PLACEHOLDERS.selector1 : PLACEHOLDERS.selector2;
}

function judgeSide(side: Side, other: Side, ctx: Ctx): Draft {
  const { spec, obs, selector } = side;
  const requirement = requirementOf(spec, ctx);
  const formats = formatsOf(spec, ctx);
  if (obs.kind === 'failed') return lookupFailedDraft(spec, ctx, obs.failure);
  const pre = preJudgeCname(spec, ctx, obs, requirement, null);
  if (pre) return pre;
  const name = nameAt(ctx.domain, spec.host);
  const found = cnameFound(obs);
  const chain = obs.kind === 'cname' ? obs.chain : [];
  const p = { name, found: found.join(', '), selector, other: nameAt(ctx.domain, other.spec.host) };
  const add = fixFor(spec, ctx, 'add', placeholder(selector));
  const change = fixFor(spec, ctx, 'change', placeholder(selector));
  const copy = copyFromNote(ctx);

  if (formats === null) {
    // 21Vianet: Microsoft documents no DKIM records. Report what is there; judge nothing.
    if (obs.kind === 'absent') {
      return {
        status: 'optional-absent',
        qualifier: 'undocumented',
        severity: 'ok',
        verdict: ref('records.dkim.verdict.optional-absent.undocumented', p),
        impact: ref('records.dkim.impact.optional-absent'),
        action: ref('records.action.none'),
        notes: [ref('records.note.undocumented')],
      };
    }
    return {
      status: 'ok',
      qualifier: 'undocumented',
      severity: 'notice',
      found,
      chain,
      verdict: ref('records.dkim.verdict.ok.undocumented', p),
      impact: ref('records.dkim.impact.ok'),
      action: ref('records.action.none'),
      notes: [ref('records.note.undocumented')],
    };
  }

  if (obs.kind === 'absent') {
    if (other.obs.kind === 'cname') {
      return {
        status: 'missing',
        qualifier: 'pair-incomplete',
        severity: 'warning',
        verdict: ref('records.dkim.verdict.missing.pair-incomplete', p),
        impact: ref('records.dkim.impact.missing.pair-incomplete'),
        action: ref('records.dkim.action.add', { ...p, value: placeholder(selector) }),
        notes: [copy],
        fixes: [add],
      };
    }
    if (!serviceOn(spec, ctx)) return serviceOffDraft(spec, ctx);
    if (ctx.family === null) return cloudUnknownDraft(spec, ctx, []);
    return {
      status: 'missing',
      qualifier: 'absent',
      severity: 'warning',
      verdict: ref('records.dkim.verdict.missing.absent', p),
      impact: ref('records.dkim.impact.missing.absent'),
      action: ref('records.dkim.action.add', { ...p, value: placeholder(selector) }),
      notes: [copy],
      fixes: [add],
    };
  }

  if (obs.kind === 'own') {
    const q = obs.records.some((r) => r.type !== 'TXT') ? 'not-cname' : 'own-key';
    return {
      status: 'wrong-value',
      qualifier: q,
      severity: 'warning',
      found,
      verdict: ref(`records.dkim.verdict.wrong-value.${q}`, p),
      impact: ref(`records.dkim.impact.wrong-value.${q}`),
      action: ref('records.dkim.action.replace-own', { ...p, value: placeholder(selector) }),
      notes: [copy],
      fixes: [...deleteOwn(spec, ctx, obs.records), add],
    };
  }

  // A CNAME. Which form, which selector, and does its own chain mix the two forms?
  const form = formOf(side.first, formats);
  const chainForms = new Set(chain.map((hop) => formOf(hop, formats)?.id).filter((id) => id !== undefined));
  const label = side.first.split('.')[0] ?? '';
  const swapped = label.startsWith(`selector${3 - selector}-`);
  const bad = (q: string, notes: MessageRef[] = [copy]): Draft => ({
    status: 'wrong-value',
    qualifier: q,
    severity: 'warning',
    found,
    chain,
    verdict: ref(`records.dkim.verdict.wrong-value.${q}`, p),
    impact: ref(`records.dkim.impact.wrong-value.${q}`),
    action: ref('records.dkim.action.change', { ...p, value: placeholder(selector) }),
    notes,
    fixes: [change],
  });

  if (form === null) {
    const elsewhere = cloudMatchNotes(spec.id, (s) => {
      const e = s.expected;
      return e.kind === 'dkim' && formOf(side.first, e.formats) !== null;
    });
    return elsewhere.length > 0 ? bad('other-cloud', [...elsewhere, copy]) : bad('other-target');
  }
  if (swapped) return bad('swapped');
  if (chainForms.size > 1) return bad('mixed-formats');
  if (obs.chainEnd === 'nxdomain') return bad('dead-end', [ref('records.dkim.note.enable-dkim')]);
  return {
    status: 'ok',
    qualifier: form.id,
    severity: 'ok',
    found,
    chain,
    verdict: ref(`records.dkim.verdict.ok.${form.id}`, p),
    impact: ref('records.dkim.impact.ok'),
    action: ref('records.action.none'),
  };
}

/** Judges both DKIM selectors together (their forms must agree). */
export function judgeDkim(ctx: Ctx): [RecordFinding, RecordFinding] {
  const sides = ([1, 2] as const).map((selector) => {
    const spec = specOf(ctx.family, selector === 1 ? 'dkim-selector1' : 'dkim-selector2');
    const key = selector === 1 ? KEYS.selector1 : KEYS.selector2;
    const txtKey = selector === 1 ? KEYS.selector1Txt : KEYS.selector2Txt;
    const cname = ctx.lookup(key);
    const extras = [txtKey, aKeyOf(key)].filter((k) => ctx.has(k)).map((k) => ctx.lookup(k));
    const obs = observeCname(cname, extras);
    return {
      side: { selector, spec, obs, first: obs.kind === 'cname' ? (obs.chain[0] ?? '') : '' },
      lookups: [cname, ...extras],
    };
  });
  const [one, two] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const expected = (s: Side): string | null => {
    const formats = formatsOf(s.spec, ctx);
    if (formats === null || ctx.family === null) return null;
    return formats.map((f) => `selector${s.selector}-…._domainkey.….${f.suffix}`).join(' | ');
  };
  return [
    finish(one.side.spec, ctx, judgeSide(one.side, two.side, ctx), one.lookups, expected(one.side)),
    finish(two.side.spec, ctx, judgeSide(two.side, one.side, ctx), two.lookups, expected(two.side)),
  ];
}

/**
 * Cloud inference (our rule, docs/m365-dns-facts.md §cloud-inference): which Microsoft 365 cloud a domain's MX,
 * autodiscover and SPF point at. Never from msoid: msoid is what we are judging, so it cannot be evidence too. Pure.
 */

import { hasSuffix, normalizeName } from '@/lib/lookups/dns-names';
import type { Snapshot } from '@/lib/lookups/snapshot';
import {
  type Cloud,
  type CloudChoice,
  type CloudEvidence,
  type CloudHint,
  type CloudReport,
  type EffectiveCloud,
  isAnswered,
  type Lookup,
  type MessageRef,
} from '@/lib/schema';

type Rule = readonly [suffix: string, hint: CloudHint];

/** MX exchange host suffixes (whole trailing labels). */
const MX_RULES: readonly Rule[] = [
  ['mail.protection.partner.outlook.cn', '21vianet'],
  ['mail.protection.office365.us', 'gcchigh-or-dod'],
  ['mail.protection.outlook.com', 'worldwide-or-gcc'],
  ['mx.microsoft', 'worldwide-or-gcc'],
  // Microsoft's legacy MX form (docs/m365-dns-facts.md §mx-legacy): still Microsoft's, so still evidence.
  ['mail.eo.outlook.com', 'worldwide-or-gcc'],
  ['mail.protection.outlook.de', 'germany'],
];

/** Names an autodiscover CNAME chain can reach. */
const AUTODISCOVER_RULES: readonly Rule[] = [
  ['autodiscover.partner.outlook.cn', '21vianet'],
  ['autodiscover.office365.us', 'gcchigh'],
  ['autodiscover-dod.office365.us', 'dod'],
  ['autodiscover.outlook.com', 'worldwide-or-gcc'],
  ['autodiscover-outlook.office.de', 'germany'],
];

/** SPF `include:` domains. */
const SPF_RULES: readonly Rule[] = [
  ['spf.protection.partner.outlook.cn', '21vianet'],
  ['spf.protection.office365.us', 'gcchigh-or-dod'],
  ['spf.protection.outlook.com', 'worldwide-or-gcc'],
  ['spf.protection.outlook.de', 'germany'],
];

/** The clouds each hint allows. `germany` is retired and matches no cloud a user can pick. */
export const HINT_CLOUDS: Readonly<Record<CloudHint, readonly (Cloud | 'germany')[]>> = {
  'worldwide-or-gcc': ['worldwide', 'gcc'],
  '21vianet': ['21vianet'],
  gcchigh: ['gcchigh'],
  dod: ['dod'],
  'gcchigh-or-dod': ['gcchigh', 'dod'],
  germany: ['germany'],
};

function match(rules: readonly Rule[], value: string): CloudHint | undefined {
  return rules.find(([suffix]) => hasSuffix(value, suffix))?.[1];
}

function mxEvidence(mx: Lookup): CloudEvidence[] {
  if (mx.outcome !== 'answer') return [];
  return mx.answers.flatMap((a) => {
    if (a.type.toUpperCase() !== 'MX') return [];
    // Presentation form is `<pref> <exchange>`.
    const host = normalizeName(a.data.trim().split(/\s+/).pop() ?? '');
    const hint = match(MX_RULES, host);
    return hint ? [{ record: 'mx' as const, name: normalizeName(mx.name), value: host, suggests: hint }] : [];
  });
}

function autodiscoverEvidence(ad: Lookup): CloudEvidence[] {
  // A failed hop late in the chain does not undo a hint earlier in it.
  const names =
    ad.chain.length > 0 ? ad.chain : ad.answers.filter((a) => a.type.toUpperCase() === 'CNAME').map((a) => a.data);
  return names.flatMap((target) => {
    const value = normalizeName(target);
    const hint = match(AUTODISCOVER_RULES, value);
    return hint ? [{ record: 'autodiscover' as const, name: normalizeName(ad.name), value, suggests: hint }] : [];
  });
}

/** The `include:` domains of every SPF record in a TXT lookup (`v=spf1`, case-insensitive). */
export function spfIncludes(txt: Lookup): string[] {
  if (txt.outcome !== 'answer') return [];
  return txt.answers.flatMap((a) => {
    if (a.type.toUpperCase() !== 'TXT') return [];
    const terms = a.data.trim().split(/\s+/);
    if (terms[0]?.toLowerCase() !== 'v=spf1') return [];
    return terms.flatMap((t) => {
      const m = /^[+\-~?]?include:(.+)$/i.exec(t);
      return m?.[1] ? [normalizeName(m[1])] : [];
    });
  });
}

function spfEvidence(txt: Lookup): CloudEvidence[] {
  return spfIncludes(txt).flatMap((value) => {
    const hint = match(SPF_RULES, value);
    return hint ? [{ record: 'spf' as const, name: normalizeName(txt.name), value, suggests: hint }] : [];
  });
}

function failed(lookup: Lookup): boolean {
  return !isAnswered(lookup.outcome) || lookup.chainEnd === 'failed';
}

function dedupe(evidence: CloudEvidence[]): CloudEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.record}|${e.value}|${e.suggests}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The clouds every piece of evidence allows (empty when they conflict). */
function commonClouds(evidence: readonly CloudEvidence[]): (Cloud | 'germany')[] {
  const [first, ...rest] = evidence;
  if (!first) return [];
  return HINT_CLOUDS[first.suggests].filter((c) => rest.every((e) => HINT_CLOUDS[e.suggests].includes(c)));
}

/**
 * What the evidence alone says. Decisions: `worldwide-or-gcc` → `worldwide` (DNS cannot tell them
 * apart and the msoid rule is the same for both; a note says "Worldwide (or GCC)").
 * `gcchigh-or-dod` alone → `gcchigh`: MX/SPF in office365.us cannot tell GCC High from DoD, but both
 * require that msoid does not exist, so the msoid verdict is identical; a note records that DoD is
 * equally possible. `germany` (retired) → `unknown` with a note.
 */
function inferFrom(evidence: readonly CloudEvidence[]): EffectiveCloud {
  const common = commonClouds(evidence);
  if (common.includes('worldwide')) return 'worldwide';
  if (common.includes('gcchigh')) return 'gcchigh';
  const [only] = common;
  return common.length === 1 && only !== undefined && only !== 'germany' ? only : 'unknown';
}

/** Infers the cloud from MX, autodiscover (CNAME chain) and SPF includes — never from msoid. */
export function inferCloud(snapshot: Snapshot, selected: CloudChoice): CloudReport {
  const evidence = dedupe([
    ...mxEvidence(snapshot.mx),
    ...autodiscoverEvidence(snapshot.autodiscover),
    ...spfEvidence(snapshot.txt),
  ]);
  const inferred = inferFrom(evidence);
  const conflicting = evidence.length > 0 && commonClouds(evidence).length === 0;
  const anyFailed = [snapshot.mx, snapshot.autodiscover, snapshot.txt].some(failed);
  const concrete = selected === 'auto' ? undefined : selected;
  return {
    selected,
    effective: concrete ?? inferred,
    evidence,
    inferred,
    conflicting,
    contradictsEvidence: concrete !== undefined && evidence.some((e) => !HINT_CLOUDS[e.suggests].includes(concrete)),
    evidenceIncomplete: anyFailed && evidence.length === 0,
  };
}

const RECORD_LABEL: Readonly<Record<CloudEvidence['record'], string>> = {
  mx: 'MX',
  autodiscover: 'autodiscover',
  spf: 'SPF',
};

function describeEvidence(evidence: readonly CloudEvidence[]): string {
  return evidence.map((e) => `${RECORD_LABEL[e.record]} ${e.value}`).join(', ');
}

/** Which of the three evidence lookups failed, as `MX, TXT` (record types are DNS words, not text). */
function failedLookups(snapshot: Pick<Snapshot, 'mx' | 'txt' | 'autodiscover'>): string {
  const parts: string[] = [];
  if (failed(snapshot.mx)) parts.push(`MX ${normalizeName(snapshot.mx.name)}`);
  if (failed(snapshot.autodiscover)) parts.push(`CNAME ${normalizeName(snapshot.autodiscover.name)}`);
  if (failed(snapshot.txt)) parts.push(`TXT ${normalizeName(snapshot.txt.name)}`);
  return parts.join(', ');
}

/**
 * Domain notes about the cloud: evidence conflict or gaps, the "Worldwide (or GCC)" and
 * "GCC High (or DoD)" reading, the retired Germany cloud, and a user choice the evidence contradicts.
 */
export function cloudNotes(cloud: CloudReport, snapshot: Pick<Snapshot, 'mx' | 'txt' | 'autodiscover'>): MessageRef[] {
  if (cloud.selected !== 'auto') return contradictionNotes(cloud, cloud.selected);
  const hints = new Set(cloud.evidence.map((e) => e.suggests));
  const records = describeEvidence(cloud.evidence);
  const note = (code: string, params: MessageRef['params'] = {}): MessageRef[] => [{ code, params }];
  if (cloud.conflicting) return note('cloud.note.conflicting', { records });
  if (hints.has('germany')) return note('cloud.note.germany', { records });
  if (cloud.evidenceIncomplete) return note('cloud.note.evidence-incomplete', { lookups: failedLookups(snapshot) });
  if (cloud.evidence.length === 0) return note('cloud.note.no-evidence');
  if (cloud.inferred === 'worldwide') return note('cloud.note.worldwide-or-gcc');
  if (cloud.inferred === 'gcchigh' && !hints.has('gcchigh')) return note('cloud.note.gcchigh-or-dod');
  return [];
}

/** One note per hint that disagrees with the user's chosen cloud, naming the records behind it. */
function contradictionNotes(cloud: CloudReport, selected: Cloud): MessageRef[] {
  const hints = [...new Set(cloud.evidence.map((e) => e.suggests))];
  return hints
    .filter((hint) => !HINT_CLOUDS[hint].includes(selected))
    .map((hint) => ({
      code: `cloud.note.contradicts.${hint}`,
      params: { records: describeEvidence(cloud.evidence.filter((e) => e.suggests === hint)) },
    }));
}

/**
 * SPF reading (RFC 7208): which TXT records are SPF, their terms, and the DNS-lookup count of a whole
 * evaluation, nested includes and redirects included. Pure: nested records come from a map of lookups.
 */
import { normalizeName } from '@/lib/lookups/dns-names';
import type { SpfAll } from '@/lib/schema';
import { isAnswered, type Lookup, type LookupOutcome } from '@/lib/schema';

/** RFC 7208 §4.6.4: at most 10 DNS-querying terms per SPF evaluation. */
export const SPF_LOOKUP_LIMIT = 10;

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfTerm =
  | { kind: 'mechanism'; qualifier: SpfQualifier; name: string; value: string; text: string }
  | { kind: 'modifier'; name: string; value: string; text: string };

/** Terms that cost a DNS lookup (RFC 7208 §4.6.4); `redirect` costs one too when it is used. */
const COUNTED = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** True for a TXT string that is an SPF record: `v=spf1` followed by a space or the end (case-insensitive). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text.trim());
}

/** The SPF records among a TXT lookup's answers (empty unless the lookup answered). */
export function spfTexts(lookup: Lookup): string[] {
  if (lookup.outcome !== 'answer') return [];
  return lookup.answers.filter((a) => a.type.toUpperCase() === 'TXT' && isSpfRecord(a.data)).map((a) => a.data.trim());
}

/** Splits an SPF record into terms, after `v=spf1`. Mechanism values keep their CIDR suffix. */
export function parseSpf(text: string): SpfTerm[] {
  const tokens = text.trim().split(/\s+/).slice(1);
  return tokens.flatMap((tok): SpfTerm[] => {
    const mod = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(tok);
    if (mod?.[1] !== undefined)
      return [{ kind: 'modifier', name: mod[1].toLowerCase(), value: mod[2] ?? '', text: tok }];
    const mech = /^([+\-~?]?)([a-z][a-z0-9]*)([:/].*)?$/i.exec(tok);
    if (!mech) return [];
    const qualifier = (mech[1] || '+') as SpfQualifier;
    const rest = mech[3] ?? '';
    const value = rest.startsWith(':') ? rest.slice(1) : rest;
    return [{ kind: 'mechanism', qualifier, name: (mech[2] ?? '').toLowerCase(), value, text: tok }];
  });
}

export type SpfBroken = { domain: string; reason: 'no-record' | 'several-records' | 'loop' };
export type SpfUnresolved = { domain: string; outcome: LookupOutcome | 'not-fetched' };

export type SpfEvaluation = {
  /** DNS-querying terms counted, nested included. A lower bound when `complete` is false. */
  lookups: number;
  /** Every nested record was read (or the count went over the limit, which settles it). */
  complete: boolean;
  unresolved: SpfUnresolved[];
  /** Includes/redirects that make the evaluation a permanent error (no SPF there, several, a loop). */
  broken: SpfBroken[];
  /** Include/redirect domains reached, in order of evaluation (macro domains left out). */
  includes: string[];
  /** Include/redirect domains with macros (`%{…}`): counted, but cannot be followed without a sender. */
  macros: string[];
  /** The effective `all` of the top record (through `redirect=` when it has no `all`). */
  all: SpfAll;
};

const ALL_TEXT: Readonly<Record<SpfQualifier, SpfAll>> = { '-': '-all', '~': '~all', '?': '?all', '+': '+all' };

/**
 * Evaluates one SPF record's DNS-lookup cost, following includes and redirects through `fetched`
 * (TXT lookups keyed by normalised domain). Stops following once the count is over the limit (the
 * verdict is settled) or `maxDepth` levels deep. `onMissing` hears each domain not in `fetched`.
 */
export function evaluateSpf(
  record: string,
  fetched: ReadonlyMap<string, Lookup>,
  maxDepth: number,
  onMissing?: (domain: string) => void,
): SpfEvaluation {
  const result: SpfEvaluation = {
    lookups: 0,
    complete: true,
    unresolved: [],
    broken: [],
    includes: [],
    macros: [],
    all: 'none',
  };

  const visit = (target: string, depth: number, path: readonly string[]): SpfAll => {
    const domain = normalizeName(target);
    if (domain.includes('%')) {
      result.macros.push(domain);
      return 'unknown';
    }
    result.includes.push(domain);
    if (result.lookups > SPF_LOOKUP_LIMIT) return 'unknown';
    if (path.includes(domain)) {
      result.broken.push({ domain, reason: 'loop' });
      return 'unknown';
    }
    if (depth >= maxDepth) {
      result.complete = false;
      return 'unknown';
    }
    const lookup = fetched.get(domain);
    if (!lookup || !isAnswered(lookup.outcome)) {
      result.complete = false;
      result.unresolved.push({ domain, outcome: lookup ? lookup.outcome : 'not-fetched' });
      if (!lookup) onMissing?.(domain);
      return 'unknown';
    }
    const texts = spfTexts(lookup);
    const [only] = texts;
    if (only === undefined || texts.length > 1) {
      result.broken.push({ domain, reason: only === undefined ? 'no-record' : 'several-records' });
      return 'unknown';
    }
    return walk(only, depth + 1, [...path, domain]);
  };

  const walk = (text: string, depth: number, path: readonly string[]): SpfAll => {
    const terms = parseSpf(text);
    let all: SpfAll | undefined;
    let redirect: string | undefined;
    for (const t of terms) {
      if (t.kind === 'modifier') {
        if (t.name === 'redirect' && redirect === undefined) redirect = t.value;
        continue;
      }
      if (t.name === 'all') {
        all ??= ALL_TEXT[t.qualifier];
        continue;
      }
      if (!COUNTED.has(t.name)) continue;
      result.lookups++;
      if (t.name === 'include') visit(t.value, depth, path);
    }
    if (all !== undefined) return all;
    // RFC 7208 §6.1: redirect is used only when there is no `all`.
    if (redirect !== undefined) {
      result.lookups++;
      return visit(redirect, depth, path);
    }
    return 'none';
  };

  result.all = walk(record, 0, []);
  if (result.lookups > SPF_LOOKUP_LIMIT) result.complete = true;
  return result;
}

/**
 * The include/redirect domains still to fetch for the apex SPF record in `txt` (none unless there is
 * exactly one SPF record), in evaluation order, without duplicates.
 */
export function spfTargets(txt: Lookup, fetched: ReadonlyMap<string, Lookup>, maxDepth: number): string[] {
  const texts = spfTexts(txt);
  const [only] = texts;
  if (only === undefined || texts.length > 1) return [];
  const missing = new Set<string>();
  evaluateSpf(only, fetched, maxDepth, (d) => missing.add(d));
  return [...missing];
}

/**
 * The record with `include:<include>` added before its `all`/`redirect=` (or at the end) and its `all`
 * set to `all` (added when missing, unless a redirect supplies it). Used to build copy-ready fixes.
 */
export function rewriteSpf(record: string, change: { include?: string; all?: '-all' | '~all' }): string {
  const tokens = record.trim().split(/\s+/);
  const [version = 'v=spf1', ...rest] = tokens;
  const isAll = (t: string) => /^[+\-~?]?all$/i.test(t);
  const isRedirect = (t: string) => /^redirect=/i.test(t);
  let body = rest;
  if (change.all) body = body.map((t) => (isAll(t) ? (change.all ?? t) : t));
  const endAt = body.findIndex((t) => isAll(t) || isRedirect(t));
  const head = endAt === -1 ? body : body.slice(0, endAt);
  const tail = endAt === -1 ? [] : body.slice(endAt);
  if (change.include) head.push(`include:${change.include}`);
  if (change.all && !tail.some(isAll) && !tail.some(isRedirect)) tail.push(change.all);
  return [version, ...head, ...tail].join(' ');
}

/**
 * One SPF record from several: every term except `v=spf1`, `all` and `redirect=` in order without
 * duplicates, then `include` if given, then `-all` (or `~all` when a record used `~all` and none `-all`).
 */
export function mergeSpf(records: readonly string[], include?: string): string {
  const seen = new Set<string>();
  const terms: string[] = [];
  let soft = false;
  let hard = false;
  for (const r of records) {
    for (const t of r.trim().split(/\s+/).slice(1)) {
      if (/^[+\-~?]?all$/i.test(t)) {
        if (t.startsWith('~')) soft = true;
        if (t.startsWith('-')) hard = true;
        continue;
      }
      if (/^redirect=/i.test(t)) continue;
      const key = t.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(t);
    }
  }
  if (include && !seen.has(`include:${include}`)) terms.push(`include:${include}`);
  return ['v=spf1', ...terms, soft && !hard ? '~all' : '-all'].join(' ');
}

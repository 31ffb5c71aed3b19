/** Recognise a domain's DNS host from its NS names (docs/m365-dns-facts.md §host-detection). Pure, browser-safe. */
import { normalizeName } from '@/lib/lookups/dns-names';
import type { EffectiveCloud } from '@/lib/schema';
import { GENERIC_HOST, HOSTS, type HostId } from './catalogue';
import { instructionsFor } from './instructions';
import { compilePattern } from './pattern';
import type { Confidence, Evidence, HostEntry, InstructionsKind, MatchConfidence } from './types';

export type DnsHostMatch = {
  id: HostId;
  name: string;
  /** `none` only for the generic fallback. Lowered one step when `mixed`. */
  confidence: MatchConfidence;
  /** The NS names as given: lower-cased, trimmed, no trailing dot, empty and duplicate names dropped. */
  ns: string[];
  /** How many of `ns` matched the chosen host. */
  matched: number;
  instructionsUrl: string;
  instructionsKind: InstructionsKind;
  /** GCC High/DoD: the host's own help, shown second (its example values are commercial). */
  hostHelp?: { url: string; kind: 'microsoft' | 'host' };
  managedByMicrosoft: boolean;
  /** True when the NS names do not all belong to the chosen host (another host, or names we do not know). */
  mixed: boolean;
  /** Other recognised hosts among the NS names (ids, in NS order); NS names we do not know are not listed. */
  others: HostId[];
};

/** How much an NS pattern's evidence is worth. Two independent sources count as high. */
export const EVIDENCE_CONFIDENCE: Readonly<Record<Evidence, Confidence>> = {
  ms: 'high',
  t2: 'high',
  t1: 'medium',
  gk: 'low',
};

const RANK: Readonly<Record<Confidence, number>> = { high: 3, medium: 2, low: 1 };
const LOWER: Readonly<Record<Confidence, Confidence>> = { high: 'medium', medium: 'low', low: 'low' };

type Compiled = { host: HostEntry; regex: RegExp; confidence: Confidence };
const COMPILED: readonly Compiled[] = HOSTS.flatMap((host: HostEntry) =>
  host.patterns.map((p) => ({
    host,
    regex: compilePattern(p.pattern),
    confidence: p.confidence ?? EVIDENCE_CONFIDENCE[p.evidence],
  })),
);

export type NameServerMatch = { host: HostEntry; confidence: Confidence };

/** The host one NS name belongs to (whole-label match, any case, trailing dot ignored), or null. */
export function matchNameServer(ns: string): NameServerMatch | null {
  const name = normalizeName(ns);
  let best: Compiled | null = null;
  for (const c of COMPILED) {
    if (c.regex.test(name) && (best === null || RANK[c.confidence] > RANK[best.confidence])) best = c;
  }
  return best && { host: best.host, confidence: best.confidence };
}

type Tally = { host: HostEntry; count: number; confidence: Confidence; first: number };

/**
 * Picks the DNS host from a zone's NS names. The host named by most NS wins (ties: the stronger
 * evidence, then the one listed first). Confidence is the strongest pattern that matched for that host,
 * one step lower when the NS names are split (`mixed`). No names, or none recognised: the generic
 * fallback with confidence `none`. `cloud` and `lang` only pick the instructions links (see `instructionsFor`).
 */
export function detectDnsHost(
  nsNames: readonly string[],
  cloud: EffectiveCloud = 'unknown',
  lang = 'en',
): DnsHostMatch {
  const ns = [...new Set(nsNames.map(normalizeName).filter((n) => n !== ''))];
  const tallies = new Map<string, Tally>();
  ns.forEach((name, index) => {
    const m = matchNameServer(name);
    if (!m) return;
    const t = tallies.get(m.host.id);
    if (!t) tallies.set(m.host.id, { host: m.host, count: 1, confidence: m.confidence, first: index });
    else {
      t.count += 1;
      if (RANK[m.confidence] > RANK[t.confidence]) t.confidence = m.confidence;
    }
  });

  const ranked = [...tallies.values()].sort(
    (a, b) => b.count - a.count || RANK[b.confidence] - RANK[a.confidence] || a.first - b.first,
  );
  const [winner, ...rest] = ranked;

  const host = winner?.host ?? GENERIC_HOST;
  const instructions = instructionsFor(host, cloud, lang);
  const mixed = winner !== undefined && winner.count < ns.length;
  const confidence: MatchConfidence = winner ? (mixed ? LOWER[winner.confidence] : winner.confidence) : 'none';
  return {
    id: host.id as HostId,
    name: host.name,
    confidence,
    ns,
    matched: winner?.count ?? 0,
    instructionsUrl: instructions.url,
    instructionsKind: instructions.kind,
    ...(instructions.hostHelp ? { hostHelp: instructions.hostHelp } : {}),
    managedByMicrosoft: host.managedByMicrosoft,
    mixed,
    others: rest.sort((a, b) => a.first - b.first).map((t) => t.host.id as HostId),
  };
}

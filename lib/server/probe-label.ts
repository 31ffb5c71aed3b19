/**
 * The random label of a check's wildcard probe (`_m365dh-<label>.<domain>`, asked as CNAME and A to tell
 * wildcard-synthesised answers from msoid's own records), and which label a check uses.
 *
 * A fresh label every time would make the probe the one question the answer cache can never answer: every
 * check of a domain would send two queries to the zone's servers, however recently it was checked. So a
 * domain keeps its label for MAX_CACHE_TTL (the longest any answer is cached): a later check asks the same
 * question, which the resolver's cache answers (`cached: true`) for the answer's TTL or the NXDOMAIN's
 * negative TTL, capped like every entry; a failed probe is not cached and is asked again. A re-check
 * (`fresh`) draws a new label, so it asks the zone itself, past every cache on the way. Only the same
 * domain shares a probe: another name under the same parent has a different wildcard owner (`*.<name>`).
 *
 * In memory per thread (like the answer cache: the main thread and each check worker have their own), on
 * globalThis, bounded: at most `MAX_LABELS` domains, the oldest dropped first.
 */
import { randomBytes } from 'node:crypto';
import { MAX_CACHE_TTL } from './dns/wire';

/** Random bytes for probe labels, drawn 5 at a time from a pool refilled 256 labels at once. */
const PROBE_POOL = 5 * 256;
let probePool = Buffer.alloc(0);
let probeAt = PROBE_POOL;

/** Ten random hex digits (40 bits): a new wildcard probe label. */
export function probeLabel(): string {
  if (probeAt + 5 > probePool.length) {
    probePool = randomBytes(PROBE_POOL);
    probeAt = 0;
  }
  const label = probePool.toString('hex', probeAt, probeAt + 5);
  probeAt += 5;
  return label;
}

/** Domains whose label is remembered (about 100 bytes each). */
export const MAX_LABELS = 50_000;

export type ProbeLabels = {
  /**
   * The label for a check of `domain` at `nowMs`: the one its last check used when that is under
   * MAX_CACHE_TTL old, else (and always with `fresh`) a new one, remembered from now on.
   */
  labelFor(domain: string, options?: { fresh?: boolean; nowMs?: number }): string;
  /** Forgets the labels of `domain` and the names under it (a re-check elsewhere made the caches forget them). */
  forget(domain: string): void;
  size(): number;
};

/** A label memory holding at most `maxEntries` domains, each for `ttlMs`. */
export function createProbeLabels(maxEntries = MAX_LABELS, ttlMs = MAX_CACHE_TTL * 1000): ProbeLabels {
  // Insertion order is expiry order: an entry is never extended, only replaced (deleted and set again).
  const labels = new Map<string, { label: string; expiresAt: number }>();
  return {
    labelFor(domain, options = {}) {
      const now = options.nowMs ?? Date.now();
      const key = domain.toLowerCase();
      const known = labels.get(key);
      if (known && known.expiresAt > now && !options.fresh) return known.label;
      const label = probeLabel();
      labels.delete(key);
      labels.set(key, { label, expiresAt: now + ttlMs });
      for (const [oldKey, entry] of labels) {
        if (labels.size <= maxEntries && entry.expiresAt > now) break;
        labels.delete(oldKey);
      }
      return label;
    },
    forget(domain) {
      const exact = domain.toLowerCase();
      const suffix = `.${exact}`;
      for (const key of labels.keys()) if (key === exact || key.endsWith(suffix)) labels.delete(key);
    },
    size: () => labels.size,
  };
}

const LABELS_KEY = Symbol.for('m365-dns-health.probe-labels');
type WithLabels = typeof globalThis & { [LABELS_KEY]?: ProbeLabels };

/** This thread's label memory. */
export function getProbeLabels(): ProbeLabels {
  const g = globalThis as WithLabels;
  g[LABELS_KEY] ??= createProbeLabels();
  return g[LABELS_KEY];
}

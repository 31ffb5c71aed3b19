/**
 * The resolver's answer cache: answers and proven negatives only (failures are never stored),
 * each for min(its TTL, 300 s), bounded in size by dropping the oldest entry.
 */
import type { Lookup } from '@/lib/schema';
import { isAnswered } from '@/lib/schema';
import { MAX_CACHE_TTL } from './wire';

export type LookupCache = {
  /** A copy of the stored Lookup with `cached: true`, elapsed 0 and TTLs counted down, or undefined. */
  get(key: string, nowMs?: number): Lookup | undefined;
  /** Stores `lookup` for `ttlSeconds` (capped at 300 s); ignores failures and TTL 0. */
  set(key: string, lookup: Lookup, ttlSeconds: number, nowMs?: number): void;
  size(): number;
  clear(): void;
  /** Drops every entry for `domain` and the names under it (a re-check); returns how many. */
  forgetUnder(domain: string): number;
};

type Entry = { lookup: Lookup; storedAt: number; expiresAt: number };

/** Cache key of one question. */
export function cacheKey(name: string, type: string): string {
  return `${name}|${type}`;
}

/** A cache holding at most `maxEntries` results. */
export function createLookupCache(maxEntries = 50_000): LookupCache {
  const entries = new Map<string, Entry>();
  return {
    get(key, nowMs = Date.now()) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= nowMs) {
        entries.delete(key);
        return undefined;
      }
      const age = Math.floor((nowMs - entry.storedAt) / 1000);
      const { tries: _tries, ...stored } = entry.lookup;
      return {
        ...stored,
        answers: stored.answers.map((a) => ({ ...a, ttl: Math.max(0, a.ttl - age) })),
        chain: [...stored.chain],
        attempts: 0,
        elapsedMs: 0,
        cached: true,
      };
    },
    set(key, lookup, ttlSeconds, nowMs = Date.now()) {
      if (!isAnswered(lookup.outcome)) return;
      const ttl = Math.min(ttlSeconds, MAX_CACHE_TTL);
      if (!(ttl > 0)) return;
      entries.delete(key);
      entries.set(key, { lookup, storedAt: nowMs, expiresAt: nowMs + ttl * 1000 });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    size: () => entries.size,
    clear: () => entries.clear(),
    forgetUnder(domain) {
      const suffix = `.${domain.toLowerCase()}`;
      const exact = domain.toLowerCase();
      let dropped = 0;
      for (const key of entries.keys()) {
        const name = key.slice(0, key.lastIndexOf('|')).toLowerCase();
        if (name === exact || name.endsWith(suffix)) {
          entries.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
  };
}

/**
 * The owner tokens of the runs this browser started. POST /api/runs hands a run's owner token out once; the bulk
 * page keeps it in localStorage under the run id, so this browser (any tab, after a reload) can cancel and
 * re-check the run, while the result link opened anywhere else only reads it. Entries carry the run's expiry and
 * are pruned a week after it (the server, not this browser's clock, decides whether a run is still kept: a clock
 * that is off must not cost the owner its run). Storage may be missing or refuse writes (private windows, quota):
 * then the token lives only as long as the page.
 */

/** The part of `Storage` used here (a test passes a Map-backed one). */
export type OwnerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'm365-dns-health.run-owner.';
/** How long after its run's expiry an entry is kept before a save prunes it. */
const PRUNE_AFTER_MS = 7 * 86_400_000;

type Entry = { token: string; expiresAt: string };

function read(storage: OwnerStorage, key: string): Entry | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { token, expiresAt } = value as Record<string, unknown>;
    return typeof token === 'string' && typeof expiresAt === 'string' ? { token, expiresAt } : null;
  } catch {
    return null;
  }
}

const prunable = (entry: Entry | null, now: number) =>
  entry === null || !(Date.parse(entry.expiresAt) + PRUNE_AFTER_MS > now);

/** Keeps run `id`'s owner token; drops the entries of runs that expired over a week ago (or are damaged). Never throws. */
export function saveOwnerToken(
  storage: OwnerStorage | null,
  id: string,
  token: string,
  expiresAt: string,
  now = Date.now(),
): void {
  if (!storage) return;
  try {
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX) && prunable(read(storage, key), now)) stale.push(key);
    }
    for (const key of stale) storage.removeItem(key);
    storage.setItem(PREFIX + id, JSON.stringify({ token, expiresAt } satisfies Entry));
  } catch {
    // Storage full or refused: the token stays with the page only.
  }
}

/** Run `id`'s owner token when this browser started the run, else null. Never throws. */
export function loadOwnerToken(storage: OwnerStorage | null, id: string): string | null {
  if (!storage) return null;
  return read(storage, PREFIX + id)?.token ?? null;
}

/** Forgets run `id`'s owner token (the server refused it). Never throws. */
export function forgetOwnerToken(storage: OwnerStorage | null, id: string): void {
  try {
    storage?.removeItem(PREFIX + id);
  } catch {
    // Nothing to forget.
  }
}

/** The browser's localStorage, or null where there is none or it is blocked. */
export function browserStorage(): OwnerStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Open event streams (followers, GET /api/runs/:id/events), counted per run and per client (the rate-limit key):
 * the bounds MAX_FOLLOWERS_PER_RUN and MAX_FOLLOWERS_PER_CLIENT. A follower takes a slot when it is admitted and
 * gives it back once, when its stream ends for any reason (the run done and read, the client gone, an error, the
 * idle timeout). The process's counts live on globalThis: route handlers load as separate bundles.
 */
export type FollowerLimits = { perRun: number; perClient: number };

/** A slot (`release` gives it back; later calls do nothing), or the bound that refused one. */
export type Admission = { ok: true; release: () => void } | { ok: false; over: 'run' | 'client'; limit: number };

export type FollowerRegistry = {
  /** Takes a slot for a follower of `run` from `client`, unless either already has its limit of followers. */
  admit(run: string, client: string, limits: FollowerLimits): Admission;
  /** Open followers of the run. */
  ofRun(run: string): number;
  /** Open followers of the client. */
  ofClient(client: string): number;
};

/** An empty registry. */
export function createFollowerRegistry(): FollowerRegistry {
  const runs = new Map<string, number>();
  const clients = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };
  return {
    admit(run, client, limits) {
      if ((runs.get(run) ?? 0) >= limits.perRun) return { ok: false, over: 'run', limit: limits.perRun };
      if ((clients.get(client) ?? 0) >= limits.perClient) return { ok: false, over: 'client', limit: limits.perClient };
      add(runs, run, 1);
      add(clients, client, 1);
      let held = true;
      return {
        ok: true,
        release: () => {
          if (!held) return;
          held = false;
          add(runs, run, -1);
          add(clients, client, -1);
        },
      };
    },
    ofRun: (run) => runs.get(run) ?? 0,
    ofClient: (client) => clients.get(client) ?? 0,
  };
}

const FOLLOWERS_KEY = Symbol.for('m365-dns-health.followers');
type WithFollowers = typeof globalThis & { [FOLLOWERS_KEY]?: FollowerRegistry };

/** The process's follower counts (on globalThis, shared by every route bundle). */
export function getFollowers(): FollowerRegistry {
  const g = globalThis as WithFollowers;
  g[FOLLOWERS_KEY] ??= createFollowerRegistry();
  return g[FOLLOWERS_KEY];
}

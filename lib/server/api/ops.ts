/**
 * The operations API: liveness (GET /api/health, with the DNS counters for callers with access), readiness
 * (GET /api/ready, with the storage's state) and the input policy (GET /api/policy). Route handlers only wire these.
 */
import 'server-only';
import { sharedProbe } from '../dns/probe';
import { getResolver } from '../dns/process';
import type { ServerConfig } from '../env';
import { errorResponse } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import { inputPolicy } from '../policy';
import { getStorage } from '../storage/db';
import { checkPoolSent } from '../workers/pool';

const noStore = { 'Cache-Control': 'no-store' };

/** The main thread's resolver counters; `sent` also counts the check workers' queries (`workerSent` of them). */
function dnsStats() {
  const main = getResolver().stats();
  const workerSent = checkPoolSent();
  return { ...main, sent: main.sent + workerSent, workerSent };
}

/** Liveness: answers while the process is alive; no DNS. The DNS counters only to callers with access. */
export function health(_input: unknown, ctx: GuardedContext): Response {
  const dns = ctx.authorized ? { dns: dnsStats() } : {};
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...dns }, { headers: noStore });
}

export type StorageState = 'ok' | 'unavailable';

const STORAGE_PROBE_KEY = Symbol.for('m365-dns-health.storage-probe');
type StorageProbe = { at: number; state: StorageState; pending?: Promise<StorageState> };
type WithStorageProbe = typeof globalThis & { [STORAGE_PROBE_KEY]?: StorageProbe };

/** Opens the storage when it is not open yet (PostgreSQL that was down) and pings it, within `timeoutMs`. */
async function probeStorage(config: Pick<ServerConfig, 'storage'>, timeoutMs: number): Promise<StorageState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const storage = await Promise.race([getStorage(config.storage), timeout]);
    return storage && (await storage.ping(timeoutMs)) ? 'ok' : 'unavailable';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The storage's state, shared like the DNS probe: one probe at a time for the process, its result reused for
 * READY_CACHE_MS, so a flood of readiness requests costs the database one `select 1`.
 */
export async function sharedStorageState(
  config: Pick<ServerConfig, 'storage' | 'readyTimeoutMs' | 'readyCacheMs'>,
): Promise<StorageState> {
  const g = globalThis as WithStorageProbe;
  const last = g[STORAGE_PROBE_KEY];
  if (last && !last.pending && Date.now() - last.at < config.readyCacheMs) return last.state;
  if (last?.pending) return last.pending;
  const pending = probeStorage(config, config.readyTimeoutMs);
  const probe: StorageProbe = { at: last?.at ?? 0, state: last?.state ?? 'unavailable', pending };
  g[STORAGE_PROBE_KEY] = probe;
  const state = await pending;
  g[STORAGE_PROBE_KEY] = { at: Date.now(), state };
  return state;
}

/**
 * Readiness: 200 when a configured resolver answers `. NS`, else 503 `not-ready`. The probe is shared: callers
 * within READY_CACHE_MS of the last one get its result, so no request sends a query of its own. The resolver
 * addresses only to callers with access (like the DNS counters of /api/health).
 *
 * `storage` says whether the database answers. It does not decide readiness: single checks need no storage,
 * so an instance whose database is down still serves them (runs wait for the database), and a load balancer
 * that took it out would turn a database outage into a full one.
 */
export async function ready(_input: unknown, ctx: GuardedContext): Promise<Response> {
  const { servers, readyTimeoutMs, readyCacheMs } = ctx.config;
  const [{ ready: ok, results, at }, storage] = await Promise.all([
    sharedProbe(servers, readyTimeoutMs, readyCacheMs),
    sharedStorageState(ctx.config),
  ]);
  if (ok) {
    const checkedAt = new Date(at).toISOString();
    const resolvers = results.map((r) => ({ server: r.server, outcome: r.outcome, elapsedMs: r.elapsedMs }));
    return Response.json(
      { status: 'ready', checkedAt, storage, ...(ctx.authorized ? { resolvers } : {}) },
      { headers: noStore },
    );
  }
  const detail = ctx.authorized
    ? results.map((r) => `${r.server} ${r.outcome}`).join(', ')
    : results.map((r) => r.outcome).join(', ');
  return errorResponse('not-ready', `No configured DNS resolver answered: ${detail}. Storage: ${storage}.`);
}

/** The input policy the server enforces, so the page validates exactly the same way. */
export function policy(): Response {
  return Response.json(inputPolicy(), { headers: noStore });
}

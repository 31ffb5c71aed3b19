import { setFlagsFromString } from 'node:v8';
import { installListAlerts } from './alerts/list-hook';
import { formatServer } from './dns/resolver';
import { getConfig } from './env';
import { getLog } from './log';
import { installMethodGuard } from './methods';
import { getLimiters } from './rate-limit';
import { getRunEngine } from './runs/engine';
import { startScheduleTicker } from './schedules/ticker';
import { installShutdownHandlers } from './shutdown';
import { DataDirInUseError, getStorage } from './storage/db';
import { bulkCheckPool } from './workers/pool';

/**
 * How far V8 lets the heap grow past what survived the last full collection, in percent. V8's own policy
 * allows up to 4× (300%) on a machine with gigabytes of memory; this server's live heap is small (about
 * 50 MB, results are kept packed outside the heap) and a bulk run allocates fast, so the heap would swell to
 * 4× with garbage: a 10,000-domain run peaked at about 390 MB RSS with V8's policy and about 300 MB with 2×,
 * at no measurable cost in throughput (see docs/performance.md). V8 reads the flag at every full collection,
 * so setting it at start-up takes effect.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * What start-up warns about in how the server is exposed (docs/deploy.md): reachable from other machines with no
 * way to tell clients apart and no sign-in (one shared rate-limit bucket that anyone can use up, and no access
 * control), a proxy header that will never be believed, and a listener no outside Host name is allowed for.
 */
export function exposureWarnings(
  config: Pick<
    ReturnType<typeof getConfig>,
    | 'listensOnLoopback'
    | 'bindHost'
    | 'trustProxyHeader'
    | 'proxySecret'
    | 'accessToken'
    | 'publicOrigin'
    | 'allowedHosts'
  >,
): Array<{ fields: Record<string, unknown>; message: string }> {
  const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
  const proxied = config.trustProxyHeader !== null && (config.listensOnLoopback || config.proxySecret !== null);
  if (!config.listensOnLoopback && !proxied && config.accessToken === null) {
    warnings.push({
      fields: { BIND_HOST: config.bindHost },
      message:
        'reachable from other machines with no trusted proxy (TRUST_PROXY_HEADER with PROXY_SECRET) and no ACCESS_TOKEN: anyone can use it, and every client shares one rate-limit budget',
    });
  }
  if (config.trustProxyHeader !== null && !proxied) {
    warnings.push({
      fields: { TRUST_PROXY_HEADER: config.trustProxyHeader, BIND_HOST: config.bindHost },
      message:
        'TRUST_PROXY_HEADER is ignored: the server listens beyond loopback and PROXY_SECRET is not set, so anyone could write that header',
    });
  }
  if (!config.listensOnLoopback && config.publicOrigin === null && config.allowedHosts.length === 0) {
    warnings.push({
      fields: { BIND_HOST: config.bindHost },
      message:
        'PUBLIC_ORIGIN is not set: only requests to localhost or a loopback address are answered (403 forbidden-host otherwise)',
    });
  }
  return warnings;
}

/**
 * Runs once at start-up: validates the configuration (a bad value stops the server with a clear message),
 * opens the storage (the embedded database under DATA_DIR, or PostgreSQL) and the rate limiters on it,
 * answers unserved methods (TRACE…), installs graceful shutdown and a last-resort log for unhandled rejections,
 * sets the heap growing factor (HEAP_GROWING_PERCENT) and starts the check workers (CHECK_WORKERS).
 *
 * The storage opens here so that a second process on the same DATA_DIR is refused at once and exits non-zero
 * with the reason, before it answers anything. The embedded database failing to open stops the server too.
 * PostgreSQL that can't be reached does not: single checks need no storage, so the server starts, says so,
 * /api/ready reports `storage: unavailable`, and the storage is opened when PostgreSQL answers.
 */
export async function validateConfigAtStartup(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const log = getLog();
  let storageWhere: string | null = null;
  try {
    storageWhere = (await getStorage(config.storage)).where;
  } catch (err) {
    if (err instanceof DataDirInUseError || config.storage.kind === 'sqlite') {
      const message =
        err instanceof DataDirInUseError
          ? err.message
          : `Cannot open the embedded database in DATA_DIR (${config.storage.kind === 'sqlite' ? config.storage.dir : ''}): ${(err as Error).message}`;
      console.error(message);
      log.fatal({ err }, message);
      process.exit(1);
    }
    log.error(
      { err },
      `PostgreSQL (DATABASE_URL) cannot be reached: single checks are served, runs wait until it answers (${(err as Error).message})`,
    );
  }
  const limiters = await getLimiters(config);
  log.info(
    {
      resolvers: config.servers.map(formatServer),
      resolversFrom: config.serversFromSystem ? 'system' : 'DNS_SERVERS',
      allowTestDomains: config.allowTestDomains,
      storage: storageWhere ?? 'unavailable',
      rateLimitStore: limiters.store,
      accessControl: config.accessToken !== null,
      trustProxyHeader: config.trustProxyHeader,
      checkWorkers: config.checkWorkers,
    },
    'config',
  );
  for (const warning of exposureWarnings(config)) log.warn(warning.fields, warning.message);
  // TRACE and the like would otherwise get a bare 500 from Next (lib/server/methods.ts).
  installMethodGuard();
  // The bulk-run check workers load now, so a run's first row does not wait for them.
  bulkCheckPool(config);
  // The run engine starts now, and resumes the runs a restart interrupted.
  getRunEngine();
  // List schedules and alert delivery retries (issue 17).
  startScheduleTicker(config);
  installListAlerts(config);
  installShutdownHandlers(config.shutdownGraceMs, log);
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection');
  });
}

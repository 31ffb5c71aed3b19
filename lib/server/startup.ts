import { setFlagsFromString } from 'node:v8';
import { formatServer } from './dns/resolver';
import { getConfig } from './env';
import { getLog } from './log';
import { getLimiters } from './rate-limit';
import { installShutdownHandlers } from './shutdown';
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
 * Runs once at start-up: validates the configuration (a bad value stops the server with a clear message),
 * opens the rate-limit store, installs graceful shutdown and a last-resort log for unhandled rejections,
 * sets the heap growing factor (HEAP_GROWING_PERCENT) and starts the check workers (CHECK_WORKERS).
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
  try {
    const limiters = await getLimiters(config.rateLimit);
    log.info(
      {
        resolvers: config.servers.map(formatServer),
        resolversFrom: config.serversFromSystem ? 'system' : 'DNS_SERVERS',
        allowTestDomains: config.allowTestDomains,
        rateLimitStore: limiters.store,
        accessControl: config.accessToken !== null,
        trustProxyHeader: config.trustProxyHeader,
        checkWorkers: config.checkWorkers,
      },
      'config',
    );
  } catch (err) {
    console.error(`Invalid configuration:\n  RATE_LIMIT_STORE: cannot open the store: ${(err as Error).message}`);
    process.exit(1);
  }
  if (config.rateLimit.domains < config.maxDomainsPerRequest) {
    log.warn(
      { RATE_LIMIT_DOMAINS: config.rateLimit.domains, MAX_DOMAINS_PER_REQUEST: config.maxDomainsPerRequest },
      'the domain budget is smaller than one full request: such requests always get 429',
    );
  }
  // The bulk-run check workers load now, so a run's first row does not wait for them.
  bulkCheckPool(config);
  installShutdownHandlers(config.shutdownGraceMs, log);
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection');
  });
}

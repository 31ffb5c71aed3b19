import { formatServer } from './dns/resolver';
import { getConfig } from './env';
import { getLog } from './log';
import { getLimiters } from './rate-limit';
import { installShutdownHandlers } from './shutdown';

/**
 * Runs once at start-up: validates the configuration (a bad value stops the server with a clear message),
 * opens the rate-limit store, installs graceful shutdown and a last-resort log for unhandled rejections.
 */
export async function validateConfigAtStartup(): Promise<void> {
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
  installShutdownHandlers(config.shutdownGraceMs, log);
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection');
  });
}

import { formatServer } from './dns/resolver';
import { getConfig } from './env';

/** Validates the configuration once at start-up: a bad value stops the server with a clear message. */
export function validateConfigAtStartup(): void {
  try {
    const config = getConfig();
    console.log(
      JSON.stringify({
        msg: 'config',
        resolvers: config.servers.map(formatServer),
        resolversFrom: config.serversFromSystem ? 'system' : 'DNS_SERVERS',
        allowTestDomains: config.allowTestDomains,
      }),
    );
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

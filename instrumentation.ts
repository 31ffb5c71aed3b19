/** Runs once when the server starts: validate the configuration so a bad value fails fast and clearly. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/server/env');
  try {
    const config = getConfig();
    const servers = config.servers.map((s) => (s.family === 6 ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`));
    console.log(
      JSON.stringify({
        msg: 'config',
        resolvers: servers,
        resolversFrom: config.serversFromSystem ? 'system' : 'DNS_SERVERS',
        allowTestDomains: config.allowTestDomains,
      }),
    );
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

/** Runs once when the server starts. The Node-only work lives in lib/server/startup.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateConfigAtStartup } = await import('./lib/server/startup');
    await validateConfigAtStartup();
  }
}

/**
 * Playwright globalSetup: starts the DNS lab and the production app (same env as the integration
 * suite) and publishes BASE_URL, LAB_RESOLVER and LAB_UNBOUND_CONFIG through process.env, which the
 * workers inherit. The returned function (and playwright-teardown.ts) stops everything.
 */
import { bulkZones, fakeZones, labZones } from '../../lab/fixtures';
import { startLab } from '../../lab/lab';
import { startApp } from './app';
import { appEnv } from './app-env';

type Running = { stop(): Promise<void> };
const KEY = Symbol.for('m365-dns-health.playwright-lab');

/** Stops what globalSetup started (safe to call twice). */
export async function stopPlaywrightLab(): Promise<void> {
  const running = (globalThis as Record<symbol, Running | undefined>)[KEY];
  (globalThis as Record<symbol, Running | undefined>)[KEY] = undefined;
  await running?.stop();
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const lab = await startLab({ zones: [...labZones(), ...bulkZones(20)], fakeZones: fakeZones() });
  try {
    await lab.flushInfra();
    const app = await startApp(appEnv(lab.resolver));
    process.env.BASE_URL = app.url;
    process.env.LAB_RESOLVER = lab.resolver;
    process.env.LAB_UNBOUND_CONFIG = lab.unboundConfig;
    (globalThis as Record<symbol, Running | undefined>)[KEY] = {
      stop: async () => {
        await app.stop();
        await lab.stop();
      },
    };
  } catch (error) {
    await lab.stop();
    throw error;
  }
  return stopPlaywrightLab;
}

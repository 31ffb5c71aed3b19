/** Playwright globalTeardown: stops the lab and app that playwright-setup.ts started (idempotent). */
import { stopPlaywrightLab } from './playwright-setup';

export default async function globalTeardown(): Promise<void> {
  await stopPlaywrightLab();
}

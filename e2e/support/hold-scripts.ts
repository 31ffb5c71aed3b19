import type { Page } from '@playwright/test';

/**
 * Holds back every script the page asks for until `release()`: the page is server-rendered and inert meanwhile.
 * Stylesheets pass (a held one would also hold the streamed parts of the page, whose inline scripts wait for it).
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_next/static/chunks/**', async (route) => {
    if (new URL(route.request().url()).pathname.endsWith('.css')) return route.continue();
    await held;
    await route.continue();
  });
  return release;
}

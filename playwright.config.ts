import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/support/chromium';

/**
 * Browser suite: the system Chromium (Playwright never downloads a browser here) against the production build,
 * which e2e/support/playwright-setup.ts starts together with the DNS lab. The setup sets BASE_URL
 * in process.env before the workers start; workers load this file again and inherit it.
 */
export default defineConfig({
  testDir: 'e2e/browser',
  globalSetup: './e2e/support/playwright-setup.ts',
  globalTeardown: './e2e/support/playwright-teardown.ts',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// The test command's stages on another Node version (scripts/test.ts) build better-sqlite3 for that version in a
// copy of its own, so the build in node_modules stays the one for the Node that `npm start` runs. This alias serves
// the test files; the app under test and other processes load it through e2e/support/better-sqlite3-redirect.cjs.
const sqlite = process.env.TEST_BETTER_SQLITE3_DIR;

export default defineConfig({
  // `server-only` throws outside the react-server condition (Next's server bundles); tests load those modules
  // directly, so it is an empty module here.
  resolve: {
    alias: {
      '@': root,
      'server-only': `${root}node_modules/server-only/empty.js`,
      ...(sqlite ? { 'better-sqlite3': sqlite } : {}),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
          // Each test file's embedded database in a temp dir of its own, never the app's ./data.
          setupFiles: ['e2e/support/unit-data-dir.ts'],
          // A check in a unit test never walks from the real root servers: the authoritative path is tested
          // against loopback servers that the test names itself.
          env: { AUTHORITATIVE: '0' },
          // Property tests run hundreds of generated cases: 1.2 s idle, 3.3 s with both cores busy here, so
          // vitest's 5 s default could fail them on a slow machine. Timing is for the bench, not for tests.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['e2e/integration/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

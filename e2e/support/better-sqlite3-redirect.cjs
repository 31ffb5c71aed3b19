/**
 * Preloaded (`node --require`) by the test stages that run on another Node version (scripts/test.ts): makes every
 * `require`/`import` of better-sqlite3 load the copy built for that Node (TEST_BETTER_SQLITE3_DIR), so the build in
 * node_modules stays the one for the Node that `npm start` runs. This includes the production app, whose server
 * bundles load it as an external under a hashed alias (`.next/node_modules/better-sqlite3-<hash>`, a symlink back
 * to node_modules), which neither NODE_PATH nor vitest's alias reaches.
 */
'use strict';
const { registerHooks } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = process.env.TEST_BETTER_SQLITE3_DIR;
// better-sqlite3, Turbopack's hashed external alias of it, and their subpaths.
const SPECIFIER = /^better-sqlite3(?:-[0-9a-f]{8,})?(\/.*)?$/;

if (dir) {
  if (typeof registerHooks !== 'function') {
    throw new Error(`better-sqlite3-redirect needs module.registerHooks (Node >= 22.15), this is ${process.version}`);
  }
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const match = SPECIFIER.exec(specifier);
      if (!match) return nextResolve(specifier, context);
      // A file, not the package directory: import() of a directory is an error.
      return { url: pathToFileURL(require.resolve(join(dir, match[1] ?? ''))).href, shortCircuit: true };
    },
  });
}

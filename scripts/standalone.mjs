#!/usr/bin/env node
/**
 * Completes the standalone server that `next build` writes to .next/standalone (next.config.ts `output`): adds
 * what the build leaves out — the static assets (.next/static) and public/ — and checks the pieces it must
 * carry: server.js, the check worker thread's chunk, and the better-sqlite3 native addon (pg-boss, its
 * migrations included, and the other pure-JavaScript packages are bundled into the server chunks). The result runs without the source tree: `node .next/standalone/server.js` (PORT, HOSTNAME), or
 * `npm start` (scripts/start-standalone.mjs). Run by scripts/ensure-build.mjs after every build, so the test run,
 * the Dockerfile and `npm start` use the same output (docs/deploy.md).
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.next', 'standalone');

/** Files the standalone server cannot run without; a missing one fails the build here, not in production. */
const REQUIRED = [
  'server.js',
  '.next/BUILD_ID',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  'node_modules/next/package.json',
];

if (!existsSync(join(out, 'server.js'))) {
  console.error('standalone: .next/standalone/server.js is missing; run `next build` first (output: standalone).');
  process.exit(1);
}
for (const [from, to] of [
  [join(root, '.next', 'static'), join(out, '.next', 'static')],
  [join(root, 'public'), join(out, 'public')],
]) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
// A data directory left in the output by a local run must not ship.
rmSync(join(out, 'data'), { recursive: true, force: true });
const missing = REQUIRED.filter((file) => !existsSync(join(out, file)));
const chunks = join(out, '.next', 'server', 'chunks');
if (!existsSync(chunks) || !readdirSync(chunks).some((name) => name.includes('check-worker'))) {
  missing.push('.next/server/chunks/[worker thread]-…check-worker… (the check worker)');
}
if (missing.length > 0) {
  console.error(`standalone: the output lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`standalone: .next/standalone is complete (${readdirSync(out).length} entries); start: node server.js`);

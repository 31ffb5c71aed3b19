#!/usr/bin/env node
/**
 * Runs `next build` when the production build is missing or older than its sources
 * (app/, components/, lib/, public/, next.config.ts, proxy.ts, package.json, lock file, tsconfig, postcss; a
 * file deleted from those folders too); otherwise says the build is current. Test files do not count as sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildId = join(root, '.next', 'BUILD_ID');
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = [
  'next.config.ts',
  'next.config.mjs',
  'proxy.ts',
  'instrumentation.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];
const IGNORED = /(\.test\.tsx?|\.spec\.tsx?)$/;

/**
 * The newest source file under `dir` as { file, mtimeMs }, or undefined. A directory counts by its own time too:
 * deleting or renaming a file changes only its directory's.
 */
function newest(dir, best) {
  const dirMtimeMs = statSync(dir).mtimeMs;
  let current = !best || dirMtimeMs > best.mtimeMs ? { file: `${dir}/`, mtimeMs: dirMtimeMs } : best;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) current = newest(path, current);
    } else if (entry.isFile() && !IGNORED.test(entry.name)) {
      const mtimeMs = statSync(path).mtimeMs;
      if (!current || mtimeMs > current.mtimeMs) current = { file: path, mtimeMs };
    }
  }
  return current;
}

function newestSource() {
  let best;
  for (const dir of SOURCE_DIRS) {
    const path = join(root, dir);
    if (existsSync(path)) best = newest(path, best);
  }
  for (const file of SOURCE_FILES) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const mtimeMs = statSync(path).mtimeMs;
    if (!best || mtimeMs > best.mtimeMs) best = { file: path, mtimeMs };
  }
  return best;
}

function reasonToBuild() {
  if (!existsSync(buildId)) return '.next/BUILD_ID is missing';
  if (!existsSync(join(root, '.next', 'standalone', 'server.js'))) return '.next/standalone/server.js is missing';
  const built = statSync(buildId).mtimeMs;
  const source = newestSource();
  if (source && source.mtimeMs > built) return `${relative(root, source.file)} is newer than the build`;
  return undefined;
}

const reason = reasonToBuild();
if (!reason) {
  console.log('ensure-build: the production build is current (.next/BUILD_ID is newer than every source).');
  process.exit(0);
}
console.log(`ensure-build: building (${reason}) …`);
const result = spawnSync(join(root, 'node_modules', '.bin', 'next'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
});
if (result.error) {
  console.error(`ensure-build: could not run next build: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);
// The standalone server with its static assets (scripts/standalone.mjs): what the tests and the Dockerfile run.
const assembled = spawnSync(process.execPath, [join(root, 'scripts', 'standalone.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(assembled.status ?? 1);

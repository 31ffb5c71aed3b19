#!/usr/bin/env node
/**
 * `npm start`: runs the standalone server (.next/standalone/server.js, see scripts/standalone.mjs) on PORT (default
 * 3000) and BIND_HOST (default every interface), with this process's environment. The same server runs without
 * the source tree: copy .next/standalone anywhere and run `node server.js` there with the same variables
 * (docs/deploy.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const server = join(import.meta.dirname, '..', '.next', 'standalone', 'server.js');
if (!existsSync(server)) {
  console.error('start: no standalone build; run `npm run build` (or `node scripts/ensure-build.mjs`).');
  process.exit(1);
}
// The standalone server binds HOSTNAME, which shells and containers set to the machine's name: take BIND_HOST.
const child = spawn(process.execPath, [server], {
  stdio: 'inherit',
  env: { ...process.env, HOSTNAME: process.env.BIND_HOST || '::', NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));

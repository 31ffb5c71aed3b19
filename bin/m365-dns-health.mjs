#!/usr/bin/env node
// The package's command: the compiled CLI (dist/cli.mjs, built by `npm install`'s prepare or `npm run build`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('The command-line tool is not built yet: run `npm run build:cli` in the repository.\n');
  process.exit(5);
}
await import(cli.href);

/**
 * Unit-test setup: every test file gets an embedded database directory of its own in the temp dir, so a unit
 * test that reaches the storage layer (the rate limiter, the run store) never writes to the repository's
 * `./data` (the running app's) and never sees counts a previous run left there (the unit stage runs twice, on
 * Node 20 and on Node 24, within one rate-limit window). Removed when the file's tests are done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'm365-unit-data-'));
process.env.DATA_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

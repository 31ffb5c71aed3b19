/**
 * The standalone build runs without the source tree (issue 19 item 3): .next/standalone (next build +
 * scripts/standalone.mjs, what the Dockerfile ships) is copied to a temp directory and started there with one
 * command, `node server.js`, as the Dockerfile's CMD does. Then: liveness, readiness, a check against the lab, the
 * pages' static assets, and a bulk run that the check worker threads do (`dns.workerSent > 0`).
 */
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../lab/net';
import { logTail, type Managed, spawnManaged, waitUntil } from '../../lab/process';
import { HealthResponse, ReadyResponse } from '../../lib/openapi/ops-schemas';
import { Report, RunCreated } from '../../lib/schema';
import { repoRoot } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, post } from '../support/http';
import { summary, until } from '../support/runs';

const resolver = inject('resolver');
const bulkCount = inject('bulkCount');

let dir: string;
let url: string;
let server: Managed;

/** Every symbolic link under `root` whose target lies outside `root` (the copy would still need the source tree). */
function linksOutside(root: string, at = root): string[] {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      const target = resolve(dirname(path), readlinkSync(path));
      return target.startsWith(`${root}/`) ? [] : [`${path} → ${target}`];
    }
    return stat.isDirectory() ? linksOutside(root, path) : [];
  });
}

beforeAll(async () => {
  const built = join(repoRoot(), '.next', 'standalone');
  expect(existsSync(join(built, 'server.js')), 'run node scripts/ensure-build.mjs first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'm365-standalone-'));
  cpSync(built, join(dir, 'app'), { recursive: true, verbatimSymlinks: true });
  const port = await freePort('127.0.0.1');
  url = `http://127.0.0.1:${port}`;
  server = spawnManaged({
    name: 'standalone',
    command: process.execPath,
    args: ['server.js'],
    cwd: join(dir, 'app'),
    env: {
      // Not the test's environment: nothing from the source tree (NODE_PATH, npm's variables) reaches it.
      PATH: process.env.PATH ?? '',
      ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
      ...(process.env.TEST_BETTER_SQLITE3_DIR ? { TEST_BETTER_SQLITE3_DIR: process.env.TEST_BETTER_SQLITE3_DIR } : {}),
      ...appEnv(resolver),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTHORITATIVE: '0',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      BIND_HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      CHECK_WORKERS: '1',
    },
    logFile: join(dir, 'server.log'),
  });
  await waitUntil(async () => (await fetch(`${url}/api/health`)).status === 200, {
    timeoutMs: 60_000,
    intervalMs: 200,
    abortIf: () => (server.hasExited ? 'node server.js exited' : undefined),
    describe: () => `server log:\n${logTail(join(dir, 'server.log'), 40)}`,
  });
});

afterAll(async () => {
  await server?.stop(3000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the standalone server, copied away from the source tree', () => {
  it('needs nothing outside its directory', () => {
    expect(linksOutside(join(dir, 'app'))).toEqual([]);
  });

  it('answers /api/health and /api/ready', async () => {
    const health = await get(url, '/api/health');
    expect(health.status).toBe(200);
    HealthResponse.parse(health.json);
    const ready = await get(url, '/api/ready');
    expect(ready.status, ready.text).toBe(200);
    expect(ReadyResponse.parse(ready.json)).toMatchObject({ status: 'ready', storage: 'ok' });
  });

  it('checks a domain against the lab', async () => {
    const result = await get(url, '/api/check?domain=healthy-ww.test');
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(Report.parse(result.json).summary.health).toBe('healthy');
  });

  it('serves the page and its static assets', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset, 'a /_next/static asset in the page').toBeDefined();
    expect((await fetch(`${url}${asset}`)).status).toBe(200);
  });

  it('runs a bulk list on the check workers (dns.workerSent > 0)', async () => {
    const domains = Array.from(
      { length: Math.min(12, bulkCount) },
      (_, i) => `bulk-${String(i + 1).padStart(4, '0')}.test`,
    );
    const created = await post(url, '/api/runs', { domains, cloud: 'auto' });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const { id } = RunCreated.parse(created.json);
    const done = await until(
      'the run to finish',
      async () => {
        const run = await summary(url, id);
        return run.status === 'done' ? run : undefined;
      },
      60_000,
    );
    expect(done.checked).toBe(domains.length);
    const health = HealthResponse.parse((await get(url, '/api/health')).json);
    expect(health.dns?.workerSent ?? 0).toBeGreaterThan(0);
  });
});

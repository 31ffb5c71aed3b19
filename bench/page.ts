/**
 * Page weight and start-up: the first-load JavaScript of a route (gzip, from the build manifests:
 * the root main files plus the client entry chunks of the root layout and the page), the same
 * measured as script bytes a real Chromium loads, and a cold `next start` time to ready
 * (spawn → `/api/health` 200).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { freePort } from '../lab/net';
import { spawnManaged } from '../lab/process';

export type FirstLoad = {
  /** Of `gzipBytes`, the framework files every page loads (Next's root main files: React, router, runtime). */
  frameworkGzipBytes: number;
  route: string;
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
};

type RscManifest = { entryJSFiles?: Record<string, string[]> };

function gzipSize(buf: Buffer): number {
  return gzipSync(buf).length;
}

/**
 * First-load JS of the app route whose page lives at `app/<segment>/page.tsx` (`''` for `/`), or
 * undefined when the build has no such route. Polyfills (served only to browsers without modules) are left out, as Next does.
 */
export function firstLoadJs(appDir: string, segment: string, route: string): FirstLoad | undefined {
  const next = join(appDir, '.next');
  const pageDir = join(next, 'server', 'app', ...(segment ? segment.split('/') : []));
  const manifestFile = join(pageDir, 'page_client-reference-manifest.js');
  if (!existsSync(manifestFile)) return undefined;
  const build = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const context = createContext({});
  runInContext(readFileSync(manifestFile, 'utf8'), context);
  const all = (context as { __RSC_MANIFEST?: Record<string, RscManifest> }).__RSC_MANIFEST ?? {};
  const key = segment ? `/${segment}/page` : '/page';
  const entries = all[key]?.entryJSFiles ?? {};
  const files = new Set<string>(build.rootMainFiles ?? []);
  // Every entry of the page's manifest: the page, its layouts, and the error, loading and not-found boundaries,
  // which Chromium fetches up front too (counting only page and layouts undercounted by 4–9 KB).
  for (const chunks of Object.values(entries)) for (const chunk of chunks) files.add(chunk);
  const measured = [...files].map((file) => {
    const bytes = readFileSync(join(next, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
  });
  const framework = new Set(build.rootMainFiles ?? []);
  return {
    route,
    files: measured,
    gzipBytes: measured.reduce((sum, f) => sum + f.gzipBytes, 0),
    frameworkGzipBytes: measured.filter((f) => framework.has(f.file)).reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

export type BrowserLoad = {
  route: string;
  scripts: number;
  bytes: number;
  gzipBytes: number;
  transferredBytes: number;
};

/** Loads `url` in Chromium and sums the scripts it fetched: raw, gzip (zlib, like the server) and as transferred. */
export async function browserScriptBytes(url: string, route: string): Promise<BrowserLoad> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    const pending: Array<Promise<{ bytes: number; gzipBytes: number; transferredBytes: number }>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return { bytes: body.length, gzipBytes: gzipSize(body), transferredBytes: sizes.responseBodySize };
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const all = await Promise.all(pending);
    return {
      route,
      scripts: all.length,
      bytes: all.reduce((s, x) => s + x.bytes, 0),
      gzipBytes: all.reduce((s, x) => s + x.gzipBytes, 0),
      transferredBytes: all.reduce((s, x) => s + x.transferredBytes, 0),
    };
  } finally {
    await browser.close();
  }
}

/** Spawns `next start` in `appDir` with `env` and returns the ms until `/api/health` answers 200; stops it by PID. */
export async function coldStartMs(appDir: string, env: Record<string, string>): Promise<number> {
  const port = await freePort('127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/health`;
  const started = performance.now();
  const proc = spawnManaged({
    name: 'next-start-timing',
    command: join(appDir, 'node_modules', '.bin', 'next'),
    args: ['start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env, PORT: String(port) },
  });
  try {
    for (;;) {
      if (proc.hasExited) throw new Error('next start exited before /api/health answered');
      if (performance.now() - started > 60_000) throw new Error('next start was not ready within 60 s');
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
        await response.body?.cancel();
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await proc.stop();
  }
}

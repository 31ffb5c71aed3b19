/**
 * `--parts links`: what a hostile share link costs the server (an outside security test: a 5 KB `?z=` link
 * whose list decompresses to 4,000,000 characters made the dashboard render 8 MB; 100 of them took the server
 * from 242 to 568 MB and `/api/health` up to 2.8 s). N requests of each crafted link, C at a time, while
 * `/api/health` is polled; reported: the server's RSS at rest before, its peak (VmHWM) during, at rest after, the
 * page's bytes and latency, and the health latency meanwhile. The app is one of its own with the server's default
 * input limits (the other parts raise them): first with the rate limits raised, so the bounded page is measured
 * and not the limiter; then the worst link left with the default rate limits (60 requests a minute per client).
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { type App, startApp } from '../e2e/support/app';
import { fmt, log } from './measure';
import { cpuMs, peakRssMb, pidListeningOn, resetPeakRss, settledRssMb } from './proc';
import { median, percentile } from './stats';

export type LinkKind = 'giant' | 'bounded';

export type LinkAttack = {
  link: LinkKind;
  /** `raised`: out of the way; `default`: RATE_LIMIT_REQUESTS and its window as shipped. */
  rateLimits: 'raised' | 'default';
  /** What the link holds, in words. */
  label: string;
  zChars: number;
  requests: number;
  concurrency: number;
  statuses: Record<string, number>;
  /** Pages rendered without the list because the client's rate limit was reached. */
  rateLimitedPages: number;
  pageBytesMedian: number;
  pageBytesMax: number;
  pageP50Ms: number;
  pageP95Ms: number;
  healthSamples: number;
  healthP50Ms: number;
  healthP95Ms: number;
  healthMaxMs: number;
  /** CPU time (user + system) the server spent while the requests ran: the cost, whatever else loads the machine. */
  serverCpuMs: number;
  rssBeforeMb: number;
  /** VmHWM since the peak was reset before the attack (or since start, when it could not be reset). */
  rssPeakMb: number;
  peakReset: boolean;
  rssAfterMb: number;
};

/** The crafted links: the one reported, and the most a link can still make the dashboard render. */
export function craftedLinks(): Array<{ link: LinkKind; label: string; z: string }> {
  // One "domain" of 4,000,000 characters: the reported link (4,996 characters compressed).
  const giant = `${'a'.repeat(3_999_996)}.com`;
  // The longest list the default limits let through: entries of MAX_LINE_LENGTH (1,024) up to MAX_BODY_BYTES
  // (524,288 characters with their separators), all rendered.
  const entry = `${'b'.repeat(1020)}.com`;
  const bounded = Array.from({ length: Math.floor((512 * 1024 + 1) / 1025) }, () => entry).join('\n');
  return [
    { link: 'giant', label: 'one 4,000,000-character entry', z: compressToEncodedURIComponent(giant) },
    {
      link: 'bounded',
      label: `${Math.floor((512 * 1024 + 1) / 1025)} entries of 1,024 characters (${bounded.length.toLocaleString('en-US')} characters)`,
      z: compressToEncodedURIComponent(bounded),
    },
  ];
}

type Fetched = { ms: number; status: number; bytes: number; rateLimited: boolean };

async function timed(url: string): Promise<Fetched> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    const body = await response.text();
    const ms = performance.now() - started;
    // The page says so when the rate limit kept it from reading the list (the notice's test id).
    const rateLimited = body.includes('data-testid="share-notice-rate-limited"');
    return { ms, status: response.status, bytes: Buffer.byteLength(body), rateLimited };
  } catch {
    return { ms: performance.now() - started, status: 0, bytes: 0, rateLimited: false };
  }
}

/** `requests` GETs of `path`, `concurrency` at a time, while `/api/health` is asked one after another. */
async function attack(app: App, path: string, requests: number, concurrency: number) {
  const pages: Fetched[] = [];
  const health: number[] = [];
  let next = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      health.push((await timed(`${app.url}/api/health`)).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        pages.push(await timed(`${app.url}${path}`));
      }
    }),
  );
  done = true;
  await poll;
  return { pages, health };
}

/**
 * Starts the build in `appDir` with `env` and `raisedRateLimits` and runs each crafted link against `/` (`requests`
 * requests, `concurrency` at a time); then again with the default rate limits for the `bounded` link. Stops each
 * app before returning.
 */
export async function measureLinks(options: {
  appDir: string;
  env: Record<string, string>;
  raisedRateLimits: Record<string, string>;
  requests: number;
  concurrency: number;
}): Promise<LinkAttack[]> {
  const links = craftedLinks();
  const out: LinkAttack[] = [];
  const rounds = [
    { rateLimits: 'raised' as const, env: { ...options.env, ...options.raisedRateLimits }, links },
    { rateLimits: 'default' as const, env: options.env, links: links.filter((l) => l.link === 'bounded') },
  ];
  for (const round of rounds) {
    const cwd = process.cwd();
    process.chdir(options.appDir); // startApp starts the build of the repository it finds from cwd
    let app: App;
    try {
      app = await startApp(round.env);
    } finally {
      process.chdir(cwd);
    }
    try {
      const pid = pidListeningOn(app.port);
      if (pid === undefined) throw new Error('the next-server process was not found: no RSS figures');
      // Load and optimise the page's code first (ordinary pages, no list: nothing is charged).
      for (let i = 0; i < 20; i++) await timed(`${app.url}/?cloud=auto`);
      for (const { link, label, z } of round.links) {
        out.push(await measureOne(app, pid, { link, label, z, rateLimits: round.rateLimits }, options));
      }
    } finally {
      await app.stop();
    }
  }
  return out;
}

async function measureOne(
  app: App,
  pid: number,
  crafted: { link: LinkKind; label: string; z: string; rateLimits: 'raised' | 'default' },
  options: { requests: number; concurrency: number },
): Promise<LinkAttack> {
  const { link, label, z, rateLimits } = crafted;
  const rssBeforeMb = await settledRssMb(pid);
  const peakReset = resetPeakRss(pid);
  log(
    `links: ${options.requests} × /?z=<${z.length} characters: ${label}>, ${options.concurrency} at a time, rate limits ${rateLimits} …`,
  );
  const cpuBefore = cpuMs(pid) ?? Number.NaN;
  const { pages, health } = await attack(app, `/?z=${z}&cloud=auto`, options.requests, options.concurrency);
  const serverCpuMs = (cpuMs(pid) ?? Number.NaN) - cpuBefore;
  const rssPeakMb = peakRssMb(pid) ?? Number.NaN;
  const rssAfterMb = await settledRssMb(pid);
  const statuses: Record<string, number> = {};
  for (const p of pages) statuses[String(p.status)] = (statuses[String(p.status)] ?? 0) + 1;
  const times = pages.map((p) => p.ms);
  const result: LinkAttack = {
    link,
    rateLimits,
    label,
    zChars: z.length,
    requests: options.requests,
    concurrency: options.concurrency,
    statuses,
    rateLimitedPages: pages.filter((p) => p.rateLimited).length,
    pageBytesMedian: median(pages.map((p) => p.bytes)),
    pageBytesMax: Math.max(...pages.map((p) => p.bytes)),
    pageP50Ms: percentile(times, 50),
    pageP95Ms: percentile(times, 95),
    healthSamples: health.length,
    healthP50Ms: percentile(health, 50),
    healthP95Ms: percentile(health, 95),
    healthMaxMs: Math.max(...health),
    serverCpuMs,
    rssBeforeMb,
    rssPeakMb,
    peakReset,
    rssAfterMb,
  };
  log(
    `links ${link} (rate limits ${rateLimits}): server CPU ${fmt(serverCpuMs)} ms, page ${fmt(result.pageBytesMedian / 1024)} KB, p95 ${fmt(result.pageP95Ms)} ms; /api/health p95 ${fmt(result.healthP95Ms)} ms (max ${fmt(result.healthMaxMs)}); RSS ${fmt(rssBeforeMb)} → ${fmt(rssPeakMb)} → ${fmt(rssAfterMb)} MB`,
  );
  return result;
}

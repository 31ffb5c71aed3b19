/**
 * deploy/nginx.conf in front of the app, with Debian's nginx on loopback (scripts/test.ts installs nginx-light):
 * a check through it, a long share link, an NDJSON stream that arrives line by line (the first report before the
 * stream ends), and the client's address passed through to the app (its rate-limit key in the request log).
 * The app sends `X-Accel-Buffering: no` itself, so its stream can't tell whether the config turns buffering off: the
 * config's `location /` is also put in front of a stub upstream of the test's own that streams NDJSON without that
 * header, and the stub writes its last line only once the client has read the first through nginx (or after a
 * wait, saying so): with `proxy_buffering off;` deleted from the config, that test fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../lab/net';
import { logTail, type Managed, spawnManaged, waitUntil } from '../../lab/process';
import { Report } from '../../lib/schema';
import { type App, repoRoot, startApp } from '../support/app';
import { appEnv } from '../support/app-env';

const resolver = inject('resolver');
const PROXY_SECRET = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';

let app: App;
let nginx: Managed;
let dir: string;
let proxyUrl: string;
let proxyPort: number;
let stub: Server;
let stubProxyPort: number;
/** Lets the stub's open response write its next part (set while one is open). */
let advanceStub: (() => void) | null = null;
/** Milliseconds the stub waits for the client before it writes the rest anyway. */
const STUB_WAIT_MS = 3000;

/** The body of the first `location / { … }` block of `conf` (braces matched). */
function locationBody(conf: string): string {
  const start = conf.indexOf('location / {');
  if (start < 0) throw new Error('deploy/nginx.conf has no `location / {`');
  let depth = 0;
  for (let i = conf.indexOf('{', start); i < conf.length; i++) {
    if (conf[i] === '{') depth++;
    if (conf[i] === '}' && --depth === 0) return conf.slice(conf.indexOf('{', start) + 1, i);
  }
  throw new Error('unbalanced braces in deploy/nginx.conf');
}

/**
 * An NDJSON upstream without `X-Accel-Buffering`, driven by what the client has seen: the headers at once, the first
 * line once the client has the headers (so the line isn't read with them), the last once the client has read the
 * first. When the client doesn't see something, the stub writes the rest after STUB_WAIT_MS; the last line says
 * which happened.
 */
function startStub(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
    res.flushHeaders();
    const steps = [
      () => res.write(`${JSON.stringify({ line: 1 })}\n`),
      (writtenAfter: string) => res.end(`${JSON.stringify({ line: 2, writtenAfter })}\n`),
    ];
    const timer = setTimeout(() => {
      advanceStub = null;
      for (const step of steps.splice(0)) step('the wait ran out');
    }, STUB_WAIT_MS);
    advanceStub = () => {
      steps.shift()?.('the client read the first line');
      if (steps.length > 0) return;
      clearTimeout(timer);
      advanceStub = null;
    };
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A request through nginx from `localAddress` (another loopback address: the client the app should see). */
function send(
  path: string,
  options: {
    method?: string;
    body?: string;
    localAddress?: string;
    onLine?: (line: string, ended: boolean) => void;
  } = {},
): Promise<{ status: number; text: string; firstLineBeforeEnd: boolean | null }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        path,
        method: options.method ?? 'GET',
        localAddress: options.localAddress,
        headers: options.body
          ? { 'Content-Type': 'application/json', Origin: proxyUrl, 'Content-Length': Buffer.byteLength(options.body) }
          : {},
      },
      (res) => {
        let text = '';
        let firstLineBeforeEnd: boolean | null = null;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          // The chunk that brings the first complete line: did the stream's last line (`done`) come with it?
          if (firstLineBeforeEnd === null && text.includes('\n')) firstLineBeforeEnd = !text.includes('"type":"done"');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, firstLineBeforeEnd }));
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timed out')));
    req.end(options.body);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'm365-nginx-'));
  app = await startApp({ ...appEnv(resolver), TRUST_PROXY_HEADER: 'x-forwarded-for', PROXY_SECRET, LOG_LEVEL: 'info' });
  proxyPort = await freePort('127.0.0.1');
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  stub = await startStub();
  stubProxyPort = await freePort('127.0.0.1');
  // The example as shipped, its placeholders filled in, inside a minimal main configuration of our own.
  const site = readFileSync(join(repoRoot(), 'deploy', 'nginx.conf'), 'utf8')
    .replace('__UPSTREAM__', `127.0.0.1:${app.port}`)
    .replace('__LISTEN__', `127.0.0.1:${proxyPort}`)
    .replace('__PROXY_SECRET__', PROXY_SECRET);
  // Its `location /`, word for word, in front of the stub.
  const stubSite =
    `upstream ndjson_stub {\n  server 127.0.0.1:${(stub.address() as AddressInfo).port};\n  keepalive 4;\n}\n` +
    `server {\n  listen 127.0.0.1:${stubProxyPort};\n  server_name _;\n  location / {` +
    `${locationBody(site).replace('http://m365_dns_health', 'http://ndjson_stub')}}\n}\n`;
  writeFileSync(join(dir, 'site.conf'), `${site}\n${stubSite}`);
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${user}daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 64; }\nhttp {\n  access_log off;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('') +
      `  include ${dir}/site.conf;\n}\n`,
  );
  nginx = spawnManaged({
    name: 'nginx',
    command: '/usr/sbin/nginx',
    args: ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')],
    logFile: join(dir, 'out.log'),
    stopSignal: 'SIGQUIT',
  });
  await waitUntil(async () => (await fetch(`${proxyUrl}/api/health`)).status === 200, {
    timeoutMs: 20_000,
    intervalMs: 100,
    abortIf: () => (nginx.hasExited ? 'nginx exited' : undefined),
    describe: () => `nginx: ${logTail(join(dir, 'error.log'), 20)} ${logTail(join(dir, 'out.log'), 20)}`,
  });
});

afterAll(async () => {
  await nginx?.stop(3000);
  await new Promise<void>((resolve) => {
    if (!stub) return resolve();
    stub.closeAllConnections();
    stub.close(() => resolve());
  });
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deploy/nginx.conf in front of the app', () => {
  it('passes a check through', async () => {
    const result = await send('/api/check?domain=healthy-ww.test');
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(Report.parse(JSON.parse(result.text)).summary.health).toBe('healthy');
  });

  it('passes a long share link (over nginx’s default 8 KB request line, under Node’s 16 KB)', async () => {
    // Names that compress badly (a pseudo-random label each), so the link is long.
    let seed = 12345;
    const label = () =>
      Array.from({ length: 14 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
      }).join('');
    const domains = Array.from({ length: 800 }, (_, i) => `${label()}-${i}.example.com`);
    const link = `/?z=${compressToEncodedURIComponent(domains.join('\n'))}&c=auto`;
    expect(link.length).toBeGreaterThan(10_000);
    expect(link.length).toBeLessThan(15_000);
    const result = await send(link);
    expect(result.status, result.text.slice(0, 200)).toBe(200);
    expect(result.text).not.toMatch(/414 Request-URI Too Large|400 Bad Request/);
  });

  it('streams NDJSON as it is written: the first report arrives before the stream ends', async () => {
    // healthy-ww.test answers at once; the dropped one waits out its timeouts (DNS_TIMEOUT_MS × DNS_TRIES).
    const body = JSON.stringify({ domains: ['healthy-ww.test', 'slow-proxy.drop.test'] });
    const result = await send('/api/check', { method: 'POST', body });
    expect(result.status).toBe(200);
    const types = result.text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types).toEqual(['report', 'report', 'done']);
    expect(result.firstLineBeforeEnd).toBe(true);
  });

  it('passes a stream line by line even when the upstream does not ask it to (`proxy_buffering off;`)', async () => {
    const lines = await new Promise<unknown[]>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: stubProxyPort, path: '/stream' }, (res) => {
        // The headers have come through nginx: the stub may write the first line.
        advanceStub?.();
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          // The first line has come through nginx (alone): the stub may write its last.
          if (!text.includes('\n') && `${text}${chunk}`.includes('\n')) advanceStub?.();
          text += chunk;
        });
        res.on('end', () =>
          resolve(
            text
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as unknown),
          ),
        );
      });
      req.on('error', reject);
      req.setTimeout(20_000, () => req.destroy(new Error('timed out')));
      req.end();
    });
    // With nginx buffering the response, the first line would come only with the last, after the stub's wait.
    expect(lines).toEqual([{ line: 1 }, { line: 2, writtenAfter: 'the client read the first line' }]);
  });

  it('passes the client address through (the app keys the client by it)', async () => {
    const result = await send('/api/check?domain=ok-ww.test', { localAddress: '127.0.0.2' });
    expect(result.status).toBe(200);
    const log = readFileSync(app.logFile as string, 'utf8');
    const clients = log
      .split('\n')
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => (JSON.parse(l) as { client?: string }).client);
    expect(clients).toContain('ip:127.0.0.2');
  });
});

/**
 * Property tests of the HTTP API (fast-check): whatever JSON body, query string or raw body arrives, the
 * answer is never a 5xx, and it is always a valid `{code, message}` error, a valid report, or a valid
 * NDJSON stream that ends with its `done` line.
 */
import { METHODS } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { ApiError, CLOUD_CHOICES, Report, StreamLine } from '../../lib/schema';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { rawRequest } from '../support/http';

const appUrl = inject('appUrl');
const resolver = inject('resolver');

type Reply = { status: number; type: string; text: string };

async function send(path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(new URL(path, appUrl), { ...init, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Throws (failing the property) unless the reply is one of the three valid shapes. */
function assertValid(reply: Reply, what: string): void {
  if (reply.status >= 500) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 300)}`);
  if (reply.status >= 400) {
    ApiError.parse(JSON.parse(reply.text));
    return;
  }
  if (/ndjson/.test(reply.type)) {
    const lines = reply.text.split('\n').filter((l) => l !== '');
    const parsed = lines.map((l) => StreamLine.parse(JSON.parse(l)));
    if (parsed.at(-1)?.type !== 'done') throw new Error(`${what}: stream without its done line`);
    return;
  }
  Report.parse(JSON.parse(reply.text));
}

/** Strings that look like domain lists half the time, like anything the other half. */
const domainish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 3 })
    .map((labels) => `${labels.join('.')}.test`),
  fc.constantFrom('ok-21v.test', 'drop.test', 'xn--bcher-kva.test', '10.0.0.1', 'localhost', 'a..b', '-x-.test'),
);

const cloud = fc.oneof(
  fc.constantFrom(...CLOUD_CHOICES),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.constant(null),
);

const body = fc.oneof(
  fc.record(
    {
      domains: fc.oneof(
        domainish,
        fc.array(domainish, { maxLength: 6 }).map((a) => a.join(' ')),
        fc.array(domainish, { maxLength: 6 }),
        fc.jsonValue(),
      ),
      cloud,
      fresh: fc.oneof(fc.boolean(), fc.jsonValue()),
      lang: fc.oneof(fc.constantFrom('en', 'zh-CN', ''), fc.jsonValue()),
      server: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('the API never answers 5xx, and always in a valid shape', () => {
  it('POST /api/check with random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const reply = await send('/api/check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(value) ?? 'null',
        });
        assertValid(reply, `POST ${JSON.stringify(value)?.slice(0, 200)}`);
      }),
      { numRuns: 80 },
    );
  });

  it('GET /api/check with random query strings', async () => {
    const key = fc.oneof(fc.constantFrom('domain', 'cloud', 'fresh', 'lang', 'server', 'resolver'), fc.string());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.oneof(domainish, fc.string())), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const reply = await send(`/api/check?${query}`);
        assertValid(reply, `GET ?${query.slice(0, 200)}`);
      }),
      { numRuns: 80 },
    );
  });

  it('POST /api/check with random bytes and content types', async () => {
    const type = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), type, async (bytes, contentType) => {
        const headers: Record<string, string> = {};
        if (contentType !== '' && /^[\x20-\x7e]*$/.test(contentType)) headers['content-type'] = contentType;
        const reply = await send('/api/check', { method: 'POST', headers, body: bytes });
        assertValid(reply, `POST ${bytes.length} bytes as ${contentType}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('no 5xx for odd methods or odd return addresses', () => {
  it('any method on any path: a method no route serves (TRACE…) is a JSON 405, never a 5xx', async () => {
    const method = fc.oneof(
      fc.constantFrom('TRACE', 'TRACK', 'PROPFIND', 'MKCOL', 'PURGE', 'LINK', 'GET', 'HEAD', 'OPTIONS', 'DELETE'),
      fc.stringMatching(/^[A-Z]{3,10}$/),
    );
    const path = fc.constantFrom('/', '/api/check', '/api/runs', '/bulk', '/d/ok-21v.test', '/signin', '/nowhere');
    await fc.assert(
      fc.asyncProperty(method, path, async (m, p) => {
        const reply = await rawRequest(appUrl, p, { method: m });
        if (reply.status >= 500) throw new Error(`${m} ${p}: ${reply.status} ${reply.text.slice(0, 200)}`);
        // A method Node's parser knows but no route serves is ours to answer (405); one it doesn't know, Node
        // refuses itself (400).
        const served = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(m);
        if (!served && METHODS.includes(m) && reply.status !== 405) {
          throw new Error(`${m} ${p}: ${reply.status}, expected 405`);
        }
      }),
      { numRuns: 60 },
    );
  });

  describe('signing in with any `next`', () => {
    const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';
    let app: App | undefined;
    beforeAll(async () => {
      app = await startApp({ ...appEnv(resolver), ACCESS_TOKEN: TOKEN });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('the right token with any `next` is a 303 to a local, ASCII address', async () => {
      const next = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }).map((t) => `/${t}`),
        fc.string({ maxLength: 30 }),
      );
      await fc.assert(
        fc.asyncProperty(next, async (value) => {
          const response = await fetch(new URL('/signin/submit', app!.url), {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token: TOKEN, next: value }).toString(),
          });
          await response.body?.cancel();
          const location = response.headers.get('location') ?? '';
          if (response.status !== 303) throw new Error(`next=${JSON.stringify(value)}: ${response.status}`);
          if (!location.startsWith('/') || location.startsWith('//') || !/^[\x21-\x7e]*$/.test(location)) {
            throw new Error(`next=${JSON.stringify(value)}: Location ${JSON.stringify(location)}`);
          }
        }),
        { numRuns: 60 },
      );
    });
  });
});

import { describe, expect, test } from 'vitest';
import { InputPolicy } from '@/lib/schema';
import { ApiClientError } from './api-error';
import { startCheck } from './check-stream';
import { fetchJson } from './fetcher';

const policy = {
  allowTestDomains: true,
  maxDomainsPerRequest: 500,
  maxLines: 5000,
  maxLineLength: 1024,
  maxBodyBytes: 524288,
};

function fakeFetch(make: () => Response | Promise<Response>): typeof fetch {
  return (async () => make()) as typeof fetch;
}

describe('fetchJson', () => {
  test('returns the parsed body when ok', async () => {
    const data = await fetchJson(
      '/api/policy',
      InputPolicy,
      {},
      fakeFetch(() => Response.json(policy)),
    );
    expect(data).toEqual(policy);
  });

  const failures: Array<{ label: string; make: () => Response | Promise<Response>; code: string; status: number }> = [
    {
      label: 'API error body keeps its code',
      make: () => Response.json({ code: 'too-many-domains', message: 'x', limit: 5, count: 9 }, { status: 413 }),
      code: 'too-many-domains',
      status: 413,
    },
    { label: 'non-JSON 500', make: () => new Response('<html>', { status: 500 }), code: 'internal', status: 500 },
    {
      label: 'a gateway gave up (504)',
      make: () => new Response('<html>', { status: 504 }),
      code: 'timeout',
      status: 504,
    },
    { label: 'request timeout (408)', make: () => new Response('', { status: 408 }), code: 'timeout', status: 408 },
    {
      label: 'non-JSON 429',
      make: () => new Response('slow down', { status: 429 }),
      code: 'rate-limited',
      status: 429,
    },
    { label: 'ok but wrong shape', make: () => Response.json({ nope: true }), code: 'bad-response', status: 200 },
    { label: 'ok but not JSON', make: () => new Response('not json'), code: 'bad-response', status: 200 },
    {
      label: 'network failure',
      make: () => {
        throw new TypeError('Failed to fetch');
      },
      code: 'network',
      status: 0,
    },
  ];
  test.each(failures)('$label', async ({ make, code, status }) => {
    const err = await fetchJson('/x', InputPolicy, {}, fakeFetch(make)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiClientError);
    expect((err as ApiClientError).code).toBe(code);
    expect((err as ApiClientError).status).toBe(status);
  });

  test('the API error body is kept for limits and issues', async () => {
    const body = { code: 'invalid-input', message: 'x', issues: [{ line: 1, input: 'contoso', reason: 'no dot' }] };
    const err = (await fetchJson(
      '/x',
      InputPolicy,
      {},
      fakeFetch(() => Response.json(body, { status: 400 })),
    ).catch((e: unknown) => e)) as ApiClientError;
    expect(err.body?.issues?.[0]?.line).toBe(1);
  });
});

describe('startCheck', () => {
  test('refusal before the stream throws a typed error', async () => {
    const refuse = fakeFetch(() =>
      Response.json({ code: 'too-many-domains', message: 'x', limit: 1, count: 2 }, { status: 413 }),
    );
    const err = await startCheck(
      { domains: 'a.test b.test', cloud: 'auto' },
      new AbortController().signal,
      refuse,
    ).catch((e: unknown) => e);
    expect((err as ApiClientError).code).toBe('too-many-domains');
  });

  test('an accepted request yields the stream lines', async () => {
    const body = `${JSON.stringify({ type: 'done', checked: 0, invalid: 0, duplicates: 0 })}\n`;
    const ok = fakeFetch(() => new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } }));
    const lines = await startCheck({ domains: 'a.test', cloud: 'auto' }, new AbortController().signal, ok);
    const first = await lines.next();
    expect(first.value).toEqual({ ok: true, line: { type: 'done', checked: 0, invalid: 0, duplicates: 0 } });
  });

  test('an aborted request is reported as aborted, not as a network failure', async () => {
    const abort = fakeFetch(() => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    const err = await startCheck({ domains: 'a.test', cloud: 'auto' }, new AbortController().signal, abort).catch(
      (e: unknown) => e,
    );
    expect((err as ApiClientError).code).toBe('aborted');
  });
});

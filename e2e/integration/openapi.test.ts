/**
 * The OpenAPI description against the running app: /api/openapi.json serves the generated document, and each
 * operation's documented example (lib/openapi/routes.ts) sent to the app (with the DNS lab) gets the documented
 * status and a body that the documented schema accepts — JSON answers whole, NDJSON answers line by line against
 * `x-ndjson-item`, error answers against ApiError. Validation, completeness and freshness of the document are
 * unit tests (lib/openapi/document.test.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../../lib/openapi/document';

const appUrl = inject('appUrl');

type Media = { schema?: { $ref?: string }; example?: unknown; 'x-ndjson-item'?: { $ref: string } };
type Operation = {
  operationId: string;
  parameters: { name: string; in: string; example?: string }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  'x-example-status': number;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

const doc = openApiDocument() as unknown as Doc;
const DOC_ID = 'https://m365-dns-health.invalid/openapi.json';
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: DOC_ID, components: doc.components });

/** Checks `value` against the schema `$ref` (`#/components/schemas/…`) of the document; the errors when not. */
function expectValid(ref: string, value: unknown, what: string): void {
  const validate = ajv.getSchema(`${DOC_ID}${ref}`);
  if (!validate) throw new Error(`no schema ${ref}`);
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.slice(0, 5), `${what} against ${ref}`).toEqual([]);
}

/** The run the `{id}` operations use (made by the documented POST /api/runs example). */
const run = { id: '', owner: '' };

/** Sends the operation's documented example; checks status, media type and body against the documented answer. */
async function sendExample(path: string, method: string, op: Operation): Promise<Response> {
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === 'query' && p.example !== undefined) query.set(p.name, p.example);
    if (p.in === 'header' && p.name === 'X-Run-Owner') headers['X-Run-Owner'] = run.owner;
  }
  const body = op.requestBody?.content['application/json']?.example;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `${appUrl}${path.replace('{id}', run.id)}${query.size > 0 ? `?${query}` : ''}`;
  const response = await fetch(url, {
    method: method.toUpperCase(),
    headers: { ...headers, ...(method === 'post' ? { Origin: appUrl } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.clone().text();
  expect(response.status, `${method.toUpperCase()} ${url}: ${text.slice(0, 300)}`).toBe(op['x-example-status']);
  const documented = op.responses[String(response.status)]?.content ?? {};
  const type = (response.headers.get('content-type') ?? '').split(';')[0] as string;
  expect(Object.keys(documented), `${op.operationId}: media type ${type} documented`).toContain(type);
  const media = documented[type] as Media;
  if (media['x-ndjson-item']) {
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const [i, line] of lines.entries())
      expectValid(media['x-ndjson-item'].$ref, JSON.parse(line), `line ${i + 1}`);
  } else if (media.schema?.$ref) {
    expectValid(media.schema.$ref, JSON.parse(text), op.operationId);
  }
  return response;
}

const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);
// A run first (the `{id}` operations need it); cancel last (a cancelled run is not re-checked).
const create = operations.find((o) => o.path === '/api/runs' && o.method === 'post');
const cancel = operations.find((o) => o.path.endsWith('/cancel'));
const others = operations.filter((o) => o !== create && o !== cancel);

beforeAll(async () => {
  if (!create) throw new Error('POST /api/runs is not documented');
  const created = (await (await sendExample(create.path, create.method, create.op)).json()) as {
    id: string;
    ownerToken: string;
  };
  run.id = created.id;
  run.owner = created.ownerToken;
});

describe('the documented examples get the documented answers', () => {
  it('GET /api/openapi.json serves the generated document', async () => {
    const response = await fetch(`${appUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(openApiDocument());
  });

  it.each(others.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))('%s', async (_label, o) => {
    await sendExample(o.path, o.method, o.op);
  });

  it('POST /api/runs/{id}/cancel (last)', async () => {
    if (!cancel) throw new Error('cancel is not documented');
    await sendExample(cancel.path, cancel.method, cancel.op);
  });

  it.each([
    ['GET /api/check with a bad domain', '/api/check?domain=example..com', undefined, 400],
    ['POST /api/check with a wrong body', '/api/check', { domains: 5 }, 400],
    ['GET an unknown run', '/api/runs/00000000-0000-4000-8000-000000000000', undefined, 404],
  ] as const)('%s: the documented error answer', async (_label, path, body, status) => {
    const response = await fetch(`${appUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'Content-Type': 'application/json', Origin: appUrl } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(status);
    const op = doc.paths[path.startsWith('/api/runs') ? '/api/runs/{id}' : '/api/check']?.[body ? 'post' : 'get'];
    const documented = op?.responses[String(status)]?.content?.['application/json']?.schema?.$ref;
    expect(documented, `${status} documented`).toBe('#/components/schemas/ApiError');
    expectValid(documented as string, await response.json(), 'the error');
  });
});

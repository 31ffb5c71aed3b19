/**
 * The OpenAPI 3.1 description of the API, generated from the zod contract (lib/schema.ts and the route schemas)
 * through the route table (./routes.ts) with zod's own JSON Schema output (draft 2020-12, the dialect of OpenAPI
 * 3.1). Every schema is written in its *input* form: the wire form, where a value equal to its default may be
 * left out (the API's compact reports rely on that).
 *
 * NDJSON streams: OpenAPI 3.1 cannot describe a stream of lines, so a streamed response carries the schema of one
 * line in the `x-ndjson-item` extension (a `$ref` to the line type; each line is one JSON value of that schema).
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@/lib/schema';
import { STATUS } from '@/lib/server/http/errors';
import { COMMON_ERRORS, COMPONENTS, type ComponentName, type OperationDoc, type ResponseDoc, ROUTES } from './routes';

/** The version of the API contract (not of the package): raise it when a change breaks clients. */
export const API_VERSION = '1.0.0';

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/** Every named schema as JSON Schema, with references between them as `#/components/schemas/…`. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema as z.ZodType, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each component is its own document to zod; in OpenAPI they live side by side.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _drop, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function parameters(path: string, operation: OperationDoc): unknown[] {
  const fromPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description:
      m[1] === 'domain'
        ? 'A domain name.'
        : path.startsWith('/api/lists')
          ? 'The list id (POST /api/lists answers it).'
          : 'The run id (POST /api/runs answers it).',
  }));
  const fromQuery = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => {
    const field = schema as z.ZodType;
    // A query value is text; a field with a default or optional may be left out.
    const optional = field.safeParse(undefined).success;
    const example = operation.example.query?.[name];
    return {
      name,
      in: 'query',
      required: !optional,
      schema: jsonSchema(field),
      ...(example !== undefined ? { example } : {}),
    };
  });
  const owner = operation.owner
    ? [
        {
          name: 'X-Run-Owner',
          in: 'header',
          required: true,
          schema: { type: 'string' },
          description: 'The `ownerToken` POST /api/runs answered.',
        },
      ]
    : [];
  return [...fromPath, ...fromQuery, ...owner];
}

function response(doc: ResponseDoc): unknown {
  if ('json' in doc)
    return { description: doc.description, content: { 'application/json': { schema: ref(doc.json) } } };
  if ('ndjson' in doc) {
    return {
      description: `${doc.description} (NDJSON: one JSON value per line; each line's schema is \`x-ndjson-item\`).`,
      content: {
        'application/x-ndjson': { schema: { type: 'string' }, 'x-ndjson-item': ref(doc.ndjson) },
      },
    };
  }
  return {
    description: doc.description,
    content: Object.fromEntries(
      Object.entries(doc.media).map(([type, { format }]) => [
        type,
        { schema: format ? { type: 'string', format } : { type: 'string' } },
      ]),
    ),
  };
}

/** The error answers of an operation, grouped by status, each listing its possible codes. */
function errorResponses(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...new Set(codes)]) byStatus.set(STATUS[code], [...(byStatus.get(STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: `Error: ${list.map((c) => `\`${c}\``).join(', ')}`,
          content: { 'application/json': { schema: ref('ApiError') } },
          'x-error-codes': list,
        },
      ]),
  );
}

function operationObject(path: string, method: string, operation: OperationDoc): unknown {
  const common = operation.public
    ? COMMON_ERRORS.filter((c) => c !== 'unauthorized' && c !== 'rate-limited')
    : COMMON_ERRORS;
  return {
    operationId: `${method}${path.replace(/[{}]/g, '').replace(/[/.](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.public ? { security: [] } : {}),
    parameters: parameters(path, operation),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref(operation.body),
                ...(operation.example.body !== undefined ? { example: operation.example.body } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(operation.responses).map(([status, doc]) => [status, response(doc as ResponseDoc)]),
      ),
      ...errorResponses([...operation.errors, ...common]),
    },
    'x-example-status': operation.example.status,
  };
}

/** The whole OpenAPI 3.1 document (deterministic: the same source gives the same bytes). */
export function openApiDocument(): Record<string, unknown> {
  const paths = Object.fromEntries(
    Object.entries(ROUTES).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, operation]) => [method, operationObject(path, method, operation)]),
      ),
    ]),
  );
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'm365-dns-health API',
      version: API_VERSION,
      description:
        'Checks the Microsoft 365 DNS records of domains. Errors are `{code, message}` JSON; every code and its ' +
        'HTTP status is listed in `x-error-codes` below and on each answer. Streamed answers are NDJSON; the ' +
        'schema of one line is in the `x-ndjson-item` extension of the media type. When ACCESS_TOKEN is set, ' +
        'send `Authorization: Bearer <token>` (or sign in at /signin for a session cookie). The sign-in and ' +
        'form routes outside /api (/signin/submit, /signout, /open) are for the page and left out.',
      'x-error-codes': Object.fromEntries(ERROR_CODES.map((code) => [code, STATUS[code]])),
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'check', description: 'Checks of one domain or a list' },
      { name: 'runs', description: 'Stored bulk runs' },
      { name: 'lists', description: 'Lists of domains, their runs, changes and accepted findings' },
      { name: 'operations', description: 'Health, readiness, policy, this description' },
    ],
    security: [{}, { bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'ACCESS_TOKEN' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'm365dh-session',
          description: 'Set by /signin (named __Host-m365dh-session on https)',
        },
      },
    },
  };
}

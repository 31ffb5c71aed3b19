/**
 * The OpenAPI description: the committed docs/openapi.json is what `npm run openapi` writes now, it is a valid
 * OpenAPI 3.1 document (a real validator from npm), and it has every route and method under app/api and every
 * error code. The examples are sent to the running app in e2e/integration/openapi.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/lib/schema';
import { openApiDocument } from './document';

const ROOT = join(__dirname, '..', '..');
const doc = openApiDocument() as {
  paths: Record<string, Record<string, { responses: Record<string, { 'x-error-codes'?: string[] }> }>>;
};

/** Every app/api route file as its OpenAPI path, with the methods it handles (`route(…)`, not `otherMethods`). */
function apiRoutes(dir = join(ROOT, 'app', 'api')): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [p, m] of apiRoutes(path)) out.set(p, m);
    else if (name === 'route.ts') {
      const text = readFileSync(path, 'utf8');
      const methods = [...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = route\(/g)].map((m) =>
        (m[1] as string).toLowerCase(),
      );
      const url = `/${relative(join(ROOT, 'app'), dir)}`.replace(/\[(\w+)\]/g, '{$1}');
      out.set(url, methods.sort());
    }
  }
  return out;
}

describe('docs/openapi.json', () => {
  it('is up to date: run `npm run openapi` after changing the API or lib/openapi/routes.ts', () => {
    const committed = readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every route under app/api with exactly its methods', () => {
    const routes = apiRoutes();
    expect(routes.size).toBeGreaterThan(5);
    const documented = new Map(Object.entries(doc.paths).map(([path, ops]) => [path, Object.keys(ops).sort()]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(routes));
  });

  it('lists every error code with its status, and each answer only known codes', () => {
    const info = (openApiDocument() as { info: { 'x-error-codes': Record<string, number> } }).info;
    expect(Object.keys(info['x-error-codes']).sort()).toEqual([...ERROR_CODES].sort());
    const answered = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).flatMap((op) => Object.values(op.responses).flatMap((r) => r['x-error-codes'] ?? [])),
    );
    expect(answered.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
    // Every code is answered by some documented operation (`not-found`: an unknown list, besides an unknown path).
    expect(ERROR_CODES.filter((code) => !answered.includes(code))).toEqual([]);
  });
});

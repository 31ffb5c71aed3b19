/**
 * Every route states the role it needs (issue 18): each route.ts under app/ is loaded and each handler it exports
 * through `route()` is checked against this table. A new route fails here until it is added with its role.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXPECTED: Record<string, string> = {
  'GET /api/check': 'viewer',
  'POST /api/check': 'viewer',
  'GET /api/health': 'none',
  'GET /api/openapi.json': 'none',
  'GET /api/policy': 'none',
  'GET /api/ready': 'none',
  'POST /api/runs': 'operator',
  'GET /api/runs/[id]': 'viewer',
  'POST /api/runs/[id]/cancel': 'operator',
  'GET /api/runs/[id]/events': 'viewer',
  'GET /api/runs/[id]/export': 'viewer',
  'POST /api/runs/[id]/recheck': 'operator',
  // Lists (issue 17): reading is a viewer's, changing (lists, runs, acceptances) an operator's.
  'GET /api/lists': 'viewer',
  'POST /api/lists': 'operator',
  'GET /api/lists/[id]': 'viewer',
  'PATCH /api/lists/[id]': 'operator',
  'DELETE /api/lists/[id]': 'operator',
  'GET /api/lists/[id]/runs': 'viewer',
  'POST /api/lists/[id]/runs': 'operator',
  'GET /api/lists/[id]/changes': 'viewer',
  'GET /api/lists/[id]/export': 'viewer',
  'POST /api/lists/[id]/acceptances': 'operator',
  'DELETE /api/lists/[id]/acceptances': 'operator',
  'GET /api/domains/[domain]/history': 'viewer',
  'POST /open': 'viewer',
  // alerts (issue 17 part B): reading is for viewers, changing for operators
  'GET /api/channels': 'viewer',
  'POST /api/channels': 'operator',
  'GET /api/channels/[id]': 'viewer',
  'PATCH /api/channels/[id]': 'operator',
  'DELETE /api/channels/[id]': 'operator',
  'POST /api/channels/[id]/test': 'operator',
  'GET /api/channels/[id]/deliveries': 'viewer',
  'GET /api/lists/[id]/schedule': 'viewer',
  'PUT /api/lists/[id]/schedule': 'operator',
  'DELETE /api/lists/[id]/schedule': 'operator',
  'GET /api/lists/[id]/alerts': 'viewer',
  'PUT /api/lists/[id]/alerts': 'operator',
  'POST /api/lists/[id]/alerts/test': 'operator',
  'GET /api/lists/[id]/deliveries': 'viewer',
  'POST /api/watches': 'operator',
  'GET /api/watches/[id]': 'viewer',
  'DELETE /api/watches/[id]': 'operator',
  'GET /signin/entra': 'none',
  'GET /signin/entra/callback': 'none',
  'POST /signin/submit': 'none',
  'POST /signout': 'none',
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

describe('every route declares its role', () => {
  it('matches the table, and no route is left out', async () => {
    const app = join(process.cwd(), 'app');
    const found: Record<string, string> = {};
    for (const file of routeFiles(app)) {
      const path = `/${relative(app, file).replace(/\/?route\.ts$/, '')}`;
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const handler = mod[method] as { role?: string } | undefined;
        // Handlers from otherMethods() answer 405 and carry no role; every route() handler does.
        if (handler && typeof handler.role === 'string') found[`${method} ${path}`] = handler.role;
      }
    }
    expect(found).toEqual(EXPECTED);
  });
});

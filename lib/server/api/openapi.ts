/** GET /api/openapi.json: the OpenAPI 3.1 description (lib/openapi), made once per process. */
import 'server-only';
import { openApiDocument } from '@/lib/openapi/document';

let cached: string | null = null;

export function openApi(): Response {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}

/**
 * `npm run openapi`: writes the OpenAPI 3.1 description (lib/openapi) to docs/openapi.json. Run with the
 * react-server condition (package.json) because the route schemas live in server modules (`server-only`).
 * lib/openapi/document.test.ts fails while the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../lib/openapi/document';

const file = join(import.meta.dirname, '..', 'docs', 'openapi.json');
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${file}`);

// Writes openapi/openapi.json from the route schemas: `npm run openapi`.
import { writeFileSync } from 'node:fs';
import { generateOpenApiDocument } from '../src/transports/http/openapi-document.js';

const path = new URL('../openapi/openapi.json', import.meta.url);
writeFileSync(path, await generateOpenApiDocument());
console.log(`wrote ${path.pathname}`);

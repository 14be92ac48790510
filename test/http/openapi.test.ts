import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { generateOpenApiDocument } from '../../src/transports/http/openapi-document.js';

const committedPath = new URL('../../openapi/openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('is committed exactly as the route schemas generate it (run `npm run openapi` after changing a route)', async () => {
    const generated = await generateOpenApiDocument();
    expect(readFileSync(committedPath, 'utf8')).toBe(generated);
  });

  it('passes an OpenAPI 3 validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(readFileSync(committedPath, 'utf8')));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  const doc = JSON.parse(readFileSync(committedPath, 'utf8'));
  const operations: [string, string, any][] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths))
    for (const [method, op] of Object.entries(item)) operations.push([method.toUpperCase(), path, op]);

  it('documents every route of the contract', () => {
    const routes = operations.map(([m, p]) => `${m} ${p}`);
    for (const r of [
      'POST /v1/sessions', 'GET /v1/sessions/{sid}', 'DELETE /v1/sessions/{sid}',
      'GET /v1/sessions/{sid}/models', 'POST /v1/sessions/{sid}/models',
      'GET /v1/sessions/{sid}/models/{name}', 'DELETE /v1/sessions/{sid}/models/{name}',
      'GET /v1/sessions/{sid}/models/{name}/parameters',
      'GET /v1/sessions/{sid}/models/{name}/parameters/{param}', 'PUT /v1/sessions/{sid}/models/{name}/parameters/{param}', 'PATCH /v1/sessions/{sid}/models/{name}/parameters/{param}',
      'GET /v1/sessions/{sid}/models/{name}/state_dict', 'PUT /v1/sessions/{sid}/models/{name}/state_dict',
      'POST /v1/sessions/{sid}/models/{name}/initialize', 'POST /v1/sessions/{sid}/models/{name}/ties',
      'POST /v1/sessions/{sid}/models/{name}/forward', 'POST /v1/sessions/{sid}/models/{name}/backward', 'POST /v1/sessions/{sid}/models/{name}/zero_grad',
      'GET /healthz', 'GET /readyz', 'GET /metrics',
    ]) expect(routes).toContain(r);
  });

  it.each(operations)('%s %s documents its success body and its problem+json errors, with examples', (_method, path, op) => {
    const codes = Object.keys(op.responses);
    const success = codes.filter((c) => c.startsWith('2'));
    expect(success.length).toBeGreaterThan(0);
    for (const code of success) {
      const r = op.responses[code];
      expect(r.description).not.toBe('Default Response');
      if (code === '204') continue;
      const media = Object.values<any>(r.content ?? {})[0];
      expect(media, `${code} has a body`).toBeDefined();
      const hasExample = media.example !== undefined || media.examples !== undefined || media.schema?.example !== undefined;
      expect(hasExample, `${code} has an example`).toBe(true);
    }
    const errors = codes.filter((c) => /^[45]/.test(c));
    if (path.startsWith('/v1/')) expect(errors.length).toBeGreaterThan(0);
    for (const code of errors) {
      const media = op.responses[code].content?.['application/problem+json'];
      expect(media, `${code} is application/problem+json`).toBeDefined();
      expect(media.schema.$ref).toBe('#/components/schemas/Problem');
      expect(media.example.status).toBe(Number(code));
    }
  });
});

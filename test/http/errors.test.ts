import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { buildTestApp, createNet, modelUrl, newSession, problem, snapshot, type SessionCreds, type TestApp } from './support/app.js';
import { STORES, stopRedisServer } from './support/stores.js';

/**
 * Errors (issue 3, item 6): every failure is problem+json with type, title,
 * status, detail, a stable code and the offending field or path; fastify's
 * own errors come out in the same shape; a failed request leaves the model
 * exactly as it was; a 5xx hides internals and is logged with its stack.
 */
afterAll(stopRedisServer);

const TIED = {
  type: 'Sequential',
  shared: { shared: { type: 'Linear', in_features: 8, out_features: 8 } },
  layers: [
    { type: 'Linear', in_features: 4, out_features: 8 },
    { type: 'ReLU' },
    { ref: 'shared' },
    { type: 'ReLU' },
    { ref: 'shared' },
    { type: 'ReLU' },
    { type: 'Linear', in_features: 8, out_features: 1 },
  ],
};

describe('fastify\'s own errors leave in the one problem+json shape', () => {
  let t: TestApp;
  let s: SessionCreds;
  beforeAll(async () => {
    t = await buildTestApp();
    s = await newSession(t);
    await createNet(t, s);
  });
  afterAll(async () => t?.close());

  const json = { 'content-type': 'application/json' };
  const cases: [string, () => InjectOptions, number, string, string | undefined][] = [
    ['malformed JSON', () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: { ...s.auth, ...json }, payload: '{"input": [1, 2' }), 400, 'INVALID_JSON', undefined],
    ['trailing garbage', () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: { ...s.auth, ...json }, payload: '{"input": 1} x' }), 400, 'INVALID_JSON', undefined],
    ['empty body with a JSON content type', () => ({ method: 'POST', url: modelUrl(s), headers: { ...s.auth, ...json }, payload: '' }), 400, 'INVALID_JSON', undefined],
    ['a body that is not an object', () => ({ method: 'POST', url: modelUrl(s), headers: { ...s.auth, ...json }, payload: '[1, 2]' }), 400, 'INVALID_ARGUMENT', 'body'],
    ['null body', () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: { ...s.auth, ...json }, payload: 'null' }), 400, 'INVALID_ARGUMENT', 'body'],
    ['missing required field', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { architecture: { type: 'ReLU' } } }), 400, 'INVALID_ARGUMENT', 'name'],
    ['unknown field', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'x', architecture: { type: 'ReLU' }, colour: 'red' } }), 400, 'INVALID_ARGUMENT', 'colour'],
    ['unknown field in a PATCH', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { op: 'add', value: 1, idx: '0' } }), 400, 'INVALID_ARGUMENT', 'idx'],
    // Wrong types are refused, not coerced: "5" is no name, null is no `false`, "true" is no boolean.
    ['number for a string', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 5, architecture: { type: 'ReLU' } } }), 400, 'INVALID_ARGUMENT', 'name'],
    ['string for an integer', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'x', seed: '7', architecture: { type: 'ReLU' } } }), 400, 'INVALID_ARGUMENT', 'seed'],
    ['fraction for an integer', () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: [1, 2, 3, 4], seed: 1.5 } }), 400, 'INVALID_ARGUMENT', 'seed'],
    ['null for a boolean', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { requiresGrad: null } }), 400, 'INVALID_ARGUMENT', 'requiresGrad'],
    ['string for a boolean', () => ({ method: 'PATCH', url: modelUrl(s, 'net'), headers: s.auth, payload: { training: 'false' } }), 400, 'INVALID_ARGUMENT', 'training'],
    ['string for an array', () => ({ method: 'POST', url: modelUrl(s, 'net', '/initialize'), headers: s.auth, payload: { moduleTypes: 'Linear', weight: { name: 'zeros' } } }), 400, 'INVALID_ARGUMENT', 'moduleTypes'],
    ['number for an index string', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { index: 0, op: 'set', value: 1 } }), 400, 'INVALID_ARGUMENT', 'index'],
    ['unknown op', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { op: 'pow', value: 2 } }), 400, 'INVALID_ARGUMENT', 'op'],
    ['bad query value', () => ({ method: 'GET', url: modelUrl(s, 'net', '/state_dict?format=xml'), headers: s.auth }), 400, 'INVALID_ARGUMENT', 'format'],
    ['text/plain body', () => ({ method: 'POST', url: modelUrl(s), headers: { ...s.auth, 'content-type': 'text/plain' }, payload: 'net' }), 400, 'UNSUPPORTED_MEDIA_TYPE', undefined],
    ['XML body', () => ({ method: 'POST', url: modelUrl(s), headers: { ...s.auth, 'content-type': 'application/xml' }, payload: '<net/>' }), 400, 'UNSUPPORTED_MEDIA_TYPE', undefined],
    [
      'octet-stream where only JSON is taken',
      () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: { ...s.auth, 'content-type': 'application/octet-stream' }, payload: Buffer.from([1, 2, 3]) }),
      400,
      'UNSUPPORTED_MEDIA_TYPE',
      undefined,
    ],
    ['unknown route', () => ({ method: 'GET', url: '/v2/sessions' }), 404, 'ROUTE_NOT_FOUND', undefined],
    ['unknown method on a route', () => ({ method: 'PUT', url: '/healthz' }), 404, 'ROUTE_NOT_FOUND', undefined],
    ['malformed percent-encoding in the path', () => ({ method: 'GET', url: `/v1/sessions/${s.id}/models/%E0%A4%A`, headers: s.auth }), 400, 'INVALID_URL', undefined],
    ['unknown model', () => ({ method: 'GET', url: modelUrl(s, 'nope'), headers: s.auth }), 404, 'MODEL_NOT_FOUND', undefined],
    ['name taken', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'net', architecture: { type: 'ReLU' } } }), 409, 'MODEL_EXISTS', 'name'],
    ['unknown layer type', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'x', architecture: { type: 'Sequential', layers: [{ type: 'Conv9d' }] } } }), 422, 'UNKNOWN_MODULE_TYPE', 'architecture.layers[0].type'],
    ['ill-typed keyword', () => ({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'x', architecture: { type: 'Linear', in_features: 'four', out_features: 1 } } }), 422, 'INVALID_ARCHITECTURE', 'architecture.in_features'],
    ['shape mismatch in forward', () => ({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: [[1, 2, 3]] } }), 422, 'SHAPE_MISMATCH', 'input'],
  ];

  it.each(cases)('%s → %i %s', async (_label, request, status, code, field) => {
    const r = await t.inject(request());
    expect(r.statusCode, r.body).toBe(status);
    const body = problem(r);
    expect(body.code).toBe(code);
    expect(body.type).toBe(`https://paramserve.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`);
    expect(body.title).toBe({ 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' }[status]);
    expect(body.detail.length).toBeGreaterThan(0);
    if (field !== undefined) expect(body.field).toBe(field);
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('a parameter path that does not resolve names the path', async () => {
    for (const path of ['9.weight', '0.weights', '0.block 1.0.bias', '0%2Fweight', 'a%00b']) {
      const r = await t.inject({ method: 'GET', url: modelUrl(s, 'net', `/parameters/${path}`), headers: s.auth });
      expect(r.statusCode, path).toBe(404);
      const body = problem(r);
      expect(body.code).toBe('PARAMETER_NOT_FOUND');
      expect(body.path).toBe(decodeURIComponent(path));
    }
  });

  it('after all of those the model is where it was', async () => {
    expect((await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth })).json().version).toBe(1);
  });
});

for (const store of STORES) {
  describe(`a failed request leaves the model exactly as it was (${store.name})`, () => {
    let t: TestApp;
    let s: SessionCreds;
    beforeAll(async () => {
      t = await buildTestApp({ env: await store.env() });
      s = await newSession(t);
      for (const name of ['net', 'other']) await createNet(t, s, name);
      await createNet(t, s, 'tied', TIED, 4);
      await createNet(t, s, 'nested', { type: 'Sequential', layers: [{ type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 4 }, { type: 'Linear', in_features: 4, out_features: 2 }] }] }, 2);
      // Gradients exist, so "unchanged" covers them too.
      for (const name of ['net', 'tied']) {
        const r = await t.inject({ method: 'POST', url: modelUrl(s, name, '/backward'), headers: s.auth, payload: { input: [[1, 2, 3, 4]], loss: 'sum' } });
        expect(r.statusCode).toBe(200);
      }
    });
    afterAll(async () => t?.close());

    const failures: [string, string, () => InjectOptions, number, string][] = [
      ['net', 'an index out of range', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.weight'), payload: { index: '9, 9', op: 'set', value: 1 } }), 422, 'INDEX_OUT_OF_RANGE'],
      ['net', 'an index that is not PyTorch\'s', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.weight'), payload: { index: '0, None', op: 'set', value: 1 } }), 422, 'INVALID_INDEX'],
      ['net', 'a value that does not broadcast', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.weight'), payload: { index: ':', op: 'add', value: [1, 2, 3] } }), 422, 'SHAPE_MISMATCH'],
      ['net', 'a PUT of the wrong shape', () => ({ method: 'PUT', url: modelUrl(s, 'net', '/parameters/0.weight'), payload: { data: [[1, 2, 3, 4]] } }), 422, 'SHAPE_MISMATCH'],
      ['net', 'an edit with a freeze, the edit failing', () => ({ method: 'PATCH', url: modelUrl(s, 'net', '/parameters/0.bias'), payload: { index: '99', op: 'set', value: 1, requiresGrad: false } }), 422, 'INDEX_OUT_OF_RANGE'],
      [
        'net',
        'an initializer that fails half-way through the subtree (the bias of the first Linear, after its weight)',
        () => ({ method: 'POST', url: modelUrl(s, 'net', '/initialize'), payload: { weight: { name: 'constant', val: 3 }, bias: { name: 'xavier_uniform' }, seed: 1 } }),
        422,
        'INVALID_INITIALIZER',
      ],
      [
        'nested',
        'an initializer that fits the first Linear of a subtree and not the second',
        () => ({ method: 'POST', url: modelUrl(s, 'nested', '/initialize'), payload: { module: '0', weight: { name: 'eye' }, bias: { name: 'dirac' } } }),
        422,
        'INVALID_INITIALIZER',
      ],
      [
        'net',
        'a strict state_dict load with a missing key (the keys given carry new values)',
        () => ({ method: 'PUT', url: modelUrl(s, 'net', '/state_dict'), payload: { stateDict: { '0.weight': Array(8).fill([9, 9, 9, 9]), '0.bias': Array(8).fill(9), '2.weight': [Array(8).fill(9)] }, strict: true } }),
        422,
        'STATE_DICT_MISMATCH',
      ],
      [
        'net',
        'a state_dict load with one shape mismatch among good keys',
        () => ({ method: 'PUT', url: modelUrl(s, 'net', '/state_dict'), payload: { stateDict: { '0.bias': Array(8).fill(9), '2.bias': [9, 9] }, strict: false } }),
        422,
        'STATE_DICT_MISMATCH',
      ],
      ['net', 'a tie between modules of different shapes', () => ({ method: 'POST', url: modelUrl(s, 'net', '/ties'), payload: { module: '2', to: '0' } }), 422, 'TIE_MISMATCH'],
      ['tied', 'a parameter tie of different shapes', () => ({ method: 'POST', url: modelUrl(s, 'tied', '/ties'), payload: { parameter: '6.weight', to: '0.weight' } }), 422, 'TIE_MISMATCH'],
      ['tied', 'an edit through a tied alias with a bad index', () => ({ method: 'PATCH', url: modelUrl(s, 'tied', '/parameters/4.weight'), payload: { index: '0, 8', op: 'set', value: 1 } }), 422, 'INDEX_OUT_OF_RANGE'],
      ['net', 'a backward whose target has the wrong shape', () => ({ method: 'POST', url: modelUrl(s, 'net', '/backward'), payload: { input: [[1, 2, 3, 4]], loss: 'mse', target: [[1, 2]] } }), 422, 'SHAPE_MISMATCH'],
      ['tied', 'a backward with a gradOutput of the wrong shape', () => ({ method: 'POST', url: modelUrl(s, 'tied', '/backward'), payload: { input: [[1, 2, 3, 4]], gradOutput: [[1], [2]] } }), 422, 'SHAPE_MISMATCH'],
      ['net', 'a stale If-Match', () => ({ method: 'PUT', url: modelUrl(s, 'net', '/parameters/2.bias'), headers: { 'if-match': '"99"' }, payload: { data: [5] } }), 412, 'VERSION_MISMATCH'],
    ];

    it.each(failures)('%s: %s → %i %s', async (name, _label, request, status, code) => {
      // Read first, so the live model is in this process's cache when the write fails on it.
      const before = await snapshot(t, s, name);
      const other = await snapshot(t, s, 'other');
      const req = request();
      const r = await t.inject({ ...req, headers: { ...s.auth, ...(req.headers ?? {}) } });
      expect(r.statusCode, r.body).toBe(status);
      const body = problem(r);
      expect(body.code).toBe(code);
      expect(body.field ?? body.path, 'names what is wrong').toBeDefined();
      expect(await snapshot(t, s, name)).toEqual(before);
      expect(await snapshot(t, s, 'other')).toEqual(other);
      // What the store holds agrees with what is served.
      const stored = await t.store.getModel(s.id, name);
      expect(stored?.version).toBe((before as { model: { version: number } }).model.version);
    });
  });
}

describe('a 5xx hides internals and is logged with its stack', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('closing the store under a running service gives 500 INTERNAL with only a request id', async () => {
    t = await buildTestApp({ captureLogs: true });
    const s = await newSession(t);
    await createNet(t, s);
    await t.store.close();
    for (const request of [
      { method: 'GET' as const, url: `/v1/sessions/${s.id}`, headers: s.auth },
      { method: 'POST' as const, url: '/v1/sessions' },
      { method: 'PATCH' as const, url: modelUrl(s, 'net', '/parameters/0.bias'), headers: s.auth, payload: { op: 'add', value: 1 } },
    ]) {
      const r = await t.inject(request);
      expect(r.statusCode).toBe(500);
      const body = problem(r);
      expect(body).toEqual({
        type: 'https://paramserve.dev/problems/internal',
        title: 'Internal Server Error',
        status: 500,
        detail: `internal error; quote request id ${r.headers['x-request-id']} when reporting it`,
        code: 'INTERNAL',
      });
      expect(r.body).not.toMatch(/sqlite|database|TypeError|\bat \S+:\d+|node_modules|\.ts\b/i);
      const logged = t.logs.find((l) => l.reqId === r.headers['x-request-id'] && l.level === 50);
      expect(logged, 'an error log line with this request id').toBeDefined();
      const err = logged!.err as { stack: string; message: string };
      expect(err.message).toMatch(/database/i);
      expect(err.stack).toMatch(/\n\s+at /);
    }
    // The process still answers.
    expect((await t.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
